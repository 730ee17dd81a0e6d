import type { ReactNode } from "react";
import { fieldMessages } from "~/i18n/fields";
import { answerWords, NOT_APPLICABLE, type AnswerValue, type Question } from "../model";

/** What an input holds while being edited: text as typed, or the ticked values of a multiple choice. */
export type RawValue = string | string[];

export type FieldLabels = { yes: string; no: string; notApplicable: string; choose: string };

export type QuestionFieldProps = {
  /** The question already localized (localizeTemplate / localizeQuestion). */
  question: Question;
  value: RawValue;
  /** Controlled when given; without it the inputs are read-only (a submitted view). */
  onChange?: (value: RawValue) => void;
  name?: string;
  id?: string;
  /** The id of the <form> the inputs belong to, when rendered outside it. */
  form?: string;
  invalid?: boolean;
  describedBy?: string;
  /** Words around the answer; default to `lang`'s (English when absent). */
  labels?: Partial<FieldLabels>;
  lang?: string;
  disabled?: boolean;
};

/** Choice questions with this many options or fewer are radio buttons; more become a drop-down. */
const MAX_RADIO_OPTIONS = 6;

export function toRawValue(value: AnswerValue | undefined): RawValue {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value;
  return String(value);
}

/**
 * The answer input for one question, as the supplier sees it: radios for yes/no and short choices, checkboxes
 * for multiple choice, a decimal text box for numbers, a date picker, text boxes, "Not applicable" where the
 * question allows it. File questions render nothing here: uploads are the page's own component.
 * Shared by the supplier portal and the template editor's preview so both show exactly the same thing.
 */
export function QuestionField({
  question: q,
  value,
  onChange,
  name = `q.${q.id}`,
  id = `f-${q.id}`,
  form,
  invalid,
  describedBy,
  labels,
  lang = "en",
  disabled,
}: QuestionFieldProps) {
  const words = answerWords(lang);
  const msg = fieldMessages(lang);
  const l: FieldLabels = {
    yes: labels?.yes ?? words.yes,
    no: labels?.no ?? words.no,
    notApplicable: labels?.notApplicable ?? msg.notApplicable,
    choose: labels?.choose ?? msg.choose,
  };
  const readOnly = !onChange;
  const off = disabled || readOnly;
  const single = Array.isArray(value) ? (value[0] ?? "") : value;
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const set = (v: RawValue) => onChange?.(v);
  const ariaInvalid = invalid ? true : undefined;

  // Radios and checkboxes are named by their own label and grouped by the question (aria-labelledby), so
  // none of them takes the question's id: a <label for> would otherwise name the first one twice.
  const radio = (v: string, label: string) => (
    <label key={v} className="inline-flex items-center gap-2 text-sm text-slate-700">
      <input
        type="radio"
        name={name}
        value={v}
        form={form}
        checked={single === v}
        onChange={() => set(v)}
        disabled={off}
        className="h-4 w-4 border-slate-300 text-brand-600"
      />
      {label}
    </label>
  );
  const naRadio = () => (q.allowNotApplicable ? radio(NOT_APPLICABLE, l.notApplicable) : null);
  const group = (children: ReactNode, vertical = false) => (
    <div
      className={vertical ? "flex flex-col gap-2" : "flex flex-wrap gap-x-6 gap-y-2"}
      role="radiogroup"
      aria-labelledby={`${id}-label`}
      aria-describedby={describedBy}
      aria-invalid={ariaInvalid}
    >
      {children}
    </div>
  );

  switch (q.type) {
    case "yes_no":
      return group(
        <>
          {radio("yes", l.yes)}
          {radio("no", l.no)}
          {naRadio()}
        </>,
      );
    case "choice": {
      const options = q.options ?? [];
      if (options.length <= MAX_RADIO_OPTIONS)
        return group(
          <>
            {options.map((o) => radio(o.value, o.label))}
            {naRadio()}
          </>,
          true,
        );
      return (
        <select
          id={id}
          name={name}
          form={form}
          value={single}
          onChange={(e) => set(e.target.value)}
          disabled={off}
          className="input max-w-md"
          aria-invalid={ariaInvalid}
          aria-describedby={describedBy}
        >
          <option value="">{l.choose}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {q.allowNotApplicable ? <option value={NOT_APPLICABLE}>{l.notApplicable}</option> : null}
        </select>
      );
    }
    case "multi_choice": {
      const toggle = (v: string, on: boolean) => {
        if (v === NOT_APPLICABLE) return set(on ? [NOT_APPLICABLE] : []);
        const without = list.filter((x) => x !== v && x !== NOT_APPLICABLE);
        set(on ? [...without, v] : without);
      };
      const box = (v: string, label: string) => (
        <label key={v} className="inline-flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name={name}
            value={v}
            form={form}
            checked={list.includes(v)}
            onChange={(e) => toggle(v, e.target.checked)}
            disabled={off}
            className="h-4 w-4 rounded border-slate-300 text-brand-600"
          />
          {label}
        </label>
      );
      return (
        <div
          className="flex flex-col gap-2"
          role="group"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={ariaInvalid}
        >
          {(q.options ?? []).map((o) => box(o.value, o.label))}
          {q.allowNotApplicable ? box(NOT_APPLICABLE, l.notApplicable) : null}
        </div>
      );
    }
    case "number":
    case "percentage":
    case "date": {
      const isNa = single === NOT_APPLICABLE;
      return (
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <div className="flex items-center gap-2">
            <input
              id={id}
              name={isNa ? undefined : name}
              form={form}
              // Numbers: text with a decimal keypad, since type=number silently drops "12,5" (decimal comma).
              type={q.type === "date" ? "date" : "text"}
              inputMode={q.type === "date" ? undefined : "decimal"}
              value={isNa ? "" : single}
              onChange={(e) => set(e.target.value)}
              disabled={off || isNa}
              className={`input ${q.type === "date" ? "max-w-[12rem]" : "max-w-[10rem]"}`}
              aria-invalid={ariaInvalid}
              aria-describedby={describedBy}
            />
            {q.type !== "date" ? (
              <span className="text-sm text-slate-500">{q.type === "percentage" ? "%" : (q.unit ?? "")}</span>
            ) : null}
          </div>
          {q.allowNotApplicable ? (
            <label className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name={isNa ? name : undefined}
                value={NOT_APPLICABLE}
                form={form}
                checked={isNa}
                onChange={(e) => set(e.target.checked ? NOT_APPLICABLE : "")}
                disabled={off}
                className="h-4 w-4 rounded border-slate-300"
              />
              {l.notApplicable}
            </label>
          ) : null}
        </div>
      );
    }
    case "short_text":
      return (
        <input
          id={id}
          name={name}
          form={form}
          type="text"
          value={single}
          onChange={(e) => set(e.target.value)}
          maxLength={q.maxLength ?? 200}
          readOnly={readOnly}
          disabled={disabled}
          className="input max-w-xl"
          aria-invalid={ariaInvalid}
          aria-describedby={describedBy}
        />
      );
    case "text":
      return (
        <textarea
          id={id}
          name={name}
          form={form}
          rows={4}
          value={single}
          onChange={(e) => set(e.target.value)}
          maxLength={q.maxLength}
          readOnly={readOnly}
          disabled={disabled}
          className="input"
          aria-invalid={ariaInvalid}
          aria-describedby={describedBy}
        />
      );
    case "file":
      return null;
  }
}

/**
 * A whole question block for previews: label, help, the input, the evidence request and, for file questions,
 * an upload control that goes nowhere. The portal composes its own block around QuestionField (autosave
 * status, returned comments, uploads) with the same parts.
 */
export function QuestionPreview({
  question: q,
  value,
  onChange,
  lang,
  number,
}: {
  question: Question;
  value: RawValue;
  onChange?: (value: RawValue) => void;
  lang: string;
  number?: string;
}) {
  const msg = fieldMessages(lang);
  const id = `f-${q.id}`;
  const upload = (label: string) => (
    <input
      type="file"
      aria-label={label}
      className="block text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
    />
  );
  const grouped =
    q.type === "yes_no" ||
    q.type === "multi_choice" ||
    q.type === "file" ||
    (q.type === "choice" && (q.options?.length ?? 0) <= MAX_RADIO_OPTIONS);
  const Title = grouped ? "p" : "label";
  return (
    <div className="space-y-2 py-4" data-question={q.id}>
      <div className="flex items-start justify-between gap-3">
        <Title
          id={`${id}-label`}
          htmlFor={grouped ? undefined : id}
          className="block text-sm font-medium text-slate-900"
        >
          {number ? <span className="mr-2 font-mono text-xs text-slate-500">{number}</span> : null}
          {q.text}
        </Title>
        <span className="shrink-0 text-xs text-slate-500">{q.required ? msg.required : msg.optional}</span>
      </div>
      {q.help ? (
        <p id={`${id}-help`} className="text-xs text-slate-500">
          {q.help}
        </p>
      ) : null}
      {q.type === "file" ? (
        upload(msg.attachFile)
      ) : (
        <QuestionField
          question={q}
          value={value}
          onChange={onChange}
          lang={lang}
          describedBy={q.help ? `${id}-help` : undefined}
        />
      )}
      {q.evidence ? (
        <div className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <p>
            <span className="font-medium">{msg.evidenceRequested}:</span> {q.evidence.request}
          </p>
          <div className="mt-2">{upload(`${msg.attachFile}: ${q.evidence.request}`)}</div>
        </div>
      ) : null}
    </div>
  );
}
