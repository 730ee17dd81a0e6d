import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { handle } from "~/infra/http.server";
import { fieldName, formatAnswer, iloLabel, type AnswerValue, type Question } from "~/questionnaires/model";
import { humanDay } from "~/questionnaires/format";
import { getPortalView, requirePortalAccess, saveDraft, submitAnswers } from "~/questionnaires/portal.server";
import { FieldError, FormError, Notice } from "~/ui/form";
import { Badge } from "~/ui/layout";

/**
 * The supplier portal. Guarded by the portal cookie (set by redeeming the invitation link), bound to this
 * one assignment; a buyer session gives no access here and this cookie gives none to buyer pages.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

export const meta: MetaFunction = () => [
  { title: "Your questionnaire · Clearsource" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  return getPortalView(access);
}

type PortalActionData = {
  ok: boolean;
  notice?: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, unknown>;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.assignmentId ?? "";
  const access = requirePortalAccess(request, id);
  const raw: Record<string, string> = {};
  for (const [k, v] of (await request.formData()).entries()) if (typeof v === "string") raw[k] = v;

  if (raw.intent === "submit") {
    return handle(async () => {
      const result = await submitAnswers(access, raw);
      if (result.ok) return redirect(`/portal/${id}?submitted=1`);
      return data<PortalActionData>(
        {
          ok: false,
          formError: "Not submitted yet: please complete the highlighted questions and the declaration.",
          fieldErrors: result.fieldErrors,
          values: raw,
        },
        { status: 400 },
      );
    });
  }
  return handle(() => {
    const result = saveDraft(access, raw);
    const invalid = Object.keys(result.fieldErrors).length;
    if (invalid > 0) {
      return data<PortalActionData>(
        {
          ok: false,
          formError: `${result.saved} answer${result.saved === 1 ? "" : "s"} saved. ${invalid} could not be saved: please correct the highlighted fields.`,
          fieldErrors: result.fieldErrors,
          values: raw,
        },
        { status: 400 },
      );
    }
    return data<PortalActionData>({
      ok: true,
      notice: "Draft saved. You can come back to it through the link in your email.",
    });
  });
}

function asString(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v);
}

function QuestionInput({
  q,
  value,
  typed,
  error,
}: {
  q: Question;
  value: AnswerValue;
  typed: unknown;
  error?: string;
}) {
  const name = fieldName(q.id);
  const id = `f-${q.id}`;
  const current = typed !== undefined ? asString(typed) : asString(value);
  const describedBy = error ? `${id}-error` : q.help ? `${id}-help` : undefined;
  switch (q.type) {
    case "yes_no":
      return (
        <div
          className="flex gap-6"
          role="radiogroup"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
        >
          {(["yes", "no"] as const).map((v) => (
            <label key={v} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name={name} value={v} defaultChecked={current === v} className="h-4 w-4" />
              {v === "yes" ? "Yes" : "No"}
            </label>
          ))}
        </div>
      );
    case "choice":
      return (
        <select
          id={id}
          name={name}
          defaultValue={current}
          className="input max-w-md"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          <option value="">Choose…</option>
          {q.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    case "text":
      return (
        <textarea
          id={id}
          name={name}
          rows={3}
          defaultValue={current}
          maxLength={q.maxLength}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      );
    case "number":
    case "percentage":
      return (
        <div className="flex items-center gap-2">
          <input
            id={id}
            name={name}
            // Text with a decimal keypad: type=number would silently drop "12,5" typed with a decimal comma.
            type="text"
            inputMode="decimal"
            defaultValue={current}
            className="input max-w-[10rem]"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <span className="text-sm text-slate-500">{q.type === "percentage" ? "%" : (q.unit ?? "")}</span>
        </div>
      );
  }
}

export default function SupplierPortal() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PortalActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  const typed = actionData?.values ?? {};
  const { template } = view;
  const answeredCount = template.questions.filter((q) => (view.values[q.id] ?? null) !== null).length;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <p className="text-sm font-semibold text-brand-600">{view.organizationName}</p>
        <h1 className="text-2xl font-semibold text-slate-900">{template.title}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {view.supplierName}
          {view.dueDate ? ` · due ${humanDay(view.dueDate)}` : ""} · {answeredCount} of{" "}
          {template.questions.length} answered
        </p>
      </div>

      {params.has("submitted") || (!view.editable && view.submittedAt) ? (
        <Notice>
          Submitted on {humanDay(view.submittedAt ?? new Date().toISOString())}
          {view.declarationName ? ` by ${view.declarationName}` : ""}. Thank you: {view.organizationName} will
          review your answers. A receipt was sent to you by email.
        </Notice>
      ) : null}
      {actionData?.notice ? <Notice>{actionData.notice}</Notice> : null}
      <FormError error={actionData?.formError} />

      {view.status === "returned" && view.returns[0] ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
          role="status"
        >
          <p className="font-medium">{view.organizationName} returned your answers with this comment:</p>
          <p className="mt-1 whitespace-pre-wrap">{view.returns[0].comment}</p>
        </div>
      ) : null}

      {!view.editable ? (
        template.sections.map((section) => (
          <section key={section.id} className="card p-4">
            <h2 className="mb-3 text-sm font-semibold text-slate-900">{section.title}</h2>
            <dl className="divide-y divide-slate-100">
              {template.questions
                .filter((q) => q.section === section.id)
                .map((q) => (
                  <div key={q.id} className="py-2">
                    <dt className="text-sm text-slate-600">{q.text}</dt>
                    <dd className="text-sm font-medium text-slate-900">
                      {formatAnswer(q, view.values[q.id] ?? null)}
                    </dd>
                  </div>
                ))}
            </dl>
          </section>
        ))
      ) : (
        <Form method="post" className="space-y-6" noValidate>
          <p className="text-sm text-slate-600">{template.intro}</p>
          {template.sections.map((section) => {
            const questions = template.questions.filter((q) => q.section === section.id);
            if (questions.length === 0) return null;
            return (
              <fieldset key={section.id} className="card p-4">
                <legend className="sr-only">{section.title}</legend>
                <h2 className="text-base font-semibold text-slate-900">{section.title}</h2>
                {section.description ? (
                  <p className="mt-1 text-sm text-slate-500">{section.description}</p>
                ) : null}
                <div className="mt-4 space-y-5">
                  {questions.map((q) => {
                    const error = errors[fieldName(q.id)];
                    return (
                      <div key={q.id}>
                        <label id={`f-${q.id}-label`} htmlFor={`f-${q.id}`} className="label">
                          {q.text}
                          {q.required ? <span className="text-red-600"> *</span> : null}
                        </label>
                        {q.iloIndicators.length > 0 ? (
                          <div className="mb-2 flex flex-wrap gap-1">
                            {q.iloIndicators.map((n) => (
                              <Badge key={n} tone="slate">
                                {iloLabel(n)}
                              </Badge>
                            ))}
                          </div>
                        ) : null}
                        <QuestionInput
                          q={q}
                          value={view.values[q.id] ?? null}
                          typed={typed[fieldName(q.id)]}
                          error={error}
                        />
                        {q.help && !error ? (
                          <p id={`f-${q.id}-help`} className="mt-1 text-xs text-slate-500">
                            {q.help}
                          </p>
                        ) : null}
                        <FieldError id={`f-${q.id}-error`} error={error} />
                      </div>
                    );
                  })}
                </div>
              </fieldset>
            );
          })}

          <fieldset className="card space-y-4 p-4">
            <legend className="sr-only">Declaration</legend>
            <h2 className="text-base font-semibold text-slate-900">Declaration</h2>
            <div className="grid gap-4 sm:grid-cols-2">
              <div>
                <label htmlFor="declarationName" className="label">
                  Your full name
                </label>
                <input
                  id="declarationName"
                  name="declarationName"
                  className="input"
                  maxLength={200}
                  defaultValue={asString(typed.declarationName ?? view.declarationName ?? view.recipientName)}
                  aria-invalid={errors.declarationName ? true : undefined}
                />
                <FieldError error={errors.declarationName} />
              </div>
              <div>
                <label htmlFor="declarationTitle" className="label">
                  Your job title
                </label>
                <input
                  id="declarationTitle"
                  name="declarationTitle"
                  className="input"
                  maxLength={200}
                  defaultValue={asString(typed.declarationTitle ?? view.declarationTitle)}
                  aria-invalid={errors.declarationTitle ? true : undefined}
                />
                <FieldError error={errors.declarationTitle} />
              </div>
            </div>
            <label className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="attest"
                value="yes"
                defaultChecked={typed.attest === "yes"}
                className="mt-0.5 h-4 w-4"
                aria-invalid={errors.attest ? true : undefined}
              />
              {template.declaration.attestation}
            </label>
            <FieldError error={errors.attest} />
          </fieldset>

          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" name="intent" value="save" className="btn-secondary" disabled={busy}>
              Save draft
            </button>
            <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
              Submit answers
            </button>
            <p className="text-xs text-slate-500">
              Once submitted, answers can only be changed if they are returned to you.
            </p>
          </div>
        </Form>
      )}
    </div>
  );
}
