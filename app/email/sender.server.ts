import { and, asc, eq, gt, isNull, lt, lte, or } from "drizzle-orm";
import nodemailer from "nodemailer";
import { db, type DB } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { emailOutbox } from "~db/schema";

/** What the sender needs from a nodemailer transport (tests pass failing fakes). */
export type MailTransport = {
  sendMail(message: {
    from: string;
    to: { name: string; address: string } | string;
    subject: string;
    html: string;
    text: string;
    messageId?: string;
    headers?: Record<string, string>;
  }): Promise<{ messageId?: string }>;
};

export const MAX_ATTEMPTS = 8;
/** Longer than the transport's own timeouts below, so a lease never lapses while a send is in flight. */
export const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/** Exponential backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export type DeliveryReport = { sent: number; retried: number; failed: number };

/**
 * Deliver due outbox rows. Each row is claimed with a lease by a conditional UPDATE whose `changes` decide
 * the owner, so two processes (or two overlapping ticks) never send the same row. A row whose sender died
 * mid-send becomes claimable again once its lease expires; the stable Message-ID lets the receiving side
 * recognise that rare duplicate.
 */
export async function deliverPending(opts: {
  transport: MailTransport;
  now?: () => Date;
  from?: string;
  database?: DB;
  limit?: number;
}): Promise<DeliveryReport> {
  const database = opts.database ?? db();
  const now = opts.now ?? (() => new Date());
  const from = opts.from ?? env().MAIL_FROM;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const started = now();

  const candidates = database
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, started)),
        and(eq(emailOutbox.status, "sending"), lt(emailOutbox.lockedUntil, started)),
      ),
    )
    .orderBy(asc(emailOutbox.nextAttemptAt))
    .limit(opts.limit ?? BATCH)
    .all();

  for (const { id } of candidates) {
    const claimAt = now();
    const claimed = database
      .update(emailOutbox)
      .set({ status: "sending", lockedUntil: new Date(claimAt.getTime() + LEASE_MS) })
      .where(
        and(
          eq(emailOutbox.id, id),
          or(
            and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, claimAt)),
            and(eq(emailOutbox.status, "sending"), lt(emailOutbox.lockedUntil, claimAt)),
          ),
        ),
      )
      .run().changes;
    if (claimed !== 1) continue; // another sender owns it

    const row = database.select().from(emailOutbox).where(eq(emailOutbox.id, id)).get();
    if (!row) continue;
    try {
      const info = await opts.transport.sendMail({
        from,
        to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
        subject: row.subject,
        html: row.html,
        text: row.text,
        messageId: `<${row.id}@clearsource.outbox>`,
      });
      database
        .update(emailOutbox)
        .set({
          status: "sent",
          sentAt: now(),
          messageId: info.messageId ?? `<${row.id}@clearsource.outbox>`,
          lockedUntil: null,
          lastError: null,
          attempts: row.attempts + 1,
        })
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")))
        .run();
      report.sent++;
    } catch (err) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      const at = now();
      database
        .update(emailOutbox)
        .set({
          status: failed ? "failed" : "pending",
          attempts,
          nextAttemptAt: failed ? row.nextAttemptAt : new Date(at.getTime() + backoffMs(attempts)),
          lockedUntil: null,
          lastError: String(err instanceof Error ? err.message : err).slice(0, 1000),
        })
        .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending")))
        .run();
      if (failed) report.failed++;
      else report.retried++;
    }
  }
  return report;
}

export function createSmtpTransport(url: string): MailTransport & { close(): void } {
  // URL settings win; the explicit timeouts (nodemailer's socket default is 10 minutes) keep each send
  // well inside the lease.
  return nodemailer.createTransport({
    url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as Parameters<typeof nodemailer.createTransport>[0]) as unknown as MailTransport & { close(): void };
}

/**
 * Without SMTP, mail that belongs to no organisation (sign-up confirmation, password reset) cannot be
 * read in the dev mailbox, which only shows an admin their own organisation's mail. The person running
 * the server reads those links in its log instead; nothing else of the message is printed.
 */
export function logUnsentPersonalMail(opts: {
  log: (line: string) => void;
  since: Date;
  database?: DB;
}): Date {
  const database = opts.database ?? db();
  const rows = database
    .select({
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      text: emailOutbox.text,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(and(isNull(emailOutbox.organizationId), gt(emailOutbox.createdAt, opts.since)))
    .orderBy(asc(emailOutbox.createdAt))
    .limit(50)
    .all();
  let last = opts.since;
  for (const row of rows) {
    const link = row.text.match(/https?:\/\/\S+/)?.[0] ?? "(no link)";
    opts.log(`Mail not sent (SMTP_URL unset) to ${row.toAddress}: "${row.subject}" ${link}`);
    last = row.createdAt;
  }
  return last;
}

/**
 * Background delivery, started at boot. Without SMTP_URL nothing is sent: mail stays pending in the
 * outbox, admins read their organisation's mail at /dev/mailbox, and personal mail (no organisation)
 * has its link printed to the log. Returns a stop function that waits for an in-flight tick.
 */
export function startOutboxSender(opts: {
  log: (line: string) => void;
  intervalMs?: number;
  transport?: MailTransport;
}): (() => Promise<void>) | undefined {
  const url = env().SMTP_URL;
  if (!url && !opts.transport) {
    opts.log(
      env().devMailbox
        ? `SMTP_URL not set: emails stay in the outbox. Admins read their own organisation's mail at ${env().publicOrigin}/dev/mailbox (after logging in); sign-up and password-reset links are printed here.`
        : "SMTP_URL not set: emails stay in the outbox; sign-up and password-reset links are printed here.",
    );
    // Start a moment before now so mail queued during boot (the demo seed) is printed too.
    let since = new Date(Date.now() - 1000);
    const timer = setInterval(() => {
      try {
        since = logUnsentPersonalMail({ log: opts.log, since });
      } catch (err) {
        opts.log(`Outbox log error: ${err instanceof Error ? err.message : String(err)}`);
      }
    }, opts.intervalMs ?? 1000);
    timer.unref?.();
    return async () => clearInterval(timer);
  }
  const transport = opts.transport ?? createSmtpTransport(url!);
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  const tick = () => {
    if (stopped || inFlight) return;
    inFlight = deliverPending({ transport })
      .then((r) => {
        if (r.sent || r.retried || r.failed)
          opts.log(`Outbox: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed permanently.`);
      })
      .catch((err) => opts.log(`Outbox sender error: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        inFlight = null;
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 2000);
  timer.unref?.();
  tick();
  opts.log("Outbox sender started (SMTP).");
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (inFlight) await inFlight;
    (transport as { close?: () => void }).close?.();
  };
}
