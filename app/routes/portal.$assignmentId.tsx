import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import {
  type ShouldRevalidateFunction,
  Form,
  useActionData,
  useFetcher,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { ACCEPT_ATTRIBUTE, formatBytes } from "~/evidence/file-types";
import { parseUploadForm } from "~/evidence/upload.server";
import { readForm } from "~/infra/form.server";
import { formFailure, formValues, handle } from "~/infra/http.server";
import {
  fieldName,
  formatAnswer,
  iloLabel,
  isUnanswered,
  visibleQuestionIds,
  type AnswerValue,
  type Question,
} from "~/questionnaires/model";
import { localDate, portalT, type Translate } from "~/questionnaires/portal-i18n";
import {
  autosaveAnswer,
  getPortalView,
  removeAnswerFile,
  requirePortalAccess,
  saveDraft,
  type PortalAccess,
  setPortalLanguage,
  submitAnswers,
  uploadAnswerFile,
} from "~/questionnaires/portal.server";
import { QuestionField, type RawValue } from "~/questionnaires/ui/QuestionField";
import { FieldError, FormError, Notice } from "~/ui/form";
import { resultFor } from "~/ui/intent";

/**
 * The supplier portal. Guarded by the portal cookie (set by redeeming the invitation link and confirmed
 * with the emailed code), bound to this one assignment; a buyer session gives no access here and this
 * cookie gives none to buyer pages. Every answer autosaves on its own; the page never reloads for it.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data && "template" in data ? data.template.title : "Questionnaire"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

/** Autosave posts change one field the page already shows: reloading the whole page for each is waste. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  return getPortalView(access);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  // Multipart for uploads (and for any form a client chooses to send that way): parsed with size limits.
  let form: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const parsed = await parseUploadForm(request, "upload");
    if (!parsed.ok) return parsed.response;
    form = parsed.form;
  } else form = await readForm(request);

  switch (form.get("intent")) {
    case "upload":
      return uploadIntent(access, form);
    case "autosave":
      return autosaveIntent(access, form);
    case "remove-file":
      return removeFileIntent(access, form);
    case "language":
      return languageIntent(access, form);
    case "submit":
      return submitIntent(access, form);
  }
  return saveIntent(access, form);
}

/** One file for one question, posted by that question's upload fetcher. */
async function uploadIntent(access: PortalAccess, form: FormData) {
  const t = portalT(access.language);
  const questionId = String(form.get("questionId") ?? "");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    const message = t("portal.fileChoose");
    return formFailure(400, {
      intent: "upload",
      target: questionId,
      formError: message,
      fieldErrors: { file: message },
    });
  }
  return handle(
    async () => {
      await uploadAnswerFile(access, questionId, file);
      return { ok: true as const, intent: "upload" as const, target: questionId };
    },
    { intent: "upload", target: questionId },
  );
}

/** One answer saved on its own while the supplier types; the page is not reloaded for it. */
function autosaveIntent(access: PortalAccess, form: FormData) {
  const questionId = String(form.get("questionId") ?? "");
  const values = form.getAll("value").filter((v): v is string => typeof v === "string");
  const result = autosaveAnswer(access, questionId, form.get("multi") === "1" ? values : (values[0] ?? ""));
  // Not a form failure: one message for the one field, shown beside it.
  if (result.ok)
    return { ok: true as const, intent: "autosave" as const, questionId, savedAt: result.savedAt };
  return data(
    { ok: false as const, intent: "autosave" as const, questionId, error: result.error },
    { status: result.status },
  );
}

function removeFileIntent(access: PortalAccess, form: FormData) {
  return handle(
    async () => {
      await removeAnswerFile(access, String(form.get("evidenceId") ?? ""));
      return { ok: true as const, intent: "remove-file" as const };
    },
    { intent: "remove-file" },
  );
}

function languageIntent(access: PortalAccess, form: FormData) {
  return handle(
    () => {
      setPortalLanguage(access, String(form.get("lang") ?? ""));
      return redirect(`/portal/${access.assignmentId}`);
    },
    { intent: "language" },
  );
}

async function submitIntent(access: PortalAccess, form: FormData) {
  const t = portalT(access.language);
  const values = formValues(form);
  return handle(
    async () => {
      const result = await submitAnswers(access, values);
      if (result.ok) return redirect(`/portal/${access.assignmentId}?submitted=1`);
      return formFailure(400, {
        intent: "submit",
        formError: t("submit.incomplete"),
        fieldErrors: result.fieldErrors,
        values,
      });
    },
    { intent: "submit", values },
  );
}

/** The no-JavaScript path: every answer of the page posted at once, kept as a draft. */
function saveIntent(access: PortalAccess, form: FormData) {
  const t = portalT(access.language);
  const values = formValues(form);
  return handle(
    () => {
      const result = saveDraft(access, values);
      if (Object.keys(result.fieldErrors).length > 0)
        return formFailure(400, {
          intent: "save",
          formError: t("submit.incomplete"),
          fieldErrors: result.fieldErrors,
          values,
        });
      return { ok: true as const, intent: "save" as const, notice: t("portal.saved") };
    },
    { intent: "save", values },
  );
}

type View = ReturnType<typeof useLoaderData<typeof loader>>;

function toRaw(value: AnswerValue | undefined): RawValue {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value;
  return String(value);
}

const draftKey = (assignmentId: string, questionId: string) => `cs-draft:${assignmentId}:${questionId}`;

type Draft = { value: RawValue; at: number };

function readDraft(assignmentId: string, questionId: string): Draft | null {
  try {
    const s = window.localStorage.getItem(draftKey(assignmentId, questionId));
    return s ? (JSON.parse(s) as Draft) : null;
  } catch {
    return null;
  }
}

function writeDraft(assignmentId: string, questionId: string, value: RawValue) {
  try {
    window.localStorage.setItem(
      draftKey(assignmentId, questionId),
      JSON.stringify({ value, at: Date.now() }),
    );
  } catch {
    // Storage full or disabled: the server copy is still saved on each pause.
  }
}

function clearDraft(assignmentId: string, questionId: string) {
  try {
    window.localStorage.removeItem(draftKey(assignmentId, questionId));
  } catch {
    /* nothing to clear */
  }
}

/** Text is saved after a pause in typing; clicks (radios, selects, boxes) at once. */
const TYPED = new Set(["text", "short_text", "number", "percentage"]);
const DEBOUNCE_MS = 700;

function LanguageSwitcher({ view, t }: { view: View; t: Translate }) {
  const ref = useRef<HTMLFormElement>(null);
  return (
    <Form method="post" ref={ref} className="flex items-center gap-2">
      <input type="hidden" name="intent" value="language" />
      <label htmlFor="portal-lang" className="text-sm text-slate-600">
        {t("lang.label")}
      </label>
      <select
        id="portal-lang"
        name="lang"
        defaultValue={view.lang}
        className="input w-auto py-1 text-sm"
        onChange={() => ref.current?.requestSubmit()}
      >
        {view.languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="btn-secondary py-1 text-sm">
          {t("lang.change")}
        </button>
      </noscript>
    </Form>
  );
}

function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total === 0 ? 100 : Math.round((done / total) * 100);
  return (
    <div>
      <div className="flex justify-between text-xs text-slate-600">
        <span>{label}</span>
        <span>{pct}%</span>
      </div>
      <div
        className="mt-1 h-2 rounded-full bg-slate-200"
        role="progressbar"
        aria-valuenow={pct}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
      >
        <div className="h-2 rounded-full bg-brand-600 transition-all" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

function FileList({ view, q, t, editable }: { view: View; q: Question; t: Translate; editable: boolean }) {
  const upload = useFetcher<typeof uploadIntent>({ key: `upload-${q.id}` });
  const remove = useFetcher<typeof removeFileIntent>();
  const files = view.files[q.id] ?? [];
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (upload.state === "idle" && upload.data?.ok) formRef.current?.reset();
  }, [upload.state, upload.data]);
  const error =
    upload.data && !upload.data.ok ? (upload.data.fieldErrors?.file ?? upload.data.formError) : undefined;
  return (
    <div className="mt-3 rounded-md border border-dashed border-slate-300 bg-slate-50 p-3">
      {files.length === 0 ? (
        <p className="text-sm text-slate-500">{t("portal.noFiles")}</p>
      ) : (
        <ul className="space-y-1">
          {files.map((f) => (
            <li key={f.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="truncate">
                {f.fileName} <span className="text-xs text-slate-500">({formatBytes(f.sizeBytes)})</span>
              </span>
              {editable ? (
                <remove.Form method="post">
                  <input type="hidden" name="intent" value="remove-file" />
                  <input type="hidden" name="evidenceId" value={f.id} />
                  <button type="submit" className="text-xs font-medium text-red-700 hover:underline">
                    {t("portal.remove")}
                  </button>
                </remove.Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <upload.Form
          method="post"
          encType="multipart/form-data"
          ref={formRef}
          className="mt-2 flex flex-wrap items-center gap-2"
        >
          <input type="hidden" name="intent" value="upload" />
          <input type="hidden" name="questionId" value={q.id} />
          <label className="sr-only" htmlFor={`file-${q.id}`}>
            {t("portal.files")}: {q.id}
          </label>
          <input
            id={`file-${q.id}`}
            type="file"
            name="file"
            accept={ACCEPT_ATTRIBUTE}
            className="text-sm"
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="btn-secondary py-1 text-sm" disabled={upload.state !== "idle"}>
            {upload.state !== "idle" ? t("portal.uploading") : t("portal.upload")}
          </button>
          <span className="text-xs text-slate-500">
            {t("portal.uploadHint", { mb: `${view.uploadLimitMb} MB` })}
          </span>
        </upload.Form>
      ) : null}
      <FieldError error={error} />
    </div>
  );
}

function AutosaveQuestion({
  view,
  q,
  value,
  onChange,
  t,
  editable,
  serverError,
  comment,
}: {
  view: View;
  q: Question;
  value: RawValue;
  onChange: (id: string, v: RawValue) => void;
  t: Translate;
  editable: boolean;
  serverError?: string;
  comment?: string;
}) {
  const fetcher = useFetcher<typeof autosaveIntent>({ key: `autosave-${q.id}` });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const latest = useRef(value);
  latest.current = value;

  const save = (v: RawValue) => {
    const form = new FormData();
    form.set("intent", "autosave");
    form.set("questionId", q.id);
    if (Array.isArray(v)) {
      form.set("multi", "1");
      for (const x of v) form.append("value", x);
    } else form.set("value", v);
    fetcher.submit(form, { method: "post" });
  };

  // A draft kept on this device that is newer than what the server has is put back and saved.
  useEffect(() => {
    if (!editable || q.type === "file") return;
    const draft = readDraft(view.assignmentId, q.id);
    if (!draft) return;
    if (JSON.stringify(draft.value) !== JSON.stringify(latest.current)) {
      onChange(q.id, draft.value);
      setRestored(true);
      save(draft.value);
    } else clearDraft(view.assignmentId, q.id);
    // Only on first render: later the draft is this page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) {
      setDirty(false);
      clearDraft(view.assignmentId, q.id);
    }
  }, [fetcher.state, fetcher.data, view.assignmentId, q.id]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const change = (v: RawValue) => {
    onChange(q.id, v);
    setDirty(true);
    writeDraft(view.assignmentId, q.id, v);
    clearTimeout(timer.current);
    if (TYPED.has(q.type)) timer.current = setTimeout(() => save(latest.current), DEBOUNCE_MS);
    else save(v);
  };

  const id = `f-${q.id}`;
  const error = fetcher.data && !fetcher.data.ok ? fetcher.data.error : serverError;
  const status =
    fetcher.state !== "idle"
      ? t("portal.saving")
      : error
        ? null
        : dirty
          ? null
          : fetcher.data?.ok
            ? t("portal.saved")
            : null;
  const describedBy = error ? `${id}-error` : q.help ? `${id}-help` : undefined;
  const showFiles = q.type === "file" || !!q.evidence;

  return (
    <div
      id={`q-${q.id}`}
      className={`py-4 ${comment ? "-mx-4 border-l-4 border-amber-400 bg-amber-50 px-4" : ""}`}
    >
      <div className="flex items-start justify-between gap-3">
        <label id={`${id}-label`} htmlFor={id} className="label mb-2">
          <span className="mr-2 font-mono text-xs text-slate-400">{q.id}</span>
          {q.text}
          {q.required ? (
            <span className="text-red-600" title={t("portal.required")}>
              {" "}
              *<span className="sr-only"> ({t("portal.requiredMark")})</span>
            </span>
          ) : null}
        </label>
        <span className="shrink-0 text-xs text-slate-500" aria-live="polite" data-save-status={q.id}>
          {status ? (
            <span className={status === t("portal.saved") ? "text-emerald-700" : ""}>
              {status === t("portal.saved") ? "✓ " : ""}
              {status}
            </span>
          ) : null}
        </span>
      </div>
      {q.iloIndicators.length > 0 ? (
        <div className="mb-2 flex flex-wrap gap-1">
          {q.iloIndicators.map((n) => (
            <span key={n} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
              {iloLabel(n)}
            </span>
          ))}
        </div>
      ) : null}
      {comment ? (
        <p className="mb-2 rounded bg-white/70 p-2 text-sm text-amber-900">
          <span className="font-medium">{t("portal.buyerComment", { org: view.organizationName })}:</span>{" "}
          <span className="whitespace-pre-wrap">{comment}</span>
        </p>
      ) : null}
      {editable ? (
        <QuestionField
          question={q}
          value={value}
          onChange={change}
          name={fieldName(q.id)}
          id={id}
          form="portal-answers"
          invalid={!!error}
          describedBy={describedBy}
          labels={{
            yes: t("portal.yes"),
            no: t("portal.no"),
            notApplicable: t("portal.notApplicable"),
            choose: t("portal.choose"),
          }}
        />
      ) : q.type !== "file" ? (
        <div>
          <p className="text-sm font-medium text-slate-900">
            {formatAnswer(q, fromRaw(q, value), view.lang)}
          </p>
          {view.editableIds ? <p className="mt-1 text-xs text-slate-500">{t("portal.locked")}</p> : null}
        </div>
      ) : null}
      {q.help && !error ? (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500">
          {q.help}
        </p>
      ) : null}
      {q.evidence ? (
        <p className="mt-2 text-sm text-slate-700">
          <span className="mr-1 rounded bg-blue-50 px-1.5 py-0.5 text-xs font-medium text-blue-800">
            {t("portal.evidenceRequested")}
          </span>
          {q.evidence.request}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
      {restored && !error ? <p className="mt-1 text-xs text-slate-500">{t("portal.restored")}</p> : null}
      {showFiles ? <FileList view={view} q={q} t={t} editable={editable} /> : null}
    </div>
  );
}

function fromRaw(q: Question, raw: RawValue): AnswerValue {
  if (Array.isArray(raw)) return raw.length ? raw : null;
  if (raw === "") return null;
  if ((q.type === "number" || q.type === "percentage") && /^-?\d+([.,]\d+)?$/.test(raw))
    return Number(raw.replace(",", "."));
  return raw;
}

export default function SupplierPortal() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const [params] = useSearchParams();
  const t = portalT(view.lang);
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
      const required = questions.filter((q) => q.required);
      return {
        ...s,
        questions,
        required: required.length,
        answered: required.filter((q) => !isUnanswered(current[q.id])).length,
      };
    })
    .filter((s) => s.questions.length > 0);
  const totalRequired = sections.reduce((n, s) => n + s.required, 0);
  const totalAnswered = sections.reduce((n, s) => n + s.answered, 0);
  const submittedNotice = params.has("submitted") || (!view.editable && view.submittedAt);

  return (
    <div className="mx-auto max-w-6xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm font-semibold text-brand-600">{view.organizationName}</p>
          <h1 className="text-2xl font-semibold text-slate-900">{template.title}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {view.supplierName}
            {view.dueDate ? ` · ${t("portal.due", { date: localDate(view.dueDate, view.lang) })}` : ""}
          </p>
        </div>
        <LanguageSwitcher view={view} t={t} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside className="lg:sticky lg:top-4 lg:self-start">
          <div className="card space-y-4 p-4">
            <ProgressBar done={totalAnswered} total={totalRequired} label={t("portal.overall")} />
            <p className="text-xs text-slate-500" data-testid="overall-progress">
              {t("portal.progress", { answered: totalAnswered, total: totalRequired })}
            </p>
            <nav aria-label={t("portal.sections")}>
              <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
                {t("portal.sections")}
              </h2>
              <ol className="space-y-1">
                {sections.map((s) => (
                  <li key={s.id}>
                    <a
                      href={`#s-${s.id}`}
                      className="flex items-center justify-between gap-2 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
                    >
                      <span className="truncate">{s.title}</span>
                      <span
                        className={`shrink-0 rounded-full px-2 text-xs ${s.answered === s.required ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
                      >
                        {s.answered}/{s.required}
                      </span>
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          </div>
        </aside>

        <div className="min-w-0 space-y-6">
          {submittedNotice ? (
            <Notice>
              {view.status === "accepted"
                ? t("portal.accepted", { org: view.organizationName })
                : t("portal.submitted", {
                    date: localDate(view.submittedAt ?? new Date().toISOString(), view.lang),
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
                  {t("portal.progress", { answered: section.answered, total: section.required })}
                </span>
              </div>
              {section.description ? (
                <p className="mt-2 text-sm text-slate-500">{section.description}</p>
              ) : null}
              <div className="divide-y divide-slate-100">
                {section.questions.map((q) => (
                  <AutosaveQuestion
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
            <Form method="post" id="portal-answers" className="card space-y-4 p-4" noValidate>
              <h2 className="text-base font-semibold text-slate-900">{t("decl.title")}</h2>
              <div className="grid gap-4 sm:grid-cols-3">
                <div>
                  <label htmlFor="declarationName" className="label">
                    {t("decl.name")}
                  </label>
                  <input
                    id="declarationName"
                    name="declarationName"
                    className="input"
                    maxLength={200}
                    defaultValue={String(typed.declarationName ?? view.declarationName ?? view.recipientName)}
                    aria-invalid={errors.declarationName ? true : undefined}
                  />
                  <FieldError error={errors.declarationName} />
                </div>
                <div>
                  <label htmlFor="declarationTitle" className="label">
                    {t("decl.jobTitle")}
                  </label>
                  <input
                    id="declarationTitle"
                    name="declarationTitle"
                    className="input"
                    maxLength={200}
                    defaultValue={String(typed.declarationTitle ?? view.declarationTitle ?? "")}
                    aria-invalid={errors.declarationTitle ? true : undefined}
                  />
                  <FieldError error={errors.declarationTitle} />
                </div>
                <div>
                  <span className="label">{t("decl.date")}</span>
                  <p className="py-2 text-sm text-slate-700">
                    {localDate(new Date().toISOString().slice(0, 10), view.lang)}
                  </p>
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
              <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
                <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
                  {view.status === "returned" ? t("decl.resubmit") : t("decl.submit")}
                </button>
                <p className="text-xs text-slate-500">{t("decl.hint")}</p>
              </div>
            </Form>
          ) : null}
        </div>
      </div>
    </div>
  );
}
