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
import { confirmSignUp, viewSignUp } from "~/orgs/accounts.server";
import { AuthCard } from "~/orgs/ui/AuthCard";
import { FormError } from "~/ui/form";

/** The token is in this page's URL: never send it onwards in a Referer header. */
const NO_REFERRER = { "Referrer-Policy": "no-referrer" };
export const headers: HeadersFunction = () => NO_REFERRER;

export const meta: MetaFunction = () => [{ title: "Confirm your email · Clearsource" }];

// GET only shows what the link would create (mail scanners open links); the button confirms.
export async function loader({ params }: LoaderFunctionArgs) {
  const pending = viewSignUp(params.token ?? "");
  if (!pending) throw new Response(LINK_UNUSABLE, { status: 410, headers: NO_REFERRER });
  return data(pending, { headers: NO_REFERRER });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await readForm(request);
  return handle(() => {
    const created = confirmSignUp(params.token ?? "");
    // Log in with the password chosen at sign-up: the link alone opens no session.
    const next = `/login?verified=1&email=${encodeURIComponent(created.email)}`;
    return redirect(next, { headers: NO_REFERRER });
  }, {});
}

export default function VerifyEmail() {
  const pending = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <AuthCard title="Confirm your email address">
      <FormError error={result?.formError} />
      {result?.formError ? (
        <p className="text-sm">
          <Link to="/login" className="link">
            Go to log-in
          </Link>
        </p>
      ) : null}
      <p className="text-sm text-slate-700">
        Create <strong>{pending.organizationName}</strong> on Clearsource with{" "}
        <strong>{pending.email}</strong> as its first admin.
      </p>
      <Form method="post">
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Creating…" : "Confirm and create the organisation"}
        </button>
      </Form>
    </AuthCard>
  );
}
