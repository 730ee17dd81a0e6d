import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission, type Member } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { updateStatementSchema } from "~/statements/forms";
import { formatLongDate } from "~/statements/period";
import { SECTION_HEADING, SECTIONS, hasPlaceholder } from "~/statements/sections";
import {
  approveStatement,
  generateStatementPdf,
  getStatement,
  updateFromForm,
  updateStatement,
} from "~/statements/statements.server";
import { FieldError, FormError, Notice } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `Statement ${data.statement.financialYear}` : "Statement"} · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "statements:read");
  return {
    statement: await handle(() => getStatement(ctx, params.statementId ?? "")),
    canWrite: can(role, "statements:write"),
    canApprove: can(role, "statements:approve"),
    today: new Date().toISOString().slice(0, 10),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  // Every intent changes the statement: the least it needs is statements:write.
  const member = requireMember(request, "statements:write");
  const id = params.statementId ?? "";
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "save":
      return saveIntent(member, id, form);
    case "approve":
      return approveIntent(member, id);
    case "generate":
      return generateIntent(member, id);
  }
  return formFailure(400, { intent: "save", formError: "Unknown form submission." });
}

function saveIntent(member: Member, id: string, form: FormData) {
  const parsed = parseForm(updateStatementSchema, form, { intent: "save" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      updateStatement(member.ctx, id, updateFromForm(parsed.data));
      return { ok: true as const, intent: "save" as const, notice: "Statement saved." };
    },
    { intent: "save", values: parsed.values },
  );
}

function approveIntent(member: Member, id: string) {
  requirePermission(member, "statements:approve", "Only an executive or admin can approve a statement.");
  return handle(
    () => {
      approveStatement(member.ctx, id);
      return {
        ok: true as const,
        intent: "approve" as const,
        notice: "Statement approved. Generate the PDF for the director to sign and for publication.",
      };
    },
    { intent: "approve" },
  );
}

function generateIntent(member: Member, id: string) {
  return handle(
    async () => {
      await generateStatementPdf(member.ctx, id);
      return {
        ok: true as const,
        intent: "generate" as const,
        notice: "PDF generated from the latest figures.",
      };
    },
    { intent: "generate" },
  );
}

function formatTimestamp(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export default function StatementDetail() {
  const { statement: s, canWrite, canApprove, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();

  const failure = result && !result.ok ? result : undefined;
  // Approval problems point at the edit form's fields, so both forms' errors are shown there.
  const fieldErrors = failure ? failure.fieldErrors : {};
  const values = failureFor(result, "save")?.values as Record<string, string> | undefined;
  const editable = canWrite && s.status === "draft";
  const overdue = s.status === "draft" && s.publishBy < today;
  const placeholders = SECTIONS.filter((sec) => hasPlaceholder(s.narrative[sec.key])).length;

  return (
    <div className="space-y-6">
      <div>
        <Link to="/statements" className="text-sm text-slate-500 hover:text-slate-700">
          ← All statements
        </Link>
      </div>
      <PageHeader
        title={`Modern slavery statement ${s.financialYear}`}
        subtitle={
          <>
            {s.organisationName} · {formatLongDate(s.periodStart)} – {formatLongDate(s.periodEnd)} ·{" "}
            {s.status === "approved" ? (
              <Badge tone="green">Approved</Badge>
            ) : (
              <Badge tone="amber">Draft</Badge>
            )}
          </>
        }
      />

      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {failure ? (
        <FormError
          error={
            failure.formError ??
            (Object.keys(fieldErrors).length > 0 ? "Please correct the highlighted fields." : undefined)
          }
        />
      ) : null}

      <div
        className={`rounded-md border px-4 py-3 text-sm ${overdue ? "border-red-200 bg-red-50 text-red-800" : "border-sky-200 bg-sky-50 text-sky-900"}`}
      >
        {overdue ? (
          <p>
            <strong>The six-month publication window ended on {formatLongDate(s.publishBy)}.</strong> Approve
            and publish this statement as soon as possible.
          </p>
        ) : (
          <p>
            Publish the approved statement on your website, with a prominent link from the homepage, within
            six months of the financial year end: <strong>by {formatLongDate(s.publishBy)}</strong>.
          </p>
        )}
        <p className="mt-1 text-xs">
          Section 54(6): the board of directors (or equivalent) approves the statement and a director signs
          it.
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {editable ? (
            <Form method="post" className="space-y-6" noValidate>
              <input type="hidden" name="intent" value="save" />
              <Card title="Statement text, section 54(5)(a)–(f)">
                <div className="space-y-5">
                  {placeholders > 0 ? (
                    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
                      {placeholders} section{placeholders === 1 ? "" : "s"} still contain bracketed starting
                      text ([Replace: …]). Replace it with your own words before approval.
                    </p>
                  ) : null}
                  {SECTIONS.map((sec) => (
                    <div key={sec.key}>
                      <label htmlFor={`f-${sec.key}`} className="label">
                        {SECTION_HEADING(sec)}
                      </label>
                      <p id={`f-${sec.key}-hint`} className="mb-1 text-xs text-slate-500">
                        s.54(5)({sec.letter}): {sec.law}. The PDF adds the live figures for this area.
                      </p>
                      <textarea
                        id={`f-${sec.key}`}
                        name={sec.key}
                        rows={6}
                        className="input"
                        defaultValue={values?.[sec.key] ?? s.narrative[sec.key]}
                        aria-invalid={fieldErrors[sec.key] ? true : undefined}
                        aria-describedby={fieldErrors[sec.key] ? `f-${sec.key}-error` : `f-${sec.key}-hint`}
                      />
                      <FieldError id={`f-${sec.key}-error`} error={fieldErrors[sec.key]} />
                    </div>
                  ))}
                </div>
              </Card>
              <Card title="Board approval and signature">
                <div className="grid gap-4 sm:grid-cols-3">
                  <div>
                    <label htmlFor="f-boardApprovalDate" className="label">
                      Board approval date
                    </label>
                    <input
                      id="f-boardApprovalDate"
                      name="boardApprovalDate"
                      type="date"
                      className="input"
                      defaultValue={values?.boardApprovalDate ?? s.boardApprovalDate ?? ""}
                      aria-invalid={fieldErrors.boardApprovalDate ? true : undefined}
                      aria-describedby={
                        fieldErrors.boardApprovalDate ? "f-boardApprovalDate-error" : undefined
                      }
                    />
                    <FieldError id="f-boardApprovalDate-error" error={fieldErrors.boardApprovalDate} />
                  </div>
                  <div>
                    <label htmlFor="f-directorName" className="label">
                      Director who signs
                    </label>
                    <input
                      id="f-directorName"
                      name="directorName"
                      className="input"
                      defaultValue={values?.directorName ?? s.directorName ?? ""}
                      aria-invalid={fieldErrors.directorName ? true : undefined}
                      aria-describedby={fieldErrors.directorName ? "f-directorName-error" : undefined}
                    />
                    <FieldError id="f-directorName-error" error={fieldErrors.directorName} />
                  </div>
                  <div>
                    <label htmlFor="f-directorTitle" className="label">
                      Director&apos;s title
                    </label>
                    <input
                      id="f-directorTitle"
                      name="directorTitle"
                      className="input"
                      placeholder="e.g. Chief Executive Officer"
                      defaultValue={values?.directorTitle ?? s.directorTitle ?? ""}
                      aria-invalid={fieldErrors.directorTitle ? true : undefined}
                      aria-describedby={fieldErrors.directorTitle ? "f-directorTitle-error" : undefined}
                    />
                    <FieldError id="f-directorTitle-error" error={fieldErrors.directorTitle} />
                  </div>
                </div>
                <div className="mt-4 flex justify-end">
                  <button type="submit" className="btn-primary" disabled={busy === "save"}>
                    {busy === "save" ? "Saving…" : "Save"}
                  </button>
                </div>
              </Card>
            </Form>
          ) : (
            <Card title="Statement text, section 54(5)(a)–(f)">
              <div className="space-y-5">
                {SECTIONS.map((sec) => (
                  <div key={sec.key}>
                    <h3 className="text-sm font-semibold text-slate-900">{SECTION_HEADING(sec)}</h3>
                    <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
                      {s.narrative[sec.key] || <span className="text-slate-400">No text.</span>}
                    </p>
                  </div>
                ))}
                <dl className="grid gap-3 border-t border-slate-200 pt-4 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-xs text-slate-500">Board approval date</dt>
                    <dd>{s.boardApprovalDate ? formatLongDate(s.boardApprovalDate) : "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Director</dt>
                    <dd>{s.directorName ?? "—"}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">Title</dt>
                    <dd>{s.directorTitle ?? "—"}</dd>
                  </div>
                </dl>
              </div>
            </Card>
          )}
        </div>

        <div className="space-y-6">
          <Card title="Approval">
            {s.status === "approved" ? (
              <div className="space-y-2 text-sm text-slate-700">
                <p>
                  Approved by the board on{" "}
                  <strong>{formatLongDate(s.boardApprovalDate ?? s.periodEnd)}</strong>
                  {s.directorName ? `, signed by ${s.directorName}` : ""}. The text can no longer change.
                </p>
                {canWrite ? (
                  <Link
                    to={`/statements/new?periodStart=${s.periodStart}&periodEnd=${s.periodEnd}`}
                    className="link"
                  >
                    Start a revised draft for {s.financialYear}
                  </Link>
                ) : null}
              </div>
            ) : canApprove ? (
              <Form method="post" className="space-y-3">
                <input type="hidden" name="intent" value="approve" />
                <p className="text-sm text-slate-600">
                  Record that the board approved this statement. Save your changes first: approval uses the
                  saved text, which then can no longer be edited.
                </p>
                <ul className="list-inside list-disc text-xs text-slate-500">
                  <li>board approval date, on or before today</li>
                  <li>name of the director who signs</li>
                  <li>no bracketed starting text left</li>
                </ul>
                <button type="submit" className="btn-primary w-full" disabled={busy === "approve"}>
                  {busy === "approve" ? "Approving…" : "Approve statement"}
                </button>
              </Form>
            ) : (
              <p className="text-sm text-slate-500">An executive or admin approves the statement.</p>
            )}
          </Card>

          <Card title="Generated PDFs">
            {canWrite ? (
              <Form method="post" className="mb-4">
                <input type="hidden" name="intent" value="generate" />
                <button type="submit" className="btn-secondary w-full" disabled={busy === "generate"}>
                  {busy === "generate" ? "Generating…" : "Generate PDF"}
                </button>
                <p className="mt-2 text-xs text-slate-500">
                  Uses the saved text and today&apos;s figures.{" "}
                  {s.status === "draft" ? "A draft PDF is marked “DRAFT — not approved”." : null}
                </p>
              </Form>
            ) : null}
            {s.documents.length === 0 ? (
              <EmptyState title="No PDF generated yet" />
            ) : (
              <ul className="divide-y divide-slate-100 text-sm">
                {s.documents.map((d) => (
                  <li key={d.id} className="py-2">
                    <div className="flex items-center justify-between gap-2">
                      <a href={`/statements/${s.id}/documents/${d.id}`} className="link">
                        Download
                      </a>
                      {d.draft ? <Badge tone="amber">Draft</Badge> : <Badge tone="green">Approved</Badge>}
                    </div>
                    <div className="mt-0.5 text-xs text-slate-500">
                      {formatTimestamp(d.generatedAt)}
                      {d.generatedBy ? ` · ${d.generatedBy}` : ""} · {formatSize(d.sizeBytes)}
                    </div>
                    <div className="font-mono text-xs text-slate-400" title={`SHA-256 ${d.sha256}`}>
                      SHA-256 {d.sha256.slice(0, 12)}…
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
