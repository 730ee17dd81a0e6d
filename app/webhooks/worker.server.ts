import { and, asc, eq, exists, inArray, lt, lte, or, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { systemCtx } from "~/infra/context";
import { db, writeTx, type DB } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { newWorkerId } from "~/scheduler/scheduler.server";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "~db/schema";
import { onWebhookEvent } from "./events.server";
import { openWebhookSecret } from "./secrets.server";
import { sendWebhook, type SendResult, type Sender } from "./send.server";
import { signedHeaders } from "./signing.server";

/**
 * Retry delay after the n-th failed attempt: 10 s × 4^(n−1) (10 s, 40 s, 2.7 min, 11 min, 43 min, 2.8 h,
 * then 10 h at most), with "equal jitter" (half fixed, half random) so that many deliveries that failed
 * together do not all come back in the same second.
 */
export function webhookBackoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(10_000 * 4 ** Math.max(0, attempts - 1), 10 * 3_600_000);
  return Math.round(base / 2 + random() * (base / 2));
}

export type DispatchReport = { delivered: number; retried: number; failed: number; lost: number };

export type DispatcherOptions = {
  database?: DB;
  now?: () => Date;
  workerId?: string;
  send?: Sender;
  /** Requests in flight per endpoint (a failing endpoint gets one). */
  concurrency?: number;
  log?: (line: string) => void;
};

const due = (at: Date) =>
  or(
    and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, at)),
    and(eq(webhookDeliveries.status, "delivering"), lt(webhookDeliveries.lockedUntil, at)),
  );

/** How long answers wait to share one commit (a commit per answer would cost more than the request). */
const FLUSH_MS = 10;

type Claimed = { id: string; eventId: string; attempts: number; replay: number };
type Endpoint = typeof webhookEndpoints.$inferSelect;
type Outcome = { delivery: Claimed; result: SendResult; at: Date };

/**
 * The delivery worker. Each endpoint is a lane of its own: a lane claims a handful of its endpoint's due
 * deliveries (a conditional UPDATE under the write lock: status pending and due, or delivering with an
 * expired lease, so two workers never hold the same delivery), sends them with a few requests in flight,
 * and records each answer as soon as it arrives (answers that arrive within 10 ms share a transaction). A slow or dead receiver only ever occupies its own lane: other endpoints'
 * deliveries go on (the Bad-input line of issue #14). A delivery recorded as delivered is never claimed
 * again; a worker killed mid-request leaves a lease that expires, and that delivery (never acknowledged
 * as far as the database knows) is tried again under the same webhook-id, which receivers use to
 * deduplicate (D39).
 */
export function createDispatcher(opts: DispatcherOptions = {}) {
  const database = opts.database ?? db();
  const now = opts.now ?? (() => new Date());
  const workerId = opts.workerId ?? newWorkerId();
  const send = opts.send ?? sendWebhook;
  const concurrency = opts.concurrency ?? 8;
  const cfg = env();
  const leaseMs = cfg.WEBHOOK_TIMEOUT_MS * 4 + 30_000;
  const report: DispatchReport = { delivered: 0, retried: 0, failed: 0, lost: 0 };
  const lanes = new Map<string, Promise<void>>();
  let tickQueued = false;
  /** Many events in a row (one per commit) wake the worker once, on the next turn of the event loop. */
  const kick = () => {
    if (tickQueued || stopped) return;
    tickQueued = true;
    setImmediate(tick);
  };
  let stopped = false;

  /** Enabled endpoints with a delivery due now (one indexed probe per endpoint). */
  const endpointsWithWork = (): string[] => {
    const at = now();
    return database
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(
        and(
          eq(webhookEndpoints.enabled, true),
          exists(
            database
              .select({ one: sql`1` })
              .from(webhookDeliveries)
              .where(and(eq(webhookDeliveries.endpointId, webhookEndpoints.id), due(at))),
          ),
        ),
      )
      .all()
      .map((r) => r.id);
  };

  const claim = (endpointId: string, limit: number): Claimed[] => {
    const at = now();
    return writeTx((tx) => {
      const ids = tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, endpointId), due(at)))
        .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.createdAt))
        .limit(limit)
        .all()
        .map((r) => r.id);
      if (ids.length === 0) return [];
      return tx
        .update(webhookDeliveries)
        .set({
          status: "delivering",
          lockedUntil: new Date(at.getTime() + leaseMs),
          lockedBy: workerId,
          attempts: sql`${webhookDeliveries.attempts} + 1`,
        })
        .where(and(inArray(webhookDeliveries.id, ids), due(at)))
        .returning({
          id: webhookDeliveries.id,
          eventId: webhookDeliveries.eventId,
          attempts: webhookDeliveries.attempts,
          replay: webhookDeliveries.replay,
        })
        .all();
    }, database);
  };

  /** Write outcomes of one endpoint; returns whether the endpoint is failing afterwards. */
  const record = (endpoint: Endpoint, outcomes: Outcome[]): boolean =>
    writeTx((tx) => {
      const ep = tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).get();
      if (!ep) return false;
      let failures = ep.consecutiveFailures;
      let health = ep.health;
      let failingSince = ep.failingSince;
      let lastSuccessAt = ep.lastSuccessAt;
      let lastRetryAt: Date | null = null;
      for (const { delivery, result, at } of outcomes) {
        const mine = and(
          eq(webhookDeliveries.id, delivery.id),
          eq(webhookDeliveries.status, "delivering"),
          eq(webhookDeliveries.lockedBy, workerId),
        );
        const ok = result.status !== null && result.status >= 200 && result.status < 300;
        const giveUp = !ok && delivery.attempts >= cfg.WEBHOOK_MAX_ATTEMPTS;
        const retryAt = new Date(at.getTime() + webhookBackoffMs(delivery.attempts));
        const changes = tx
          .update(webhookDeliveries)
          .set({
            status: ok ? "delivered" : giveUp ? "failed" : "pending",
            deliveredAt: ok ? at : null,
            nextAttemptAt: ok || giveUp ? at : retryAt,
            lockedUntil: null,
            lockedBy: null,
            lastAttemptAt: at,
            lastStatusCode: result.status,
            lastError: result.error?.slice(0, 500) ?? null,
            lastDurationMs: result.durationMs,
          })
          .where(mine)
          .run().changes;
        if (changes !== 1) {
          report.lost++;
          continue;
        }
        if (ok) {
          report.delivered++;
          failures = 0;
          health = "active";
          failingSince = null;
          lastSuccessAt = at;
        } else {
          if (giveUp) report.failed++;
          else {
            report.retried++;
            lastRetryAt = retryAt;
          }
          failures++;
          if (failures >= cfg.WEBHOOK_FAILING_AFTER && health !== "failing") {
            health = "failing";
            failingSince = at;
            recordAudit(tx, systemCtx(ep.organizationId, "webhook delivery"), {
              action: "webhook.endpoint_failing",
              entityType: "webhook_endpoint",
              entityId: ep.id,
              details: { url: ep.url, consecutiveFailures: failures, lastError: result.error },
            });
          }
        }
      }
      if (health === "active" && ep.health === "failing")
        recordAudit(tx, systemCtx(ep.organizationId, "webhook delivery"), {
          action: "webhook.endpoint_recovered",
          entityType: "webhook_endpoint",
          entityId: ep.id,
          details: { url: ep.url },
        });
      tx.update(webhookEndpoints)
        .set({ consecutiveFailures: failures, health, failingSince, lastSuccessAt })
        .where(eq(webhookEndpoints.id, ep.id))
        .run();
      // A failing receiver is probed by one delivery at a time: the rest of its queue waits for the
      // probe's next attempt instead of each spending a full timeout now.
      if (health === "failing" && lastRetryAt)
        tx.update(webhookDeliveries)
          .set({ nextAttemptAt: lastRetryAt })
          .where(
            and(
              eq(webhookDeliveries.endpointId, ep.id),
              eq(webhookDeliveries.status, "pending"),
              lt(webhookDeliveries.nextAttemptAt, lastRetryAt),
            ),
          )
          .run();
      return health === "failing";
    }, database);

  /** Give claimed deliveries back unsent (the attempt is not counted). */
  const release = (unsent: Claimed[]) =>
    writeTx((tx) => {
      for (const d of unsent)
        tx.update(webhookDeliveries)
          .set({
            status: "pending",
            attempts: sql`${webhookDeliveries.attempts} - 1`,
            lockedUntil: null,
            lockedBy: null,
          })
          .where(
            and(
              eq(webhookDeliveries.id, d.id),
              eq(webhookDeliveries.status, "delivering"),
              eq(webhookDeliveries.lockedBy, workerId),
            ),
          )
          .run();
    }, database);

  const lane = async (endpointId: string) => {
    for (;;) {
      if (stopped) return;
      const endpoint = database
        .select()
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.id, endpointId))
        .get();
      if (!endpoint || !endpoint.enabled) return;
      const failing = endpoint.health === "failing";
      const width = failing ? 1 : concurrency;
      const batch = claim(endpointId, failing ? 1 : width * 8);
      if (batch.length === 0) return;
      const secrets = [openWebhookSecret(endpoint.id, endpoint.secretSealed)];
      const at0 = now();
      if (
        endpoint.previousSecretSealed &&
        endpoint.previousSecretExpiresAt &&
        endpoint.previousSecretExpiresAt > at0
      )
        secrets.push(openWebhookSecret(endpoint.id, endpoint.previousSecretSealed));
      const bodies = new Map(
        database
          .select({ id: webhookEvents.id, payload: webhookEvents.payload })
          .from(webhookEvents)
          .where(
            inArray(
              webhookEvents.id,
              batch.map((d) => d.eventId),
            ),
          )
          .all()
          .map((e) => [e.id, e.payload]),
      );

      // Record answers as they come: those arriving within FLUSH_MS of each other share a commit.
      let pending: Outcome[] = [];
      let flushing: Promise<void> | null = null;
      let nowFailing = failing;
      const flush = () => {
        if (!flushing)
          flushing = new Promise<void>((resolve) =>
            setTimeout(() => {
              const out = pending;
              pending = [];
              flushing = null;
              if (out.length) nowFailing = record(endpoint, out);
              resolve();
            }, FLUSH_MS),
          );
        return flushing;
      };
      let next = 0;
      let streak = endpoint.consecutiveFailures;
      const tooManyFailures = () => !failing && streak >= cfg.WEBHOOK_FAILING_AFTER;
      const worker = async () => {
        // Once the endpoint is failing, the rest of the batch is not sent now (released below).
        while (next < batch.length && !(nowFailing && !failing) && !tooManyFailures()) {
          const delivery = batch[next++];
          const at = now();
          const body = bodies.get(delivery.eventId) ?? "";
          const result = await send({
            url: endpoint.url,
            headers: signedHeaders(delivery.eventId, body, secrets, at),
            body,
            timeoutMs: cfg.WEBHOOK_TIMEOUT_MS,
          });
          streak = result.status !== null && result.status >= 200 && result.status < 300 ? 0 : streak + 1;
          pending.push({ delivery, result, at: now() });
          void flush();
        }
      };
      await Promise.all(Array.from({ length: Math.min(width, batch.length) }, worker));
      while (pending.length || flushing) await flush();
      if (next < batch.length) release(batch.slice(next));
      if (nowFailing && !failing) continue; // re-read: from now on one probe at a time
      if (nowFailing && failing) {
        // The probe failed: the queue was pushed back to its retry time; nothing more is due now.
        const stillDue = claimable(endpointId);
        if (!stillDue) return;
      }
    }
  };

  const claimable = (endpointId: string): boolean =>
    !!database
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.endpointId, endpointId), due(now())))
      .limit(1)
      .get();

  /** Start a lane for every endpoint with due work that has none running. Never waits. */
  const tick = () => {
    if (stopped) return;
    tickQueued = false;
    for (const id of endpointsWithWork()) {
      if (lanes.has(id)) continue;
      const p = lane(id)
        .catch((err) => opts.log?.(`Webhooks: ${err instanceof Error ? err.message : String(err)}`))
        .finally(() => lanes.delete(id));
      lanes.set(id, p);
    }
  };

  /** Run until nothing is due and no lane is running (tests, the bench). */
  const drain = async (): Promise<DispatchReport> => {
    for (;;) {
      tick();
      if (lanes.size === 0) return { ...report };
      await Promise.race(lanes.values());
    }
  };

  const stop = async () => {
    stopped = true;
    await Promise.all(lanes.values());
  };

  return { tick, kick, drain, stop, report: () => ({ ...report }), workerId };
}

/** The worker started at boot: wakes when an event is written, and polls for retries coming due. */
export function startWebhookWorker(opts: {
  log: (line: string) => void;
  intervalMs?: number;
}): () => Promise<void> {
  const dispatcher = createDispatcher({ log: opts.log });
  const tick = () => {
    try {
      dispatcher.tick();
    } catch (err) {
      opts.log(`Webhooks: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const timer = setInterval(tick, opts.intervalMs ?? 2000);
  timer.unref?.();
  onWebhookEvent(() => {
    try {
      dispatcher.kick();
    } catch (err) {
      opts.log(`Webhooks: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  tick();
  return async () => {
    clearInterval(timer);
    onWebhookEvent(undefined);
    await dispatcher.stop();
  };
}
