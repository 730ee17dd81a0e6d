import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { CHALLENGE_COOKIE, clearChallengeCookie } from "~/orgs/account-tokens.server";
import { clientIp, tooManyAttempts } from "~/orgs/forms.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { safeRedirect } from "~/orgs/safe-redirect";
import { destroySession, readCookie } from "~/orgs/session.server";
import { codeSchema, completeTwoFactorLogin, hasChallenge } from "~/orgs/two-factor.server";
import { AuthCard } from "~/orgs/ui/AuthCard";
import { TwoFactorCodeForm } from "~/orgs/ui/TwoFactorCodeForm";

export const meta: MetaFunction = () => [{ title: "Two-factor code · Clearsource" }];

// Only a browser that has just given the right password (the challenge cookie) sees the code box.
export async function loader({ request }: LoaderFunctionArgs) {
  if (!hasChallenge(request)) throw redirect("/login");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const redirectTo = safeRedirect(form.get("redirectTo"));
  const parsed = parseForm(codeSchema, form);
  if (!parsed.ok) return parsed.response;
  try {
    return await handle(async () => {
      const signedIn = await completeTwoFactorLogin({
        challenge: readCookie(request, CHALLENGE_COOKIE),
        code: parsed.data.code,
        ip: clientIp(context),
      });
      destroySession(request);
      const headers = new Headers();
      headers.append("Set-Cookie", signedIn.cookie);
      headers.append("Set-Cookie", clearChallengeCookie());
      return redirect(redirectTo, { headers });
    }, {});
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    return tooManyAttempts(err);
  }
}

export default function TwoFactorLogIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <AuthCard
      title="Enter your two-factor code"
      intro={
        <>
          Your password was right. Lost your phone?{" "}
          <Link to="/login" className="link">
            Start again
          </Link>{" "}
          and use a recovery code here.
        </>
      }
    >
      <TwoFactorCodeForm
        formError={result?.formError}
        codeError={result?.fieldErrors?.code}
        busy={busy}
        redirectTo={params.get("redirectTo") ?? ""}
      />
    </AuthCard>
  );
}
