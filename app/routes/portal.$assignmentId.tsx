import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  type ShouldRevalidateFunction,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useMemo, useState } from "react";
import { withUploadForm } from "~/evidence/upload.server";
import { formatDate } from "~/i18n/dates";
import { translate } from "~/i18n/translate";
import {
  fieldName,
  isUnanswered,
  questionCounts,
  visibleQuestionIds,
  type AnswerValue,
} from "~/questionnaires/model";
import { portalIntent } from "~/questionnaires/portal-intents.server";
import { getPortalView, requirePortalAccess } from "~/questionnaires/portal.server";
import { fromRaw, toRaw } from "~/questionnaires/raw-values";
import { PortalDeclaration } from "~/questionnaires/ui/PortalDeclaration";
import { PortalLanguageSwitcher } from "~/questionnaires/ui/PortalLanguageSwitcher";
import { PortalQuestion } from "~/questionnaires/ui/PortalQuestion";
import { PortalSectionNav } from "~/questionnaires/ui/PortalSectionNav";
import type { RawValue } from "~/questionnaires/ui/QuestionField";
import { PortalCourseLink } from "~/training/ui/PortalCourseLink";
import { FormError, Notice } from "~/ui/form";
import { resultFor } from "~/ui/intent";
import { ProgressBar } from "~/ui/ProgressBar";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/**
 * The supplier portal. Guarded by the portal cookie (set by redeeming the invitation link and confirmed
 * with the emailed code), bound to this one assignment; a buyer session gives no access here and this
 * cookie gives none to buyer pages. Every answer autosaves on its own; the page never reloads for it.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "template" in data ? data.template.title : "Questionnaire"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

/** Autosave posts change one field the page already shows: reloading the whole page for each is waste. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  ["autosave", "autosave-declaration"].includes(String(formData?.get("intent")))
    ? false
    : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  return getPortalView(access);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  // Multipart for uploads (and for any form a client chooses to send that way): the file streams to storage.
  return withUploadForm(request, access.ctx.organizationId, "upload", async (form, upload) =>
    portalIntent(access, form, upload),
  );
}

export default function SupplierPortal() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const t = translate(view.messages);
  const { template } = view;
  // Without JavaScript every form posts to the page, so any form's refusal is shown here.
  const failure = actionData?.ok === false && "fieldErrors" in actionData ? actionData : undefined;
  const errors = failure?.fieldErrors ?? {};
  const typed = failure?.values ?? {};
  const saved = resultFor(actionData, "save");
  const notice = saved?.ok ? saved.notice : undefined;

  const [raw, setRaw] = useState<Record<string, RawValue>>(() => {
    const out: Record<string, RawValue> = {};
    for (const q of template.questions) {
      // After a refused no-JavaScript post, show what was typed rather than the saved value.
      const posted = typed[fieldName(q.id)];
      out[q.id] = posted !== undefined ? (posted as RawValue) : toRaw(view.values[q.id]);
    }
    return out;
  });
  const onChange = (id: string, v: RawValue) => setRaw((prev) => ({ ...prev, [id]: v }));

  const editableSet = view.editableIds ? new Set(view.editableIds) : null;
  const canEdit = (id: string) => view.editable && (!editableSet || editableSet.has(id));
  const comments = new Map(view.returned.map((r) => [r.questionId, r.comment]));

  // Visibility follows the answers as typed, so conditional questions appear and disappear live.
  const current = useMemo(() => {
    const out: Record<string, AnswerValue> = {};
    for (const q of template.questions)
      out[q.id] =
        q.type === "file" ? (view.files[q.id]?.map((f) => f.id) ?? null) : fromRaw(q, raw[q.id] ?? "");
    return out;
  }, [raw, template.questions, view.files]);
  const visible = useMemo(() => visibleQuestionIds(template, current), [template, current]);

  const sections = template.sections
    .map((s) => {
      const questions = template.questions.filter((q) => q.section === s.id && visible.has(q.id));
      return {
        ...s,
        questions,
        total: questions.length,
        answered: questions.filter((q) => !isUnanswered(current[q.id])).length,
      };
    })
    .filter((s) => s.questions.length > 0);
  // The one count stated everywhere (email, landing, review): the questions shown for these answers.
  const counts = questionCounts(template, current);
  const totalShown = sections.reduce((n, s) => n + s.total, 0);
  const totalAnswered = sections.reduce((n, s) => n + s.answered, 0);
  const notYetShown = counts.always + counts.conditional - counts.shown;
  const submittedNotice = params.has("submitted") || (!view.editable && view.submittedAt);

  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold text-brand-600">{view.organizationName}</p>
          <h1 className="text-2xl font-semibold text-slate-900">{template.title}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {view.supplierName}
            {view.dueDate ? ` · ${t("portal.due", { date: formatDate(view.dueDate, view.lang) })}` : ""}
          </p>
        </div>
        <PortalLanguageSwitcher view={view} t={t} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <div className="card space-y-4 p-4">
            <ProgressBar done={totalAnswered} total={totalShown} label={t("portal.overall")} />
            <p className="text-xs text-slate-500" data-testid="overall-progress">
              {t("portal.progress", { answered: totalAnswered, total: totalShown })}
            </p>
            {notYetShown > 0 ? (
              <p className="text-xs text-slate-500" data-testid="conditional-note">
                {t("portal.conditionalNote", { m: notYetShown })}
              </p>
            ) : null}
            <PortalSectionNav sections={sections} t={t} />
            <PortalCourseLink assignmentId={view.assignmentId} lang={view.lang} />
          </div>
        </aside>

        <div className="min-w-0 space-y-6">
          {submittedNotice ? (
            <Notice>
              {view.status === "accepted"
                ? t("portal.accepted", { org: view.organizationName })
                : t("portal.submitted", {
                    date: formatDate(view.submittedAt ?? new Date().toISOString(), view.lang),
                    name: view.declarationName ?? view.recipientName,
                    org: view.organizationName,
                  })}
            </Notice>
          ) : null}
          {view.submittedAt ? (
            <a href={`/portal/${view.assignmentId}/pdf`} className="btn-secondary inline-flex" download>
              {t("portal.downloadPdf")}
            </a>
          ) : null}
          {notice ? <Notice>{notice}</Notice> : null}
          <FormError error={failure?.formError} />
          {view.status === "returned" && view.returned.length > 0 ? (
            <div
              className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
              role="status"
            >
              {t("portal.returnedBanner", { org: view.organizationName, n: view.returned.length })}
            </div>
          ) : null}
          {view.editable ? (
            <p className="text-sm text-slate-600">
              {template.intro} <span className="text-slate-500">{t("portal.autosaveNote")}</span>
            </p>
          ) : (
            <p className="text-sm text-slate-600">{t("portal.readOnly")}</p>
          )}

          {sections.map((section) => (
            <section
              key={section.id}
              id={`s-${section.id}`}
              className="card px-4 py-2"
              aria-labelledby={`h-${section.id}`}
            >
              <div className="flex items-baseline justify-between gap-2 border-b border-slate-100 py-2">
                <h2 id={`h-${section.id}`} className="text-base font-semibold text-slate-900">
                  {section.title}
                </h2>
                <span className="text-xs text-slate-500">
                  {t("portal.progress", { answered: section.answered, total: section.total })}
                </span>
              </div>
              {section.description ? (
                <p className="mt-2 text-sm text-slate-500">{section.description}</p>
              ) : null}
              <div className="divide-y divide-slate-100">
                {section.questions.map((q) => (
                  <PortalQuestion
                    key={q.id}
                    view={view}
                    q={q}
                    value={raw[q.id] ?? ""}
                    onChange={onChange}
                    t={t}
                    editable={canEdit(q.id)}
                    serverError={errors[fieldName(q.id)]}
                    comment={comments.get(q.id)}
                  />
                ))}
              </div>
            </section>
          ))}

          {view.editable ? (
            <PortalDeclaration view={view} t={t} typed={typed} errors={errors} busy={busy} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
