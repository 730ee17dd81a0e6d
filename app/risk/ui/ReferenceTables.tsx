import type { ReferenceTable } from "~/risk/reference-view.server";
import { Card } from "~/ui/layout";

/** The reference data behind every score: edition, size and source of each table. */
export function ReferenceTables({ tables }: { tables: ReferenceTable[] }) {
  return (
    <Card title="Reference data in use">
      <table className="table" data-testid="reference-tables">
        <thead>
          <tr>
            <th>Table</th>
            <th>Edition</th>
            <th className="text-right">Rows</th>
            <th>Source and licence</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tables.map((t) => (
            <tr key={t.key}>
              <td className="font-medium text-slate-800">{t.title}</td>
              <td>{t.edition}</td>
              <td className="text-right tabular-nums">{t.rows ? t.rows.toLocaleString("en-GB") : "—"}</td>
              <td className="text-slate-500">{t.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500">
        The files ship in db/reference with SOURCES.md. Each stored score keeps the editions it used, so a
        past score re-derives exactly after an edition changes.
      </p>
    </Card>
  );
}
