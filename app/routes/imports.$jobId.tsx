import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";

import {
  getImportJob,
  importJobFormSchema,
  retryImportJob,
  saveImportMapping,
} from "~/imports/imports.server";
import { FIELD_LABELS, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from "~/imports/mapping";
import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from "~/imports/status";
import { ImportProgress, type ImportProgressData } from "~/imports/ui/ImportProgress";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { FieldError, FormError } from "~/ui/form";
import { Badge, Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Import · Clearsource" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  return handle(() => getImportJob(ctx, params.jobId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const parsed = parseForm(importJobFormSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const jobId = params.jobId ?? "";
  const { intent, ...form } = parsed.data;
  return handle(
    () => {
      if (intent === "retry") {
        retryImportJob(ctx, jobId);
        return redirect(`/imports/${jobId}`);
      }
      const { status } = saveImportMapping(ctx, { jobId, form, start: intent === "start" });
      if (status === "queued") return redirect(`/imports/${jobId}`);
      return { ok: true as const };
    },
    { values: parsed.values },
  );
}

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

export default function ImportJobPage() {
  const job = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state !== "idle";
  const failure = actionData?.ok === false ? actionData : undefined;
  const fieldErrors = failure?.fieldErrors ?? {};
  const formError = failure?.formError;
  const mappedFields = IMPORT_FIELDS.filter((f) => job.mapping[f] !== undefined);

  const progress: ImportProgressData = {
    status: job.status,
    phase: job.phase,
    processedRows: job.processedRows,
    totalRows: job.totalRows,
    percent: job.status === "done" ? 100 : 0,
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title={job.fileName}
        subtitle={
          <>
            <Badge tone={IMPORT_STATUS_TONES[job.status]}>{IMPORT_STATUS_LABELS[job.status]}</Badge>{" "}
            <span className="ml-1">
              {job.totalRows.toLocaleString("en")} rows · separated by{" "}
              {job.delimiter === "\t" ? "tabs" : job.delimiter === ";" ? "semicolons" : "commas"} · uploaded{" "}
              {job.createdAt.slice(0, 16).replace("T", " ")}
            </span>
          </>
        }
        actions={
          <Link to="/imports" className="btn-secondary">
            All imports
          </Link>
        }
      />

      {job.status === "mapping" ? (
        <>
          <Card title="Match your columns">
            <Form
              method="post"
              className="space-y-4"
              noValidate
              onChange={(e) => {
                // Changing a select refreshes the preview with the new mapping (saved as a draft).
                const fd = new FormData(e.currentTarget);
                fd.set("intent", "preview");
                submit(fd, { method: "post", preventScrollReset: true });
              }}
            >
              <p className="text-sm text-slate-600">
                We matched what we could from your header names. Fields marked * are required; columns left as
                “not imported” keep the supplier’s current value. Your choice is remembered for files with the
                same headers.
              </p>
              <div className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
                {IMPORT_FIELDS.map((field: ImportField) => {
                  const error = fieldErrors?.[field];
                  return (
                    <div key={field}>
                      <label htmlFor={`map-${field}`} className="label">
                        {FIELD_LABELS[field]}
                        {REQUIRED_FIELDS.includes(field) ? <span className="text-red-600"> *</span> : null}
                      </label>
                      <select
                        id={`map-${field}`}
                        name={field}
                        className="input"
                        defaultValue={job.mapping[field] === undefined ? "" : String(job.mapping[field])}
                        aria-invalid={error ? true : undefined}
                      >
                        <option value="">— not imported —</option>
                        {job.headers.map((h, i) => (
                          <option key={i} value={i}>
                            {h}
                          </option>
                        ))}
                      </select>
                      <FieldError error={error} />
                    </div>
                  );
                })}
              </div>
              <FormError error={formError} />
              <div className="flex flex-wrap items-center gap-3">
                <button type="submit" name="intent" value="start" className="btn-primary" disabled={busy}>
                  Start import
                </button>
                <button type="submit" name="intent" value="preview" className="btn-secondary" disabled={busy}>
                  Update preview
                </button>
              </div>
            </Form>
          </Card>

          <Card title={`Preview: first ${job.preview.length} rows as they will be imported`}>
            {mappedFields.length === 0 ? (
              <p className="text-sm text-slate-500">Match at least one column to see the preview.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="table text-xs" data-testid="import-preview">
                  <thead>
                    <tr>
                      <th>Line</th>
                      {mappedFields.map((f) => (
                        <th key={f}>{FIELD_LABELS[f]}</th>
                      ))}
                      <th>Check</th>
                    </tr>
                  </thead>
                  <tbody>
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
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      ) : (
        <Card title="Progress">
          <ImportProgress key={`${job.id}:${job.status}`} jobId={job.id} initial={progress} />
          {job.status === "failed" ? (
            <div className="mt-4 space-y-3">
              <FormError error={job.failureMessage ?? "The import stopped."} />
              <Form method="post">
                <button type="submit" name="intent" value="retry" className="btn-primary" disabled={busy}>
                  Retry from where it stopped
                </button>
              </Form>
            </div>
          ) : null}
        </Card>
      )}

      {job.status === "done" || job.status === "failed" || job.processedRows > 0 ? (
        <Card title="Summary">
          <div className="grid gap-3 sm:grid-cols-5" data-testid="import-summary">
            <Stat label="Created" value={job.createdCount} />
            <Stat label="Updated" value={job.updatedCount} />
            <Stat label="Unchanged" value={job.unchangedCount} />
            <Stat
              label="Rows with errors"
              value={job.errorCount}
              tone={job.errorCount ? "text-red-700" : undefined}
            />
            <Stat label="Links added" value={job.linksAdded} />
          </div>
          {job.errorCount > 0 ? (
            <div className="mt-6 space-y-3">
              <div className="flex flex-wrap items-center justify-between gap-3">
                <p className="text-sm text-slate-600">
                  Rows with errors were not imported (or, where noted, saved without a parent link). Download
                  them, fix the cells named in the “error” column and upload the file again.
                </p>
                <a href={`/imports/${job.id}/errors`} className="btn-secondary" download>
                  Download rows with errors (CSV)
                </a>
              </div>
              <div className="overflow-x-auto">
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
                    Showing the first {job.errorSample.length} of {job.errorCount.toLocaleString("en")}; the
                    download has them all.
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
      ) : null}
    </div>
  );
}
