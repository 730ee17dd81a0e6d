import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { db, writeTx } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import { auditLog, webhookDeliveries, webhookEndpoints, webhookEvents } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  createEndpoint,
  deleteEndpoint,
  listDeliveries,
  listEndpoints,
  replayDelivery,
  rotateEndpointSecret,
  setEndpointEnabled,
} from "./endpoints.server";
import { emitEvent } from "./events.server";
import { startReceiver, verifyAsReceiver } from "./testing.server";
import { webhookUrlProblem } from "./url-policy.server";
import { createDispatcher, webhookBackoffMs } from "./worker.server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
  delete process.env.WEBHOOK_TIMEOUT_MS;
  delete process.env.WEBHOOK_FAILING_AFTER;
  delete process.env.NODE_ENV_OVERRIDE;
  resetEnv();
});

async function receiver(respond?: Parameters<typeof startReceiver>[0]) {
  const r = await startReceiver(respond);
  closers.push(r.close);
  return r;
}

function emitMany(orgId: string, n: number, type = "finding.raised" as const) {
  const ids: string[] = [];
  writeTx((tx) => {
    for (let i = 0; i < n; i++) ids.push(emitEvent(tx, orgId, type, { n: i })!);
  });
  return ids;
}

describe("webhook subscriptions", () => {
  it("creates an endpoint with a secret shown once and sealed at rest, audited", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const { endpointId, secret } = createEndpoint(ctx, {
      url: "https://erp.example.com/hooks",
      eventTypes: ["finding.raised", "statement.approved"],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const row = db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId)).get()!;
    expect(row.secretSealed).not.toContain(secret.slice(6));
    expect(row.secretSealed).toMatch(/^v1:/);
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, endpointId)))
      .all();
    expect(audit.map((a) => a.action)).toEqual(["webhook.endpoint_created"]);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect(listEndpoints(ctx)[0]).toMatchObject({ url: "https://erp.example.com/hooks", enabled: true });
    expect(JSON.stringify(listEndpoints(ctx))).not.toContain("whsec_");
  });

  it("refuses bad input with field errors", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    expect(() => createEndpoint(ctx, { url: "not a url", eventTypes: [] })).toThrow(
      expect.objectContaining({
        fieldErrors: expect.objectContaining({
          url: expect.any(String),
          eventTypes: "Choose at least one event.",
        }),
      }),
    );
    expect(() =>
      createEndpoint(ctx, { url: "ftp://x.example.com", eventTypes: ["nope" as "finding.raised"] }),
    ).toThrow(
      expect.objectContaining({
        fieldErrors: expect.objectContaining({ eventTypes: "Choose events from the list." }),
      }),
    );
  });

  it("refuses internal and plain-http addresses under the production policy", () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    process.env.WEBHOOK_ALLOW_HTTP = "false";
    resetEnv();
    try {
      for (const url of [
        "https://127.0.0.1/x",
        "https://10.1.2.3/x",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/x",
        "https://[::ffff:127.0.0.1]/x",
        "https://localhost/x",
        "https://intranet/x",
        "https://192.168.1.10/x",
      ])
        expect(webhookUrlProblem(url), url).toMatch(/private network/);
      expect(webhookUrlProblem("http://erp.example.com/x")).toBe("Use an https:// address.");
      expect(webhookUrlProblem("https://user:pw@erp.example.com/x")).toMatch(/passwords/);
      expect(webhookUrlProblem("https://erp.example.com/x")).toBeNull();
      expect(webhookUrlProblem("https://93.184.215.14/x")).toBeNull();
    } finally {
      delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
      delete process.env.WEBHOOK_ALLOW_HTTP;
      resetEnv();
    }
  });

  it("refuses at connect time a name that resolves to an internal address", async () => {
    process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "false";
    resetEnv();
    try {
      const { sendWebhook } = await import("./send.server");
      const r = await sendWebhook({ url: "http://localhost:9/x", headers: {}, body: "{}", timeoutMs: 2000 });
      expect(r.status).toBeNull();
      expect(r.error).toMatch(/internal address/);
    } finally {
      delete process.env.WEBHOOK_ALLOW_PRIVATE_URLS;
      resetEnv();
    }
  });

  it("writes events in the caller's transaction, only for enabled endpoints subscribed to the type", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const a = createEndpoint(ctx, { url: "https://a.example.com/h", eventTypes: ["finding.raised"] });
    const b = createEndpoint(ctx, { url: "https://b.example.com/h", eventTypes: ["statement.approved"] });
    const c = createEndpoint(ctx, { url: "https://c.example.com/h", eventTypes: ["finding.raised"] });
    setEndpointEnabled(ctx, c.endpointId, false);
    const other = await createOrg();
    createEndpoint(other.members.admin.ctx, {
      url: "https://o.example.com/h",
      eventTypes: ["finding.raised"],
    });

    // A rolled-back change leaves no event.
    expect(() =>
      writeTx((tx) => {
        emitEvent(tx, org.id, "finding.raised", { x: 1 });
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(
      db().select().from(webhookEvents).where(eq(webhookEvents.organizationId, org.id)).all(),
    ).toHaveLength(0);

    // A real verb: adding a finding emits finding.raised in its own transaction.
    const supplierId = insertSupplier(org.id, { name: "Hook Mill" }).id;
    const audit = createAudit(org.members.auditor.ctx, {
      supplierId,
      scheme: "SMETA",
      auditDate: "2025-01-10",
    });
    const finding = addFinding(org.members.auditor.ctx, {
      auditId: audit.id,
      title: "Passports held by the employer",
      grade: "critical",
    });
    const deliveries = db()
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.organizationId, org.id))
      .all();
    expect(deliveries.map((d) => d.endpointId)).toEqual([a.endpointId]);
    const event = db().select().from(webhookEvents).where(eq(webhookEvents.id, deliveries[0].eventId)).get()!;
    expect(event.type).toBe("finding.raised");
    expect(JSON.parse(event.payload)).toMatchObject({
      type: "finding.raised",
      data: { findingId: finding.finding.id, supplierId, grade: "critical" },
    });
    void b;
  });
});

describe("webhook delivery", () => {
  it("signs deliveries the Standard Webhooks way; a receiver verifies them with the library", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const rx = await receiver();
    const { endpointId, secret } = createEndpoint(ctx, { url: rx.url, eventTypes: ["finding.raised"] });
    const ids = emitMany(org.id, 5);
    const report = await createDispatcher().drain();
    expect(report.delivered).toBe(5);
    expect(rx.received.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const r of rx.received) {
      expect(verifyAsReceiver(secret, r)).toMatchObject({ type: "finding.raised" });
      expect(r.headers["content-type"]).toBe("application/json");
      // A tampered body or another secret does not verify.
      expect(() => verifyAsReceiver(secret, { ...r, body: r.body.replace("finding", "fanding") })).toThrow();
      expect(() => verifyAsReceiver("whsec_" + Buffer.alloc(24, 1).toString("base64"), r)).toThrow();
    }
    const log = listDeliveries(ctx, endpointId);
    expect(
      log.rows.every((d) => d.status === "delivered" && d.lastStatusCode === 200 && d.attempts === 1),
    ).toBe(true);
    // Nothing is sent twice: another pass finds nothing to do.
    expect((await createDispatcher().drain()).delivered).toBe(0);
    expect(rx.received).toHaveLength(5);
  });

  it("rotates the secret with an overlap: both signatures during it, only the new one after", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const rx = await receiver();
    const { endpointId, secret: oldSecret } = createEndpoint(ctx, {
      url: rx.url,
      eventTypes: ["finding.raised"],
    });
    const t0 = new Date();
    const { secret: newSecret, previousValidUntil } = rotateEndpointSecret(
      { ...ctx, now: () => t0 },
      { endpointId, overlapHours: 24 },
    );
    expect(new Date(previousValidUntil!).getTime()).toBe(t0.getTime() + 24 * 3_600_000);
    emitMany(org.id, 1);
    await createDispatcher().drain();
    const during = rx.received[0];
    expect(during.signature.split(" ")).toHaveLength(2);
    expect(verifyAsReceiver(oldSecret, during)).toBeTruthy();
    expect(verifyAsReceiver(newSecret, during)).toBeTruthy();

    // After the overlap only the new secret signs (clock moved past it).
    emitMany(org.id, 1);
    const later = new Date(t0.getTime() + 25 * 3_600_000);
    // The receiver checks timestamps against its own clock: verify the signature with the library at that time.
    await createDispatcher({ now: () => later }).drain();
    const after = rx.received[1];
    expect(after.signature.split(" ")).toHaveLength(1);
    const { Webhook } = await import("standardwebhooks");
    const sign = (s: string) =>
      new Webhook(s).sign(after.id, new Date(Number(after.timestamp) * 1000), after.body);
    expect(after.signature).toBe(sign(newSecret));
    expect(after.signature).not.toBe(sign(oldSecret));
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, endpointId))
      .all()
      .map((a) => a.action);
    expect(actions).toContain("webhook.secret_rotated");
  });

  it("retries a 5xx or a timeout with backoff, marks the endpoint failing, and never blocks the others", async () => {
    process.env.WEBHOOK_TIMEOUT_MS = "2000";
    process.env.WEBHOOK_FAILING_AFTER = "3";
    resetEnv();
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const good = await receiver();
    const broken = await receiver(() => 503);
    const silent = await receiver(() => "hang");
    const g = createEndpoint(ctx, { url: good.url, eventTypes: ["finding.raised"] });
    const b = createEndpoint(ctx, { url: broken.url, eventTypes: ["finding.raised"] });
    const s = createEndpoint(ctx, { url: silent.url, eventTypes: ["finding.raised"] });
    emitMany(org.id, 40);

    let clock = Date.now();
    const now = () => new Date(clock);
    const d = createDispatcher({ now });
    d.tick();
    // The good endpoint is served completely while the silent one's first requests are still hanging.
    await expect.poll(() => good.received.length, { timeout: 10_000, interval: 10 }).toBe(40);
    const silentAttempts = db()
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, s.endpointId), isNotNull(webhookDeliveries.lastAttemptAt)))
      .all();
    expect(silentAttempts).toHaveLength(0);
    expect(silent.received.length).toBeGreaterThan(0);
    await d.drain();

    const byEndpoint = (id: string) =>
      db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, id)).all();
    expect(byEndpoint(g.endpointId).map((x) => [x.status, x.lastError])).toEqual(
      Array.from({ length: 40 }, () => ["delivered", null]),
    );
    for (const ep of [b, s]) {
      const row = db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, ep.endpointId)).get()!;
      expect(row.health).toBe("failing");
      const rows = byEndpoint(ep.endpointId);
      expect(rows.every((x) => x.status === "pending")).toBe(true);
      // Failing endpoints are probed one delivery at a time: not 40 requests, and the queue waits.
      // (at most the failure threshold plus the requests already in flight when it was reached).
      expect(rows.filter((x) => x.attempts > 0).length).toBeLessThanOrEqual(3 + 8);
      expect(rows.every((x) => x.nextAttemptAt.getTime() > clock)).toBe(true);
    }
    expect(byEndpoint(b.endpointId).find((x) => x.attempts > 0)?.lastError).toMatch(/HTTP 503/);
    expect(byEndpoint(s.endpointId).find((x) => x.attempts > 0)?.lastError).toMatch(/timed out/);
    const failingAudit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "webhook.endpoint_failing")))
      .all();
    expect(failingAudit).toHaveLength(2);

    // The broken receiver recovers: the next attempts (after the backoff) deliver everything once.
    const brokenCalls = broken.received.length;
    const fixed = await receiver();
    writeTx((tx) =>
      tx.update(webhookEndpoints).set({ url: fixed.url }).where(eq(webhookEndpoints.id, b.endpointId)).run(),
    );
    clock += 11 * 3_600_000;
    await createDispatcher({ now }).drain();
    expect(fixed.received).toHaveLength(40);
    expect(new Set(fixed.received.map((r) => r.id)).size).toBe(40);
    expect(broken.received.length).toBe(brokenCalls);
    expect(
      db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, b.endpointId)).get()!.health,
    ).toBe("active");
  });

  it("gives up after the maximum attempts; a replay sends the same event again", async () => {
    process.env.WEBHOOK_MAX_ATTEMPTS = "2";
    resetEnv();
    try {
      const org = await createOrg();
      const ctx = org.members.admin.ctx;
      let fail = true;
      const rx = await receiver(() => (fail ? 500 : 200));
      const { endpointId, secret } = createEndpoint(ctx, { url: rx.url, eventTypes: ["finding.raised"] });
      const [eventId] = emitMany(org.id, 1);
      let clock = Date.now();
      await createDispatcher({ now: () => new Date(clock) }).drain();
      clock += 3_600_000;
      await createDispatcher({ now: () => new Date(clock) }).drain();
      const [failed] = listDeliveries(ctx, endpointId).rows;
      expect(failed).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 500 });
      fail = false;
      replayDelivery(ctx, endpointId, { deliveryId: failed.id });
      await createDispatcher().drain();
      const last = rx.received.at(-1)!;
      expect(last.id).toBe(eventId);
      expect(verifyAsReceiver(secret, last)).toBeTruthy();
      const rows = listDeliveries(ctx, endpointId).rows;
      expect(rows.map((r) => [r.replay, r.status])).toEqual([
        [1, "delivered"],
        [0, "failed"],
      ]);
    } finally {
      delete process.env.WEBHOOK_MAX_ATTEMPTS;
      resetEnv();
    }
  });

  it("keeps another tenant's endpoints and deliveries out of reach (404)", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const { endpointId } = createEndpoint(a.members.admin.ctx, {
      url: "https://a.example.com/h",
      eventTypes: ["finding.raised"],
    });
    const bctx = b.members.admin.ctx;
    expect(() => listDeliveries(bctx, endpointId)).toThrow("not found");
    expect(() => setEndpointEnabled(bctx, endpointId, false)).toThrow("not found");
    expect(() => rotateEndpointSecret(bctx, { endpointId, overlapHours: 0 })).toThrow("not found");
    expect(() => deleteEndpoint(bctx, endpointId)).toThrow("not found");
    expect(listEndpoints(bctx)).toEqual([]);
  });

  it("never claims one delivery twice when two workers run at once", async () => {
    const org = await createOrg();
    const rx = await receiver();
    createEndpoint(org.members.admin.ctx, { url: rx.url, eventTypes: ["finding.raised"] });
    emitMany(org.id, 200);
    const [r1, r2] = await Promise.all([createDispatcher().drain(), createDispatcher().drain()]);
    expect(r1.delivered + r2.delivered).toBe(200);
    expect(rx.received).toHaveLength(200);
    expect(new Set(rx.received.map((r) => r.id)).size).toBe(200);
  });

  it("delivers every event once across a worker killed mid-run (SIGKILL) and a restart", async () => {
    const org = await createOrg();
    const TOTAL = 120;
    const ACK_BEFORE_KILL = 40;
    let acked = 0;
    // Acknowledge the first 40, then hold every request open (never answered) until the worker dies.
    const rx = await receiver((_r) => {
      if (acked >= ACK_BEFORE_KILL) return "hang";
      acked++;
      return 200;
    });
    const { endpointId, secret } = createEndpoint(org.members.admin.ctx, {
      url: rx.url,
      eventTypes: ["finding.raised"],
    });
    emitMany(org.id, TOTAL);
    const delivered = () =>
      db()
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "delivered")))
        .all().length;

    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(__dirname, "../../test/fixtures/webhook-worker.ts")],
      { env: { ...process.env, NODE_ENV: "test" }, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    // Kill only once the worker has recorded every acknowledged delivery, while others are in flight.
    await expect.poll(() => delivered(), { timeout: 15_000, interval: 25 }).toBe(ACK_BEFORE_KILL);
    await expect
      .poll(() => rx.received.length, { timeout: 5000, interval: 10 })
      .toBeGreaterThan(ACK_BEFORE_KILL);
    child.kill("SIGKILL");
    await exited;
    expect(child.signalCode).toBe("SIGKILL");
    const inFlight = db()
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "delivering")))
      .all();
    expect(inFlight.length).toBeGreaterThan(0);

    // Restart: a new worker, after the dead worker's leases expired. The receiver answers again.
    acked = -Infinity;
    const afterLease = new Date(Date.now() + 10 * 60_000);
    await createDispatcher({ now: () => afterLease }).drain();
    expect(delivered()).toBe(TOTAL);

    const okIds = rx.received.filter((r) => r.status === 200).map((r) => r.id);
    // Every event acknowledged exactly once: none acknowledged before the kill was sent again.
    expect(okIds).toHaveLength(TOTAL);
    expect(new Set(okIds).size).toBe(TOTAL);
    // The only repeats are the requests the dead worker never got an answer to, under the same webhook-id.
    const unanswered = rx.received.filter((r) => r.status === 0).map((r) => r.id);
    const claimedByDeadWorker = new Set(inFlight.map((d) => d.eventId));
    expect(unanswered.length).toBeGreaterThan(0);
    for (const id of unanswered) expect(claimedByDeadWorker.has(id)).toBe(true);
    // Signatures verify (those sent after the restart carry the restarted worker's future clock, so they
    // are compared with the library's signature for that timestamp instead of today's replay window).
    const { Webhook } = await import("standardwebhooks");
    for (const r of rx.received.filter((x) => x.status === 200)) {
      if (Number(r.timestamp) * 1000 < Date.now() + 60_000) expect(verifyAsReceiver(secret, r)).toBeTruthy();
      else
        expect(r.signature).toBe(
          new Webhook(secret).sign(r.id, new Date(Number(r.timestamp) * 1000), r.body),
        );
    }
  });
});

describe("backoff", () => {
  it("grows by four with equal jitter, capped at ten hours", () => {
    expect(webhookBackoffMs(1, () => 0)).toBe(5_000);
    expect(webhookBackoffMs(1, () => 1)).toBe(10_000);
    expect(webhookBackoffMs(2, () => 1)).toBe(40_000);
    expect(webhookBackoffMs(3, () => 0.5)).toBe(120_000);
    expect(webhookBackoffMs(20, () => 1)).toBe(36_000_000);
  });
});
