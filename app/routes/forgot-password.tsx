import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { clientIp, tooManyAttempts } from "~/orgs/forms.server";
import { forgotPasswordSchema, requestPasswordReset } from "~/orgs/password-reset.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { AuthCard, CheckInbox } from "~/orgs/ui/AuthCard";
import { Field, FormError, stringValue } from "~/ui/form";

export const meta: MetaFunction = () => [{ title: "Reset your password · Clearsource" }];

// Public page. The answer is the same whether or not the address has an account.
export async function loader() {
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(forgotPasswordSchema, await readForm(request));
  if (!parsed.ok) return parsed.response;
  try {
    return await handle(
      async () => {
        const { email } = await requestPasswordReset({ ...parsed.data, ip: clientIp(context) });
        return { ok: true as const, sentTo: email };
      },
      { values: parsed.values },
    );
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    return tooManyAttempts(err);
  }
}

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const failed = result && !result.ok ? result : undefined;
  return (
    <AuthCard
      title="Reset your password"
      intro={
        <>
          Remembered it?{" "}
          <Link to="/login" className="link">
            Log in
          </Link>
        </>
      }
    >
      {result && "sentTo" in result ? (
        <CheckInbox
          email={result.sentTo}
          what="with a link to choose a new password, if it belongs to a Clearsource account. The link works once, for 60 minutes."
        />
      ) : (
        <Form method="post" className="space-y-4" noValidate>
          <FormError error={failed?.formError} />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={stringValue(failed?.values, "email")}
            error={failed?.fieldErrors?.email}
          />
          <button type="submit" className="btn-primary w-full" disabled={busy}>
            {busy ? "Sending…" : "Email me a reset link"}
          </button>
        </Form>
      )}
    </AuthCard>
  );
}
