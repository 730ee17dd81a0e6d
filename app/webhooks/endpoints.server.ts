import { and, desc, eq, lt, max, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { optionalText, parseInput, requiredId } from "~/infra/validation";
import { webhookDeliveries, webhookEndpoints, webhookEvents } from "~db/schema";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "~db/schema/webhooks.constants";
import { kickWebhookWorker as kick } from "./events.server";
import { OVERLAP_CHOICES } from "./overlap";
import { newWebhookSecret, sealWebhookSecret } from "./secrets.server";
import { webhookUrlProblem } from "./url-policy.server";

export const MAX_ENDPOINTS_PER_ORGANIZATION = 20;

const eventTypesField = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string())
    .min(1, "Choose at least one event.")
    .refine((a) => a.every((t) => (WEBHOOK_EVENT_TYPES as readonly string[]).includes(t)), {
      message: "Choose events from the list.",
    })
    .transform((a) => [...new Set(a)] as WebhookEventType[]),
);

const urlField = z
  .string({ error: "Enter the receiver's address." })
  .trim()
  .min(1, "Enter the receiver's address.")
  .max(2000, "Keep the address under 2,000 characters.")
  .superRefine((v, c) => {
    const problem = webhookUrlProblem(v);
    if (problem) c.addIssue({ code: "custom", message: problem });
  });

export const endpointSchema = z.strictObject({
  url: urlField,
  description: optionalText(200, "description"),
  eventTypes: eventTypesField,
});
export type EndpointInput = z.input<typeof endpointSchema>;

export const endpointIdSchema = z.strictObject({ endpointId: requiredId("Choose an endpoint.") });

const OVERLAP_HOURS = OVERLAP_CHOICES.map(([h]) => h);
export const rotateSchema = z.strictObject({
  endpointId: requiredId("Choose an endpoint."),
  overlapHours: z.coerce
    .number({ error: "Choose how long the previous secret keeps working." })
    .refine((n) => OVERLAP_HOURS.includes(n), {
      message: "Choose how long the previous secret keeps working.",
    }),
});

export type EndpointView = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: WebhookEventType[];
  enabled: boolean;
  health: "active" | "failing";
  consecutiveFailures: number;
  failingSince: string | null;
  lastSuccessAt: string | null;
  previousSecretExpiresAt: string | null;
  createdAt: string;
  counts: { pending: number; delivered: number; failed: number };
};

function ownEndpoint(ctx: Ctx, endpointId: string) {
  const row = db()
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Webhook endpoint not found");
  return row;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function listEndpoints(ctx: Ctx): EndpointView[] {
  const rows = db()
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.organizationId, ctx.organizationId))
    .orderBy(webhookEndpoints.createdAt)
    .all();
  const counts = db()
    .select({
      endpointId: webhookDeliveries.endpointId,
      status: webhookDeliveries.status,
      n: sql<number>`count(*)`,
    })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.organizationId, ctx.organizationId))
    .groupBy(webhookDeliveries.endpointId, webhookDeliveries.status)
    .all();
  const now = nowOf(ctx);
  return rows.map((r) => {
    const mine = counts.filter((c) => c.endpointId === r.id);
    const n = (...s: string[]) => mine.filter((c) => s.includes(c.status)).reduce((a, c) => a + c.n, 0);
    return {
      id: r.id,
      url: r.url,
      description: r.description,
      eventTypes: r.eventTypes,
      enabled: r.enabled,
      health: r.health,
      consecutiveFailures: r.consecutiveFailures,
      failingSince: iso(r.failingSince),
      lastSuccessAt: iso(r.lastSuccessAt),
      previousSecretExpiresAt:
        r.previousSecretExpiresAt && r.previousSecretExpiresAt > now ? iso(r.previousSecretExpiresAt) : null,
      createdAt: r.createdAt.toISOString(),
      counts: { pending: n("pending", "delivering"), delivered: n("delivered"), failed: n("failed") },
    };
  });
}

export function getEndpoint(ctx: Ctx, endpointId: string): EndpointView {
  ownEndpoint(ctx, endpointId);
  return listEndpoints(ctx).find((e) => e.id === endpointId)!;
}

/** Subscribe a receiver. The secret is returned once, here; only its sealed form is kept. */
export function createEndpoint(ctx: Ctx, raw: EndpointInput): { endpointId: string; secret: string } {
  const input = parseInput(endpointSchema, raw);
  const now = nowOf(ctx);
  const secret = newWebhookSecret();
  const id = crypto.randomUUID();
  writeTx((tx) => {
    const n = tx
      .select({ n: sql<number>`count(*)` })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.organizationId, ctx.organizationId))
      .get()!.n;
    if (n >= MAX_ENDPOINTS_PER_ORGANIZATION)
      throw new ValidationError(
        { url: `An organisation can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints.` },
        `An organisation can have at most ${MAX_ENDPOINTS_PER_ORGANIZATION} endpoints; remove one first.`,
      );
    tx.insert(webhookEndpoints)
      .values({
        id,
        organizationId: ctx.organizationId,
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        secretSealed: sealWebhookSecret(id, secret),
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    recordAudit(tx, ctx, {
      action: "webhook.endpoint_created",
      entityType: "webhook_endpoint",
      entityId: id,
      details: { url: input.url, eventTypes: input.eventTypes },
    });
  });
  return { endpointId: id, secret };
}

export function updateEndpoint(ctx: Ctx, endpointId: string, raw: EndpointInput): void {
  const input = parseInput(endpointSchema, raw);
  const before = ownEndpoint(ctx, endpointId);
  writeTx((tx) => {
    tx.update(webhookEndpoints)
      .set({
        url: input.url,
        description: input.description,
        eventTypes: input.eventTypes,
        updatedAt: nowOf(ctx),
      })
      .where(
        and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "webhook.endpoint_updated",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      details: {
        from: { url: before.url, eventTypes: before.eventTypes, description: before.description },
        to: { url: input.url, eventTypes: input.eventTypes, description: input.description },
      },
    });
  });
}

/**
 * Turn deliveries to an endpoint off or on. While off, new events are not queued for it and queued ones
 * wait; turning it on resumes them (with a fresh failure count).
 */
export function setEndpointEnabled(ctx: Ctx, endpointId: string, enabled: boolean): void {
  const before = ownEndpoint(ctx, endpointId);
  if (before.enabled === enabled) return;
  writeTx((tx) => {
    tx.update(webhookEndpoints)
      .set({
        enabled,
        updatedAt: nowOf(ctx),
        ...(enabled ? { consecutiveFailures: 0, health: "active" as const, failingSince: null } : {}),
      })
      .where(
        and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)),
      )
      .run();
    recordAudit(tx, ctx, {
      action: enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      details: { url: before.url },
    });
  });
  if (enabled) kick();
}

/**
 * A new signing secret, returned once. With an overlap the previous secret keeps signing beside the new
 * one (two signatures in `webhook-signature`) until the overlap ends, so the receiver can switch without
 * a window in which deliveries fail to verify.
 */
export function rotateEndpointSecret(
  ctx: Ctx,
  raw: z.input<typeof rotateSchema>,
): { secret: string; previousValidUntil: string | null } {
  const input = parseInput(rotateSchema, raw);
  const before = ownEndpoint(ctx, input.endpointId);
  const now = nowOf(ctx);
  const secret = newWebhookSecret();
  const until = input.overlapHours > 0 ? new Date(now.getTime() + input.overlapHours * 3_600_000) : null;
  writeTx((tx) => {
    tx.update(webhookEndpoints)
      .set({
        secretSealed: sealWebhookSecret(before.id, secret),
        previousSecretSealed: until ? before.secretSealed : null,
        previousSecretExpiresAt: until,
        updatedAt: now,
      })
      .where(and(eq(webhookEndpoints.id, before.id), eq(webhookEndpoints.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "webhook.secret_rotated",
      entityType: "webhook_endpoint",
      entityId: before.id,
      details: { url: before.url, overlapHours: input.overlapHours, previousValidUntil: iso(until) },
    });
  });
  return { secret, previousValidUntil: iso(until) };
}

/** Remove an endpoint with its queue and delivery log (the audit log keeps the record of it). */
export function deleteEndpoint(ctx: Ctx, endpointId: string): void {
  const before = ownEndpoint(ctx, endpointId);
  writeTx((tx) => {
    tx.delete(webhookEndpoints)
      .where(
        and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.organizationId)),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "webhook.endpoint_deleted",
      entityType: "webhook_endpoint",
      entityId: endpointId,
      details: { url: before.url, eventTypes: before.eventTypes },
    });
  });
}

// ---- The delivery log --------------------------------------------------------------------------------

export const DELIVERY_PAGE = 50;

export type DeliveryRow = {
  id: string;
  eventId: string;
  eventType: WebhookEventType;
  replay: number;
  status: "pending" | "delivering" | "delivered" | "failed";
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  deliveredAt: string | null;
  payload: string;
};

/** The endpoint's deliveries, newest first, keyset-paged by creation time (`before`: an ISO time). */
export function listDeliveries(
  ctx: Ctx,
  endpointId: string,
  opts: { before?: string | null; status?: string | null } = {},
): { rows: DeliveryRow[]; nextBefore: string | null } {
  ownEndpoint(ctx, endpointId);
  const before = opts.before ? new Date(opts.before) : null;
  const status = ["pending", "delivering", "delivered", "failed"].includes(opts.status ?? "")
    ? (opts.status as DeliveryRow["status"])
    : null;
  const rows = db()
    .select({ d: webhookDeliveries, type: webhookEvents.type, payload: webhookEvents.payload })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.organizationId, ctx.organizationId),
        eq(webhookDeliveries.endpointId, endpointId),
        before && !Number.isNaN(before.getTime()) ? lt(webhookDeliveries.createdAt, before) : undefined,
        status ? eq(webhookDeliveries.status, status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(DELIVERY_PAGE + 1)
    .all();
  const page = rows.slice(0, DELIVERY_PAGE);
  return {
    rows: page.map(({ d, type, payload }) => ({
      id: d.id,
      eventId: d.eventId,
      eventType: type,
      replay: d.replay,
      status: d.status,
      attempts: d.attempts,
      createdAt: d.createdAt.toISOString(),
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      lastAttemptAt: iso(d.lastAttemptAt),
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      lastDurationMs: d.lastDurationMs,
      deliveredAt: iso(d.deliveredAt),
      payload,
    })),
    nextBefore: rows.length > DELIVERY_PAGE ? page[page.length - 1].d.createdAt.toISOString() : null,
  };
}

export const replaySchema = z.strictObject({ deliveryId: requiredId("Choose a delivery.") });

/**
 * Send an event to the endpoint again, at an admin's request: a new delivery (replay n+1) of the same
 * event, same body and same webhook-id (receivers that already processed it can recognise it).
 */
export function replayDelivery(ctx: Ctx, endpointId: string, raw: z.input<typeof replaySchema>): string {
  const { deliveryId } = parseInput(replaySchema, raw);
  const endpoint = ownEndpoint(ctx, endpointId);
  const now = nowOf(ctx);
  const id = writeTx((tx) => {
    const d = tx
      .select()
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.endpointId, endpoint.id),
          eq(webhookDeliveries.organizationId, ctx.organizationId),
        ),
      )
      .get();
    if (!d) throw new NotFoundError("Delivery not found");
    const last = tx
      .select({ n: max(webhookDeliveries.replay) })
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.eventId, d.eventId), eq(webhookDeliveries.endpointId, d.endpointId)))
      .get();
    const row = tx
      .insert(webhookDeliveries)
      .values({
        organizationId: ctx.organizationId,
        eventId: d.eventId,
        endpointId: d.endpointId,
        replay: (last?.n ?? 0) + 1,
        nextAttemptAt: now,
        createdAt: now,
      })
      .returning({ id: webhookDeliveries.id })
      .get();
    recordAudit(tx, ctx, {
      action: "webhook.delivery_replayed",
      entityType: "webhook_endpoint",
      entityId: endpoint.id,
      details: { eventId: d.eventId, deliveryId: row.id, replayOf: d.id },
    });
    return row.id;
  });
  kick();
  return id;
}
