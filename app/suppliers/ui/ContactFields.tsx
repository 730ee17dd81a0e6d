import { Field, fieldBinder } from "~/ui/form";

/** The fields of a supplier contact, filled from a contact or from what was typed. */
export function ContactFields({
  values,
  errors,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const bind = fieldBinder(values, errors);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" required {...bind("name")} />
        <Field label="Email" type="email" required {...bind("email")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Phone (optional)" {...bind("phone")} />
        <Field label="Job title (optional)" {...bind("jobTitle")} />
        <Field label="Language (optional)" hint='e.g. "es", "zh-Hans"' {...bind("language")} />
      </div>
    </>
  );
}
