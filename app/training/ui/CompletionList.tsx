import type { CompletionRow } from "~/training/training.server";
import { DataTable } from "~/ui/DataTable";
import { EmptyState } from "~/ui/layout";
import { SOURCE_LABELS } from "~db/schema/training.constants";

export function CompletionList({ rows, forSuppliers }: { rows: CompletionRow[]; forSuppliers: boolean }) {
  if (rows.length === 0) return <EmptyState title="No completions recorded" />;
  return (
    <DataTable
      box="flush"
      columns={["Completed", "Name", forSuppliers ? "Supplier" : "E-mail", "Score", "Recorded"]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <td>{r.completedOn}</td>
          <td>
            {r.learnerName}
            {r.source === "portal" ? (
              <span className="block text-xs text-slate-600">as typed by the learner</span>
            ) : null}
          </td>
          <td>{forSuppliers ? (r.supplierName ?? "—") : (r.learnerEmail ?? "—")}</td>
          <td>{r.scorePercent === null ? "—" : `${r.scorePercent} %`}</td>
          <td>
            {SOURCE_LABELS[r.source]}
            {r.language ? ` (${r.language})` : ""}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
