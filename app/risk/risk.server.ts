import { and, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { answerRiskSignals } from "~/questionnaires/signals.server";
import { overdueActions } from "~/remediation/remediation.server";
import { countryName } from "~/suppliers/countries";
import { audits, findings, riskAssessments, suppliers } from "~db/schema";
import type { RiskLevel } from "~db/schema/suppliers.constants";
import { scoreSupplier, type RiskFactor, type ScoreInputs } from "./score";
import { countryTip } from "./tip.server";

/** UTC calendar date (YYYY-MM-DD): due dates are stored and compared as such. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Everything the pure model needs, read inside the caller's transaction (tenant-filtered). */
export function gatherRiskInputs(tx: DbOrTx, ctx: Ctx, supplierId: string): ScoreInputs {
  const supplier = tx
    .select({ id: suppliers.id, country: suppliers.country })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");

  const open = tx
    .select({
      id: findings.id,
      title: findings.title,
      grade: findings.grade,
      iloIndicator: findings.iloIndicator,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
    })
    .from(findings)
    .innerJoin(audits, eq(audits.id, findings.auditId))
    .where(
      and(
        eq(findings.organizationId, ctx.organizationId),
        eq(findings.supplierId, supplierId),
        eq(findings.status, "open"),
      ),
    )
    .all();

  // Overdue corrective actions come from the remediation capability (plan or resolution deadline missed).
  const overdue = overdueActions(tx, ctx, supplierId).map(({ id, title, dueDate }) => ({
    id,
    title,
    dueDate,
  }));

  return {
    country: {
      code: supplier.country,
      name: countryName(supplier.country),
      tip: countryTip(supplier.country),
    },
    signals: answerRiskSignals(tx, ctx.organizationId, supplierId),
    openFindings: open.map((f) => ({
      id: f.id,
      title: f.title,
      grade: f.grade,
      iloIndicator: f.iloIndicator,
      source: `${f.scheme} audit of ${f.auditDate}`,
    })),
    overdueTasks: overdue,
  };
}

/**
 * Recompute one supplier's risk inside the caller's transaction, store a new risk_assessments row (the
 * history) and update the supplier's denormalised score. The audit log only records real changes, so
 * routine recomputes do not drown it.
 */
export function recomputeSupplierRisk(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  trigger: string,
): { score: number; level: RiskLevel } {
  const before = tx
    .select({ riskScore: suppliers.riskScore, riskLevel: suppliers.riskLevel })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!before) throw new NotFoundError("Supplier not found");

  const result = scoreSupplier(gatherRiskInputs(tx, ctx, supplierId));
  const now = nowOf(ctx);
  const assessment = tx
    .insert(riskAssessments)
    .values({
      organizationId: ctx.organizationId,
      supplierId,
      score: result.score,
      level: result.level,
      modelVersion: result.modelVersion,
      factors: result.factors,
      trigger,
      computedAt: now,
    })
    .returning({ id: riskAssessments.id })
    .get();
  tx.update(suppliers)
    .set({ riskScore: result.score, riskLevel: result.level, updatedAt: now })
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .run();

  if (before.riskScore !== result.score || before.riskLevel !== result.level) {
    recordAudit(tx, ctx, {
      action: "risk.recomputed",
      entityType: "supplier",
      entityId: supplierId,
      details: {
        trigger,
        assessmentId: assessment.id,
        from: before.riskScore === null ? null : { score: before.riskScore, level: before.riskLevel },
        to: { score: result.score, level: result.level },
        modelVersion: result.modelVersion,
      },
    });
  }
  return { score: result.score, level: result.level };
}

export type StoredAssessment = {
  id: string;
  score: number;
  level: RiskLevel;
  modelVersion: string;
  factors: RiskFactor[];
  trigger: string;
  computedAt: string;
};

/** Newest first. */
export function riskHistory(tx: DbOrTx, ctx: Ctx, supplierId: string, limit = 20): StoredAssessment[] {
  return (
    tx
      .select()
      .from(riskAssessments)
      .where(
        and(
          eq(riskAssessments.organizationId, ctx.organizationId),
          eq(riskAssessments.supplierId, supplierId),
        ),
      )
      // rowid breaks ties between assessments stored in the same millisecond (ids are random).
      .orderBy(desc(riskAssessments.computedAt), desc(sql`rowid`))
      .limit(limit)
      .all()
      .map((r) => ({
        id: r.id,
        score: r.score,
        level: r.level,
        modelVersion: r.modelVersion,
        factors: r.factors as RiskFactor[],
        trigger: r.trigger,
        computedAt: r.computedAt.toISOString(),
      }))
  );
}
