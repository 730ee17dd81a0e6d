import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";

import { reviewPageIntent } from "~/questionnaires/review-intents.server";
import { getAssignmentForReview } from "~/questionnaires/review.server";
import { AssignmentSummary } from "~/questionnaires/ui/AssignmentSummary";
import { ReviewedAnswer } from "~/questionnaires/ui/ReviewedAnswer";
import { FormError, Notice } from "~/ui/form";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "supplier" in data ? `${data.supplier.name} · ` : ""}Questionnaire · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "questionnaires:read");
  const url = new URL(request.url);
  return handle(() => ({
    ...getAssignmentForReview(ctx, params.assignmentId ?? ""),
    canReview: can(role, "questionnaires:send"),
    canReadEvidence: can(role, "evidence:read"),
    notice: url.searchParams.has("sent")
      ? "Questionnaire sent. The supplier contact will receive the link by email."
      : url.searchParams.has("accepted")
        ? "Answers accepted. The supplier's risk was recomputed."
        : url.searchParams.has("returned")
          ? "Returned to the supplier: they can change only the questions you commented on."
          : url.searchParams.has("revoked")
            ? "The link was revoked: it no longer opens the questionnaire."
            : null,
  }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = requireMember(request, "questionnaires:send");
  const id = params.assignmentId ?? "";
  const form = await readForm(request);
  return reviewPageIntent(ctx, id, form);
}

export default function AssignmentReview() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (!("assignment" in data)) return null;
  const {
    assignment: a,
    supplier,
    sections,
    summary,
    canReview,
    canReadEvidence,
    notice,
    answersVisible,
  } = data;
  const editable = ["sent", "in_progress", "returned"].includes(a.status);
  const reviewing = canReview && a.status === "submitted";

  return (
    <div className="space-y-6">
      <PageHeader
        title={supplier.name}
        subtitle={`${a.templateTitle} v${a.templateVersion} · sent to ${a.recipientName} <${a.recipientEmail}>`}
        actions={
          <div className="flex gap-2">
            <Link to={`/suppliers/${supplier.id}`} className="btn-secondary">
              Supplier page
            </Link>
            <Link to="/questionnaires" className="btn-secondary">
              All questionnaires
            </Link>
          </div>
        }
      />
      {notice ? <Notice>{notice}</Notice> : null}
      <FormError error={actionData?.ok === false ? actionData.formError : undefined} />

      <AssignmentSummary assignment={a} supplier={supplier} summary={summary} />

      {reviewing ? (
        <Card title="Review">
          <p className="text-sm text-slate-600">
            Accept each answer or return it with a comment. <strong>Return to supplier</strong> sends back
            only the questions you commented on ({summary.toReturn} so far), in the supplier&apos;s language;
            they can change nothing else. <strong>Accept answers</strong> makes this submission the
            supplier&apos;s current self-assessment and recomputes their risk.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Form method="post">
              <input type="hidden" name="intent" value="accept" />
              <button type="submit" className="btn-primary" disabled={busy || summary.toReturn > 0}>
                Accept answers
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="return" />
              <button type="submit" className="btn-secondary" disabled={busy || summary.toReturn === 0}>
                Return to supplier ({summary.toReturn})
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

      {!answersVisible ? (
        <Notice>
          The supplier has not submitted yet: their answers appear here once they do ({summary.answered} of{" "}
          {summary.questions} answered in their draft so far).
        </Notice>
      ) : a.status === "returned" ? (
        <Notice>
          Returned to the supplier: the answers below are as last submitted; the supplier is changing the
          returned questions.
        </Notice>
      ) : null}

      {sections.map((section) => (
        <Card key={section.id} title={section.title}>
          <ul className="divide-y divide-slate-100">
            {section.questions
              .filter((q) => q.visible || !answersVisible)
              .map((q) => (
                <ReviewedAnswer
                  key={q.id}
                  q={q}
                  reviewing={reviewing}
                  answersVisible={answersVisible}
                  canReadEvidence={canReadEvidence}
                />
              ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
