import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import type { FormFailure } from "~/infra/validation";
import { Field, FieldError, FormError } from "~/ui/form";
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
  const v = (k: string) => String(initial[k] ?? "");
  const [type, setType] = useState<string>(v("type") || q.type);
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
  const fid = (k: string) => `q-${q.id}-${k}`;

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
          <label className="label" htmlFor={fid("text")}>
            Question
          </label>
          <textarea
            id={fid("text")}
            name="text"
            rows={2}
            className="input"
            defaultValue={v("text")}
            aria-invalid={errors.text ? true : undefined}
          />
          <FieldError error={errors.text} />
        </div>
        <div>
          <label className="label" htmlFor={fid("type")}>
            Answer type
          </label>
          <select
            id={fid("type")}
            name="type"
            className="input"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            {QUESTION_TYPES.map((t) => (
              <option key={t} value={t}>
                {QUESTION_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError error={errors.type} />
        </div>
      </div>
      <div>
        <label className="label" htmlFor={fid("help")}>
          Help text
        </label>
        <input id={fid("help")} name="help" className="input" defaultValue={v("help")} />
        <FieldError error={errors.help} />
      </div>
      <div className="flex flex-wrap gap-6 text-sm">
        <label className="inline-flex items-center gap-2">
          <input
            type="checkbox"
            name="required"
            defaultChecked={flag("required")}
            className="h-4 w-4 rounded"
          />{" "}
          Required
        </label>
        {NA_TYPES.includes(type as Question["type"]) ? (
          <label className="inline-flex items-center gap-2">
            <input
              type="checkbox"
              name="allowNotApplicable"
              defaultChecked={flag("allowNotApplicable")}
              className="h-4 w-4 rounded"
            />{" "}
            Offer “Not applicable”
          </label>
        ) : null}
        <FieldError error={errors.allowNotApplicable} />
      </div>

      {isChoice ? (
        <div>
          <label className="label" htmlFor={fid("options")}>
            Options
          </label>
          <textarea
            id={fid("options")}
            name="options"
            rows={5}
            className="input font-mono text-xs"
            defaultValue={v("options")}
            aria-invalid={errors.options ? true : undefined}
          />
          <p className="mt-1 text-xs text-slate-500">
            One per line: value | label | risk points (optional), e.g. “none | No audit | 4”.
          </p>
          <FieldError error={errors.options} />
        </div>
      ) : null}
      {type === "number" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field
            label="Minimum"
            name="min"
            id={fid("min")}
            defaultValue={v("min")}
            error={errors.min}
            inputMode="decimal"
          />
          <Field
            label="Maximum"
            name="max"
            id={fid("max")}
            defaultValue={v("max")}
            error={errors.max}
            inputMode="decimal"
          />
          <Field
            label="Unit"
            name="unit"
            id={fid("unit")}
            defaultValue={v("unit")}
            error={errors.unit}
            placeholder="hours per week"
          />
        </div>
      ) : null}
      {TEXT_TYPES.includes(type as Question["type"]) ? (
        <Field
          label="Maximum length (characters)"
          name="maxLength"
          id={fid("maxLength")}
          defaultValue={v("maxLength")}
          error={errors.maxLength}
          inputMode="numeric"
        />
      ) : null}

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Risk rule</legend>
        <div className="grid gap-4 md:grid-cols-3">
          {type === "yes_no" ? (
            <>
              <Field
                label="Points for Yes"
                name="pointsYes"
                id={fid("pointsYes")}
                defaultValue={v("pointsYes")}
                error={errors.pointsYes}
                inputMode="decimal"
              />
              <Field
                label="Points for No"
                name="pointsNo"
                id={fid("pointsNo")}
                defaultValue={v("pointsNo")}
                error={errors.pointsNo}
                inputMode="decimal"
              />
            </>
          ) : null}
          {NA_TYPES.includes(type as Question["type"]) ? (
            <Field
              label="Points for Not applicable"
              name="pointsNa"
              id={fid("pointsNa")}
              defaultValue={v("pointsNa")}
              error={errors.pointsNa}
              inputMode="decimal"
            />
          ) : null}
          {isNumeric ? (
            <div className="md:col-span-2">
              <label className="label" htmlFor={fid("thresholds")}>
                Thresholds
              </label>
              <textarea
                id={fid("thresholds")}
                name="thresholds"
                rows={3}
                className="input font-mono text-xs"
                defaultValue={v("thresholds")}
                aria-invalid={errors.thresholds ? true : undefined}
              />
              <p className="mt-1 text-xs text-slate-500">
                One per line: “above = points”. The highest threshold the answer exceeds applies.
              </p>
              <FieldError error={errors.thresholds} />
            </div>
          ) : null}
          {isNumeric ? (
            <Field
              label="Red flag when above"
              name="redFlagAbove"
              id={fid("redFlagAbove")}
              defaultValue={v("redFlagAbove")}
              error={errors.redFlagAbove}
              inputMode="decimal"
            />
          ) : type === "yes_no" || isChoice ? (
            <Field
              label="Red flag when the answer is"
              name="redFlagValues"
              id={fid("redFlagValues")}
              defaultValue={v("redFlagValues")}
              error={errors.redFlagValues}
              hint={type === "yes_no" ? "yes or no" : "option values, comma separated"}
            />
          ) : null}
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <label className="inline-flex items-center gap-2 text-sm md:col-span-1">
            <input
              type="checkbox"
              name="control"
              defaultChecked={flag("control")}
              className="h-4 w-4 rounded"
            />{" "}
            Management control (negative points lower risk)
          </label>
          <Field
            label="Credit without evidence"
            name="unevidencedPoints"
            id={fid("unevidencedPoints")}
            defaultValue={v("unevidencedPoints")}
            error={errors.unevidencedPoints}
            hint="Default: half the credit"
            inputMode="decimal"
          />
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-2">
            <Field
              label="Evidence request"
              name="evidenceRequest"
              id={fid("evidenceRequest")}
              defaultValue={v("evidenceRequest")}
              error={errors.evidenceRequest}
              placeholder="Upload your recruitment-fee policy."
            />
          </div>
          <Field
            label="Ask for evidence when the answer is"
            name="evidenceWhen"
            id={fid("evidenceWhen")}
            defaultValue={v("evidenceWhen")}
            error={errors.evidenceWhen}
            hint="Empty: always"
          />
        </div>
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          ILO indicators this question informs
        </legend>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {Object.entries(ILO_INDICATORS).map(([n, label]) => (
            <label key={n} className="inline-flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="iloIndicators"
                value={n}
                defaultChecked={ilo.has(n)}
                className="h-4 w-4 rounded"
              />
              {n} · {label}
            </label>
          ))}
        </div>
        <FieldError error={errors.iloIndicators} />
      </fieldset>

      <fieldset className="rounded-md border border-slate-200 bg-white p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">Condition</legend>
        <div className="grid gap-4 md:grid-cols-2">
          <div>
            <label className="label" htmlFor={fid("visibleWhenQuestion")}>
              Show only when this earlier question…
            </label>
            <select
              id={fid("visibleWhenQuestion")}
              name="visibleWhenQuestion"
              className="input"
              defaultValue={v("visibleWhenQuestion")}
              aria-invalid={errors.visibleWhenQuestion ? true : undefined}
            >
              <option value="">Always show</option>
              {earlier
                .filter((e) => e.type !== "file")
                .map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.id} · {e.text.length > 70 ? `${e.text.slice(0, 70)}…` : e.text}
                  </option>
                ))}
            </select>
            <FieldError error={errors.visibleWhenQuestion} />
          </div>
          <Field
            label="…has one of these answers"
            name="visibleWhenValues"
            id={fid("visibleWhenValues")}
            defaultValue={v("visibleWhenValues")}
            error={errors.visibleWhenValues}
            hint="Answer values, comma separated: yes, no, or option values"
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
