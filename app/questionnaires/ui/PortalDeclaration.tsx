import { Form } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import type { PortalTranslate } from "~/i18n/portal";
import type { FormValues } from "~/infra/validation";
import { FieldError } from "~/ui/form";
import type { PortalView } from "./PortalQuestion";

/**
 * The declaration and the submit button. It is also the form every answer field belongs to
 * (`form="portal-answers"`), so without JavaScript one post saves the page (intent save) or submits it.
 */
export function PortalDeclaration({
  view,
  t,
  typed,
  errors,
  busy,
}: {
  view: PortalView;
  t: PortalTranslate;
  typed: FormValues;
  errors: Record<string, string | undefined>;
  busy: boolean;
}) {
  const { template } = view;
  return (
    <Form method="post" id="portal-answers" className="card space-y-4 p-4" noValidate>
      <h2 className="text-base font-semibold text-slate-900">{t("decl.title")}</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="declarationName" className="label">
            {t("decl.name")}
          </label>
          <input
            id="declarationName"
            name="declarationName"
            className="input"
            maxLength={200}
            defaultValue={String(typed.declarationName ?? view.declarationName ?? view.recipientName)}
            aria-invalid={errors.declarationName ? true : undefined}
          />
          <FieldError error={errors.declarationName} />
        </div>
        <div>
          <label htmlFor="declarationTitle" className="label">
            {t("decl.jobTitle")}
          </label>
          <input
            id="declarationTitle"
            name="declarationTitle"
            className="input"
            maxLength={200}
            defaultValue={String(typed.declarationTitle ?? view.declarationTitle ?? "")}
            aria-invalid={errors.declarationTitle ? true : undefined}
          />
          <FieldError error={errors.declarationTitle} />
        </div>
        <div>
          <span className="label">{t("decl.date")}</span>
          <p className="py-2 text-sm text-slate-700">
            {formatDate(new Date().toISOString().slice(0, 10), view.lang)}
          </p>
        </div>
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="attest"
          value="yes"
          defaultChecked={typed.attest === "yes"}
          className="mt-0.5 h-4 w-4"
          aria-invalid={errors.attest ? true : undefined}
        />
        {template.declaration.attestation}
      </label>
      <FieldError error={errors.attest} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {view.status === "returned" ? t("decl.resubmit") : t("decl.submit")}
        </button>
        <p className="text-xs text-slate-500">{t("decl.hint")}</p>
      </div>
    </Form>
  );
}
