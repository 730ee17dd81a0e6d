import { Link } from "@remix-run/react";
import { Badge, Card } from "~/ui/layout";
import type { ImportJobDetail } from "../imports.server";

type Job = ImportJobDetail;

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

/**
 * What the import did: created, updated, unchanged, rows with errors (not imported), rows with link
 * warnings (saved without a parent link), links; a sample of the problems and the CSV of those rows.
 */
export function ImportSummary({ job }: { job: Job }) {
  const problems = job.errorCount + job.warningCount;
  return (
    <Card title="Summary">
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="import-summary">
        <Stat label="Created" value={job.createdCount} />
        <Stat label="Updated" value={job.updatedCount} />
        <Stat label="Unchanged" value={job.unchangedCount} />
        <Stat
          label="Rows with errors"
          value={job.errorCount}
          tone={job.errorCount ? "text-red-700" : undefined}
        />
        <Stat
          label="Link warnings"
          value={job.warningCount}
          tone={job.warningCount ? "text-amber-800" : undefined}
        />
        <Stat label="Links added" value={job.linksAdded} />
      </div>
      {problems > 0 ? (
        <div className="mt-6 space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-600">
              {job.errorCount ? "Rows with errors were not imported. " : null}
              {job.warningCount
                ? "Rows with a link warning were saved without the parent link named. "
                : null}
              Download them, fix the cells named in the “error” column and upload the file again.
            </p>
            <a href={`/imports/${job.id}/errors`} className="btn-secondary" download>
              {job.warningCount
                ? job.errorCount
                  ? "Download rows with errors or warnings (CSV)"
                  : "Download rows with warnings (CSV)"
                : "Download rows with errors (CSV)"}
            </a>
          </div>
          <div className="overflow-x-auto">
            <table className="table text-sm">
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Kind</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {job.errorSample.map((e, i) => (
                  <tr key={i}>
                    <td className="tabular-nums text-slate-500">{e.line}</td>
                    <td>
                      {e.severity === "warning" ? (
                        <Badge tone="amber">Link warning</Badge>
                      ) : (
                        <Badge tone="red">Not imported</Badge>
                      )}
                    </td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {problems > job.errorSample.length ? (
              <p className="mt-2 text-xs text-slate-500">
                Showing the first {job.errorSample.length} of {problems.toLocaleString("en")}; the download
                has them all.
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      {job.status === "done" ? (
        <p className="mt-4 text-sm">
          <Link to="/suppliers" className="link">
            Go to the supplier list
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
