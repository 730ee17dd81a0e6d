import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import {
  acceptAssignment,
  getAssignmentForReview,
  returnAssignment,
  returnSchema,
  revokeAssignment,
} from "~/questionnaires/assignments.server";
import { STATUS_LABELS, STATUS_TONES } from "~/questionnaires/status";
import { FieldError, FormError, Notice } from "~/ui/form";
import { Badge, Card, PageHeader, RiskBadge } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "supplier" in data ? `${data.supplier.name} · ` : ""}Questionnaire · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "questionnaires:read");
  const url = new URL(request.url);
  return handle(() => ({
    ...getAssignmentForReview(ctx, params.assignmentId ?? ""),
    canReview: can(role, "questionnaires:send"),
    notice: url.searchParams.has("sent")
      ? "Questionnaire sent. The supplier contact will receive the link by email."
      : url.searchParams.has("accepted")
        ? "Answers accepted. The supplier's risk was recomputed."
        : url.searchParams.has("returned")
          ? "Returned to the supplier with your comment."
          : url.searchParams.has("revoked")
            ? "The link was revoked: it no longer opens the questionnaire."
            : null,
  }));
}

const intentSchema = z.object({ intent: z.enum(["accept", "return", "revoke"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const id = params.assignmentId ?? "";
  const form = await request.formData();
  const intent = parseForm(intentSchema, form);
  if (!intent.ok) return intent.response;
  switch (intent.data.intent) {
    case "accept":
      return handle(() => {
        acceptAssignment(ctx, id);
        return redirect(`/questionnaires/${id}?accepted=1`);
      });
    case "revoke":
      return handle(() => {
        revokeAssignment(ctx, id);
        return redirect(`/questionnaires/${id}?revoked=1`);
      });
    case "return": {
      const parsed = parseForm(returnSchema, form);
      if (!parsed.ok) return parsed.response;
      return handle(async () => {
        await returnAssignment(ctx, id, parsed.data.comment);
        return redirect(`/questionnaires/${id}?returned=1`);
      });
    }
  }
}

type ActionData = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, unknown>;
};

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

export default function AssignmentReview() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  if (!("assignment" in data)) return null;
  const { assignment: a, supplier, sections, summary, returns, canReview, notice, answersVisible } = data;
  const editable = ["sent", "in_progress", "returned"].includes(a.status);

  return (
    <div className="space-y-6">
      <PageHeader
        title={supplier.name}
        subtitle={`${a.templateTitle} v${a.templateVersion} · sent to ${a.recipientName} <${a.recipientEmail}>`}
        actions={
          <Link to="/questionnaires" className="btn-secondary">
            All questionnaires
          </Link>
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormError error={actionData?.formError} />

      <Card>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-6">
          <Meta label="Status">
            <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
          </Meta>
          <Meta label="Supplier risk">
            <RiskBadge level={supplier.riskLevel} score={supplier.riskScore} />
          </Meta>
          <Meta label="Due">{a.dueDate ?? "—"}</Meta>
          <Meta label="Opened">{a.firstOpenedAt ? a.firstOpenedAt.slice(0, 10) : "Not yet"}</Meta>
          <Meta label="Submitted">{a.submittedAt ? a.submittedAt.slice(0, 10) : "—"}</Meta>
          <Meta label="Answers">
            {summary.answered}/{summary.questions}
            {summary.redFlags > 0 ? (
              <span className="ml-2">
                <Badge tone="red">
                  {summary.redFlags} red flag{summary.redFlags === 1 ? "" : "s"}
                </Badge>
              </span>
            ) : null}
          </Meta>
        </dl>
        {a.declarationName ? (
          <p className="mt-4 text-sm text-slate-600">
            Declared by <strong>{a.declarationName}</strong>
            {a.declarationTitle ? `, ${a.declarationTitle}` : ""}.
          </p>
        ) : null}
      </Card>

      {canReview && a.status === "submitted" ? (
        <Card title="Review">
          <div className="grid gap-6 md:grid-cols-2">
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <p className="mb-3 text-sm text-slate-600">
                Accept the answers as the supplier&apos;s current self-assessment. Red flags stay open as
                remediation tasks.
              </p>
              <button type="submit" className="btn-primary" disabled={busy}>
                Accept answers
              </button>
            </Form>
            <Form method="post" className="space-y-2">
              <input type="hidden" name="intent" value="return" />
              <label htmlFor="comment" className="label">
                Return to the supplier with a comment
              </label>
              <textarea
                id="comment"
                name="comment"
                rows={3}
                className="input"
                defaultValue={
                  typeof actionData?.values?.comment === "string" ? actionData.values.comment : ""
                }
                aria-invalid={actionData?.fieldErrors?.comment ? true : undefined}
              />
              <FieldError error={actionData?.fieldErrors?.comment} />
              <button type="submit" className="btn-secondary" disabled={busy}>
                Return for changes
              </button>
            </Form>
          </div>
        </Card>
      ) : null}

      {canReview && editable ? (
        <Form
          method="post"
          className="flex items-center justify-between rounded-lg border border-slate-200 bg-white p-4"
        >
          <input type="hidden" name="intent" value="revoke" />
          <p className="text-sm text-slate-600">
            The link works until {a.tokenExpiresAt.slice(0, 10)}. Revoke it if it was sent to the wrong
            person.
          </p>
          <button type="submit" className="btn-danger" disabled={busy}>
            Revoke link
          </button>
        </Form>
      ) : null}

      {returns.length > 0 ? (
        <Card title="Returned to the supplier">
          <ul className="space-y-3">
            {returns.map((r) => (
              <li key={r.at} className="text-sm">
                <div className="text-xs text-slate-500">
                  {r.at.slice(0, 10)} · {r.by}
                </div>
                <p className="whitespace-pre-wrap">{r.comment}</p>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {!answersVisible ? (
        <Notice>
          The supplier has not submitted yet: their answers appear here once they do ({summary.answered} of{" "}
          {summary.questions} answered in their draft so far).
        </Notice>
      ) : null}

      {sections.map((section) => (
        <Card key={section.id} title={section.title}>
          <ul className="divide-y divide-slate-100">
            {section.questions.map((q) => (
              <li
                key={q.id}
                className={`py-3 ${q.redFlag ? "-mx-4 border-l-4 border-red-500 bg-red-50 px-4" : ""}`}
                data-red-flag={q.redFlag ? "true" : undefined}
              >
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <p className="text-sm text-slate-800">
                    <span className="mr-2 font-mono text-xs text-slate-400">{q.id}</span>
                    {q.text}
                  </p>
                  <div className="flex flex-wrap gap-1">
                    {q.redFlag ? <Badge tone="red">Red flag</Badge> : null}
                    {q.control ? <Badge tone="green">Control</Badge> : null}
                    {q.ilo.map((i) => (
                      <span key={i.n} title={i.label}>
                        <Badge tone="blue">ILO {i.n}</Badge>
                      </span>
                    ))}
                  </div>
                </div>
                <p
                  className={`mt-1 text-sm font-medium ${q.answered ? (q.redFlag ? "text-red-700" : "text-slate-900") : "italic text-slate-400"}`}
                >
                  {q.answer}
                  {q.points !== 0 ? (
                    <span className="ml-2 text-xs font-normal text-slate-500">
                      ({q.points > 0 ? "+" : ""}
                      {q.points} risk points)
                    </span>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
