import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { parseInput } from "~/infra/validation";
import { gradePolicies } from "~db/schema";
import { FINDING_GRADES, type FindingGrade } from "~db/schema/audits.constants";
import { DEFAULT_GRADE_TABLE, MAX_POLICY_DAYS, type GradeTable } from "./deadlines";
import { loadGradeTable } from "./remediation.server";

export function getGradeTable(ctx: Ctx): { table: GradeTable; defaults: GradeTable } {
  return { table: loadGradeTable(db(), ctx.organizationId), defaults: DEFAULT_GRADE_TABLE };
}

const days = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of days.` })
    .int({ error: `${label} must be a whole number of days.` })
    .min(0, { error: `${label} cannot be negative.` })
    .max(MAX_POLICY_DAYS, { error: `${label} must be at most ${MAX_POLICY_DAYS} days.` });

/** Form fields `<grade>.planDays` / `<grade>.resolutionDays` for every grade. */
export const gradeTableSchema = z
  .strictObject(
    Object.fromEntries(
      FINDING_GRADES.flatMap((g) => [
        [`${g}.planDays`, days("Plan due")],
        [`${g}.resolutionDays`, days("Resolution due")],
      ]),
    ) as Record<string, ReturnType<typeof days>>,
  )
  .superRefine((v, issue) => {
    for (const g of FINDING_GRADES)
      if (v[`${g}.resolutionDays`] < v[`${g}.planDays`])
        issue.addIssue({
          code: "custom",
          path: [`${g}.resolutionDays`],
          message: "Resolution cannot be due before the plan.",
        });
  });

/** Replace the organisation's deadline table (applies to actions raised from now on). */
export function updateGradeTable(ctx: Ctx, input: Record<string, unknown>): GradeTable {
  const v = parseInput(gradeTableSchema, input);
  const table = Object.fromEntries(
    FINDING_GRADES.map((g) => [
      g,
      { planDays: v[`${g}.planDays`], resolutionDays: v[`${g}.resolutionDays`] },
    ]),
  ) as GradeTable;
  return writeTx((tx) => {
    const before = loadGradeTable(tx, ctx.organizationId);
    tx.delete(gradePolicies).where(eq(gradePolicies.organizationId, ctx.organizationId)).run();
    const now = nowOf(ctx);
    tx.insert(gradePolicies)
      .values(
        FINDING_GRADES.map((grade: FindingGrade) => ({
          organizationId: ctx.organizationId,
          grade,
          ...table[grade],
          updatedAt: now,
        })),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "remediation.deadlines_changed",
      entityType: "organization",
      entityId: ctx.organizationId,
      details: { from: before, to: table },
    });
    return table;
  });
}
