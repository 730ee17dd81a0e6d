/** Enum values of the webhook tables: no drizzle import, so browser code can use them. */

/**
 * The events an organisation can subscribe to. Each is written to the outbox (`webhook_events`) by the
 * domain verb that causes it, in that verb's own transaction.
 */
export const WEBHOOK_EVENT_TYPES = [
  "supplier.risk_level_changed",
  "questionnaire.submitted",
  "finding.raised",
  "action.overdue",
  "statement.approved",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "supplier.risk_level_changed": "A supplier's risk level changed",
  "questionnaire.submitted": "A supplier submitted a questionnaire",
  "finding.raised": "An audit finding was raised",
  "action.overdue": "A corrective action became overdue",
  "statement.approved": "A statement was approved",
};

/** active: delivering; failing: the last N attempts in a row failed (still retried, one at a time). */
export const WEBHOOK_ENDPOINT_HEALTH = ["active", "failing"] as const;
export type WebhookEndpointHealth = (typeof WEBHOOK_ENDPOINT_HEALTH)[number];

/**
 * pending: waiting for its next attempt; delivering: claimed by a worker (lease in locked_until);
 * delivered: the receiver answered 2xx; failed: every attempt failed (a replay can send it again).
 */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivering", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
