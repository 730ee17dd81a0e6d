import { Form } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Field, FieldError, FormError } from "~/ui/form";
import { GRADE_LABELS, ILO_INDICATOR_NUMBERS, ILO_INDICATORS } from "../catalogue";
import type { SchemeWord } from "../vocabulary";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

/** A finding in the auditor's words: the scheme's grade word, mapped onto the organisation's scale. */
export function AddFindingForm({
  scheme,
  vocabulary,
  failure,
  busy,
  saved,
}: {
  scheme: string;
  vocabulary: SchemeWord[];
  failure?: Failure;
  busy: boolean;
  /** Set after a successful add: the form clears. */
  saved: boolean;
}) {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (saved) ref.current?.reset();
  }, [saved]);
  const v = (name: string) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : "";
  };
  return (
    <Form method="post" ref={ref} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="add-finding" />
      <FormError
        error={
          failure
            ? (failure.formError ?? failure.fieldErrors._form ?? "Please correct the highlighted fields.")
            : undefined
        }
      />
      <Field
        label="Title"
        name="title"
        required
        maxLength={200}
        placeholder="e.g. Passports of migrant workers kept in the HR office safe"
        defaultValue={v("title")}
        error={failure?.fieldErrors.title}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="f-schemeGrade" className="label">
            Grade ({scheme} words)
          </label>
          <select
            id="f-schemeGrade"
            name="schemeGrade"
            className="input"
            defaultValue={v("schemeGrade")}
            aria-invalid={failure?.fieldErrors.schemeGrade ? true : undefined}
            aria-describedby="f-schemeGrade-hint"
          >
            <option value="" disabled>
              Choose a grade…
            </option>
            {vocabulary.map((w) => (
              <option key={w.word} value={w.word}>
                {w.word} → {GRADE_LABELS[w.grade]}
              </option>
            ))}
          </select>
          <p id="f-schemeGrade-hint" className="mt-1 text-xs text-slate-500">
            Mapped onto your scale; the corrective action&apos;s deadlines follow the grade.
          </p>
          <FieldError error={failure?.fieldErrors.schemeGrade ?? failure?.fieldErrors.grade} />
        </div>
        <Field
          label="Clause (optional)"
          name="clause"
          maxLength={200}
          placeholder="e.g. ETI 1.1"
          defaultValue={v("clause")}
          error={failure?.fieldErrors.clause}
        />
        <div>
          <label htmlFor="f-iloIndicator" className="label">
            ILO forced-labour indicator (optional)
          </label>
          <select id="f-iloIndicator" name="iloIndicator" className="input" defaultValue={v("iloIndicator")}>
            <option value="">None</option>
            {ILO_INDICATOR_NUMBERS.map((n) => (
              <option key={n} value={n}>
                {n}. {ILO_INDICATORS[n]}
              </option>
            ))}
          </select>
          <FieldError error={failure?.fieldErrors.iloIndicator} />
        </div>
      </div>
      <div>
        <label htmlFor="f-description" className="label">
          Description (optional)
        </label>
        <textarea
          id="f-description"
          name="description"
          rows={3}
          maxLength={5000}
          className="input"
          placeholder="What was seen or heard, how many workers are affected."
          defaultValue={v("description")}
        />
        <FieldError error={failure?.fieldErrors.description} />
      </div>
      <div className="flex justify-end">
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Adding…" : "Add finding"}
        </button>
      </div>
    </Form>
  );
}
