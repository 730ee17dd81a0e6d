import type { AddressInfo } from "node:net";
import { eq, inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, openDatabase, writeTx } from "~/infra/db.server";
import { env, resetEnv } from "~/infra/env.server";
import { emailOutbox } from "~db/schema";
import { enqueueEmail } from "./outbox.server";
import {
  backoffMs,
  deliverPending,
  MAX_ATTEMPTS,
  startOutboxSender,
  type MailTransport,
} from "./sender.server";

type Received = { from: string; to: string[]; raw: string };
const received: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function smtpTransport() {
  return nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
}

function queue(subject: string, to = "someone@example.test", now = new Date()): string {
  return writeTx((tx) =>
    enqueueEmail(
      tx,
      {
        organizationId: null,
        template: "test",
        to,
        toName: "Some One",
        subject,
        html: `<p>${subject}</p>`,
        text: subject,
      },
      now,
    ),
  );
}

const row = (id: string) => db().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
const arrivals = (subject: string) =>
  received.filter((m) => m.raw.includes(`\r\nSubject: ${subject}\r\n`)).length;

describe("deliverPending over SMTP", () => {
  it("delivers a queued email once and records the message id", async () => {
    const id = queue("Hello once");
    const transport = smtpTransport();
    const report = await deliverPending({ transport });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    expect(arrivals("Hello once")).toBe(1);
    const m = received.find((r) => r.raw.includes("Subject: Hello once"))!;
    expect(m.to).toEqual(["someone@example.test"]);
    expect(m.raw).toContain("Content-Type: text/plain");
    expect(m.raw).toContain("Content-Type: text/html");
    const sent = row(id);
    expect(sent.status).toBe("sent");
    expect(sent.messageId).toContain(id);
    expect(sent.sentAt).toBeInstanceOf(Date);

    // Nothing is sent a second time.
    await deliverPending({ transport });
    expect(arrivals("Hello once")).toBe(1);
    transport.close();
  });

  it("two concurrent senders (two connections, as two processes) send each email exactly once", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => queue(`Concurrent ${i}`));
    const other = openDatabase(env().DATABASE_PATH, "NORMAL");
    const t1 = smtpTransport();
    const t2 = smtpTransport();
    const [a, b, c] = await Promise.all([
      deliverPending({ transport: t1 }),
      deliverPending({ transport: t2, database: other }),
      deliverPending({ transport: t1 }),
    ]);
    expect(a.sent + b.sent + c.sent).toBe(12);
    for (let i = 0; i < 12; i++) expect(arrivals(`Concurrent ${i}`)).toBe(1);
    const rows = db().select().from(emailOutbox).where(inArray(emailOutbox.id, ids)).all();
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    other.$client.close();
    t1.close();
    t2.close();
  });

  it("reclaims a row whose sender died mid-send once its lease has expired, not before", async () => {
    const id = queue("Stale lease");
    const now = new Date();
    db()
      .update(emailOutbox)
      .set({ status: "sending", lockedUntil: new Date(now.getTime() + 60_000) })
      .where(eq(emailOutbox.id, id))
      .run();
    const transport = smtpTransport();
    await deliverPending({ transport, now: () => now });
    expect(arrivals("Stale lease")).toBe(0);
    await deliverPending({ transport, now: () => new Date(now.getTime() + 61_000) });
    expect(arrivals("Stale lease")).toBe(1);
    expect(row(id).status).toBe("sent");
    transport.close();
  });
});

describe("retries", () => {
  it("retries a failing transport with growing backoff and gives up after the maximum attempts", async () => {
    let t = new Date("2030-01-01T00:00:00Z").getTime();
    const id = queue("Flaky", "flaky@example.test", new Date(t));
    let calls = 0;
    const failing: MailTransport = {
      sendMail: async () => {
        calls++;
        throw new Error("421 Service not available");
      },
    };
    const only = { transport: failing, now: () => new Date(t) };

    await deliverPending(only);
    expect(calls).toBe(1);
    let r = row(id);
    expect(r).toMatchObject({ status: "pending", attempts: 1, lastError: "421 Service not available" });
    expect(r.nextAttemptAt.getTime()).toBe(t + backoffMs(1));

    // Not due yet: no attempt.
    await deliverPending(only);
    expect(calls).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      t = row(id).nextAttemptAt.getTime();
      await deliverPending(only);
      expect(calls).toBe(attempt);
      r = row(id);
      expect(r.attempts).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) expect(r.nextAttemptAt.getTime() - t).toBe(backoffMs(attempt));
    }
    expect(r.status).toBe("failed");
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));

    // A failed row is never picked up again, even by a working transport.
    const transport = smtpTransport();
    await deliverPending({ transport, now: () => new Date(t + 10 * 3_600_000) });
    expect(arrivals("Flaky")).toBe(0);
    transport.close();
  });

  it("a retried email is delivered once the transport recovers", async () => {
    const t0 = new Date("2031-01-01T00:00:00Z").getTime();
    const id = queue("Recovers", "r@example.test", new Date(t0));
    let fail = true;
    const real = smtpTransport();
    const sometimes: MailTransport = {
      sendMail: async (m) => {
        if (fail) throw new Error("connection refused");
        return real.sendMail(m);
      },
    };
    await deliverPending({ transport: sometimes, now: () => new Date(t0) });
    expect(row(id).status).toBe("pending");
    fail = false;
    await deliverPending({ transport: sometimes, now: () => new Date(t0 + backoffMs(1)) });
    expect(row(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(arrivals("Recovers")).toBe(1);
    real.close();
  });
});

describe("startOutboxSender", () => {
  it("without SMTP leaves mail pending in the outbox for the dev mailbox", async () => {
    const lines: string[] = [];
    const id = queue("Stays in outbox");
    expect(env().SMTP_URL).toBeUndefined();
    const stop = startOutboxSender({ log: (l) => lines.push(l) });
    expect(lines.join("\n")).toMatch(/SMTP_URL not set/);
    expect(lines.join("\n")).toMatch(
      /Admins read their own organisation's mail at http:\/\/localhost:3000\/dev\/mailbox/,
    );
    expect(row(id).status).toBe("pending");
    await stop?.();
  });

  it("with SMTP_URL set, polls and delivers through nodemailer, and stops cleanly", async () => {
    const id = queue("Polled");
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnv();
    try {
      const lines: string[] = [];
      const stop = startOutboxSender({ log: (l) => lines.push(l), intervalMs: 20 });
      expect(stop).toBeTypeOf("function");
      for (let i = 0; i < 100 && row(id).status !== "sent"; i++) await new Promise((r) => setTimeout(r, 20));
      await stop!();
      expect(row(id).status).toBe("sent");
      expect(arrivals("Polled")).toBe(1);
      expect(lines.join("\n")).toMatch(/sent/);
    } finally {
      delete process.env.SMTP_URL;
      resetEnv();
    }
  });
});
