import { Card } from "~/ui/layout";
import type { CheckResult, CheckStatus } from "../checker";

const TONE: Record<CheckStatus, string> = {
  present: "bg-emerald-100 text-emerald-800",
  thin: "bg-amber-100 text-amber-800",
  missing: "bg-red-100 text-red-800",
};

/** The criterion checker: each criterion of the regime, present / thin / missing, and what covers it. */
export function CheckerPanel({ check, frozen }: { check: CheckResult; frozen: boolean }) {
  return (
    <Card title={frozen ? "Criterion check at approval (kept)" : "Criterion check"}>
      {check.blocking.length > 0 ? (
        <p className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {check.blocking.length} mandatory item{check.blocking.length === 1 ? " is" : "s are"} missing:
          approval is refused until {check.blocking.length === 1 ? "it is" : "they are"} covered.
        </p>
      ) : null}
      {check.note ? (
        <p className="mb-3 text-xs text-slate-600" data-testid="checker-note">
          {check.note}
        </p>
      ) : null}
      <ul className="space-y-2" data-testid="checker">
        {check.items.map((i) => (
          <li key={i.key} className="text-sm" data-criterion={i.key} data-status={i.status}>
            <div className="flex items-start justify-between gap-2">
              <a href={`#c-${i.key}`} className="font-medium text-slate-800 hover:underline">
                {i.heading}
              </a>
              <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${TONE[i.status]}`}>
                {i.status}
                {i.mandatory ? "" : " (recommended)"}
              </span>
            </div>
            <p className="text-xs text-slate-500">{i.reason}</p>
            {i.excerpt ? <p className="text-xs italic text-slate-500">“{i.excerpt}”</p> : null}
            {i.facts.length > 0 ? (
              <p className="text-xs text-slate-500">
                From the records: {i.facts.length} sentence(s) with figures.
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
