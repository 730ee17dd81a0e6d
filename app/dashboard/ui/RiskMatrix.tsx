import { Link } from "@remix-run/react";
import type { RiskMatrix as Matrix } from "~/risk/portfolio.server";
import { RISK_LEVELS } from "~db/schema/suppliers.constants";

const TONE = ["bg-emerald-50", "bg-amber-50", "bg-orange-100", "bg-red-100"];

/** Inherent (rows) × residual (columns) counts; every cell opens the supplier list filtered to it. */
export function RiskMatrix({ matrix }: { matrix: Matrix }) {
  const rows = [...RISK_LEVELS].reverse();
  return (
    <div>
      <table className="w-full text-center text-sm" data-testid="risk-matrix">
        <thead>
          <tr>
            <th className="p-1 text-left text-xs font-medium text-slate-500">Inherent ↓ · Residual →</th>
            {RISK_LEVELS.map((r) => (
              <th key={r} className="p-1 text-xs font-medium capitalize text-slate-500">
                {r}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((i) => (
            <tr key={i}>
              <th className="p-1 text-left text-xs font-medium capitalize text-slate-500">{i}</th>
              {RISK_LEVELS.map((r, ri) => {
                const n = matrix.cells[i][r];
                const tone = TONE[Math.max(ri, RISK_LEVELS.indexOf(i) - 1)];
                return (
                  <td key={r} className={`border border-white p-0 ${tone}`}>
                    <Link
                      to={`/suppliers?inherent=${i}&residual=${r}&sort=risk&dir=desc`}
                      className="block p-2 tabular-nums hover:underline"
                      aria-label={`${n} suppliers with ${i} inherent and ${r} residual risk`}
                    >
                      {n}
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        <Link className="link" to="/suppliers?coverage=not_assessed&sort=risk&dir=desc">
          {matrix.notAssessed} not assessed
        </Link>{" "}
        (no accepted self-assessment and no recent audit: their residual risk is never below medium).
        {matrix.unscored ? ` ${matrix.unscored} not scored yet.` : ""}
      </p>
    </div>
  );
}
