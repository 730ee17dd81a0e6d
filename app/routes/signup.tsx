import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { signUp, signUpSchema } from "~/orgs/accounts.server";
import { parseFormNoSecrets } from "~/orgs/forms.server";
import { optionalMember } from "~/orgs/guard.server";
import { destroySession } from "~/orgs/session.server";
import { Field, FormError } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Create your organisation · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (optionalMember(request)) throw redirect("/dashboard");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseFormNoSecrets(signUpSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  const { password: _password, ...typed } = parsed.data;
  // Keep what the person typed (except the password) when the domain rejects it, e.g. email taken.
  return handle(
    async () => {
      const signedIn = await signUp(parsed.data);
      destroySession(request);
      return redirect("/dashboard", { headers: { "Set-Cookie": signedIn.cookie } });
    },
    { values: typed },
  );
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = (result?.values ?? {}) as Record<string, string>;
  const errors = result?.fieldErrors ?? {};
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
        <FormError error={result?.formError} />
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
