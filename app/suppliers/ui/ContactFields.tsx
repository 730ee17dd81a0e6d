import { Field } from "~/ui/form";

/** The fields of a supplier contact, filled from a contact or from what was typed. */
export function ContactFields({
  values,
  errors,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const v = (k: string) => (values[k] === null || values[k] === undefined ? "" : String(values[k]));
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required defaultValue={v("name")} error={errors.name} />
        <Field
          label="Email"
          name="email"
          type="email"
          required
          defaultValue={v("email")}
          error={errors.email}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Phone (optional)" name="phone" defaultValue={v("phone")} error={errors.phone} />
        <Field
          label="Job title (optional)"
          name="jobTitle"
          defaultValue={v("jobTitle")}
          error={errors.jobTitle}
        />
        <Field
          label="Language (optional)"
          name="language"
          defaultValue={v("language")}
          error={errors.language}
          hint='e.g. "es", "zh-Hans"'
        />
      </div>
    </>
  );
}
