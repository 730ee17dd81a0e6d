import type { SsoSettingsView } from "~/sso/connections.server";

/** What to enter at the identity provider, and the sign-in address for staff. */
export function ProviderSetup({ view }: { view: SsoSettingsView }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>
        Register Clearsource as a web application (OpenID Connect, authorization code flow) at your identity
        provider — Microsoft Entra ID, Okta, Google Workspace, Keycloak and others — with this redirect URI:
      </p>
      <p>
        <code data-testid="sso-callback-url" className="select-all break-all rounded bg-slate-100 px-2 py-1">
          {view.callbackUrl}
        </code>
      </p>
      <p>
        Scopes asked for: <code>openid email profile</code>. The provider must say the address is verified (
        <code>email_verified</code>).
      </p>
      {view.connection ? (
        <>
          <p>Your staff can start from “Sign in with SSO” on the log-in page, or bookmark:</p>
          <p>
            <code
              data-testid="sso-sign-in-url"
              className="select-all break-all rounded bg-slate-100 px-2 py-1"
            >
              {view.signInUrl}
            </code>
          </p>
        </>
      ) : null}
    </div>
  );
}
