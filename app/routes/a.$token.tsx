import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { translate } from "~/i18n/translate";
import { clientIp } from "~/orgs/forms.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import { actionLinkLanding, redeemActionLink } from "~/remediation/supplier-access.server";
import { supplierActionsMessages, supplierActionsT } from "~/remediation/supplier-i18n.server";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/**
 * A supplier's link to its corrective actions. GET only shows the page (mail scanners prefetch links);
 * the button POSTs, which starts an unconfirmed session and emails the code.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // In the supplier's language, like the page (the tab's name is read out first).
  { title: `${data?.messages?.["meta.title"] ?? "Corrective actions"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const landing = actionLinkLanding(params.token ?? "");
  const lang = landing?.language ?? "en";
  return { landing, messages: supplierActionsMessages(lang), lang };
}

export async function action({ params, context }: ActionFunctionArgs) {
  let redeemed;
  try {
    redeemed = await redeemActionLink(params.token ?? "", new Date(), { ip: clientIp(context) });
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    const minutes = Math.max(1, Math.ceil(err.retryAfterMs / 60_000));
    const lang = actionLinkLanding(params.token ?? "")?.language ?? "en";
    throw new Response(supplierActionsT(lang)("landing.tooMany", { minutes }), {
      status: 429,
      headers: {
        "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)),
        "Referrer-Policy": "no-referrer",
      },
    });
  }
  if (!redeemed) return redirect(`/a/${encodeURIComponent(params.token ?? "")}`);
  return redirect("/supplier-actions/verify", { headers: { "Set-Cookie": redeemed.setCookie } });
}

export default function ActionLinkLanding() {
  const { landing, messages, lang } = useLoaderData<typeof loader>();
  const t = translate(messages);
  return (
    <div lang={lang} className="mx-auto max-w-xl space-y-4 py-8">
      {landing ? (
        <>
          <h1 className="text-2xl font-semibold">
            {t("landing.title", { org: landing.organizationName, supplier: landing.supplierName })}
          </h1>
          <p className="text-slate-700">{t("landing.body", { org: landing.organizationName })}</p>
          <Form method="post">
            <button type="submit" className="btn-primary">
              {t("landing.open")}
            </button>
          </Form>
        </>
      ) : (
        <p className="text-slate-700">{t("landing.invalid")}</p>
      )}
    </div>
  );
}
