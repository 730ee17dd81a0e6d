import { and, inArray, lt, notExists, sql } from "drizzle-orm";
import { writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { webhookDeliveries, webhookEvents } from "~db/schema";

const DAY_MS = 86_400_000;

/** How long the delivery log keeps finished deliveries (shown beside the log). */
export const webhookRetentionDays = () => env().WEBHOOK_RETENTION_DAYS;
/** Rows per transaction: each batch is a short write, so requests never wait long for the lock. */
const BATCH = 500;

/**
 * The delivery log is kept for WEBHOOK_RETENTION_DAYS (default 30): finished deliveries (delivered, or
 * failed after every attempt) whose last activity is older are deleted, then the events no delivery
 * refers to any more. Pending and in-flight deliveries are never touched, whatever their age, so pruning
 * cannot lose or repeat a delivery. Runs with the hourly housekeeping.
 */
export function pruneWebhookDeliveries(
  now = new Date(),
  retentionDays = env().WEBHOOK_RETENTION_DAYS,
): { deliveries: number; events: number } {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  let deliveries = 0;
  for (;;) {
    const n = writeTx((tx) => {
      const ids = tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(
          and(
            inArray(webhookDeliveries.status, ["delivered", "failed"]),
            lt(
              sql`coalesce(${webhookDeliveries.deliveredAt}, ${webhookDeliveries.lastAttemptAt}, ${webhookDeliveries.createdAt})`,
              cutoff.getTime(),
            ),
          ),
        )
        .limit(BATCH)
        .all()
        .map((r) => r.id);
      if (ids.length) tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, ids)).run();
      return ids.length;
    });
    deliveries += n;
    if (n < BATCH) break;
  }
  let events = 0;
  for (;;) {
    const n = writeTx((tx) => {
      const ids = tx
        .select({ id: webhookEvents.id })
        .from(webhookEvents)
        .where(
          and(
            lt(webhookEvents.createdAt, cutoff),
            notExists(
              tx
                .select({ one: sql`1` })
                .from(webhookDeliveries)
                .where(sql`${webhookDeliveries.eventId} = ${webhookEvents.id}`),
            ),
          ),
        )
        .limit(BATCH)
        .all()
        .map((r) => r.id);
      if (ids.length) tx.delete(webhookEvents).where(inArray(webhookEvents.id, ids)).run();
      return ids.length;
    });
    events += n;
    if (n < BATCH) break;
  }
  return { deliveries, events };
}
