import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { clientIp } from "~/orgs/forms.server";
import { destroySession, readCookie } from "~/orgs/session.server";
import { clearSsoCookie, completeSsoLogin, SSO_COOKIE, SsoLoginError } from "~/sso/login.server";
import { SsoRefused } from "~/sso/ui/SsoRefused";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Clearsource" }];

/**
 * Where the identity provider sends the browser back. The one GET that opens a session (D44): the
 * provider can only come back with a top-level GET, and what it brings is good once, for the browser
 * holding the attempt's cookie, with the attempt's state and PKCE verifier.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const headers = new Headers({ "Set-Cookie": clearSsoCookie(), "Referrer-Policy": "no-referrer" });
  try {
    const signed = await completeSsoLogin({
      cookieToken: readCookie(request, SSO_COOKIE),
      search: url.searchParams,
      ip: clientIp(context),
    });
    // Whatever session this browser had before is ended; the new one has a fresh id.
    destroySession(request);
    headers.append("Set-Cookie", signed.cookie);
    return redirect(signed.redirectTo, { headers });
  } catch (err) {
    if (!(err instanceof SsoLoginError)) throw err;
    return data({ message: err.message }, { status: 400, headers });
  }
}

export default function SsoCallback() {
  const { message } = useLoaderData<typeof loader>();
  return <SsoRefused message={message} />;
}
