import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember, requirePermission, type Member } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { updateStatementSchema } from "~/statements/forms";
import { formatLongDate } from "~/statements/period";

import {
  approveStatement,
  generateStatementPdf,
  getStatement,
  updateFromForm,
  updateStatement,
} from "~/statements/statements.server";
import { StatementApproval } from "~/statements/ui/StatementApproval";
import { StatementDocuments } from "~/statements/ui/StatementDocuments";
import { StatementForm } from "~/statements/ui/StatementForm";
import { StatementText } from "~/statements/ui/StatementText";
import { FormError, Notice, formErrorOrSummary } from "~/ui/form";
import { failureFor, useSubmittingIntent } from "~/ui/intent";
import { Badge, PageHeader } from "~/ui/layout";

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
      <FormError error={formErrorOrSummary(failure)} />

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
            <StatementForm s={s} values={values} fieldErrors={fieldErrors} saving={busy === "save"} />
          ) : (
            <StatementText s={s} />
          )}
        </div>

        <div className="space-y-6">
          <StatementApproval
            s={s}
            canWrite={canWrite}
            canApprove={canApprove}
            approving={busy === "approve"}
          />

          <StatementDocuments s={s} canWrite={canWrite} generating={busy === "generate"} />
        </div>
      </div>
    </div>
  );
}
