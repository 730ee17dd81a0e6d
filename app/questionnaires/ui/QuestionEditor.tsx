import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import type { FormFailure } from "~/infra/validation";
import { Checkbox, Field, FieldError, fieldBinder, FormError, Select, TextArea, valueText } from "~/ui/form";
import { ILO_INDICATORS, QUESTION_TYPE_LABELS, QUESTION_TYPES, type Question } from "../model";
import { CHOICE_TYPES, NA_TYPES, NUMERIC_TYPES, questionToForm, TEXT_TYPES } from "../template-editor";

/**
 * The form that edits one question of a draft template (intent save-question): text, type, options, rule,
 * condition, evidence request and ILO indicators. After a refused save it shows what was typed.
 */
export function QuestionEditor({
  q,
  earlier,
  result,
}: {
  q: Question;
  earlier: Question[];
  result?: FormFailure;
}) {
  const mine = result?.intent === "save-question" && result.target === q.id;
  const errors = mine ? result.fieldErrors : {};
  const initial = mine && result.values ? result.values : questionToForm(q);
  const [type, setType] = useState<string>(valueText(initial.type) || q.type);
  const flag = (k: string) => {
    const x = initial[k];
    return x === true || x === "on" || x === "true";
  };
  const ilo = new Set(
    (Array.isArray(initial.iloIndicators) ? initial.iloIndicators : [initial.iloIndicators])
      .filter(Boolean)
      .map(String),
  );
  const isChoice = CHOICE_TYPES.includes(type as Question["type"]);
  const isNumeric = NUMERIC_TYPES.includes(type as Question["type"]);
  const bind = fieldBinder(initial, errors, `q-${q.id}`);

  return (
    <Form
      method="post"
      className="mt-3 space-y-4 rounded-md border border-brand-200 bg-brand-50/40 p-4"
      noValidate
    >
      <input type="hidden" name="intent" value="save-question" />
      <input type="hidden" name="questionId" value={q.id} />
      {mine ? <FormError error={result.formError ?? result.fieldErrors._form} /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <div className="md:col-span-2">
          <TextArea label="Question" rows={2} {...bind("text")} />
        </div>
        <Select
          label="Answer type"
          {...bind("type")}
          defaultValue={undefined}
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {QUESTION_TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </div>
      <Field label="Help text" {...bind("help")} />
      <div className="flex flex-wrap gap-6 text-sm">
        <Checkbox name="required" defaultChecked={flag("required")} {...INLINE_CHECKBOX}>
          Required
        </Checkbox>
        {NA_TYPES.includes(type as Question["type"]) ? (
          <Checkbox
            name="allowNotApplicable"
            defaultChecked={flag("allowNotApplicable")}
            {...INLINE_CHECKBOX}
          >
            Offer “Not applicable”
          </Checkbox>
        ) : null}
        <FieldError error={errors.allowNotApplicable} />
      </div>

      {isChoice ? (
        <TextArea
          label="Options"
          rows={5}
          className="input font-mono text-xs"
          hint="One per line: value | label | risk points (optional), e.g. “none | No audit | 4”."
          {...bind("options")}
        />
      ) : null}
      {type === "number" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Minimum" inputMode="decimal" {...bind("min")} />
          <Field label="Maximum" inputMode="decimal" {...bind("max")} />
          <Field label="Unit" placeholder="hours per week" {...bind("unit")} />
        </div>
      ) : null}
      {TEXT_TYPES.includes(type as Question["type"]) ? (
        <Field label="Maximum length (characters)" inputMode="numeric" {...bind("maxLength")} />
      ) : null}

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Risk rule</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {type === "yes_no" ? (
            <>
              <Field label="Points for Yes" inputMode="decimal" {...bind("pointsYes")} />
              <Field label="Points for No" inputMode="decimal" {...bind("pointsNo")} />
            </>
          ) : null}
          {NA_TYPES.includes(type as Question["type"]) ? (
            <Field label="Points for Not applicable" inputMode="decimal" {...bind("pointsNa")} />
          ) : null}
          {isNumeric ? (
            <div className="md:col-span-2">
              <TextArea
                label="Thresholds"
                rows={3}
                className="input font-mono text-xs"
                hint="One per line: “above = points”. The highest threshold the answer exceeds applies."
                {...bind("thresholds")}
              />
            </div>
          ) : null}
          {isNumeric ? (
            <Field label="Red flag when above" inputMode="decimal" {...bind("redFlagAbove")} />
          ) : type === "yes_no" || isChoice ? (
            <Field
              label="Red flag when the answer is"
              hint={type === "yes_no" ? "yes or no" : "option values, comma separated"}
              {...bind("redFlagValues")}
            />
          ) : null}
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <Checkbox
            name="control"
            defaultChecked={flag("control")}
            {...INLINE_CHECKBOX}
            className="inline-flex items-center gap-2 text-sm md:col-span-1"
          >
            Management control (negative points lower risk)
          </Checkbox>
          <Field
            label="Credit without evidence"
            hint="Default: half the credit"
            inputMode="decimal"
            {...bind("unevidencedPoints")}
          />
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-2">
            <Field
              label="Evidence request"
              placeholder="Upload your recruitment-fee policy."
              {...bind("evidenceRequest")}
            />
          </div>
          <Field label="Ask for evidence when the answer is" hint="Empty: always" {...bind("evidenceWhen")} />
        </div>
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          ILO indicators this question informs
        </legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {Object.entries(ILO_INDICATORS).map(([n, label]) => (
            <Checkbox
              key={n}
              name="iloIndicators"
              value={n}
              defaultChecked={ilo.has(n)}
              {...INLINE_CHECKBOX}
              className="inline-flex items-center gap-2 text-sm text-slate-700"
            >
              {n} · {label}
            </Checkbox>
          ))}
        </div>
        <FieldError error={errors.iloIndicators} />
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Condition</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <Select label="Show only when this earlier question…" {...bind("visibleWhenQuestion")}>
            <option value="">Always show</option>
            {earlier
              .filter((e) => e.type !== "file")
              .map((e) => (
                <option key={e.id} value={e.id}>
                  {e.id} · {e.text.length > 70 ? `${e.text.slice(0, 70)}…` : e.text}
                </option>
              ))}
          </Select>
          <Field
            label="…has one of these answers"
            hint="Answer values, comma separated: yes, no, or option values"
            {...bind("visibleWhenValues")}
          />
        </div>
      </fieldset>

      <div className="flex gap-3">
        <button type="submit" className="btn-primary">
          Save question
        </button>
        <Link to="." className="btn-secondary">
          Close
        </Link>
      </div>
    </Form>
  );
}

/** The editor's checkboxes sit inline with their words. */
const INLINE_CHECKBOX = { className: "inline-flex items-center gap-2", boxClassName: "h-4 w-4 rounded" };
