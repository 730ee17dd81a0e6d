import { Form } from "@remix-run/react";
import { Field, FormError, formErrorOrSummary, fieldBinder } from "~/ui/form";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

/** The staff rate's denominator: how many staff were expected to train in a year. */
export function HeadcountForm({
  failure,
  busy,
  year,
  headcounts,
}: {
  failure?: Failure;
  busy: boolean;
  year: number;
  headcounts: Record<number, number>;
}) {
  const bind = fieldBinder(
    failure?.values ?? { year: String(year), staffInScope: String(headcounts[year] ?? "") },
    failure?.fieldErrors,
    "headcount",
  );
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="intent" value="headcount" />
      <FormError error={formErrorOrSummary(failure)} />
      <Field label="Year" {...bind("year")} inputMode="numeric" className="input w-28" />
      <Field
        label="Staff expected to train"
        {...bind("staffInScope")}
        inputMode="numeric"
        className="input w-40"
        hint="Without it the staff rate is “not known”."
      />
      <button type="submit" className="btn-secondary" disabled={busy}>
        Save headcount
      </button>
    </Form>
  );
}
