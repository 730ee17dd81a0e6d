import { Link } from "@remix-run/react";
import type { SupplierRiskView } from "~/risk/view.server";
import { Card } from "~/ui/layout";
import { RiskFactorTable } from "./RiskFactorTable";
import { RiskHistoryChart } from "./RiskHistoryChart";

const dateOnly = (iso: string) => iso.slice(0, 10);

/** Every point of the score, line by line, with the history chart and why each score changed. */
export function RiskExplanation({ risk }: { risk: SupplierRiskView }) {
  const c = risk.current;
  if (!c) return null;
  return (
    <>
      <Card title="What makes up the score">
        <div className="space-y-6">
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">
              Inherent risk: country, goods, sector, workforce
            </h3>
            <RiskFactorTable lines={c.inherentLines} total={risk.inherent ?? 0} label="Inherent risk" />
          </div>
          <div>
            <h3 className="mb-2 text-sm font-semibold text-slate-700">
              Residual risk: coverage, answers, controls, findings, actions
            </h3>
            <RiskFactorTable lines={c.residualLines} total={risk.residual ?? 0} label="Residual risk" />
            <p className="mt-2 text-xs text-slate-500">
              Answers not yet reviewed are provisional (shaded): they can raise the score at once, but nothing
              lowers it until the questionnaire is accepted, and then only controls backed by evidence.
            </p>
          </div>
          {c.editions ? (
            <p className="text-xs text-slate-500">
              Reference data: {Object.values(c.editions).join(" · ")}.{" "}
              <Link className="link" to="/risk/reference">
                Editions and sources
              </Link>
            </p>
          ) : null}
        </div>
      </Card>
      <Card title="Risk over time">
        <RiskHistoryChart series={risk.series} />
        <ol className="mt-3 space-y-1 text-xs text-slate-500">
          {risk.recent.slice(0, 6).map((h) => (
            <li key={h.id}>
              <span className="tabular-nums">{dateOnly(h.computedAt)}</span> · {h.trigger} · residual{" "}
              {h.score}
              {h.changeNote ? <span className="text-slate-500"> — {h.changeNote}</span> : null}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
