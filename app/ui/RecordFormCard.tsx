import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormError } from "./form";
import { Card } from "./layout";

/**
 * The add or edit form of a list page (a supplier's contacts, its sites): one intent, the ids it edits as
 * hidden fields, the form's error on top, the fields, and a submit button (with Cancel when editing).
 */
export function RecordFormCard({
  title,
  intent,
  hidden = {},
  formError,
  busy,
  submitLabel,
  busyLabel,
  cancelTo,
  children,
}: {
  title: string;
  intent: string;
  hidden?: Record<string, string>;
  formError?: string;
  busy: boolean;
  submitLabel: string;
  /** Shown on the button while the form is submitting. */
  busyLabel?: string;
  /** Where Cancel leads; an edit form has one, an add form not. */
  cancelTo?: string;
  children: ReactNode;
}) {
  const submit = (
    <button type="submit" className="btn-primary" disabled={busy}>
      {busy && busyLabel ? busyLabel : submitLabel}
    </button>
  );
  return (
    <Card title={title}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="intent" value={intent} />
        {Object.entries(hidden).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <FormError error={formError} />
        {children}
        {cancelTo !== undefined ? (
          <div className="flex items-center gap-3">
            {submit}
            <Link to={cancelTo} className="link text-sm">
              Cancel
            </Link>
          </div>
        ) : (
          submit
        )}
      </Form>
    </Card>
  );
}
