import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  data,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SUPPORTED_LANGUAGES } from "~/i18n/languages";
import { portalT } from "~/i18n/portal";
import { readForm } from "~/infra/form.server";
import {
  getVerifyView,
  landingLanguage,
  requirePortalAccess,
  resendPortalCode,
  verifyPortalCode,
} from "~/questionnaires/portal-access.server";
import { FieldError, Notice } from "~/ui/form";
import { SUPPLIER_PAGE } from "~/ui/supplier-page";

/**
 * The code page: the one page an unconfirmed portal session may open. The code was emailed to the
 * address the questionnaire was sent to when the link was redeemed in this browser.
 */
export const headers: HeadersFunction = () => ({
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
});

/** A supplier page: in the supplier's language, without buyer navigation (see app/ui/supplier-page.ts). */
export const handle = SUPPLIER_PAGE;

export const meta: MetaFunction = () => [
  { title: "Confirm it is you · Clearsource" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.assignmentId ?? "";
  const access = requirePortalAccess(request, id, { allowUnverified: true });
  if (access.verified) throw redirect(`/portal/${id}`);
  const lang = new URL(request.url).searchParams.has("lang")
    ? landingLanguage(request, access.language)
    : access.language;
  return { assignmentId: id, lang, ...getVerifyView(access) };
}

type VerifyActionData = { ok: boolean; error?: string; notice?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.assignmentId ?? "";
  const access = requirePortalAccess(request, id, { allowUnverified: true });
  if (access.verified) throw redirect(`/portal/${id}`);
  const t = portalT(access.language);
  const form = await readForm(request);
  if (form.get("intent") === "resend") {
    const result = await resendPortalCode(access);
    if (!result.sent)
      return data<VerifyActionData>(
        { ok: false, error: t("verify.tooMany", { minutes: result.retryAfterMinutes }) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterMinutes * 60) } },
      );
    const { maskedEmail } = getVerifyView(access);
    return data<VerifyActionData>({ ok: true, notice: t("verify.resent", { email: maskedEmail }) });
  }
  const result = verifyPortalCode(access, String(form.get("code") ?? ""));
  if (result.ok) return redirect(`/portal/${id}`);
  const error =
    result.reason === "wrong"
      ? t("verify.wrong", { n: result.attemptsLeft })
      : t(`verify.${result.reason}` as const);
  // 423: a code spent on wrong guesses needs a new code (asked for below); a locked link, a new link.
  const status = result.reason === "locked" || result.reason === "linkLocked" ? 423 : 400;
  return data<VerifyActionData>({ ok: false, error }, { status });
}

export default function VerifyCode() {
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const t = portalT(view.lang);
  return (
    <div className="mx-auto max-w-md">
      <div className="mb-3 flex justify-end gap-2 text-xs">
        {SUPPORTED_LANGUAGES.map((l) => (
          <Link
            key={l.code}
            to={`?lang=${l.code}`}
            lang={l.code}
            className={
              l.code === view.lang ? "font-semibold text-slate-900" : "text-slate-500 hover:underline"
            }
          >
            {l.nativeName}
          </Link>
        ))}
      </div>
      <div className="card p-8">
        <p className="text-sm font-semibold text-brand-600">{view.organizationName}</p>
        <h1 className="mt-1 text-2xl font-semibold text-slate-900">{t("verify.title")}</h1>
        <p className="mt-3 text-slate-700">{t("verify.body", { email: view.maskedEmail })}</p>
        {actionData?.notice ? (
          <div className="mt-4">
            <Notice>{actionData.notice}</Notice>
          </div>
        ) : null}
        <Form method="post" className="mt-6 space-y-3" noValidate>
          <label htmlFor="code" className="label">
            {t("verify.label")}
          </label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]*"
            maxLength={7}
            autoFocus
            className="input w-48 text-center font-mono text-2xl tracking-[0.4em]"
            aria-invalid={actionData?.error ? true : undefined}
            aria-describedby={actionData?.error ? "code-error" : undefined}
          />
          <FieldError id="code-error" error={actionData?.error} />
          <button type="submit" name="intent" value="verify" className="btn-primary w-full" disabled={busy}>
            {t("verify.submit")}
          </button>
        </Form>
        <Form method="post" className="mt-4 border-t border-slate-100 pt-4">
          <button type="submit" name="intent" value="resend" className="link text-sm" disabled={busy}>
            {t("verify.resend")}
          </button>
        </Form>
        <p className="mt-4 text-xs text-slate-500">{t("verify.why")}</p>
      </div>
    </div>
  );
}
