import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import {
  addFinding,
  addFindingSchema,
  closeFinding,
  closeFindingSchema,
  getAudit,
} from "~/audits/audits.server";
import {
  FINDING_GRADES,
  GRADE_LABELS,
  ILO_INDICATOR_NUMBERS,
  ILO_INDICATORS,
  iloIndicatorLabel,
} from "~/audits/catalogue";
import { GradeBadge } from "~/audits/GradeBadge";
import { listEvidence, uploadEvidence } from "~/evidence/evidence.server";
import { ACCEPT_ATTRIBUTE, ALLOWED_TYPES_HINT, formatBytes, formatLimitMb } from "~/evidence/file-types";
import { parseUploadForm } from "~/evidence/upload.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission, type Member } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { Field, FieldError, FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data: d }) => [
  { title: d ? `${d.audit.supplierName} · ${d.audit.scheme} audit · Clearsource` : "Audit · Clearsource" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "audits:read");
  const detail = await handle(() => getAudit(ctx, params.auditId ?? ""));
  const evidence = can(role, "evidence:read") ? listEvidence(ctx, { auditId: detail.audit.id }) : [];
  return {
    audit: { ...detail.audit, createdAt: detail.audit.createdAt.toISOString() },
    findings: detail.findings.map((f) => ({
      id: f.id,
      title: f.title,
      description: f.description,
      grade: f.grade,
      iloIndicator: f.iloIndicator,
      status: f.status,
      closedAt: f.closedAt?.toISOString() ?? null,
      createdAt: f.createdAt.toISOString(),
    })),
    evidence: evidence.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    canWrite: can(role, "audits:write"),
    canUpload: can(role, "evidence:upload"),
    canDownload: can(role, "evidence:read"),
    uploadLimit: formatLimitMb(env().UPLOAD_MAX_BYTES),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "audits:read");
  const auditId = params.auditId ?? "";
  // Nobody who can neither write audits nor upload evidence gets a single byte of the body read.
  if (!can(member.role, "audits:write")) requirePermission(member, "evidence:upload");

  let form: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    // Files are capped while streaming (UPLOAD_MAX_BYTES), text fields at a few KB.
    const parsed = await parseUploadForm(request, "upload");
    if (!parsed.ok) return parsed.response;
    form = parsed.form;
  } else form = await readForm(request);
  switch (form.get("intent")) {
    case "upload":
      return uploadIntent(member, auditId, form);
    case "add-finding":
      return addFindingIntent(member, auditId, form);
    case "close-finding":
      return closeFindingIntent(member, form);
  }
  return formFailure(400, { formError: "Unknown form submission." });
}

async function uploadIntent(member: Member, auditId: string, form: FormData) {
  requirePermission(member, "evidence:upload");
  const file = form.get("file");
  if (!(file instanceof File)) {
    const message = "Choose a file to upload.";
    return formFailure(400, { intent: "upload", formError: message, fieldErrors: { file: message } });
  }
  const findingId = form.get("findingId");
  return handle(
    async () => {
      const row = await uploadEvidence(member.ctx, {
        auditId,
        findingId: typeof findingId === "string" && findingId !== "" ? findingId : null,
        file,
      });
      return { ok: true as const, intent: "upload" as const, notice: `Uploaded ${row.fileName}.` };
    },
    { intent: "upload" },
  );
}

function addFindingIntent(member: Member, auditId: string, form: FormData) {
  requirePermission(member, "audits:write");
  form.delete("intent");
  // The audit comes from the URL, never from the body.
  form.set("auditId", auditId);
  const parsed = parseForm(addFindingSchema, form, { intent: "add-finding" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const { taskId } = addFinding(member.ctx, parsed.data);
      const notice = taskId ? "Finding added. A remediation task was opened for it." : "Finding added.";
      return { ok: true as const, intent: "add-finding" as const, notice };
    },
    { intent: "add-finding", values: parsed.values },
  );
}

function closeFindingIntent(member: Member, form: FormData) {
  requirePermission(member, "audits:write");
  form.delete("intent");
  const parsed = parseForm(closeFindingSchema, form, { intent: "close-finding" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const { changed } = closeFinding(member.ctx, parsed.data.findingId);
      const notice = changed ? "Finding closed." : "That finding was already closed.";
      return { ok: true as const, intent: "close-finding" as const, notice };
    },
    { intent: "close-finding" },
  );
}

export default function AuditDetail() {
  const { audit, findings, evidence, canWrite, canUpload, canDownload, uploadLimit } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const submittingIntent = useSubmittingIntent();
  const findingErrors = failureFor(result, "add-finding");
  const uploadErrors = failureFor(result, "upload");
  const closeErrors = failureFor(result, "close-finding");
  const findingValues = findingErrors?.values as Record<string, string> | undefined;

  const findingForm = useRef<HTMLFormElement>(null);
  const uploadForm = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.ok && result.intent === "add-finding") findingForm.current?.reset();
    if (result?.ok && result.intent === "upload") uploadForm.current?.reset();
  }, [result]);

  const openFindings = findings.filter((f) => f.status === "open");
  const findingTitle = new Map(findings.map((f) => [f.id, f.title]));

  return (
    <div className="space-y-6">
      <div>
        <Link to="/audits" className="text-sm text-slate-500 hover:text-slate-700">
          ← All audits
        </Link>
      </div>
      <PageHeader
        title={`${audit.scheme} audit of ${audit.supplierName}`}
        subtitle={
          <>
            {audit.auditDate}
            {audit.siteName ? ` · ${audit.siteName}` : ""} · {audit.supplierCountry} ·{" "}
            <Link to={`/suppliers/${audit.supplierId}`} className="link">
              Supplier profile
            </Link>
          </>
        }
      />

      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {closeErrors ? <FormError error={closeErrors.formError ?? closeErrors.fieldErrors.findingId} /> : null}

      {audit.summary ? (
        <Card title="Summary">
          <p className="whitespace-pre-line text-sm text-slate-700">{audit.summary}</p>
        </Card>
      ) : null}

      <Card
        title={`Findings (${openFindings.length} open of ${findings.length})`}
        actions={
          <div className="flex flex-wrap gap-1">
            {FINDING_GRADES.map((g) => {
              const n = openFindings.filter((f) => f.grade === g).length;
              return n > 0 ? <GradeBadge key={g} grade={g} count={n} /> : null;
            })}
          </div>
        }
      >
        {findings.length === 0 ? (
          <EmptyState title="No findings recorded">
            {canWrite ? "Grade what the audit found below, from zero tolerance to observation." : null}
          </EmptyState>
        ) : (
          <div className="-m-4 overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <th>Grade</th>
                  <th>Finding</th>
                  <th>ILO indicator</th>
                  <th>Status</th>
                  {canWrite ? <th className="sr-only">Actions</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {findings.map((f) => (
                  <tr key={f.id} className={f.status === "closed" ? "opacity-70" : undefined}>
                    <td>
                      <GradeBadge grade={f.grade} />
                    </td>
                    <td className="max-w-md">
                      <div className="font-medium text-slate-900">{f.title}</div>
                      {f.description ? (
                        <p className="mt-0.5 whitespace-pre-line text-xs text-slate-500">{f.description}</p>
                      ) : null}
                    </td>
                    <td className="text-xs">
                      {iloIndicatorLabel(f.iloIndicator) ?? <span className="text-slate-400">—</span>}
                    </td>
                    <td>
                      {f.status === "open" ? (
                        <Badge tone="amber">Open</Badge>
                      ) : (
                        <Badge tone="green">Closed {f.closedAt?.slice(0, 10)}</Badge>
                      )}
                    </td>
                    {canWrite ? (
                      <td className="text-right">
                        {f.status === "open" ? (
                          <Form method="post">
                            <input type="hidden" name="intent" value="close-finding" />
                            <input type="hidden" name="findingId" value={f.id} />
                            <button
                              type="submit"
                              className="btn-secondary px-2.5 py-1 text-xs"
                              disabled={submittingIntent === "close-finding"}
                            >
                              Close
                            </button>
                          </Form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>

      {canWrite ? (
        <Card title="Add a finding">
          <Form method="post" ref={findingForm} className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="add-finding" />
            <FormError
              error={
                findingErrors
                  ? (findingErrors.formError ??
                    findingErrors.fieldErrors._form ??
                    "Please correct the highlighted fields.")
                  : undefined
              }
            />
            <Field
              label="Title"
              name="title"
              required
              maxLength={200}
              placeholder="e.g. Passports of migrant workers kept in the HR office safe"
              defaultValue={findingValues?.title ?? ""}
              error={findingErrors?.fieldErrors.title}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="f-grade" className="label">
                  Grade
                </label>
                <select
                  id="f-grade"
                  name="grade"
                  className="input"
                  required
                  defaultValue={findingValues?.grade ?? ""}
                  aria-invalid={findingErrors?.fieldErrors.grade ? true : undefined}
                  aria-describedby="f-grade-hint"
                >
                  <option value="" disabled>
                    Choose a grade…
                  </option>
                  {FINDING_GRADES.map((g) => (
                    <option key={g} value={g}>
                      {GRADE_LABELS[g]}
                    </option>
                  ))}
                </select>
                <p id="f-grade-hint" className="mt-1 text-xs text-slate-500">
                  Zero tolerance and critical findings open a remediation task straight away.
                </p>
                <FieldError error={findingErrors?.fieldErrors.grade} />
              </div>
              <div>
                <label htmlFor="f-iloIndicator" className="label">
                  ILO forced-labour indicator (optional)
                </label>
                <select
                  id="f-iloIndicator"
                  name="iloIndicator"
                  className="input"
                  defaultValue={findingValues?.iloIndicator ?? ""}
                  aria-invalid={findingErrors?.fieldErrors.iloIndicator ? true : undefined}
                >
                  <option value="">None</option>
                  {ILO_INDICATOR_NUMBERS.map((n) => (
                    <option key={n} value={n}>
                      {n}. {ILO_INDICATORS[n]}
                    </option>
                  ))}
                </select>
                <FieldError error={findingErrors?.fieldErrors.iloIndicator} />
              </div>
            </div>
            <div>
              <label htmlFor="f-description" className="label">
                Description (optional)
              </label>
              <textarea
                id="f-description"
                name="description"
                rows={3}
                maxLength={5000}
                className="input"
                placeholder="What was seen or heard, how many workers are affected, the clause it breaches."
                defaultValue={findingValues?.description ?? ""}
              />
              <FieldError error={findingErrors?.fieldErrors.description} />
            </div>
            <div className="flex justify-end">
              <button type="submit" className="btn-primary" disabled={submittingIntent === "add-finding"}>
                {submittingIntent === "add-finding" ? "Adding…" : "Add finding"}
              </button>
            </div>
          </Form>
        </Card>
      ) : null}

      {canDownload ? (
        <Card title={`Evidence (${evidence.length})`}>
          {evidence.length === 0 ? (
            <EmptyState title="No evidence uploaded">
              {canUpload ? "Upload the audit report, photos or corrective-action evidence below." : null}
            </EmptyState>
          ) : (
            <div className="-m-4 overflow-x-auto">
              <table className="table">
                <thead>
                  <tr>
                    <th>File</th>
                    <th>Type</th>
                    <th className="text-right">Size</th>
                    <th>Finding</th>
                    <th>Uploaded</th>
                    <th>SHA-256</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {evidence.map((e) => (
                    <tr key={e.id}>
                      <td className="max-w-xs break-all">
                        {/* A plain link: the download is a document request answered by a redirect to S3. */}
                        <a href={`/evidence/${e.id}/download`} className="link" rel="noopener">
                          {e.fileName}
                        </a>
                      </td>
                      <td className="text-xs">{e.contentType}</td>
                      <td className="whitespace-nowrap text-right tabular-nums">
                        {formatBytes(e.sizeBytes)}
                      </td>
                      <td className="text-xs">
                        {e.findingId ? (findingTitle.get(e.findingId) ?? "—") : "Whole audit"}
                      </td>
                      <td className="whitespace-nowrap text-xs tabular-nums">{e.createdAt.slice(0, 10)}</td>
                      <td>
                        <code className="text-xs text-slate-500" title={e.sha256}>
                          {e.sha256.slice(0, 12)}…
                        </code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      ) : null}

      {canUpload ? (
        <Card title="Upload evidence">
          <Form method="post" encType="multipart/form-data" ref={uploadForm} className="space-y-4" noValidate>
            <input type="hidden" name="intent" value="upload" />
            <FormError error={uploadErrors?.formError} />
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="f-file" className="label">
                  File
                </label>
                <input
                  id="f-file"
                  name="file"
                  type="file"
                  required
                  accept={ACCEPT_ATTRIBUTE}
                  className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
                  aria-invalid={uploadErrors?.fieldErrors.file ? true : undefined}
                  aria-describedby="f-file-hint"
                />
                <p id="f-file-hint" className="mt-1 text-xs text-slate-500">
                  {ALLOWED_TYPES_HINT}, up to {uploadLimit}. The type is checked from the file&apos;s content,
                  not its name.
                </p>
                {uploadErrors?.fieldErrors.file &&
                uploadErrors.fieldErrors.file !== uploadErrors.formError ? (
                  <FieldError error={uploadErrors.fieldErrors.file} />
                ) : null}
              </div>
              <div>
                <label htmlFor="f-findingId" className="label">
                  Relates to finding (optional)
                </label>
                <select id="f-findingId" name="findingId" className="input" defaultValue="">
                  <option value="">The audit as a whole</option>
                  {findings.map((f) => (
                    <option key={f.id} value={f.id}>
                      {GRADE_LABELS[f.grade]}: {f.title}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="flex justify-end">
              <button type="submit" className="btn-primary" disabled={submittingIntent === "upload"}>
                {submittingIntent === "upload" ? "Uploading…" : "Upload"}
              </button>
            </div>
          </Form>
        </Card>
      ) : null}
    </div>
  );
}
