import { Link } from "@remix-run/react";
import { STATE_LABELS } from "~/remediation/workflow";
import { DataTable } from "~/ui/DataTable";
import { Badge, EmptyState } from "~/ui/layout";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import { iloIndicatorLabel } from "../catalogue";
import { GradeBadge } from "../GradeBadge";

export type FindingRow = {
  id: string;
  title: string;
  description: string | null;
  grade: FindingGrade;
  schemeGrade: string | null;
  clause: string | null;
  iloIndicator: string | null;
  status: "open" | "closed";
  closedAt: string | null;
  action: { id: string; state: ActionState; dueDate: string } | null;
};

/**
 * The audit's findings: grade in the auditor's words beside the organisation's scale, and the
 * corrective action that alone can close each one (after verification).
 */
export function FindingsTable({ findings, canWrite }: { findings: FindingRow[]; canWrite: boolean }) {
  if (findings.length === 0)
    return (
      <EmptyState title="No findings recorded">
        {canWrite ? "Grade what the audit found below, in the scheme's own words." : null}
      </EmptyState>
    );
  return (
    <DataTable box="flush" columns={["Grade", "Finding", "ILO indicator", "Status", "Corrective action"]}>
      {findings.map((f) => (
        <tr key={f.id} className={f.status === "closed" ? "bg-slate-50" : undefined}>
          <td>
            <GradeBadge grade={f.grade} />
            {f.schemeGrade ? <div className="mt-1 text-xs text-slate-500">“{f.schemeGrade}”</div> : null}
          </td>
          <td className="max-w-md">
            <div className="font-medium text-slate-900">{f.title}</div>
            {f.clause ? <div className="text-xs text-slate-500">Clause {f.clause}</div> : null}
            {f.description ? (
              <p className="mt-0.5 whitespace-pre-line text-xs text-slate-500">{f.description}</p>
            ) : null}
          </td>
          <td className="text-xs">
            {iloIndicatorLabel(f.iloIndicator) ?? <span className="text-slate-500">—</span>}
          </td>
          <td>
            {f.status === "open" ? (
              <Badge tone="amber">Open</Badge>
            ) : (
              <Badge tone="green">Closed {f.closedAt?.slice(0, 10)}</Badge>
            )}
          </td>
          <td className="text-sm">
            {f.action ? (
              <Link to={`/remediation/${f.action.id}`} className="link">
                {STATE_LABELS[f.action.state]}
              </Link>
            ) : (
              <span className="text-slate-500">—</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
