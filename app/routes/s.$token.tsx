import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import { SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { portalT } from "~/i18n/portal";
import { readForm } from "~/infra/form.server";
import { clientIp } from "~/orgs/forms.server";
import {
  getInvitationLanding,
  landingLanguage,
  PortalRateLimitedError,
  redeemInvitation,
  requestNewLink,
} from "~/questionnaires/portal-access.server";
import { Notice } from "~/ui/form";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/**
 * Supplier invitation landing. The token is the credential, so no buyer session is involved. The page
 * must not leak the token to third parties through the Referer header, and GET must not consume it.
 * Redeeming (POST) starts an unconfirmed portal session and emails a code; the portal opens after it.
 */
const NO_REFERRER = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" };

// The page's own headers only: spreading the loader's headers as well sent "no-referrer, no-referrer".
export const headers: HeadersFunction = () => NO_REFERRER;

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction = () => [
  { title: "Questionnaire · Clearsource" },
  { name: "referrer", content: "no-referrer" },
  { name: "robots", content: "noindex" },
];

const STATUS_OF = { unknown: 404, expired: 410, revoked: 410, locked: 423 } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const landing = getInvitationLanding(request, params.token ?? "");
  return data(landing, {
    status: landing.state === "ok" ? 200 : STATUS_OF[landing.state],
    headers: NO_REFERRER,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? "";
  // A bodiless POST (the plain "Start" without a language) is a redeem too.
  const form = await readForm(request);
  if (form.get("intent") === "new-link") {
    // The same answer whether or not a link was sent: the page must not reveal anything about the token.
    await requestNewLink(token, new Date(), { ip: clientIp(context) });
    return data({ newLinkRequested: true as const }, { headers: NO_REFERRER });
  }
  const lang = String(form.get("lang") ?? "");
  let result;
  try {
    result = await redeemInvitation(request, token, { lang, ip: clientIp(context) });
  } catch (err) {
    if (!(err instanceof PortalRateLimitedError)) throw err;
    const minutes = Math.max(1, Math.ceil(err.retryAfterMs / 60_000));
    const t = portalT(landingLanguage(request, null));
    throw new Response(t("link.tooMany", { minutes }), {
      status: 429,
      headers: { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)), ...NO_REFERRER },
    });
  }
  if (!result.ok)
    return data({ state: result.state }, { status: STATUS_OF[result.state], headers: NO_REFERRER });
  const to = result.verified ? `/portal/${result.assignmentId}` : `/portal/${result.assignmentId}/verify`;
  return redirect(to, {
    headers: { ...(result.setCookie ? { "Set-Cookie": result.setCookie } : {}), ...NO_REFERRER },
  });
}

function LanguageLinks({ lang }: { lang: string }) {
  return (
    <nav
      className="mb-3 flex flex-wrap justify-end gap-x-3 gap-y-1 text-xs"
      aria-label={portalT(lang)("lang.label")}
    >
      {SUPPORTED_LANGUAGES.map((l) => (
        <Link
          key={l.code}
          to={`?lang=${l.code}`}
          lang={l.code}
          replace
          className={l.code === lang ? "font-semibold text-slate-900" : "text-slate-500 hover:underline"}
          aria-current={l.code === lang ? "true" : undefined}
        >
          {l.nativeName}
        </Link>
      ))}
    </nav>
  );
}

export default function SupplierLanding() {
  const landing = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // The action answers either a refused redeem ({ state }) or a new-link request; narrow, don't cast.
  const refusedState = actionData && "state" in actionData ? actionData.state : undefined;
  const newLinkRequested = actionData !== undefined && "newLinkRequested" in actionData;
  const busy = useNavigation().state === "submitting";
  const t = portalT(landing.lang);
  const state = refusedState ?? landing.state;

  if (state !== "ok" || landing.state !== "ok") {
    const key = state === "ok" ? "unknown" : state;
    return (
      <div className="mx-auto max-w-lg">
        <LanguageLinks lang={landing.lang} />
        <div className="card p-8 text-center">
          <h1 className="text-2xl font-semibold">{t(`link.${key}.title`)}</h1>
          <p className="mt-3 text-slate-600">{t(`link.${key}.body`)}</p>
          {newLinkRequested ? (
            <div className="mt-6 text-left">
              <Notice>{t("link.newLinkSent")}</Notice>
            </div>
          ) : (
            <Form method="post" className="mt-6">
              <input type="hidden" name="intent" value="new-link" />
              <button type="submit" className="btn-primary" disabled={busy}>
                {t("link.newLink")}
              </button>
              <p className="mt-2 text-xs text-slate-500">{t("link.newLinkHelp")}</p>
            </Form>
          )}
        </div>
      </div>
    );
  }

  const submitted = ["submitted", "accepted"].includes(landing.status);
  return (
    <div className="mx-auto max-w-2xl">
      <LanguageLinks lang={landing.lang} />
      <div className="card p-8">
        <p className="text-sm font-semibold text-brand-600">{landing.organizationName}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{landing.title}</h1>
        <p className="mt-1 text-sm text-slate-500">
          {t("landing.for", { supplier: landing.supplierName, recipient: landing.recipientName })}
        </p>
        <p className="mt-4 text-slate-700">{landing.intro}</p>
        <dl className="mt-6 grid grid-cols-1 gap-4 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("landing.questions")}</dt>
            <dd className="font-medium">{landing.questionCount}</dd>
            {landing.conditionalCount > 0 ? (
              <dd className="text-xs text-slate-500">
                {t("portal.conditionalNote", { m: landing.conditionalCount })}
              </dd>
            ) : null}
          </div>
          <div>
            <dt className="text-slate-500">{t("landing.due")}</dt>
            <dd className="font-medium">
              {landing.dueDate ? formatDate(landing.dueDate, landing.lang) : t("landing.noDue")}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("landing.validUntil")}</dt>
            <dd className="font-medium">{formatDate(landing.expiresAt, landing.lang)}</dd>
          </div>
        </dl>
        <div className="mt-6">
          <h2 className="text-sm font-semibold text-slate-900">{t("landing.whatIsAsked")}</h2>
          <ul className="mt-2 grid list-inside list-disc grid-cols-1 gap-x-6 text-sm text-slate-600 sm:grid-cols-2">
            {landing.sectionTitles.map((title) => (
              <li key={title}>{title}</li>
            ))}
          </ul>
        </div>
        <Form method="post" className="mt-8 flex flex-wrap items-center gap-4">
          <input type="hidden" name="lang" value={landing.lang} />
          <button type="submit" className="btn-primary" disabled={busy}>
            {submitted
              ? t("landing.viewSubmitted")
              : landing.status === "sent"
                ? t("landing.start")
                : t("landing.continue")}
          </button>
          <p className="flex-1 text-xs text-slate-500">{t("landing.note")}</p>
        </Form>
      </div>
    </div>
  );
}
