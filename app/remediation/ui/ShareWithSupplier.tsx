import { Form } from "@remix-run/react";
import { SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { Field, FieldError, FormError } from "~/ui/form";
import { Card } from "~/ui/layout";
import type { Failure } from "./ActionForms";

/**
 * Email the supplier contact a link (plus a code per browser) to all of the supplier's open actions, in
 * their language; a new link replaces the previous one.
 */
export function ShareWithSupplier({
  contact,
  lastShared,
  failure,
  busy,
}: {
  contact: { name: string; email: string };
  lastShared: { recipientEmail: string; at: string } | null;
  failure?: Failure;
  busy: boolean;
}) {
  const v = (name: string, fallback: string) => {
    const x = failure?.values?.[name];
    return typeof x === "string" ? x : fallback;
  };
  return (
    <Card title="Share with the supplier">
      <p className="mb-3 text-sm text-slate-600">
        The supplier contact gets a link to all of the supplier&apos;s open corrective actions (no account; a
        code is emailed to confirm each browser). They can agree or dispute each finding, send the plan,
        report progress and upload evidence.
        {lastShared
          ? ` Last shared with ${lastShared.recipientEmail} on ${lastShared.at.slice(0, 10)}; a new link replaces it.`
          : ""}
      </p>
      <Form method="post" className="grid gap-3 sm:grid-cols-4" noValidate>
        <input type="hidden" name="intent" value="share" />
        <div className="sm:col-span-4">
          <FormError error={failure?.formError} />
        </div>
        <Field
          id="s-recipientName"
          label="Contact name"
          name="recipientName"
          defaultValue={v("recipientName", contact.name)}
          error={failure?.fieldErrors.recipientName}
        />
        <Field
          id="s-recipientEmail"
          label="Contact email"
          name="recipientEmail"
          type="email"
          defaultValue={v("recipientEmail", contact.email)}
          error={failure?.fieldErrors.recipientEmail}
        />
        <div>
          <label htmlFor="s-language" className="label">
            Language
          </label>
          <select id="s-language" name="language" className="input" defaultValue={v("language", "en")}>
            {SUPPORTED_LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.nativeName}
              </option>
            ))}
          </select>
          <FieldError error={failure?.fieldErrors.language} />
        </div>
        <div className="flex items-end">
          <button type="submit" className="btn-primary" disabled={busy}>
            Email the link
          </button>
        </div>
      </Form>
    </Card>
  );
}
