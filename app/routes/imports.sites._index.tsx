import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UploadForm } from "~/evidence/ui/UploadForm";
import { SITE_FIELDS } from "~/imports/sites/mapping";
import {
  createSiteImportJob,
  listSiteImportJobs,
  SITE_IMPORT_MAX_ROWS,
} from "~/imports/sites/sites-import.server";
import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from "~/imports/status";
import { formatLimitBytes, IMPORT_MAX_BYTES, receiveImportUpload } from "~/imports/upload.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { DataTable } from "~/ui/DataTable";
import { FormError } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Import sites · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  return {
    jobs: listSiteImportJobs(ctx),
    limits: { size: formatLimitBytes(IMPORT_MAX_BYTES), rows: SITE_IMPORT_MAX_ROWS.toLocaleString("en") },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const received = await receiveImportUpload(request);
  if (!received.ok) {
    return formFailure(400, { formError: received.message, fieldErrors: { file: received.message } });
  }
  return handle(
    async () => redirect(`/imports/sites/${(await createSiteImportJob(ctx, received.upload)).id}`),
    {},
  );
}

export default function SiteImportsIndex() {
  const { jobs, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import sites"
        subtitle="Upload your suppliers' sites (factories, farms, warehouses) with their workforce facts. Each row names its supplier by external reference; re-importing updates the sites by name."
        actions={
          <Link to="/imports" className="btn-secondary">
            Import suppliers
          </Link>
        }
      />
      <Card title="Upload a CSV or Excel file">
        <UploadForm
          uploadUrl="/imports/sites/upload"
          failure={actionData && !("ok" in actionData && actionData.ok) ? actionData : undefined}
          busy={uploading}
          className="space-y-4"
        >
          {({ failure, busy }) => {
            const fileError = failure?.fieldErrors.file;
            return (
              <>
                <div>
                  <label htmlFor="file" className="label">
                    CSV or Excel (.xlsx) file
                  </label>
                  <input
                    id="file"
                    name="file"
                    type="file"
                    accept=".csv,.txt,text/csv,.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    required
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby="file-hint"
                    className="block w-full text-sm text-slate-700 file:mr-4 file:rounded-md file:border-0 file:bg-slate-100 file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-700 hover:file:bg-slate-200"
                  />
                  <p id="file-hint" className="mt-1 text-xs text-slate-500">
                    CSV as UTF-8 text (commas, semicolons or tabs) or an Excel workbook; up to {limits.size}{" "}
                    and {limits.rows} rows. The whole file is imported in one step.
                  </p>
                </div>
                <div>
                  <label htmlFor="sheet" className="label">
                    Sheet <span className="font-normal text-slate-500">(workbooks only; optional)</span>
                  </label>
                  <input
                    id="sheet"
                    name="sheet"
                    type="text"
                    maxLength={100}
                    placeholder="The first sheet"
                    className="input max-w-xs"
                  />
                </div>
                <FormError error={fileError ?? failure?.formError} />
                <button type="submit" className="btn-primary" disabled={busy}>
                  {busy ? "Uploading…" : "Upload and map columns"}
                </button>
              </>
            );
          }}
        </UploadForm>
        <details className="mt-4 text-sm text-slate-600">
          <summary className="cursor-pointer font-medium text-slate-700">
            Which columns can a file have?
          </summary>
          <p className="mt-2">
            Any header names: you match them to these fields in the next step. Shares are percentages (0–100,
            “35 %” is fine); housing, seasonal work and Xinjiang nexus are yes or no.
          </p>
          <p className="mt-2 font-mono text-xs text-slate-500">{SITE_FIELDS.join(", ")}</p>
        </details>
      </Card>
      <Card title="Recent site imports">
        {jobs.length === 0 ? (
          <EmptyState title="No site imports yet">Your uploads and their results appear here.</EmptyState>
        ) : (
          <DataTable
            box="plain"
            divided={false}
            columns={[
              "File",
              "Status",
              { label: "Rows", className: "text-right" },
              { label: "Added", className: "text-right" },
              { label: "Updated", className: "text-right" },
              { label: "Errors", className: "text-right" },
              "Uploaded",
            ]}
          >
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link to={`/imports/sites/${j.id}`} className="link">
                    {j.fileName}
                  </Link>
                </td>
                <td>
                  <Badge tone={IMPORT_STATUS_TONES[j.status]}>{IMPORT_STATUS_LABELS[j.status]}</Badge>
                </td>
                <td className="text-right tabular-nums">{j.totalRows.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.createdCount.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.updatedCount.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.errorCount.toLocaleString("en")}</td>
                <td className="whitespace-nowrap text-slate-500">
                  {j.createdAt.slice(0, 16).replace("T", " ")}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
