import { DataTable } from "~/ui/DataTable";
import { Card } from "~/ui/layout";
import type { ImportJobDetail, PreviewRow } from "../imports.server";
import { FIELD_LABELS, IMPORT_FIELDS } from "../mapping";

type Job = ImportJobDetail;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

/** A row's check in words (not only in colour): not imported, imported with a warning, or OK. */
function Check({ row }: { row: PreviewRow }) {
  if (row.errors.length)
    return (
      <span className="text-red-700">
        <span className="font-semibold">Not imported:</span> {row.errors.join("; ")}
        {row.warnings.length ? `; ${row.warnings.join("; ")}` : null}
      </span>
    );
  if (row.warnings.length)
    return (
      <span className="text-amber-800">
        <span className="font-semibold">Warning:</span> {row.warnings.join("; ")}
      </span>
    );
  return <span className="text-emerald-700">OK</span>;
}

/**
 * The first rows as they will be imported with the current mapping, each with its check, and what the
 * check of references found over the whole file (duplicates, parents that no supplier has).
 */
export function ImportPreview({ job }: { job: Job }) {
  const mappedFields = IMPORT_FIELDS.filter((f) => job.mapping[f] !== undefined);
  const check = job.fileCheck;
  return (
    <Card title={`Preview: first ${job.preview.length} rows as they will be imported`}>
      {mappedFields.length === 0 ? (
        <p className="text-sm text-slate-500">Match at least one column to see the preview.</p>
      ) : (
        <>
          {check ? (
            <div className="mb-3 text-sm" data-testid="import-file-check">
              <p className="font-medium text-slate-700">
                References checked across all {plural(check.rows, "row", "rows")} of the file:
              </p>
              <ul className="mt-1 list-disc pl-5 text-slate-600">
                <li>
                  {check.duplicateRows
                    ? `${plural(check.duplicateRows, "row repeats", "rows repeat")} the reference of an earlier row and will not be imported.`
                    : "No reference is used twice."}
                </li>
                {job.mapping.parent_external_ref !== undefined ? (
                  <li>
                    {check.unknownParentRows
                      ? `${plural(check.unknownParentRows, "row names", "rows name")} a parent that is neither in the file nor among your suppliers: ${check.unknownParentRows === 1 ? "it" : "they"} will be imported without that link (a link warning).`
                      : "Every parent named is in the file or among your suppliers."}
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
          <DataTable
            box="plain"
            divided={false}
            className="table text-xs"
            data-testid="import-preview"
            columns={["Line", ...mappedFields.map((f) => FIELD_LABELS[f]), "Check"]}
          >
            {job.preview.map((row) => (
              <tr
                key={row.line}
                className={row.errors.length ? "bg-red-50" : row.warnings.length ? "bg-amber-50" : undefined}
              >
                <td className="tabular-nums text-slate-600">{row.line}</td>
                {mappedFields.map((f) => (
                  <td key={f} className="max-w-[14rem] truncate" title={row.mapped[f]}>
                    {row.mapped[f]}
                  </td>
                ))}
                <td>
                  <Check row={row} />
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </Card>
  );
}
