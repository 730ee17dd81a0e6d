import { Form } from "@remix-run/react";
import { Field, FormError, formErrorOrSummary, fieldBinder } from "~/ui/form";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export function CompletionForm({
  failure,
  busy,
  forSuppliers,
  today,
}: {
  failure?: Failure;
  busy: boolean;
  forSuppliers: boolean;
  today: string;
}) {
  const bind = fieldBinder(failure?.values ?? { completedOn: today }, failure?.fieldErrors, "record");
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="record" />
      <div className="sm:col-span-2">
        <FormError error={formErrorOrSummary(failure)} />
      </div>
      <Field label="Name" {...bind("learnerName")} maxLength={200} />
      <Field label="E-mail (optional)" {...bind("learnerEmail")} type="email" />
      {forSuppliers ? <Field label="Supplier (name or your reference)" {...bind("supplier")} /> : null}
      <Field label="Completed on" {...bind("completedOn")} type="date" />
      <Field label="Score in % (optional)" {...bind("scorePercent")} inputMode="numeric" />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          Record completion
        </button>
      </div>
    </Form>
  );
}
