import { Link } from "@remix-run/react";
import { Card } from "~/ui/layout";
import type { RemedyKind } from "~db/schema/remediation.constants";
import { formatMoney, REMEDY_KIND_LABELS } from "../remedy-kinds";

export type RemedyTotalsView = {
  remedies: number;
  workers: number;
  amounts: { currency: string; amountMinor: number }[];
  byKind: { kind: RemedyKind; remedies: number; workers: number }[];
};

/** Dashboard card: what corrective actions gave back to workers, per currency (never converted). */
export function RemedyTotalsCard({ totals }: { totals: RemedyTotalsView }) {
  return (
    <Card
      title="Remedy to workers"
      actions={
        <Link to="/remediation?state=all" className="link text-sm">
          Corrective actions
        </Link>
      }
    >
      {totals.remedies === 0 ? (
        <p className="text-sm text-slate-500">
          No remedy to workers recorded yet. Record fees repaid, wages back-paid or documents returned on the
          corrective action that led to them.
        </p>
      ) : (
        <div className="space-y-2 text-sm">
          <p>
            <span className="text-2xl font-semibold tabular-nums">{totals.workers}</span> workers reached by{" "}
            {totals.remedies} remed{totals.remedies === 1 ? "y" : "ies"}
          </p>
          {totals.amounts.length ? (
            <p>
              Paid to workers: {totals.amounts.map((a) => formatMoney(a.amountMinor, a.currency)).join(" · ")}
            </p>
          ) : null}
          <ul className="text-slate-600">
            {totals.byKind.map((k) => (
              <li key={k.kind}>
                {REMEDY_KIND_LABELS[k.kind]}: {k.workers} worker{k.workers === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}
