import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { formatDate } from "~/i18n/dates";
import type { PortalTranslate } from "~/i18n/portal";
import type { FormValues } from "~/infra/validation";
import { FieldError } from "~/ui/form";
import type { autosaveDeclarationIntent } from "../portal-intents.server";
import type { PortalView } from "./PortalQuestion";

const DEBOUNCE_MS = 700;

/** One declaration field's autosave: after a pause for typed text, at once for the tick. */
function useDeclarationAutosave(field: string) {
  const fetcher = useFetcher<typeof autosaveDeclarationIntent>({ key: `autosave-decl-${field}` });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [dirty, setDirty] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.ok) setDirty(false);
  }, [fetcher.state, fetcher.data]);
  const save = (value: string) => {
    const form = new FormData();
    form.set("intent", "autosave-declaration");
    form.set("field", field);
    form.set("value", value);
    fetcher.submit(form, { method: "post" });
  };
  return {
    typed(value: string) {
      setDirty(true);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => save(value), DEBOUNCE_MS);
    },
    now(value: string) {
      setDirty(true);
      save(value);
    },
    error: fetcher.data && !fetcher.data.ok ? fetcher.data.error : undefined,
    saving: fetcher.state !== "idle",
    saved: !dirty && fetcher.state === "idle" && fetcher.data?.ok === true,
  };
}

function SaveStatus({
  s,
  t,
  field,
}: {
  s: ReturnType<typeof useDeclarationAutosave>;
  t: PortalTranslate;
  field: string;
}) {
  return (
    <span className="ml-2 text-xs text-slate-500" aria-live="polite" data-save-status={field}>
      {s.saving ? (
        t("portal.saving")
      ) : s.saved ? (
        <span className="text-emerald-700">✓ {t("portal.saved")}</span>
      ) : null}
    </span>
  );
}

/**
 * The declaration and the submit button. It is also the form every answer field belongs to
 * (`form="portal-answers"`), so without JavaScript one post saves the page (intent save) or submits it.
 * With JavaScript each of its fields autosaves like an answer, so a reload keeps them.
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
  const name = useDeclarationAutosave("declarationName");
  const title = useDeclarationAutosave("declarationTitle");
  const attest = useDeclarationAutosave("attest");
  const nameError = name.error ?? errors.declarationName;
  const titleError = title.error ?? errors.declarationTitle;
  const attestError = attest.error ?? errors.attest;
  return (
    <Form method="post" id="portal-answers" className="card space-y-4 p-4" noValidate>
      <h2 className="text-base font-semibold text-slate-900">{t("decl.title")}</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="declarationName" className="label">
            {t("decl.name")}
            <SaveStatus s={name} t={t} field="declarationName" />
          </label>
          <input
            id="declarationName"
            name="declarationName"
            className="input"
            maxLength={200}
            defaultValue={String(typed.declarationName ?? view.declarationName ?? view.recipientName)}
            onChange={(e) => name.typed(e.currentTarget.value)}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? "declarationName-error" : undefined}
          />
          <FieldError id="declarationName-error" error={nameError} />
        </div>
        <div>
          <label htmlFor="declarationTitle" className="label">
            {t("decl.jobTitle")}
            <SaveStatus s={title} t={t} field="declarationTitle" />
          </label>
          <input
            id="declarationTitle"
            name="declarationTitle"
            className="input"
            maxLength={200}
            defaultValue={String(typed.declarationTitle ?? view.declarationTitle ?? "")}
            onChange={(e) => title.typed(e.currentTarget.value)}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? "declarationTitle-error" : undefined}
          />
          <FieldError id="declarationTitle-error" error={titleError} />
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
          defaultChecked={typed.attest === "yes" || (typed.attest === undefined && view.declarationAttested)}
          onChange={(e) => attest.now(e.currentTarget.checked ? "yes" : "")}
          className="mt-0.5 h-4 w-4"
          aria-invalid={attestError ? true : undefined}
          aria-describedby={attestError ? "attest-error" : undefined}
        />
        <span>
          {template.declaration.attestation}
          <SaveStatus s={attest} t={t} field="attest" />
        </span>
      </label>
      <FieldError id="attest-error" error={attestError} />
      <div className="flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {view.status === "returned" ? t("decl.resubmit") : t("decl.submit")}
        </button>
        <p className="text-xs text-slate-500">{t("decl.hint")}</p>
      </div>
    </Form>
  );
}
