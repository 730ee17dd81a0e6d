import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A form that is one button (make primary, remove, move up): posts its intent and the ids it acts on.
 * `title` is also the button's accessible name, for buttons that show only an arrow or a short word.
 */
export function IntentButton({
  intent,
  fields,
  className,
  formClassName,
  title,
  children,
}: {
  intent: string;
  fields: Record<string, string>;
  className: string;
  formClassName?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" className={formClassName}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" title={title} aria-label={title} className={className}>
        {children}
      </button>
    </Form>
  );
}
