import type { RiskCoverage } from "~db/schema/suppliers.constants";

const STYLES: Record<RiskCoverage, string> = {
  assessed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  partial: "bg-sky-50 text-sky-800 ring-sky-200",
  not_assessed: "bg-slate-100 text-slate-800 ring-slate-300",
};
const LABELS: Record<RiskCoverage, string> = {
  assessed: "Assessed",
  partial: "Partly assessed",
  not_assessed: "Not assessed",
};

/** "Not assessed" is a state of its own, shown beside every score (never folded into "low"). */
export function CoverageBadge({ coverage }: { coverage: RiskCoverage | null | undefined }) {
  if (!coverage) return <span className="text-xs text-slate-500">not scored</span>;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[coverage]}`}
      data-coverage={coverage}
    >
      {LABELS[coverage]}
    </span>
  );
}

export const COVERAGE_TEXT = LABELS;
