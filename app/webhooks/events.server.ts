import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "~db/schema";
import type { WebhookEventType } from "~db/schema/webhooks.constants";

const g = globalThis as unknown as { __clearsourceWebhookKick?: () => void };

/** The running delivery worker (if this process started one) registers how to wake it. */
export function onWebhookEvent(kick: (() => void) | undefined): void {
  g.__clearsourceWebhookKick = kick;
}

/** Wake the delivery worker after the current synchronous work (the caller's commit) is done. */
export function kickWebhookWorker(): void {
  const kick = g.__clearsourceWebhookKick;
  if (kick) setImmediate(kick);
}

/**
 * Write an event to the webhook outbox, inside the caller's transaction: it exists exactly when the
 * change that caused it committed. One delivery row per enabled endpoint of the organisation subscribed to
 * the type is created with it (the fan-out is part of the same commit, so an endpoint added later never
 * receives older events, and a rolled-back change sends nothing). Nothing is written when no endpoint
 * listens. The body is fixed here, so retries and replays send the same bytes under the same id.
 */
export function emitEvent(
  tx: DbOrTx,
  organizationId: string,
  type: WebhookEventType,
  data: Record<string, unknown>,
  now: Date = new Date(),
): string | null {
  const endpoints = tx
    .select({ id: webhookEndpoints.id, eventTypes: webhookEndpoints.eventTypes })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.organizationId, organizationId), eq(webhookEndpoints.enabled, true)))
    .all()
    .filter((e) => e.eventTypes.includes(type));
  if (endpoints.length === 0) return null;
  const id = `evt_${crypto.randomUUID().replaceAll("-", "")}`;
  const payload = JSON.stringify({ type, timestamp: now.toISOString(), data });
  tx.insert(webhookEvents).values({ id, organizationId, type, payload, createdAt: now }).run();
  tx.insert(webhookDeliveries)
    .values(
      endpoints.map((e) => ({
        organizationId,
        eventId: id,
        endpointId: e.id,
        nextAttemptAt: now,
        createdAt: now,
      })),
    )
    .run();
  // After the caller's synchronous transaction has committed (or rolled back: the worker then finds
  // nothing), not inside it.
  kickWebhookWorker();
  return id;
}
