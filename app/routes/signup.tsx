import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { requestSignUp, signUpSchema } from "~/orgs/accounts.server";
import { clientIp, parseFormNoSecrets, tooManyAttempts } from "~/orgs/forms.server";
import { optionalMember } from "~/orgs/guard.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { CheckInbox } from "~/orgs/ui/AuthCard";
import { Field, FormError } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Create your organisation · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (optionalMember(request)) throw redirect("/dashboard");
  return null;
}

/**
 * Nothing is created here: the organisation appears when the emailed link is opened
 * (verify-email.$token). The answer is the same whether or not the address has an account.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseFormNoSecrets(signUpSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const { password: _password, ...typed } = parsed.data;
  try {
    return await handle(
      async () => {
        const { email } = await requestSignUp({ ...parsed.data, ip: clientIp(context) });
        return { ok: true as const, sentTo: email };
      },
      { values: typed },
    );
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    return tooManyAttempts(err);
  }
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (result && "sentTo" in result) {
    return (
      <div className="mx-auto max-w-md py-10">
        <h1 className="text-2xl font-semibold text-slate-900">Check your inbox</h1>
        <div className="card mt-6 p-6">
          <CheckInbox
            email={result.sentTo}
            what="with a link to confirm the address. Your organisation is created when you open it (within 24 hours)."
          />
        </div>
      </div>
    );
  }
  const failed = result && !result.ok ? result : undefined;
  const values = (failed?.values ?? {}) as Record<string, string>;
  const errors = failed?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-md py-10">
      <h1 className="text-2xl font-semibold text-slate-900">Create your organisation</h1>
      <p className="mt-1 text-sm text-slate-500">
        You will be its first admin and can invite your team afterwards. Already have an account?{" "}
        <Link to="/login" className="link">
          Log in
        </Link>
      </p>
      <Form method="post" className="card mt-6 space-y-4 p-6" noValidate>
        <FormError error={failed?.formError} />
        <Field
          label="Organisation name"
          name="organizationName"
          autoComplete="organization"
          required
          defaultValue={values.organizationName}
          error={errors.organizationName}
        />
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          required
          defaultValue={values.name}
          error={errors.name}
        />
        <Field
          label="Work email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={values.email}
          error={errors.email}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          hint="8 to 128 characters. A long passphrase is easiest to remember."
          error={errors.password}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Creating…" : "Create organisation"}
        </button>
      </Form>
    </div>
  );
}
