import { Link } from "@remix-run/react";
import { Card } from "~/ui/layout";
import type { SiteImportDetail } from "../sites/sites-import.server";

function Stat({ label, value, tone }: { label: string; value: number; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 px-4 py-3">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>
        {value.toLocaleString("en")}
      </p>
    </div>
  );
}

/** What the sites import did: sites added, updated, unchanged, rows with errors (a sample and the CSV). */
export function SiteImportSummary({ job }: { job: SiteImportDetail }) {
  return (
    <Card title="Summary">
      <div className="grid gap-3 sm:grid-cols-4" data-testid="site-import-summary">
        <Stat label="Sites added" value={job.createdCount} />
        <Stat label="Sites updated" value={job.updatedCount} />
        <Stat label="Unchanged" value={job.unchangedCount} />
        <Stat
          label="Rows with errors"
          value={job.errorCount}
          tone={job.errorCount ? "text-red-700" : undefined}
        />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Each supplier whose sites changed was rescored in the same step: its workforce factors (migrant and
        agency shares, employer housing, seasonal work) and any Xinjiang nexus now read the imported sites.
      </p>
      {job.errorCount > 0 ? (
        <div className="mt-6 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              Rows with errors were not imported. Download them, fix the cells named in the “error” column and
              upload the file again.
            </p>
            <a href={`/imports/sites/${job.id}/errors`} className="btn-secondary" download>
              Download rows with errors (CSV)
            </a>
          </div>
          <table className="table text-sm">
            <thead>
              <tr>
                <th>Line</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {job.errorSample.map((e, i) => (
                <tr key={i}>
                  <td className="tabular-nums text-slate-500">{e.line}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {job.errorCount > job.errorSample.length ? (
            <p className="mt-2 text-xs text-slate-500">
              Showing the first {job.errorSample.length} problems; the download has every row.
            </p>
          ) : null}
        </div>
      ) : null}
      <p className="mt-4 text-sm">
        <Link to="/suppliers" className="link">
          Go to the supplier list
        </Link>
      </p>
    </Card>
  );
}
