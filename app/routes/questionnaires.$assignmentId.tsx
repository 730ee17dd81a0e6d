import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { Ctx } from "~/infra/context";
import { readForm } from "~/infra/form.server";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { revokeAssignment } from "~/questionnaires/assignments.server";
import {
  acceptAssignment,
  getAssignmentForReview,
  returnToSupplier,
  reviewQuestion,
  reviewQuestionSchema,
  type ReviewedQuestion,
} from "~/questionnaires/review.server";
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
  switch (form.get("intent")) {
    case "accept":
      return acceptIntent(ctx, id);
    case "revoke":
      return revokeIntent(ctx, id);
    case "review":
      return reviewIntent(ctx, id, form);
    case "return":
      return returnIntent(ctx, id);
  }
  return formFailure(400, { fieldErrors: { intent: "Unknown form submission." } });
}

function acceptIntent(ctx: Ctx, id: string) {
  return handle(() => {
    acceptAssignment(ctx, id);
    return redirect(`/questionnaires/${id}?accepted=1`);
  }, {});
}

function revokeIntent(ctx: Ctx, id: string) {
  return handle(() => {
    revokeAssignment(ctx, id);
    return redirect(`/questionnaires/${id}?revoked=1`);
  }, {});
}

/** One question accepted or returned with a comment, posted by that question's fetcher. */
function reviewIntent(ctx: Ctx, id: string, form: FormData) {
  const parsed = parseForm(reviewQuestionSchema, form, { intent: "review" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      reviewQuestion(ctx, id, parsed.data);
      return { ok: true as const, intent: "review" as const, questionId: parsed.data.questionId };
    },
    { intent: "review", values: parsed.values },
  );
}

function returnIntent(ctx: Ctx, id: string) {
  return handle(async () => {
    await returnToSupplier(ctx, id);
    return redirect(`/questionnaires/${id}?returned=1`);
  }, {});
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-800">{children}</dd>
    </div>
  );
}

/** Accept or return one question; a fetcher so reviewing sixty questions never reloads the page. */
function QuestionReview({ q }: { q: ReviewedQuestion }) {
  const fetcher = useFetcher<typeof reviewIntent>();
  const [mode, setMode] = useState(q.review?.decision === "returned");
  const error =
    fetcher.data && !fetcher.data.ok
      ? (fetcher.data.fieldErrors?.comment ?? fetcher.data.formError)
      : undefined;
  const sending = fetcher.state !== "idle";
  return (
    <div className="mt-2 flex flex-wrap items-start gap-2">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="review" />
        <input type="hidden" name="questionId" value={q.id} />
        <input type="hidden" name="decision" value="accepted" />
        <button
          type="submit"
          className={`rounded-md border px-2 py-1 text-xs font-medium ${q.review?.decision === "accepted" ? "border-emerald-600 bg-emerald-600 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
          disabled={sending}
          aria-pressed={q.review?.decision === "accepted"}
        >
          {q.review?.decision === "accepted" ? "✓ Accepted" : "Accept"}
        </button>
      </fetcher.Form>
      {mode ? (
        <fetcher.Form method="post" className="flex min-w-[18rem] flex-1 flex-col gap-1">
          <input type="hidden" name="intent" value="review" />
          <input type="hidden" name="questionId" value={q.id} />
          <input type="hidden" name="decision" value="returned" />
          <label htmlFor={`c-${q.id}`} className="sr-only">
            Comment for the supplier on {q.id}
          </label>
          <textarea
            id={`c-${q.id}`}
            name="comment"
            rows={2}
            className="input text-sm"
            placeholder="What should the supplier change?"
            defaultValue={q.review?.comment ?? ""}
            aria-invalid={error ? true : undefined}
          />
          <FieldError error={error} />
          <div>
            <button type="submit" className="btn-secondary py-1 text-xs" disabled={sending}>
              {q.review?.decision === "returned" ? "Update comment" : "Mark to return with this comment"}
            </button>
          </div>
        </fetcher.Form>
      ) : (
        <button
          type="button"
          onClick={() => setMode(true)}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          Return with a comment
        </button>
      )}
    </div>
  );
}

function History({ q }: { q: ReviewedQuestion }) {
  if (q.history.length === 0) return null;
  return (
    <details className="mt-2 text-xs text-slate-600">
      <summary className="cursor-pointer select-none text-slate-500 hover:text-slate-700">
        Answer history ({q.history.length})
      </summary>
      <ol className="mt-1 space-y-1 border-l border-slate-200 pl-3">
        {q.history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <span className="font-medium">Round {h.round}</span> · {h.at.slice(0, 16).replace("T", " ")} UTC ·{" "}
            {h.by}: <span className="text-slate-900">{h.answer}</span>
          </li>
        ))}
      </ol>
    </details>
  );
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

      <Card>
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-7">
          <Meta label="Status">
            <Badge tone={STATUS_TONES[a.status]}>{STATUS_LABELS[a.status]}</Badge>
          </Meta>
          <Meta label="Supplier risk">
            <RiskBadge level={supplier.riskLevel} score={supplier.riskScore} />
          </Meta>
          <Meta label="Due">{a.dueDate ?? "—"}</Meta>
          <Meta label="Opened">{a.firstOpenedAt ? a.firstOpenedAt.slice(0, 10) : "Not yet"}</Meta>
          <Meta label="Submitted">{a.submittedAt ? a.submittedAt.slice(0, 10) : "—"}</Meta>
          <Meta label="Answered in">{a.languageName}</Meta>
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
            {a.declarationTitle ? `, ${a.declarationTitle}` : ""}. Review round {a.round}.
          </p>
        ) : null}
      </Card>

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
                <li
                  key={q.id}
                  id={`q-${q.id}`}
                  className={`py-3 ${q.redFlag ? "-mx-4 border-l-4 border-red-500 bg-red-50 px-4" : q.review?.decision === "returned" ? "-mx-4 border-l-4 border-amber-400 bg-amber-50 px-4" : ""}`}
                  data-red-flag={q.redFlag ? "true" : undefined}
                >
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <p className="text-sm text-slate-800">
                      <span className="mr-2 font-mono text-xs text-slate-400">{q.id}</span>
                      {q.text}
                    </p>
                    <div className="flex flex-wrap gap-1">
                      {q.redFlag ? <Badge tone="red">Red flag</Badge> : null}
                      {q.controlStatus === "evidenced" ? <Badge tone="green">Evidenced control</Badge> : null}
                      {q.controlStatus === "self-declared" ? (
                        <Badge tone="amber">Self-declared control</Badge>
                      ) : null}
                      {q.control && !q.controlStatus ? <Badge tone="green">Control</Badge> : null}
                      {q.review?.decision === "accepted" ? <Badge tone="green">Accepted</Badge> : null}
                      {q.review?.decision === "returned" ? (
                        <Badge tone="amber">{q.review.sent ? "Returned" : "To return"}</Badge>
                      ) : null}
                      {q.ilo.map((i) => (
                        <span key={i.n} title={i.label}>
                          <Badge tone="blue">ILO {i.n}</Badge>
                        </span>
                      ))}
                    </div>
                  </div>
                  <p
                    className={`mt-1 whitespace-pre-wrap text-sm font-medium ${q.answered ? (q.redFlag ? "text-red-700" : "text-slate-900") : "italic text-slate-400"}`}
                  >
                    {q.answer}
                    {q.writtenIn ? (
                      <span className="ml-2 text-xs font-normal italic text-slate-500">
                        (written in {q.writtenIn})
                      </span>
                    ) : null}
                    {q.points !== 0 ? (
                      <span className="ml-2 text-xs font-normal text-slate-500">
                        ({q.points > 0 ? "+" : ""}
                        {q.points} risk points)
                      </span>
                    ) : null}
                  </p>
                  {q.evidenceRequest ? (
                    <p className="mt-1 text-xs text-slate-500">Evidence requested: {q.evidenceRequest}</p>
                  ) : null}
                  {q.files.length > 0 ? (
                    <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                      {q.files.map((f) => (
                        <li key={f.id}>
                          {canReadEvidence ? (
                            <a className="link" href={`/evidence/${f.id}/download`}>
                              {f.fileName}
                            </a>
                          ) : (
                            <span>{f.fileName}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {q.earlierComments.map((c) => (
                    <p key={c.round} className="mt-1 text-xs text-amber-800">
                      Returned in round {c.round} by {c.by}: “{c.comment}”
                    </p>
                  ))}
                  {q.review?.decision === "returned" && q.review.comment && (q.review.sent || !reviewing) ? (
                    <p className="mt-1 text-xs text-amber-800">Comment: “{q.review.comment}”</p>
                  ) : null}
                  {reviewing && answersVisible ? <QuestionReview q={q} /> : null}
                  <History q={q} />
                </li>
              ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
