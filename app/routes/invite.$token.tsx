import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useRouteError,
} from "@remix-run/react";
import { readForm } from "~/infra/form.server";
import { handle } from "~/infra/http.server";
import { clientIp, tooManyAttempts } from "~/orgs/forms.server";
import { acceptInvitation, InvitationUnavailableError, viewInvitation } from "~/orgs/invitations.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { destroySession } from "~/orgs/session.server";
import { Field, FormError } from "~/ui/form";

/** The token is in this page's URL: never send it onwards in a Referer header. */
const NO_REFERRER = { "Referrer-Policy": "no-referrer" };

export const headers: HeadersFunction = () => NO_REFERRER;

export const meta: MetaFunction = () => [{ title: "Join your team · Clearsource" }];

function unavailable(err: InvitationUnavailableError): never {
  throw new Response(err.message, { status: err.status, headers: NO_REFERRER });
}

// Public page (the token is the credential); GET only shows the invitation: scanners prefetch links.
export async function loader({ params }: LoaderFunctionArgs) {
  try {
    return data(viewInvitation(params.token ?? ""), { headers: NO_REFERRER });
  } catch (err) {
    if (err instanceof InvitationUnavailableError) unavailable(err);
    throw err;
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const name = field("name");
  let result;
  try {
    result = await handle(async () => {
      const signedIn = await acceptInvitation({
        token: params.token ?? "",
        name,
        password: field("password"),
        ip: clientIp(context),
      });
      destroySession(request);
      if (!signedIn.cookie) return redirect("/login?joined=1", { headers: NO_REFERRER });
      return redirect("/dashboard", { headers: { "Set-Cookie": signedIn.cookie, ...NO_REFERRER } });
    }, {});
  } catch (err) {
    if (err instanceof InvitationUnavailableError) unavailable(err);
    if (!(err instanceof TooManyAttemptsError)) throw err;
    result = tooManyAttempts(err);
  }
  if (!(result instanceof Response) && "data" in result) {
    result.data.values = { name: name ?? "" };
    result.init = { ...result.init, headers: { ...(result.init?.headers as object), ...NO_REFERRER } };
  }
  return result;
}

export default function AcceptInvitation() {
  const invitation = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <div className="mx-auto max-w-md py-10">
      <p className="text-sm font-semibold text-brand-600">Invitation</p>
      <h1 className="mt-1 text-2xl font-semibold text-slate-900">Join {invitation.organizationName}</h1>
      <p className="mt-2 text-sm text-slate-600">
        You have been invited as <strong>{invitation.roleLabel}</strong> with{" "}
        <strong>{invitation.email}</strong>.{" "}
        {invitation.hasAccount
          ? "You already have a Clearsource account: enter its password to join."
          : "Choose your name and a password to create your account."}
      </p>
      <Form method="post" className="card mt-6 space-y-4 p-6" noValidate>
        <FormError error={result?.formError} />
        {invitation.hasAccount ? null : (
          <Field
            label="Your name"
            name="name"
            autoComplete="name"
            required
            defaultValue={values.name}
            error={result?.fieldErrors?.name}
          />
        )}
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete={invitation.hasAccount ? "current-password" : "new-password"}
          required
          hint={invitation.hasAccount ? undefined : "8 to 128 characters."}
          error={result?.fieldErrors?.password}
        />
        <button type="submit" className="btn-primary w-full" disabled={busy}>
          {busy ? "Joining…" : `Join ${invitation.organizationName}`}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message =
    isRouteErrorResponse(error) && typeof error.data === "string"
      ? error.data
      : "Something went wrong while opening this invitation. Please try again.";
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
      <p className="text-sm font-semibold text-brand-600">{status}</p>
      <h1 className="mt-2 text-2xl font-semibold">
        {status === 410 ? "This invitation can no longer be used" : "Invitation not found"}
      </h1>
      <p className="mt-2 text-slate-600">{message}</p>
      <Link to="/login" className="btn-primary mt-6">
        Go to log in
      </Link>
    </div>
  );
}
