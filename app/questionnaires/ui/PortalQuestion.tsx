import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { PortalTranslate } from "~/i18n/portal";
import { FieldError } from "~/ui/form";
import { fieldName, formatAnswer, type Question } from "../model";
import type { autosaveIntent } from "../portal-intents.server";
import type { getPortalView } from "../portal.server";
import { fromRaw } from "../raw-values";
import { PortalFiles } from "./PortalFiles";
import { QuestionField, type RawValue } from "./QuestionField";

/** What the portal page's loader sends (getPortalView), as the components receive it. */
export type PortalView = ReturnType<typeof getPortalView>;

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

/**
 * One question of the portal: its field, autosaved on its own (after a pause for typed answers, at once for
 * clicks), a draft kept on the device until the server has it, the buyer's comment when it was returned,
 * and its files.
 */
export function PortalQuestion({
  view,
  q,
  value,
  onChange,
  t,
  editable,
  serverError,
  comment,
}: {
  view: PortalView;
  q: Question;
  value: RawValue;
  onChange: (id: string, v: RawValue) => void;
  t: PortalTranslate;
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
          <span className="mr-2 font-mono text-xs text-slate-500">{q.id}</span>
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
      {comment ? (
        <p className="mb-2 rounded bg-white/70 p-2 text-sm text-amber-900">
          <span className="font-medium">{t("portal.buyerComment", { org: view.organizationName })}</span>{" "}
          <span className="text-xs text-amber-800" data-testid="comment-as-written">
            ({t("portal.commentAsWritten")})
          </span>
          : {/* The buyer's own words in whatever language they wrote: never machine-translated. */}
          <span className="whitespace-pre-wrap" dir="auto">
            {comment}
          </span>
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
      {showFiles ? <PortalFiles view={view} q={q} t={t} editable={editable} /> : null}
    </div>
  );
}
