import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { parseInput } from "~/infra/validation";
import { kickScheduler } from "~/scheduler/scheduler.server";
import { riskSettings } from "~db/schema";
import { riskSettingsOf } from "./gather.server";
import { enqueueOrgRecompute } from "./recompute-org.server";

export const riskSettingsSchema = z.object({
  auditMaxAgeMonths: z.coerce
    .number({ error: "Enter a number of months." })
    .int("Enter a whole number of months.")
    .min(6, "At least 6 months.")
    .max(60, "At most 60 months."),
});

/** Change the audit age after which coverage lapses; the organisation is recomputed in the background. */
export function updateRiskSettings(
  ctx: Ctx,
  input: { auditMaxAgeMonths?: string | number },
): { jobId: string | null } {
  const v = parseInput(riskSettingsSchema, input);
  const result = writeTx((tx) => {
    const before = riskSettingsOf(tx, ctx.organizationId);
    if (before.auditMaxAgeMonths === v.auditMaxAgeMonths) return { jobId: null };
    const now = nowOf(ctx);
    tx.insert(riskSettings)
      .values({ organizationId: ctx.organizationId, auditMaxAgeMonths: v.auditMaxAgeMonths, updatedAt: now })
      .onConflictDoUpdate({
        target: riskSettings.organizationId,
        set: { auditMaxAgeMonths: v.auditMaxAgeMonths, updatedAt: now },
      })
      .run();
    recordAudit(tx, ctx, {
      action: "risk.settings_updated",
      entityType: "organization",
      entityId: ctx.organizationId,
      details: { auditMaxAgeMonths: { from: before.auditMaxAgeMonths, to: v.auditMaxAgeMonths } },
    });
    return {
      jobId: enqueueOrgRecompute(
        tx,
        ctx,
        `audit age changed from ${before.auditMaxAgeMonths} to ${v.auditMaxAgeMonths} months`,
      ),
    };
  });
  if (result.jobId) kickScheduler();
  return result;
}

/** "Recompute now": a background job with progress on the reference-data page. */
export function requestOrgRecompute(ctx: Ctx): { jobId: string } {
  const jobId = writeTx((tx) => enqueueOrgRecompute(tx, ctx, `requested by ${ctx.actor.label}`));
  kickScheduler();
  return { jobId };
}

export function currentRiskSettings(ctx: Ctx) {
  return riskSettingsOf(db(), ctx.organizationId);
}
