import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getInvitationLanding, redeemInvitation } from "~/questionnaires/portal.server";
import { humanDay } from "~/questionnaires/format";

/**
 * Supplier invitation landing. The token is the credential, so no buyer session is involved. The page
 * must not leak the token to third parties through the Referer header, and GET must not consume it.
 */
const NO_REFERRER = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => ({
  ...Object.fromEntries(loaderHeaders.entries()),
  ...Object.fromEntries(actionHeaders.entries()),
  ...NO_REFERRER,
});

export const meta: MetaFunction = () => [
  { title: "Questionnaire · Clearsource" },
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

const STATUS_OF = { unknown: 404, expired: 410, revoked: 410 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const landing = getInvitationLanding(params.token ?? "");
  return data(landing, {
    status: landing.state === "ok" ? 200 : STATUS_OF[landing.state],
    headers: NO_REFERRER,
  });
}

export async function action({ params }: ActionFunctionArgs) {
  const result = redeemInvitation(params.token ?? "");
  if (!result.ok)
    return data({ state: result.state }, { status: STATUS_OF[result.state], headers: NO_REFERRER });
  return redirect(`/portal/${result.assignmentId}`, {
    headers: { "Set-Cookie": result.setCookie, ...NO_REFERRER },
  });
}

const MESSAGES = {
  unknown: {
    title: "This link does not work",
    body: "The link may be incomplete: check that you copied all of it from the email. If it still does not open, ask the company that sent it for a new one.",
  },
  expired: {
    title: "This link has expired",
    body: "For your security, questionnaire links only work for a limited time. Ask the company that sent it to send you a new link.",
  },
  revoked: {
    title: "This link is no longer valid",
    body: "The company that sent this questionnaire has withdrawn the link. If you think this is a mistake, contact them directly.",
  },
} as const;

export default function SupplierLanding() {
  const landing = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const state = actionData && "state" in actionData ? actionData.state : landing.state;

  if (state !== "ok" || landing.state !== "ok") {
    const m = MESSAGES[state === "ok" ? "unknown" : state];
    return (
      <div className="mx-auto max-w-lg rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-2xl font-semibold">{m.title}</h1>
        <p className="mt-3 text-slate-600">{m.body}</p>
      </div>
    );
  }

  const submitted = ["submitted", "accepted"].includes(landing.status);
  return (
    <div className="mx-auto max-w-2xl">
      <div className="card p-8">
        <p className="text-sm font-semibold text-brand-600">{landing.organizationName}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{landing.title}</h1>
        <p className="mt-1 text-sm text-slate-500">
          For {landing.supplierName} · addressed to {landing.recipientName}
        </p>
        <p className="mt-4 text-slate-700">{landing.intro}</p>
        <dl className="mt-6 grid grid-cols-1 gap-4 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Questions</dt>
            <dd className="font-medium">{landing.questionCount}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Due</dt>
            <dd className="font-medium">{landing.dueDate ? humanDay(landing.dueDate) : "No due date"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Link valid until</dt>
            <dd className="font-medium">{humanDay(landing.expiresAt)}</dd>
          </div>
        </dl>
        <div className="mt-6">
          <h2 className="text-sm font-semibold text-slate-900">What is asked</h2>
          <ul className="mt-2 grid list-inside list-disc grid-cols-1 gap-x-6 text-sm text-slate-600 sm:grid-cols-2">
            {landing.sectionTitles.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
        <Form method="post" className="mt-8 flex items-center gap-4">
          <button type="submit" className="btn-primary" disabled={busy}>
            {submitted
              ? "View your submitted answers"
              : landing.status === "sent"
                ? "Start"
                : "Continue where you left off"}
          </button>
          <p className="text-xs text-slate-500">
            No account needed. You can save a draft and come back through this link.
          </p>
        </Form>
      </div>
    </div>
  );
}
