import { Form } from "@remix-run/react";
import { INTAKE_LANGUAGES } from "~/grievances/languages";
import { Field, FormError, formErrorOrSummary, Select, fieldBinder } from "~/ui/form";
import { AUDIENCE_LABELS, TRAINING_AUDIENCES } from "~db/schema/training.constants";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export function CourseForm({ failure, busy }: { failure?: Failure; busy: boolean }) {
  const bind = fieldBinder(failure?.values, failure?.fieldErrors, "course");
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="intent" value="course" />
      <div className="sm:col-span-2">
        <FormError error={formErrorOrSummary(failure)} />
      </div>
      <Field label="Title" {...bind("title")} maxLength={200} />
      <Select label="Audience" {...bind("audience")}>
        <option value="">Choose…</option>
        {TRAINING_AUDIENCES.map((a) => (
          <option key={a} value={a}>
            {AUDIENCE_LABELS[a]}
          </option>
        ))}
      </Select>
      <Select label="Language" {...bind("language")}>
        <option value="">Choose…</option>
        {INTAKE_LANGUAGES.map((l) => (
          <option key={l.code} value={l.code}>
            {l.name}
          </option>
        ))}
      </Select>
      <Field label="Duration (minutes)" {...bind("durationMinutes")} inputMode="numeric" />
      <div className="sm:col-span-2">
        <button type="submit" className="btn-primary" disabled={busy}>
          Add course
        </button>
      </div>
    </Form>
  );
}
