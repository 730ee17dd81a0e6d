import { DataTable } from "~/ui/DataTable";
import { Card } from "~/ui/layout";
import { SITE_FIELD_LABELS, SITE_FIELDS } from "../sites/mapping";
import type { SiteImportDetail } from "../sites/sites-import.server";

/** The first rows as they will be imported: the supplier each names, add or update, and its check. */
export function SiteImportPreview({ job }: { job: SiteImportDetail }) {
  const fields = SITE_FIELDS.filter((f) => job.mapping[f] !== undefined && f !== "supplier_ref");
  return (
    <Card title={`Preview: first ${job.preview.length} rows as they will be imported`}>
      <DataTable
        box="plain"
        divided={false}
        className="table text-xs"
        data-testid="site-import-preview"
        columns={["Line", "Supplier", ...fields.map((f) => SITE_FIELD_LABELS[f]), "Check"]}
      >
        {job.preview.map((row) => (
          <tr key={row.line} className={row.errors.length ? "bg-red-50" : undefined}>
            <td className="tabular-nums text-slate-500">{row.line}</td>
            <td>{row.supplier?.name ?? ""}</td>
            {fields.map((f) => (
              <td key={f} className="max-w-[14rem] truncate" title={row.mapped[f]}>
                {row.mapped[f]}
              </td>
            ))}
            <td>
              {row.errors.length ? (
                <span className="text-red-700">{row.errors.join("; ")}</span>
              ) : (
                <span className="text-emerald-700">
                  {row.action === "update" ? "OK: updates the site" : "OK: adds the site"}
                </span>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </Card>
  );
}
