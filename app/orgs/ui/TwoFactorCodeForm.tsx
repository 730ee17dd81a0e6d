import { Form } from "@remix-run/react";
import { Field, FormError } from "~/ui/form";

/** The code box of the second log-in step: a 6-digit code from the app, or a recovery code. */
export function TwoFactorCodeForm({
  formError,
  codeError,
  busy,
  redirectTo,
}: {
  formError?: string;
  codeError?: string;
  busy: boolean;
  redirectTo: string;
}) {
  return (
    <Form method="post" className="space-y-4" noValidate>
      <FormError error={formError} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Field
        label="Code"
        name="code"
        inputMode="text"
        autoComplete="one-time-code"
        autoFocus
        required
        maxLength={40}
        hint="The 6-digit code your authenticator app shows now, or one of your recovery codes."
        error={codeError}
      />
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? "Checking…" : "Log in"}
      </button>
    </Form>
  );
}
