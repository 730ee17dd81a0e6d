import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { logIn, logInSchema } from "~/orgs/accounts.server";
import { clientIp, parseFormNoSecrets, tooManyAttempts } from "~/orgs/forms.server";
import { optionalMember } from "~/orgs/guard.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { safeRedirect } from "~/orgs/safe-redirect";
import { destroySession } from "~/orgs/session.server";
import { Field, FormError, Notice } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Log in · Clearsource" }];

// Public page: signed-in visitors go straight on; nothing here reads tenant data.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (optionalMember(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"));
  const parsed = parseFormNoSecrets(logInSchema, form);
  if (!parsed.ok) return parsed.response;
  let result;
  try {
    result = await handle(async () => {
      const signedIn = await logIn({ ...parsed.data, ip: clientIp(context) });
      // Whatever session this browser had before is ended; the new one has a fresh id.
      destroySession(request);
      if (signedIn.kind === "two-factor") {
        const next = `/login/two-factor?redirectTo=${encodeURIComponent(redirectTo)}`;
        return redirect(next, { headers: { "Set-Cookie": signedIn.challengeCookie } });
      }
      return redirect(redirectTo, { headers: { "Set-Cookie": signedIn.cookie } });
    }, {});
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    result = tooManyAttempts(err);
  }
  // Keep the email the person typed; never the password.
  if (!(result instanceof Response) && "data" in result) result.data.values = { email: parsed.data.email };
  return result;
}

export default function LogIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <div className="mx-auto max-w-sm py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Log in to Clearsource</h1>
      <p className="mt-1 text-sm text-slate-500">
        New here?{" "}
        <Link to="/signup" className="link">
          Create an organisation
        </Link>
      </p>
      <Form method="post" className="card mt-6 space-y-4 p-6" noValidate>
        {params.get("reset") ? <Notice>Your password was changed. Log in with the new one.</Notice> : null}
        {params.get("joined") ? <Notice>You joined the organisation. Log in to continue.</Notice> : null}
        {params.get("verified") ? (
          <Notice>Your email is confirmed and your organisation is ready. Log in to start.</Notice>
        ) : null}
        <FormError error={result?.formError} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={values.email ?? params.get("email") ?? undefined}
          error={result?.fieldErrors?.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={result?.fieldErrors?.password}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Logging in…" : "Log in"}
        </button>
        <p className="flex justify-between text-sm">
          <Link to="/forgot-password" className="link">
            Forgot your password?
          </Link>
          <Link
            to={
              params.get("redirectTo")
                ? `/login/sso?redirectTo=${encodeURIComponent(params.get("redirectTo")!)}`
                : "/login/sso"
            }
            className="link"
          >
            Sign in with SSO
          </Link>
        </p>
      </Form>
    </div>
  );
}
