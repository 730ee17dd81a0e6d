import { DataTable } from "~/ui/DataTable";
import { Card } from "~/ui/layout";
import type { ImportJobDetail } from "../imports.server";
import { FIELD_LABELS, IMPORT_FIELDS } from "../mapping";

type Job = ImportJobDetail;

/** The first rows as they will be imported with the current mapping, each with its check. */
export function ImportPreview({ job }: { job: Job }) {
  const mappedFields = IMPORT_FIELDS.filter((f) => job.mapping[f] !== undefined);
  return (
    <Card title={`Preview: first ${job.preview.length} rows as they will be imported`}>
      {mappedFields.length === 0 ? (
        <p className="text-sm text-slate-500">Match at least one column to see the preview.</p>
      ) : (
        <DataTable
          box="plain"
          divided={false}
          className="table text-xs"
          data-testid="import-preview"
          columns={["Line", ...mappedFields.map((f) => FIELD_LABELS[f]), "Check"]}
        >
          {job.preview.map((row) => (
            <tr key={row.line} className={row.errors.length ? "bg-red-50" : undefined}>
              <td className="tabular-nums text-slate-500">{row.line}</td>
              {mappedFields.map((f) => (
                <td key={f} className="max-w-[14rem] truncate" title={row.mapped[f]}>
                  {row.mapped[f]}
                </td>
              ))}
              <td>
                {row.errors.length ? (
                  <span className="text-red-700">{row.errors.join("; ")}</span>
                ) : (
                  <span className="text-emerald-700">OK</span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
