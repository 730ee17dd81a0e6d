import { Form, Link, useNavigation } from "@remix-run/react";
import type { FormFailure } from "~/infra/validation";
import { Field, FormError, stringValue } from "~/ui/form";

/** "Sign in with SSO": the work email finds the organisation's provider (or a bookmarked link names it). */
export function SsoSignInForm({
  view,
  failure,
}: {
  view: { organizationId: string | null; organizationName: string | null; redirectTo: string };
  failure?: FormFailure;
}) {
  const busy = useNavigation().state !== "idle";
  const errors = failure?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Sign in with SSO</h1>
      <p className="mt-1 text-sm text-slate-500">
        {view.organizationName
          ? `Continue to ${view.organizationName}'s identity provider.`
          : "Use your organisation's identity provider (Microsoft, Okta, Google…)."}
      </p>
      <Form method="post" className="card mt-6 space-y-4 p-6" noValidate>
        <FormError
          error={failure?.formError && !Object.keys(errors).length ? failure.formError : undefined}
        />
        <input type="hidden" name="redirectTo" value={view.redirectTo} />
        {view.organizationId ? (
          <>
            <input type="hidden" name="organizationId" value={view.organizationId} />
            <FormError error={errors.email} />
          </>
        ) : (
          <Field
            label="Work email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={stringValue(failure?.values, "email")}
            error={errors.email}
          />
        )}
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Going to your provider…" : "Continue"}
        </button>
        <p className="text-center text-sm">
          <Link to="/login" className="link">
            Log in with a password instead
          </Link>
        </p>
      </Form>
    </div>
  );
}
