import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { riskOverrides, suppliers } from "~db/schema";
import type { OverrideStatus } from "~db/schema/risk.constants";
import { RISK_LEVELS, type RiskLevel } from "~db/schema/suppliers.constants";
import { isoDate } from "./gather.server";

/** An override lasts at most a year: a manual level must be looked at again. */
export const OVERRIDE_MAX_DAYS = 366;

export const requestOverrideSchema = z.object({
  level: z.enum(RISK_LEVELS, { error: "Choose the level to set." }),
  justification: z
    .string({ error: "Write why the computed score is wrong for this supplier." })
    .trim()
    .min(20, "Write why the computed score is wrong for this supplier (at least 20 characters).")
    .max(2000, "Keep the justification under 2,000 characters."),
  expiresOn: z
    .string({ error: "Choose the last day the override applies." })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the last day the override applies."),
});
export type RequestOverrideInput = { level?: string; justification?: string; expiresOn?: string };

export const decideOverrideSchema = z.object({
  decision: z.enum(["approve", "reject"], { error: "Choose approve or reject." }),
  note: z
    .string()
    .trim()
    .max(1000, "Keep the note under 1,000 characters.")
    .nullish()
    .transform((v) => v || null),
});

function actorUser(ctx: Ctx): { id: string; label: string } {
  if (ctx.actor.type !== "user") throw new ConflictError("Only a signed-in member can do this.");
  return { id: ctx.actor.id, label: ctx.actor.label };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/**
 * Ask for a manual level. Refused with field errors: no (or a too short) justification, an expiry today or
 * in the past, or more than a year out. Nothing changes on the supplier until a second person approves.
 */
export function requestOverride(ctx: Ctx, supplierId: string, input: RequestOverrideInput): { id: string } {
  const v = parseInput(requestOverrideSchema, input);
  const me = actorUser(ctx);
  const today = isoDate(nowOf(ctx));
  return writeTx((tx) => {
    const s = tx
      .select({ riskScore: suppliers.riskScore, riskLevel: suppliers.riskLevel })
      .from(suppliers)
      .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
      .get();
    // Another tenant's supplier is a 404 before anything about the form is said.
    if (!s) throw new NotFoundError("Supplier not found");
    if (v.expiresOn <= today) throw new ValidationError({ expiresOn: "Choose an expiry date after today." });
    if (v.expiresOn > addDays(today, OVERRIDE_MAX_DAYS))
      throw new ValidationError({
        expiresOn: "An override can last at most a year; choose an earlier date.",
      });
    const row = tx
      .insert(riskOverrides)
      .values({
        organizationId: ctx.organizationId,
        supplierId,
        level: v.level,
        justification: v.justification,
        expiresOn: v.expiresOn,
        status: "pending",
        computedScore: s.riskScore,
        computedLevel: s.riskLevel,
        requestedByUserId: me.id,
        requestedByLabel: me.label,
        createdAt: nowOf(ctx),
      })
      .returning({ id: riskOverrides.id })
      .get();
    recordAudit(tx, ctx, {
      action: "risk.override_requested",
      entityType: "supplier",
      entityId: supplierId,
      details: { overrideId: row.id, level: v.level, expiresOn: v.expiresOn, justification: v.justification },
    });
    return row;
  });
}

/**
 * Approve or reject a pending override. The requester cannot decide their own request (field error).
 * Approving supersedes any earlier approved override of the supplier and mirrors the level onto the
 * supplier row for lists; the computed score stays as it is, beside it.
 */
export function decideOverride(
  ctx: Ctx,
  overrideId: string,
  input: { decision?: string; note?: string | null },
): { status: OverrideStatus; supplierId: string } {
  const v = parseInput(decideOverrideSchema, input);
  const me = actorUser(ctx);
  return writeTx((tx) => {
    const o = tx
      .select()
      .from(riskOverrides)
      .where(and(eq(riskOverrides.id, overrideId), eq(riskOverrides.organizationId, ctx.organizationId)))
      .get();
    if (!o) throw new NotFoundError("Override not found");
    if (o.status !== "pending") throw new ConflictError("This override has already been decided.");
    if (o.requestedByUserId === me.id)
      throw new ValidationError({ decision: "A second person must decide: you requested this override." });
    const today = isoDate(nowOf(ctx));
    if (v.decision === "approve" && o.expiresOn < today)
      throw new ValidationError({ decision: "This override has already expired; ask for a new one." });
    const status: OverrideStatus = v.decision === "approve" ? "approved" : "rejected";
    const now = nowOf(ctx);
    if (status === "approved") {
      tx.update(riskOverrides)
        .set({ status: "withdrawn", decisionNote: "superseded by a later override", decidedAt: now })
        .where(
          and(
            eq(riskOverrides.organizationId, ctx.organizationId),
            eq(riskOverrides.supplierId, o.supplierId),
            eq(riskOverrides.status, "approved"),
            ne(riskOverrides.id, o.id),
          ),
        )
        .run();
      tx.update(suppliers)
        .set({ overrideLevel: o.level, overrideExpiresOn: o.expiresOn })
        .where(and(eq(suppliers.id, o.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
        .run();
      invalidateSupplierCounts(ctx.organizationId);
    }
    tx.update(riskOverrides)
      .set({ status, decidedByUserId: me.id, decidedByLabel: me.label, decisionNote: v.note, decidedAt: now })
      .where(eq(riskOverrides.id, o.id))
      .run();
    recordAudit(tx, ctx, {
      action: status === "approved" ? "risk.override_approved" : "risk.override_rejected",
      entityType: "supplier",
      entityId: o.supplierId,
      details: { overrideId: o.id, level: o.level, expiresOn: o.expiresOn, note: v.note },
    });
    return { status, supplierId: o.supplierId };
  });
}

/** End an approved override early (or withdraw a pending request). */
export function withdrawOverride(ctx: Ctx, overrideId: string): { supplierId: string } {
  actorUser(ctx);
  return writeTx((tx) => {
    const o = tx
      .select()
      .from(riskOverrides)
      .where(and(eq(riskOverrides.id, overrideId), eq(riskOverrides.organizationId, ctx.organizationId)))
      .get();
    if (!o) throw new NotFoundError("Override not found");
    if (o.status !== "pending" && o.status !== "approved")
      throw new ConflictError("This override is no longer active.");
    tx.update(riskOverrides)
      .set({ status: "withdrawn", decidedAt: nowOf(ctx) })
      .where(eq(riskOverrides.id, o.id))
      .run();
    if (o.status === "approved") {
      tx.update(suppliers)
        .set({ overrideLevel: null, overrideExpiresOn: null })
        .where(and(eq(suppliers.id, o.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
        .run();
      invalidateSupplierCounts(ctx.organizationId);
    }
    recordAudit(tx, ctx, {
      action: "risk.override_withdrawn",
      entityType: "supplier",
      entityId: o.supplierId,
      details: { overrideId: o.id, level: o.level, wasStatus: o.status },
    });
    return { supplierId: o.supplierId };
  });
}

export type OverrideRow = {
  id: string;
  level: RiskLevel;
  justification: string;
  expiresOn: string;
  status: OverrideStatus;
  /** Approved and not past its expiry date today. */
  active: boolean;
  expired: boolean;
  computedScore: number | null;
  computedLevel: RiskLevel | null;
  requestedByUserId: string;
  requestedByLabel: string;
  decidedByLabel: string | null;
  decisionNote: string | null;
  requestedAt: string;
};

/** The supplier's overrides, newest first, with "active" judged against today (expiry needs no job). */
export function overridesOf(tx: DbOrTx, ctx: Ctx, supplierId: string, limit = 10): OverrideRow[] {
  const today = isoDate(nowOf(ctx));
  return tx
    .select()
    .from(riskOverrides)
    .where(
      and(eq(riskOverrides.organizationId, ctx.organizationId), eq(riskOverrides.supplierId, supplierId)),
    )
    .orderBy(desc(riskOverrides.createdAt))
    .limit(limit)
    .all()
    .map((o) => ({
      id: o.id,
      level: o.level,
      justification: o.justification,
      expiresOn: o.expiresOn,
      status: o.status,
      active: o.status === "approved" && o.expiresOn >= today,
      expired: o.status === "approved" && o.expiresOn < today,
      computedScore: o.computedScore,
      computedLevel: o.computedLevel,
      requestedByUserId: o.requestedByUserId,
      requestedByLabel: o.requestedByLabel,
      decidedByLabel: o.decidedByLabel,
      decisionNote: o.decisionNote,
      requestedAt: o.createdAt.toISOString(),
    }));
}

/** The level lists show: an approved override until its expiry day (inclusive), else the computed one. */
export function shownLevel(
  computed: RiskLevel | null,
  overrideLevel: RiskLevel | null,
  overrideExpiresOn: string | null,
  today: string,
): { level: RiskLevel | null; overridden: boolean } {
  if (overrideLevel && overrideExpiresOn && overrideExpiresOn >= today)
    return { level: overrideLevel, overridden: true };
  return { level: computed, overridden: false };
}
