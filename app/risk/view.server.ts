import { and, asc, eq } from "drizzle-orm";
import { nowOf, type Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { riskAssessments, suppliers } from "~db/schema";
import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";
import { exposureText, type Exposure } from "./exposure";
import { isoDate } from "./gather.server";
import type { FactorLine, RiskInputs } from "./model";
import { overridesOf, shownLevel, type OverrideRow } from "./overrides.server";
import { riskHistory } from "./risk.server";

export type SupplierRiskView = {
  score: number | null;
  level: RiskLevel | null;
  shown: { level: RiskLevel | null; overridden: boolean };
  inherent: number | null;
  residual: number | null;
  coverage: RiskCoverage | null;
  exposure: (Exposure & { text: string }) | null;
  current: {
    id: string;
    modelVersion: string;
    computedAt: string;
    trigger: string;
    changeNote: string | null;
    editions: RiskInputs["editions"] | null;
    inherentLines: FactorLine[];
    residualLines: FactorLine[];
  } | null;
  recent: {
    id: string;
    computedAt: string;
    trigger: string;
    score: number;
    level: RiskLevel;
    changeNote: string | null;
  }[];
  /** Oldest first, for the chart. */
  series: { at: string; inherent: number | null; residual: number }[];
  overrides: OverrideRow[];
};

const RESIDUAL_PARTS = new Set(["coverage", "answers", "controls", "findings", "actions"]);

/** Everything the supplier page shows about risk, tenant-scoped. */
export function supplierRiskView(ctx: Ctx, supplierId: string): SupplierRiskView {
  const database = db();
  const s = database
    .select({
      riskScore: suppliers.riskScore,
      riskLevel: suppliers.riskLevel,
      inherentScore: suppliers.inherentScore,
      residualScore: suppliers.residualScore,
      coverage: suppliers.coverage,
      exposurePath: suppliers.exposurePath,
      overrideLevel: suppliers.overrideLevel,
      overrideExpiresOn: suppliers.overrideExpiresOn,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!s) throw new NotFoundError("Supplier not found");
  const history = riskHistory(database, ctx, supplierId, 10);
  const latest = history[0];
  // The stored lines are inherent lines first, then the residual lines starting at "Inherent risk".
  const split = latest
    ? latest.factors.findIndex((f) => f.part === "scale" && f.factor === "Inherent risk")
    : -1;
  const series = database
    .select({
      at: riskAssessments.computedAt,
      inherent: riskAssessments.inherentScore,
      residual: riskAssessments.score,
    })
    .from(riskAssessments)
    .where(
      and(eq(riskAssessments.organizationId, ctx.organizationId), eq(riskAssessments.supplierId, supplierId)),
    )
    .orderBy(asc(riskAssessments.computedAt))
    .all()
    .slice(-200)
    .map((r) => ({ at: r.at.toISOString(), inherent: r.inherent, residual: r.residual }));
  const exposure = (s.exposurePath as Exposure | null) ?? null;
  const today = isoDate(nowOf(ctx));
  return {
    score: s.riskScore,
    level: s.riskLevel,
    shown: shownLevel(s.riskLevel, s.overrideLevel, s.overrideExpiresOn, today),
    inherent: s.inherentScore,
    residual: s.residualScore,
    coverage: s.coverage,
    exposure: exposure ? { ...exposure, text: exposureText(exposure) } : null,
    current: latest
      ? {
          id: latest.id,
          modelVersion: latest.modelVersion,
          computedAt: latest.computedAt,
          trigger: latest.trigger,
          changeNote: latest.changeNote,
          editions: latest.editions,
          inherentLines: split >= 0 ? latest.factors.slice(0, split) : [],
          residualLines:
            split >= 0
              ? latest.factors.slice(split)
              : latest.factors.filter((f) => !f.part || RESIDUAL_PARTS.has(f.part)),
        }
      : null,
    recent: history.map((h) => ({
      id: h.id,
      computedAt: h.computedAt,
      trigger: h.trigger,
      score: h.score,
      level: h.level,
      changeNote: h.changeNote,
    })),
    series,
    overrides: overridesOf(database, ctx, supplierId),
  };
}
