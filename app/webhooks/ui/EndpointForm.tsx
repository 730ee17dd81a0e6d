import { Form } from "@remix-run/react";
import { Field, FieldError, FormError, stringValue } from "~/ui/form";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "~db/schema/webhooks.constants";

type Failure = {
  formError?: string;
  fieldErrors: Record<string, string>;
  values?: Record<string, string | string[]>;
};

/** Add or edit a receiver: its address, a note, and the events it wants. */
export function EndpointForm({
  intent,
  initial,
  failure,
  busy,
  submitLabel,
}: {
  intent: "create" | "update";
  initial?: { url: string; description: string | null; eventTypes: readonly string[] };
  failure?: Failure;
  busy: boolean;
  submitLabel: string;
}) {
  const typed = failure?.values;
  const url = typed ? stringValue(typed, "url") : (initial?.url ?? "");
  const description = typed ? stringValue(typed, "description") : (initial?.description ?? "");
  const chosen = typed
    ? ([] as string[]).concat(typed.eventTypes ?? [])
    : [...(initial?.eventTypes ?? WEBHOOK_EVENT_TYPES)];
  const errors = failure?.fieldErrors ?? {};
  return (
    <Form method="post" className="space-y-4" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError error={failure?.formError} />
      <Field
        id={`${intent}-url`}
        label="Receiver address (URL)"
        name="url"
        type="url"
        defaultValue={url}
        error={errors.url}
        hint="We POST each event here as JSON, signed the Standard Webhooks way."
      />
      <Field
        id={`${intent}-description`}
        label="Description (optional)"
        name="description"
        defaultValue={description}
        error={errors.description}
      />
      <fieldset aria-describedby={errors.eventTypes ? `${intent}-events-error` : undefined}>
        <legend className="label">Events</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((t) => (
            <label key={t} className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="eventTypes"
                value={t}
                defaultChecked={chosen.includes(t)}
                className="mt-0.5"
              />
              <span>
                {WEBHOOK_EVENT_LABELS[t]} <code className="text-xs text-slate-500">{t}</code>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={`${intent}-events-error`} error={errors.eventTypes} />
      </fieldset>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
