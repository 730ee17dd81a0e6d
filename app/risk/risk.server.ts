import { and, desc, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { answerRiskInputs } from "~/questionnaires/signals.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { emitEvent } from "~/webhooks/events.server";
import { riskAssessments, supplierLinks, supplierRiskInputs, suppliers } from "~db/schema";
import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";
import { effectiveScore, exposureFrom, sameExposure, type ChildRisk, type Exposure } from "./exposure";
import { gatherRiskInputs, isoDate } from "./gather.server";
import {
  levelFor,
  MODEL_VERSION,
  scoreRisk,
  type AnswersInput,
  type FactorLine,
  type RiskInputs,
  type RiskResult,
} from "./model";
import { splitInputs, storedInputs, storeSharedInputs } from "./stored-inputs.server";

export { isoDate };

/** Model versions this build can re-derive, by the version string stored with each assessment. */
const MODELS: Record<string, (i: RiskInputs) => RiskResult> = { [MODEL_VERSION]: scoreRisk };

/** What changed against the previous assessment, in words (stored with the new one). */
export function changeNote(
  prev: { modelVersion: string; editions: unknown; factors: unknown } | undefined,
  next: { modelVersion: string; editions: RiskInputs["editions"]; lines: FactorLine[] },
): string {
  if (!prev) return "first assessment";
  const parts: string[] = [];
  if (prev.modelVersion !== next.modelVersion)
    parts.push(`model ${prev.modelVersion} → ${next.modelVersion}`);
  const pe = (prev.editions ?? {}) as Partial<RiskInputs["editions"]>;
  for (const k of Object.keys(next.editions) as (keyof RiskInputs["editions"])[]) {
    if (pe[k] && pe[k] !== next.editions[k]) parts.push(`${k}: ${pe[k]} → ${next.editions[k]}`);
  }
  const key = (l: { factor: string; points: number }) => `${l.factor}\u0000${l.points}`;
  const before = new Set(((prev.factors ?? []) as FactorLine[]).map(key));
  const after = new Set(next.lines.map(key));
  const added = next.lines.filter((l) => !before.has(key(l)) && l.part !== "scale");
  const removed = ((prev.factors ?? []) as FactorLine[]).filter(
    (l) => !after.has(key(l)) && l.part !== "scale",
  );
  for (const l of added.slice(0, 4)) parts.push(`+ ${l.factor} (${l.points >= 0 ? "+" : ""}${l.points})`);
  for (const l of removed.slice(0, 4)) parts.push(`− ${l.factor}`);
  if (added.length + removed.length > 8) parts.push(`… ${added.length + removed.length - 8} more changes`);
  return parts.length ? parts.join("; ") : "no change";
}

export type StoredRisk = {
  inherent: number;
  residual: number;
  coverage: RiskCoverage;
  exposure: number | null;
  score: number;
  level: RiskLevel;
};

/**
 * Recompute one supplier's own risk inside the caller's transaction: store an assessment (history, with
 * inputs and editions), update the supplier's denormalised scores, then carry the change up to every
 * buyer in the graph (incrementally, parents only). The audit log records level and score changes.
 */
export function recomputeSupplierRisk(tx: DbOrTx, ctx: Ctx, supplierId: string, trigger: string): StoredRisk {
  const answers = answerRiskInputs(tx, ctx.organizationId, supplierId);
  const inputs = gatherRiskInputs(tx, ctx, supplierId, answers);
  rememberAnswers(tx, ctx, supplierId, answers);
  const stored = storeAssessment(tx, ctx, supplierId, inputs, trigger);
  propagateExposure(tx, ctx, [supplierId], trigger);
  invalidateSupplierCounts(ctx.organizationId);
  return readStored(tx, ctx, supplierId) ?? stored;
}

/**
 * Recompute one supplier only if its outcome moved: the same reads as recomputeSupplierRisk, but when the
 * scores, coverage and every factor line equal the latest stored assessment nothing is written (no "no
 * change" history row). For changes that often leave risk as it was (an evidence file uploaded or its
 * date edited) and for the daily refresh, whose date windows may include suppliers that did not cross.
 * Returns the stored risk when something was written, else null.
 */
export function refreshSupplierRisk(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  trigger: string,
): StoredRisk | null {
  const answers = answerRiskInputs(tx, ctx.organizationId, supplierId);
  const inputs = gatherRiskInputs(tx, ctx, supplierId, answers);
  const r = scoreRisk(inputs);
  const cur = tx
    .select({
      inherent: suppliers.inherentScore,
      residual: suppliers.residualScore,
      coverage: suppliers.coverage,
      headline: suppliers.riskHeadline,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  const prev = tx
    .select({
      score: riskAssessments.score,
      inherent: riskAssessments.inherentScore,
      coverage: riskAssessments.coverage,
      modelVersion: riskAssessments.modelVersion,
      factors: riskAssessments.factors,
    })
    .from(riskAssessments)
    .where(
      and(eq(riskAssessments.organizationId, ctx.organizationId), eq(riskAssessments.supplierId, supplierId)),
    )
    .orderBy(desc(riskAssessments.computedAt), desc(sql`rowid`))
    .limit(1)
    .get();
  const same =
    !!cur &&
    !!prev &&
    cur.inherent === r.inherent.score &&
    cur.residual === r.residual.score &&
    cur.coverage === r.coverage.state &&
    cur.headline === r.headline &&
    prev.score === r.residual.score &&
    prev.inherent === r.inherent.score &&
    prev.coverage === r.coverage.state &&
    prev.modelVersion === r.modelVersion &&
    JSON.stringify(prev.factors) === JSON.stringify([...r.inherent.lines, ...r.residual.lines]);
  if (same) return null;
  return recomputeSupplierRisk(tx, ctx, supplierId, trigger);
}

function rememberAnswers(tx: DbOrTx, ctx: Ctx, supplierId: string, answers: AnswersInput | null): void {
  const now = nowOf(ctx);
  tx.insert(supplierRiskInputs)
    .values({ supplierId, organizationId: ctx.organizationId, answers: answers, updatedAt: now })
    .onConflictDoUpdate({ target: supplierRiskInputs.supplierId, set: { answers: answers, updatedAt: now } })
    .run();
}

/** Score stored inputs, write the assessment row and the supplier's columns. Shared with the org job. */
export function storeAssessment(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  inputs: RiskInputs,
  trigger: string,
): StoredRisk {
  const before = tx
    .select({
      riskScore: suppliers.riskScore,
      riskLevel: suppliers.riskLevel,
      exposureScore: suppliers.exposureScore,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!before) throw new NotFoundError("Supplier not found");
  const prev = tx
    .select({
      modelVersion: riskAssessments.modelVersion,
      editions: riskAssessments.editions,
      factors: riskAssessments.factors,
    })
    .from(riskAssessments)
    .where(
      and(eq(riskAssessments.organizationId, ctx.organizationId), eq(riskAssessments.supplierId, supplierId)),
    )
    .orderBy(desc(riskAssessments.computedAt), desc(sql`rowid`))
    .limit(1)
    .get();

  const r = scoreRisk(inputs);
  const lines = [...r.inherent.lines, ...r.residual.lines];
  const now = nowOf(ctx);
  const note = changeNote(prev, { modelVersion: r.modelVersion, editions: inputs.editions, lines });
  const { shared, own } = splitInputs(inputs);
  const assessment = tx
    .insert(riskAssessments)
    .values({
      organizationId: ctx.organizationId,
      supplierId,
      score: r.residual.score,
      level: r.residual.level,
      modelVersion: r.modelVersion,
      factors: lines,
      trigger,
      inherentScore: r.inherent.score,
      coverage: r.coverage.state,
      inputs: own,
      sharedInputs: storeSharedInputs(tx, ctx.organizationId, shared),
      editions: inputs.editions,
      changeNote: note,
      computedAt: now,
    })
    .returning({ id: riskAssessments.id })
    .get();
  const score = effectiveScore(r.residual.score, before.exposureScore)!;
  const level = levelFor(score);
  tx.update(suppliers)
    .set({
      inherentScore: r.inherent.score,
      residualScore: r.residual.score,
      coverage: r.coverage.state,
      riskHeadline: r.headline,
      riskScore: score,
      riskLevel: level,
      updatedAt: now,
    })
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .run();

  if (before.riskLevel !== level)
    emitEvent(
      tx,
      ctx.organizationId,
      "supplier.risk_level_changed",
      { supplierId, from: before.riskLevel, to: level, score, trigger },
      now,
    );
  if (before.riskScore !== score || before.riskLevel !== level) {
    recordAudit(tx, ctx, {
      action: "risk.recomputed",
      entityType: "supplier",
      entityId: supplierId,
      details: {
        trigger,
        assessmentId: assessment.id,
        from: before.riskScore === null ? null : { score: before.riskScore, level: before.riskLevel },
        to: { score, level },
        inherent: r.inherent.score,
        residual: r.residual.score,
        coverage: r.coverage.state,
        modelVersion: r.modelVersion,
        why: note,
      },
    });
  }
  return {
    inherent: r.inherent.score,
    residual: r.residual.score,
    coverage: r.coverage.state,
    exposure: before.exposureScore,
    score,
    level,
  };
}

function readStored(tx: DbOrTx, ctx: Ctx, supplierId: string): StoredRisk | null {
  const s = tx
    .select({
      inherent: suppliers.inherentScore,
      residual: suppliers.residualScore,
      coverage: suppliers.coverage,
      exposure: suppliers.exposureScore,
      score: suppliers.riskScore,
      level: suppliers.riskLevel,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!s || s.inherent === null || s.residual === null || s.score === null || !s.level || !s.coverage)
    return null;
  return {
    ...s,
    inherent: s.inherent,
    residual: s.residual,
    score: s.score,
    level: s.level,
    coverage: s.coverage,
  };
}

/** Hard stop for propagation in data the link verbs would have refused (see exposure.ts). */
const MAX_PROPAGATION_STEPS = 100_000;

/**
 * Carry risk changes upwards: re-evaluate the exposure of each parent of the changed suppliers, and keep
 * going from every parent whose exposure changed. Touches only the affected part of the graph.
 */
export function propagateExposure(
  tx: DbOrTx,
  ctx: Ctx,
  changedIds: readonly string[],
  trigger: string,
): number {
  const org = ctx.organizationId;
  const queue = [...new Set(parentsOf(tx, org, changedIds))];
  let steps = 0;
  let updated = 0;
  while (queue.length && steps++ < MAX_PROPAGATION_STEPS) {
    const id = queue.shift()!;
    if (recomputeExposureOf(tx, ctx, id, trigger)) {
      updated++;
      for (const p of parentsOf(tx, org, [id])) if (!queue.includes(p)) queue.push(p);
    }
  }
  return updated;
}

function parentsOf(tx: DbOrTx, org: string, childIds: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of childIds) {
    for (const r of tx
      .select({ p: supplierLinks.parentSupplierId })
      .from(supplierLinks)
      .where(and(eq(supplierLinks.organizationId, org), eq(supplierLinks.childSupplierId, id)))
      .all())
      if (r.p) out.push(r.p);
  }
  return out;
}

/** One supplier's exposure from its direct sub-suppliers; true when it changed (then its buyers follow). */
export function recomputeExposureOf(tx: DbOrTx, ctx: Ctx, supplierId: string, trigger: string): boolean {
  const org = ctx.organizationId;
  const self = tx
    .select({
      residual: suppliers.residualScore,
      exposureScore: suppliers.exposureScore,
      exposurePath: suppliers.exposurePath,
      riskScore: suppliers.riskScore,
      riskLevel: suppliers.riskLevel,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, org)))
    .get();
  if (!self) return false;
  const children: ChildRisk[] = tx
    .select({
      id: suppliers.id,
      name: suppliers.name,
      country: suppliers.country,
      tier: suppliers.tier,
      residual: suppliers.residualScore,
      headline: suppliers.riskHeadline,
      exposure: suppliers.exposurePath,
    })
    .from(supplierLinks)
    .innerJoin(suppliers, eq(suppliers.id, supplierLinks.childSupplierId))
    .where(and(eq(supplierLinks.organizationId, org), eq(supplierLinks.parentSupplierId, supplierId)))
    .all()
    .map((c) => ({ ...c, exposure: (c.exposure as Exposure | null) ?? null }));
  const next = exposureFrom(supplierId, children);
  const current = (self.exposurePath as Exposure | null) ?? null;
  if (sameExposure(current, next)) return false;
  const score = effectiveScore(self.residual, next?.score ?? null);
  const level = score === null ? null : levelFor(score);
  tx.update(suppliers)
    .set({ exposureScore: next?.score ?? null, exposurePath: next, riskScore: score, riskLevel: level })
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, org)))
    .run();
  if (level !== self.riskLevel) {
    emitEvent(
      tx,
      org,
      "supplier.risk_level_changed",
      { supplierId, from: self.riskLevel, to: level, score, trigger },
      nowOf(ctx),
    );
    recordAudit(tx, ctx, {
      action: "risk.exposure_changed",
      entityType: "supplier",
      entityId: supplierId,
      details: {
        trigger,
        from: self.riskScore === null ? null : { score: self.riskScore, level: self.riskLevel },
        to: score === null ? null : { score, level },
        exposure: next ? { score: next.score, via: next.path.map((h) => h.name), reason: next.reason } : null,
      },
    });
  }
  return true;
}

/** After a link is added or removed: the parent's exposure changes, and so may its buyers'. */
export function recomputeExposureAfterLinkChange(tx: DbOrTx, ctx: Ctx, parentId: string | null): void {
  if (!parentId) return;
  if (recomputeExposureOf(tx, ctx, parentId, "link.changed"))
    propagateExposure(tx, ctx, [parentId], "link.changed");
  invalidateSupplierCounts(ctx.organizationId);
}

export type StoredAssessment = {
  id: string;
  score: number;
  level: RiskLevel;
  inherentScore: number | null;
  coverage: RiskCoverage | null;
  modelVersion: string;
  factors: FactorLine[];
  trigger: string;
  changeNote: string | null;
  editions: RiskInputs["editions"] | null;
  computedAt: string;
};

/** Newest first. */
export function riskHistory(tx: DbOrTx, ctx: Ctx, supplierId: string, limit = 20): StoredAssessment[] {
  return (
    tx
      .select({
        id: riskAssessments.id,
        score: riskAssessments.score,
        level: riskAssessments.level,
        inherentScore: riskAssessments.inherentScore,
        coverage: riskAssessments.coverage,
        modelVersion: riskAssessments.modelVersion,
        factors: riskAssessments.factors,
        trigger: riskAssessments.trigger,
        changeNote: riskAssessments.changeNote,
        editions: riskAssessments.editions,
        computedAt: riskAssessments.computedAt,
      })
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
        ...r,
        factors: r.factors as FactorLine[],
        editions: (r.editions as RiskInputs["editions"] | null) ?? null,
        computedAt: r.computedAt.toISOString(),
      }))
  );
}

/**
 * Re-derive a stored assessment from its own inputs with the model version it names. Returns null for
 * rows the build cannot re-derive (v1 rows stored no inputs).
 */
export function rederiveAssessment(
  tx: DbOrTx,
  ctx: Ctx,
  assessmentId: string,
): { stored: { score: number; inherent: number | null; factors: FactorLine[] }; derived: RiskResult } | null {
  const row = tx
    .select()
    .from(riskAssessments)
    .where(and(eq(riskAssessments.id, assessmentId), eq(riskAssessments.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Assessment not found");
  const model = MODELS[row.modelVersion];
  const inputs = storedInputs(tx, ctx.organizationId, row);
  if (!model || !inputs) return null;
  return {
    stored: { score: row.score, inherent: row.inherentScore, factors: row.factors as FactorLine[] },
    derived: model(inputs),
  };
}
