import { Form } from "@remix-run/react";
import type { RefObject } from "react";
import type { FormFailure } from "~/infra/validation";
import { Checkbox, Field, FieldError, FormError, stringValue } from "~/ui/form";
import { API_SCOPE_LABELS, API_SCOPES, DEFAULT_API_RATE_PER_MINUTE } from "~db/schema/api.constants";

/** Create an API key (intent create): name, scopes, expiry, rate; after a refusal it shows what was typed. */
export function CreateApiKeyForm({
  failure,
  busy,
  defaultExpiry,
  formRef,
}: {
  failure?: FormFailure;
  busy: boolean;
  /** Ninety days from today, YYYY-MM-DD. */
  defaultExpiry: string;
  formRef: RefObject<HTMLFormElement>;
}) {
  const v = failure?.values;
  const chosen = v?.scopes === undefined ? ["suppliers:read", "risk:read"] : [v.scopes].flat();
  const errors = failure?.fieldErrors ?? {};
  return (
    <Form method="post" ref={formRef} className="space-y-4" noValidate>
      <input type="hidden" name="intent" value="create" />
      <FormError error={failure?.formError && !Object.keys(errors).length ? failure.formError : undefined} />
      <Field
        label="Name"
        name="label"
        required
        placeholder="ERP supplier sync"
        hint="Which system or person uses it: shown in the audit log for every change it makes."
        defaultValue={stringValue(v, "label")}
        error={errors.label}
      />
      <fieldset aria-describedby={errors.scopes ? "f-scopes-error" : undefined}>
        <legend className="label">Scopes</legend>
        <div className="space-y-1">
          {API_SCOPES.map((s) => (
            <Checkbox key={s} name="scopes" value={s} defaultChecked={chosen.includes(s)}>
              <span>
                <code className="text-xs">{s}</code> — {API_SCOPE_LABELS[s]}
              </span>
            </Checkbox>
          ))}
        </div>
        <FieldError id="f-scopes-error" error={errors.scopes} />
      </fieldset>
      <Field
        label="Expires on"
        name="expiresOn"
        type="date"
        required
        hint="The key stops working after this day (UTC); at most a year ahead."
        defaultValue={stringValue(v, "expiresOn") ?? defaultExpiry}
        error={errors.expiresOn}
      />
      <Field
        label="Requests per minute"
        name="ratePerMinute"
        inputMode="numeric"
        defaultValue={stringValue(v, "ratePerMinute") ?? String(DEFAULT_API_RATE_PER_MINUTE)}
        hint="Further requests in the same minute get 429 with Retry-After."
        error={errors.ratePerMinute}
      />
      <button type="submit" className="btn-primary w-full" disabled={busy}>
        {busy ? "Creating…" : "Create key"}
      </button>
    </Form>
  );
}
