import { Link } from "@remix-run/react";
import { Card } from "~/ui/layout";
import type { StatementStatus } from "~db/schema/statements.constants";
import { formatLongDate } from "../period";
import { StatusBadge } from "./StatusBadge";

type Row = {
  id: string;
  regimeName: string;
  financialYear: string;
  periodStart: string;
  periodEnd: string;
  status: StatementStatus;
  version: number;
  publishBy: string | null;
  approvalDate: string | null;
  signatoryName: string | null;
  documents: { id: string; draft: boolean }[];
};

/** Every statement of the organisation, by year and regime, with its state and latest PDF. */
export function StatementList({ statements, today }: { statements: Row[]; today: string }) {
  return (
    <Card>
      <div className="-m-4 overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th>Year</th>
              <th>Regime</th>
              <th>Status</th>
              <th>Due by</th>
              <th>Approval</th>
              <th>PDF</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {statements.map((s) => {
              const overdue = s.publishBy !== null && s.status !== "published" && s.publishBy < today;
              const latest = s.documents[0];
              return (
                <tr key={s.id}>
                  <td>
                    <Link to={`/statements/${s.id}`} className="link">
                      {s.financialYear}
                      {s.version > 1 ? ` (v${s.version})` : ""}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {formatLongDate(s.periodStart)} – {formatLongDate(s.periodEnd)}
                    </div>
                  </td>
                  <td className="text-sm">{s.regimeName}</td>
                  <td>
                    <StatusBadge status={s.status} />
                  </td>
                  <td className={overdue ? "font-medium text-red-700" : undefined}>
                    {s.publishBy ? formatLongDate(s.publishBy) : "—"}
                    {overdue ? <div className="text-xs">deadline passed</div> : null}
                  </td>
                  <td className="text-sm">
                    {s.approvalDate ? (
                      <>
                        {formatLongDate(s.approvalDate)}
                        {s.signatoryName ? (
                          <div className="text-xs text-slate-500">signatory {s.signatoryName}</div>
                        ) : null}
                      </>
                    ) : (
                      <span className="text-slate-500">—</span>
                    )}
                  </td>
                  <td className="text-sm">
                    {latest ? (
                      <a href={`/statements/${s.id}/documents/${latest.id}`} className="link">
                        Latest{latest.draft ? " (draft)" : ""}
                      </a>
                    ) : (
                      <span className="text-slate-500">none yet</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
