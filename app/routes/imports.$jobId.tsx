import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import {
  getImportJob,
  importJobFormSchema,
  retryImportJob,
  saveImportMapping,
} from "~/imports/imports.server";

import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from "~/imports/status";
import { ImportMapping } from "~/imports/ui/ImportMapping";
import { ImportPreview } from "~/imports/ui/ImportPreview";
import { ImportProgress, type ImportProgressData } from "~/imports/ui/ImportProgress";
import { ImportSummary } from "~/imports/ui/ImportSummary";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { FormError } from "~/ui/form";
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

export default function ImportJobPage() {
  const job = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failure = actionData?.ok === false ? actionData : undefined;
  const fieldErrors = failure?.fieldErrors ?? {};
  const formError = failure?.formError;

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
          <ImportMapping job={job} fieldErrors={fieldErrors} formError={formError} busy={busy} />

          <ImportPreview job={job} />
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
        <ImportSummary job={job} />
      ) : null}
    </div>
  );
}
