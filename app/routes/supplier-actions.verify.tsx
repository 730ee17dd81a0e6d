import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { maskEmail } from "~/email/address";
import { translate } from "~/i18n/translate";
import { readForm } from "~/infra/form.server";
import { clientIp } from "~/orgs/forms.server";
import { TooManyAttemptsError } from "~/orgs/rate-limit.server";
import {
  requireSupplierActions,
  resendActionCode,
  verifyActionCode,
} from "~/remediation/supplier-access.server";
import { supplierActionsMessages, supplierActionsT } from "~/remediation/supplier-i18n.server";
import { FieldError, Notice } from "~/ui/form";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/** The code page: the only page an unconfirmed supplier session may open. */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  // In the supplier's language, like the page (the tab's name is read out first).
  { title: `${data?.messages?.["verify.title"] ?? "Confirm it is you"} · Clearsource` },
  { name: "robots", content: "noindex" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const access = requireSupplierActions(request, { allowUnverified: true });
  if (access.verified) throw redirect("/supplier-actions");
  return {
    lang: access.language,
    email: maskEmail(access.recipientEmail),
    messages: supplierActionsMessages(access.language),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const access = requireSupplierActions(request, { allowUnverified: true });
  const t = supplierActionsT(access.language);
  const form = await readForm(request);
  if (form.get("intent") === "resend") {
    const r = await resendActionCode(access);
    return {
      ok: r.sent,
      notice: r.sent ? t("verify.sent") : undefined,
      error: r.sent ? undefined : t("verify.limit"),
    };
  }
  let r;
  try {
    r = verifyActionCode(access, String(form.get("code") ?? ""), new Date(), { ip: clientIp(context) });
  } catch (err) {
    if (!(err instanceof TooManyAttemptsError)) throw err;
    const minutes = Math.max(1, Math.ceil(err.retryAfterMs / 60_000));
    return data(
      { ok: false, error: t("verify.tooMany", { minutes }), notice: undefined },
      { status: 429, headers: { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)) } },
    );
  }
  if (r.ok) return redirect("/supplier-actions");
  return { ok: false, error: t(`verify.${r.reason === "none" ? "expired" : r.reason}`), notice: undefined };
}

export default function SupplierActionsVerify() {
  const { lang, email, messages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = translate(messages);
  return (
    <div lang={lang} className="mx-auto max-w-md space-y-4 py-8">
      <h1 className="text-2xl font-semibold">{t("verify.title")}</h1>
      <p className="text-slate-700">{t("verify.body", { email })}</p>
      {result?.notice ? <Notice>{result.notice}</Notice> : null}
      <Form method="post" className="space-y-3" noValidate>
        <label htmlFor="code" className="label">
          {t("verify.code")}
        </label>
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          className="input"
          maxLength={12}
        />
        <FieldError error={result?.error} />
        <button type="submit" className="btn-primary">
          {t("verify.submit")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="resend" />
        <button type="submit" className="btn-secondary">
          {t("verify.resend")}
        </button>
      </Form>
    </div>
  );
}
