import { Form } from "@remix-run/react";
import { GRADE_LABELS, FINDING_GRADES } from "~/audits/catalogue";
import { FieldError, FormError } from "~/ui/form";
import type { GradeTable } from "../deadlines";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

/** Deadlines by grade: days to the plan and to resolution, with the scheme-derived defaults beside them. */
export function GradeTableForm({
  table,
  defaults,
  failure,
  busy,
}: {
  table: GradeTable;
  defaults: GradeTable;
  failure?: Failure;
  busy: boolean;
}) {
  const v = (name: string, fallback: number) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : String(fallback);
  };
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="deadlines" />
      <FormError error={failure?.formError} />
      <table className="table">
        <thead>
          <tr>
            <th>Grade</th>
            <th>Plan due (days)</th>
            <th>Resolution due (days)</th>
            <th>Default</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {FINDING_GRADES.map((g) => (
            <tr key={g}>
              <td className="font-medium">{GRADE_LABELS[g]}</td>
              <td>
                <label className="sr-only" htmlFor={`d-${g}-plan`}>
                  {GRADE_LABELS[g]}: plan due in days
                </label>
                <input
                  id={`d-${g}-plan`}
                  name={`${g}.planDays`}
                  type="number"
                  min={0}
                  className="input w-24"
                  defaultValue={v(`${g}.planDays`, table[g].planDays)}
                />
                <FieldError error={failure?.fieldErrors[`${g}.planDays`]} />
              </td>
              <td>
                <label className="sr-only" htmlFor={`d-${g}-resolution`}>
                  {GRADE_LABELS[g]}: resolution due in days
                </label>
                <input
                  id={`d-${g}-resolution`}
                  name={`${g}.resolutionDays`}
                  type="number"
                  min={0}
                  className="input w-24"
                  defaultValue={v(`${g}.resolutionDays`, table[g].resolutionDays)}
                />
                <FieldError error={failure?.fieldErrors[`${g}.resolutionDays`]} />
              </td>
              <td className="text-xs text-slate-500">
                {defaults[g].planDays === 0 ? "plan immediately" : `plan ${defaults[g].planDays} d`} · resolve{" "}
                {defaults[g].resolutionDays} d
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="text-xs text-slate-500">
        0 days means due the day the action is raised. New deadlines apply to actions raised from now on;
        existing actions keep theirs.
      </p>
      <button type="submit" className="btn-primary" disabled={busy}>
        Save deadlines
      </button>
    </Form>
  );
}
