import { Link } from "@remix-run/react";
import type { CaseListRow } from "~/grievances/cases.server";
import { INDICATOR_LABELS } from "~/grievances/indicators";
import { STATE_LABELS } from "~/grievances/workflow";
import { EmptyState } from "~/ui/layout";

/** The organisation's cases with their clocks: overdue acknowledgement and feedback are flagged. */
export function CaseList({ rows }: { rows: CaseListRow[] }) {
  if (rows.length === 0)
    return <EmptyState title="No cases">Reports from the worker channel appear here.</EmptyState>;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2">Case</th>
          <th>Received</th>
          <th>State</th>
          <th>Warning signs</th>
          <th>Supplier / site</th>
          <th>Clocks</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => (
          <tr key={r.id}>
            <td className="py-2">
              <Link className="link" to={`/grievances/${r.id}`}>
                #{r.number}
              </Link>
              <span className="ml-2 text-xs text-slate-500">{r.language}</span>
            </td>
            <td>{r.receivedOn}</td>
            <td>{STATE_LABELS[r.state]}</td>
            <td className="text-xs">{r.indicators.map((i) => INDICATOR_LABELS[i]).join(", ") || "—"}</td>
            <td className="text-xs">
              {r.supplierName ?? "Not triaged"}
              {r.siteName ? ` · ${r.siteName}` : ""}
            </td>
            <td className="text-xs">
              {r.clocks.acknowledgeOverdue ? (
                <span className="font-semibold text-red-700">
                  Acknowledgement overdue ({r.clocks.acknowledgeDue})
                </span>
              ) : r.clocks.feedbackOverdue ? (
                <span className="font-semibold text-red-700">Feedback overdue ({r.clocks.feedbackDue})</span>
              ) : r.state === "received" ? (
                `Acknowledge by ${r.clocks.acknowledgeDue}`
              ) : r.state === "closed" ? (
                "—"
              ) : (
                `Feedback by ${r.clocks.feedbackDue}`
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
