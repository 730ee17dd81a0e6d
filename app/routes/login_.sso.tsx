import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle, parseForm } from "~/infra/http.server";
import { optionalMember } from "~/orgs/guard.server";
import { safeRedirect } from "~/orgs/safe-redirect";
import { beginSsoLogin, ssoOrganizationName, ssoStartSchema } from "~/sso/login.server";
import { SsoSignInForm } from "~/sso/ui/SsoSignInForm";

export const meta: MetaFunction = () => [{ title: "Sign in with SSO · Clearsource" }];

// Public page: signed-in visitors go straight on; it shows at most the name of the organisation whose
// bookmarked sign-in link was opened (`?org=`), and only when that organisation has single sign-on.
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (optionalMember(request)) throw redirect(safeRedirect(url.searchParams.get("redirectTo")));
  const organizationId = url.searchParams.get("org");
  return {
    organizationId: organizationId && ssoOrganizationName(organizationId) ? organizationId : null,
    organizationName: ssoOrganizationName(organizationId),
    redirectTo: url.searchParams.get("redirectTo") ?? "",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseForm(ssoStartSchema, form);
  if (!parsed.ok) return parsed.response;
  return handle(
    async () => {
      const started = await beginSsoLogin(parsed.data);
      return redirect(started.authorizationUrl, { headers: { "Set-Cookie": started.cookie } });
    },
    { values: parsed.values },
  );
}

export default function SignInWithSso() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <SsoSignInForm view={view} failure={result} />;
}
