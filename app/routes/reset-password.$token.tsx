import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { LINK_UNUSABLE } from "~/orgs/account-tokens.server";
import { parseFormNoSecrets } from "~/orgs/forms.server";
import { resetPassword, resetPasswordSchema, viewPasswordReset } from "~/orgs/password-reset.server";
import { destroySession } from "~/orgs/session.server";
import { AuthCard } from "~/orgs/ui/AuthCard";
import { Field, FormError } from "~/ui/form";

/** The token is in this page's URL: never send it onwards in a Referer header. */
const NO_REFERRER = { "Referrer-Policy": "no-referrer" };
export const headers: HeadersFunction = () => NO_REFERRER;

export const meta: MetaFunction = () => [{ title: "Choose a new password · Clearsource" }];

// GET only shows the form (mail scanners open links); the POST uses the link up.
export async function loader({ params }: LoaderFunctionArgs) {
  const reset = viewPasswordReset(params.token ?? "");
  if (!reset) throw new Response(LINK_UNUSABLE, { status: 410, headers: NO_REFERRER });
  return data(reset, { headers: NO_REFERRER });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseFormNoSecrets(resetPasswordSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  return handle(async () => {
    await resetPassword({ token: params.token ?? "", password: parsed.data.password });
    // Every session of the account ended, this browser's included: log in with the new password.
    return redirect("/login?reset=1", { headers: { "Set-Cookie": destroySession(request), ...NO_REFERRER } });
  }, {});
}

export default function ResetPassword() {
  const reset = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <AuthCard title="Choose a new password" intro={<>For {reset.email}</>}>
      <Form method="post" className="space-y-4" noValidate>
        <FormError error={result?.formError} />
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          hint="8 to 128 characters. Every other session of this account is signed out."
          error={result?.fieldErrors?.password}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Saving…" : "Save the new password"}
        </button>
      </Form>
      <p className="text-sm">
        <Link to="/login" className="link">
          Back to log-in
        </Link>
      </p>
    </AuthCard>
  );
}
