import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_ENDPOINT_HEALTH,
  type WebhookEventType,
} from "./webhooks.constants";

/**
 * A receiver an organisation subscribed to some event types. The signing secret is sealed at rest
 * (AES-256-GCM, bound to the endpoint's id); during a rotation the previous secret is kept until
 * `previous_secret_expires_at` and both signatures are sent.
 */
export const webhookEndpoints = sqliteTable(
  "webhook_endpoints",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description"),
    eventTypes: text("event_types", { mode: "json" }).$type<WebhookEventType[]>().notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    secretSealed: text("secret_sealed").notNull(),
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at"),
    health: text("health", { enum: WEBHOOK_ENDPOINT_HEALTH }).notNull().default("active"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    failingSince: timestamp("failing_since"),
    lastSuccessAt: timestamp("last_success_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_org").on(t.organizationId)],
);

/**
 * The outbox: one row per event, written in the transaction of the change that causes it. Its id is the
 * `webhook-id` every receiver sees (the same on retries and replays, so receivers can deduplicate).
 */
export const webhookEvents = sqliteTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    type: text("type").$type<WebhookEventType>().notNull(),
    payload: text("payload").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_events_org_created").on(t.organizationId, t.createdAt)],
);

/**
 * One event to one endpoint. Created with the event (fan-out in the same transaction); unique per
 * (event, endpoint, replay) so an event can never be queued twice for an endpoint except by an admin's
 * explicit replay. Claimed by a conditional UPDATE with a lease, like the scheduler's jobs.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** 0 for the automatic delivery; 1, 2 … for replays an admin asked for. */
    replay: integer("replay").notNull().default(0),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    lockedUntil: timestamp("locked_until"),
    lockedBy: text("locked_by"),
    lastAttemptAt: timestamp("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    deliveredAt: timestamp("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_once").on(t.eventId, t.endpointId, t.replay),
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint_due").on(t.endpointId, t.status, t.nextAttemptAt),
    index("webhook_deliveries_endpoint").on(t.endpointId, t.createdAt),
  ],
);
