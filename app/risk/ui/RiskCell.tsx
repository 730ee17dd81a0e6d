import { RiskBadge } from "~/ui/layout";
import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";
import { CoverageBadge } from "./CoverageBadge";

/**
 * A supplier's risk in one table cell: the level shown (an approved override beside the computed score),
 * inherent and residual scores, coverage, and a marker when upstream exposure raises the score.
 */
export function RiskCell({
  r,
}: {
  r: {
    riskLevel: RiskLevel | null;
    riskScore: number | null;
    inherentScore: number | null;
    residualScore: number | null;
    coverage: RiskCoverage | null;
    exposureScore: number | null;
    overrideLevel: RiskLevel | null;
  };
}) {
  const exposed = r.exposureScore !== null && r.exposureScore > (r.residualScore ?? 0);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-1">
        {r.overrideLevel ? (
          <>
            <RiskBadge level={r.overrideLevel} />
            <span className="text-xs text-violet-700">override · computed</span>
            <RiskBadge level={r.riskLevel} score={r.riskScore} />
          </>
        ) : (
          <RiskBadge level={r.riskLevel} score={r.riskScore} />
        )}
        {exposed ? (
          <span className="text-xs font-medium text-orange-700" title="Raised by upstream exposure">
            ↑ upstream
          </span>
        ) : null}
      </div>
      {r.inherentScore !== null ? (
        <div className="flex flex-wrap items-center gap-1 text-xs text-slate-500">
          <span className="tabular-nums">
            inherent {r.inherentScore} · residual {r.residualScore}
          </span>
          <CoverageBadge coverage={r.coverage} />
        </div>
      ) : null}
    </div>
  );
}
