import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UploadForm } from "~/evidence/ui/UploadForm";
import { createImportJob, listImportJobs } from "~/imports/imports.server";
import { IMPORT_FIELDS } from "~/imports/mapping";
import { IMPORT_STATUS_LABELS, IMPORT_STATUS_TONES } from "~/imports/status";
import {
  formatLimitBytes,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  receiveImportUpload,
} from "~/imports/upload.server";
import { formFailure, handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { DataTable } from "~/ui/DataTable";
import { FormError } from "~/ui/form";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Import suppliers · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  return {
    jobs: listImportJobs(ctx),
    limits: {
      size: formatLimitBytes(IMPORT_MAX_BYTES),
      rows: IMPORT_MAX_ROWS.toLocaleString("en"),
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  // The file streams to disk with the size, row and text checks; nothing is stored in the database yet.
  const received = await receiveImportUpload(request);
  if (!received.ok) {
    return formFailure(400, { formError: received.message, fieldErrors: { file: received.message } });
  }
  return handle(async () => redirect(`/imports/${(await createImportJob(ctx, received.upload)).id}`), {});
}

export default function ImportsIndex() {
  const { jobs, limits } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const uploading = useNavigation().state === "submitting";

  return (
    <div className="space-y-6">
      <PageHeader
        title="Import suppliers"
        subtitle="Upload a spreadsheet export from your ERP. Re-importing the same file updates suppliers by their external reference."
        actions={
          <>
            <Link to="/imports/sites" className="btn-secondary">
              Import sites
            </Link>
            <Link to="/suppliers" className="btn-secondary">
              Suppliers
            </Link>
          </>
        }
      />

      <Card title="Upload a CSV or Excel file">
        <UploadForm
          uploadUrl="/imports/upload"
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
                    CSV as UTF-8 text, separated by commas, semicolons or tabs, or an Excel workbook (the
                    values the spreadsheet shows; formulas as last calculated); up to {limits.size} and{" "}
                    {limits.rows} rows.
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
                    aria-describedby="sheet-hint"
                    className="input max-w-xs"
                  />
                  <p id="sheet-hint" className="mt-1 text-xs text-slate-500">
                    A sheet&apos;s name or number, when the suppliers are not on the first sheet.
                  </p>
                </div>
                <FormError error={fileError ?? failure?.formError} />
                <div className="flex items-center gap-3">
                  <button type="submit" className="btn-primary" disabled={busy}>
                    {busy ? "Uploading…" : "Upload and map columns"}
                  </button>
                </div>
              </>
            );
          }}
        </UploadForm>
        <details className="mt-4 text-sm text-slate-600">
          <summary className="cursor-pointer font-medium text-slate-700">
            Which columns can a file have?
          </summary>
          <p className="mt-2">
            Any header names: you match them to these fields in the next step (the supplier export uses
            exactly these names). Goods, tags and parent references take several values separated by “;”. A
            parent is found by its reference, in the file or among your suppliers; a row whose parent is
            neither is imported without that link and listed as a link warning.
          </p>
          <p className="mt-2 font-mono text-xs text-slate-500">{IMPORT_FIELDS.join(", ")}</p>
        </details>
      </Card>

      <Card title="Recent imports">
        {jobs.length === 0 ? (
          <EmptyState title="No imports yet">Your uploads and their results appear here.</EmptyState>
        ) : (
          <DataTable
            box="plain"
            divided={false}
            columns={[
              "File",
              "Status",
              { label: "Rows", className: "text-right" },
              { label: "Created", className: "text-right" },
              { label: "Updated", className: "text-right" },
              { label: "Unchanged", className: "text-right" },
              { label: "Errors", className: "text-right" },
              { label: "Link warnings", className: "text-right" },
              "Uploaded",
            ]}
          >
            {jobs.map((j) => (
              <tr key={j.id}>
                <td>
                  <Link to={`/imports/${j.id}`} className="link">
                    {j.fileName}
                  </Link>
                </td>
                <td>
                  <Badge tone={IMPORT_STATUS_TONES[j.status]}>{IMPORT_STATUS_LABELS[j.status]}</Badge>
                </td>
                <td className="text-right tabular-nums">{j.totalRows.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.createdCount.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.updatedCount.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">{j.unchangedCount.toLocaleString("en")}</td>
                <td className="text-right tabular-nums">
                  {j.errorCount ? (
                    <span className="text-red-700">{j.errorCount.toLocaleString("en")}</span>
                  ) : (
                    0
                  )}
                </td>
                <td className="text-right tabular-nums">
                  {j.warningCount ? (
                    <span className="text-amber-800">{j.warningCount.toLocaleString("en")}</span>
                  ) : (
                    0
                  )}
                </td>
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
