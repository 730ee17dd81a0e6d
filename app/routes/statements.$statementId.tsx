import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { statementIntent } from "~/statements/intents.server";
import { formatLongDate } from "~/statements/period";
import { getStatement } from "~/statements/statements.server";
import { CheckerPanel } from "~/statements/ui/CheckerPanel";
import { CommentsPanel } from "~/statements/ui/CommentsPanel";
import { DocumentsPanel } from "~/statements/ui/DocumentsPanel";
import { FactsPanel } from "~/statements/ui/FactsPanel";
import { StatementEditor } from "~/statements/ui/StatementEditor";
import { StatementText } from "~/statements/ui/StatementText";
import { StatusBadge } from "~/statements/ui/StatusBadge";
import { WorkflowPanel } from "~/statements/ui/WorkflowPanel";
import { FormError, Notice } from "~/ui/form";
import { useSubmittingIntent } from "~/ui/intent";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.statement.title} ${data.statement.financialYear}` : "Statement"} · Clearsource`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "statements:read");
  return {
    statement: await handle(() => getStatement(ctx, params.statementId ?? "")),
    canWrite: can(role, "statements:write"),
    canApprove: can(role, "statements:approve"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = requireMember(request, "statements:read");
  return statementIntent(member, params.statementId ?? "", await readForm(request));
}

export default function StatementDetail() {
  const { statement: s, canWrite, canApprove } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useSubmittingIntent();
  const failure = result && !result.ok ? result : undefined;
  const errors = (failure?.fieldErrors ?? {}) as Record<string, string>;
  const values = failure?.intent === "save" ? failure.values : undefined;
  return (
    <div className="space-y-6">
      <Link to="/statements" className="text-sm text-slate-500 hover:text-slate-700">
        ← All statements
      </Link>
      <PageHeader
        title={`${s.title} ${s.financialYear}`}
        subtitle={
          <>
            {s.regimeName} · {s.organisationName} · {formatLongDate(s.periodStart)} –{" "}
            {formatLongDate(s.periodEnd)} · version {s.version} · <StatusBadge status={s.status} />
          </>
        }
      />
      {s.version > 1 ? <p className="text-sm text-sky-900">Revision: {s.revisionNote}</p> : null}
      {s.publishBy ? (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
          Due by <strong>{formatLongDate(s.publishBy)}</strong>.{" "}
          {s.template.approvalRequired
            ? "The governing body approves it and a member signs it."
            : "Post it with a conspicuous link on your homepage."}
        </p>
      ) : null}
      {result?.ok ? <Notice>{result.notice}</Notice> : null}
      {failure ? <FormError error={failure.formError ?? "Please correct the highlighted fields."} /> : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {!s.frozen && canWrite ? (
            <StatementEditor
              template={s.template}
              narrative={s.narrative}
              details={s.details}
              errors={errors}
              values={values}
              busy={busy === "save"}
            />
          ) : (
            <StatementText template={s.template} narrative={s.narrative} />
          )}
          <FactsPanel
            facts={s.facts}
            previous={s.previous}
            frozen={s.frozen}
            annexUrl={`/statements/${s.id}/annex.csv`}
          />
        </div>
        <div className="space-y-6">
          <CheckerPanel check={s.check} frozen={s.frozen} />
          <WorkflowPanel
            statementId={s.id}
            status={s.status}
            approvalDate={s.approvalDate}
            governingBody={s.governingBody}
            signatoryName={s.signatoryName}
            signatoryTitle={s.signatoryTitle}
            signedOn={s.signedOn}
            publicUrl={s.publicPath}
            members={s.members}
            defaultBody={s.template.approvingBody}
            today={s.today}
            canWrite={canWrite}
            canApprove={canApprove}
            errors={errors}
            busy={busy}
          />
          <CommentsPanel
            comments={s.comments}
            criteria={s.template.criteria}
            open={!s.frozen}
            error={failure?.intent === "comment" ? errors.body : undefined}
          />
          <DocumentsPanel
            statementId={s.id}
            documents={s.documents}
            canWrite={canWrite}
            busy={busy === "generate"}
            pageLimit={
              s.template.pageLimit === null ? null : s.template.pageLimit * (s.details.bilingual ? 2 : 1)
            }
            questionnaireUrl={s.regime === "ca_s211" ? `/statements/${s.id}/questionnaire.json` : null}
          />
        </div>
      </div>
    </div>
  );
}
