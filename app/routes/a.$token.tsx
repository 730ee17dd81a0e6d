import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { translate } from "~/i18n/translate";
import { actionLinkLanding, redeemActionLink } from "~/remediation/supplier-access.server";
import { supplierActionsMessages } from "~/remediation/supplier-i18n.server";

/**
 * A supplier's link to its corrective actions. GET only shows the page (mail scanners prefetch links);
 * the button POSTs, which starts an unconfirmed session and emails the code.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

export const meta: MetaFunction = () => [
  { title: "Corrective actions · Clearsource" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const landing = actionLinkLanding(params.token ?? "");
  const lang = landing?.language ?? "en";
  return { landing, messages: supplierActionsMessages(lang), lang };
}

export async function action({ params }: ActionFunctionArgs) {
  const redeemed = await redeemActionLink(params.token ?? "");
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
