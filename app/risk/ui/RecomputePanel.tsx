import { Form } from "@remix-run/react";
import type { RiskJobView } from "~/risk/recompute-org.server";
import { Field } from "~/ui/form";
import { Badge, Card } from "~/ui/layout";

/**
 * Organisation-wide recomputes (a new model version or reference edition, a settings change, or on
 * request), with progress, and the one setting of the model: the audit age after which coverage lapses.
 */
export function RecomputePanel({
  jobs,
  canManage,
  auditMaxAgeMonths,
  error,
  typed,
}: {
  jobs: RiskJobView[];
  canManage: boolean;
  auditMaxAgeMonths: number;
  error?: string;
  typed?: string;
}) {
  return (
    <Card title="Recomputes">
      <div className="space-y-4 text-sm">
        {jobs.length ? (
          <ul className="divide-y divide-slate-100" data-testid="risk-jobs">
            {jobs.map((j) => {
              const pct = j.total ? Math.min(100, Math.round((j.done / j.total) * 100)) : 100;
              return (
                <li key={j.id} className="py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>{j.reason}</span>
                    <Badge tone={j.status === "done" ? "green" : j.status === "failed" ? "red" : "amber"}>
                      {j.status === "done" ? "Done" : j.status === "failed" ? "Failed" : `${pct} %`}
                    </Badge>
                  </div>
                  <p className="text-xs text-slate-500">
                    {j.done.toLocaleString("en-GB")} of {j.total.toLocaleString("en-GB")} suppliers rescored,{" "}
                    {j.changed.toLocaleString("en-GB")} changed (each with a note saying why) ·{" "}
                    {j.requestedBy} · {j.createdAt.slice(0, 16).replace("T", " ")} UTC
                    {j.error ? ` · ${j.error}` : ""}
                  </p>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-slate-500">No organisation-wide recompute has run yet.</p>
        )}
        {canManage ? (
          <div className="grid gap-4 border-t border-slate-100 pt-3 sm:grid-cols-2">
            <Form method="post" className="flex items-end gap-2">
              <input type="hidden" name="intent" value="settings" />
              <Field
                label="Audit counts as recent for (months)"
                name="auditMaxAgeMonths"
                inputMode="numeric"
                defaultValue={typed ?? String(auditMaxAgeMonths)}
                error={error}
              />
              <button type="submit" className="btn-secondary">
                Save
              </button>
            </Form>
            <Form method="post" className="flex items-end">
              <input type="hidden" name="intent" value="recompute" />
              <button type="submit" className="btn-secondary">
                Recompute all suppliers now
              </button>
            </Form>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
