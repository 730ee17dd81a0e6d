import { Form } from "@remix-run/react";

/** A one-button form of the template editor (move, delete): posts its intent and the ids it acts on. */
export function TemplateEditButton({
  intent,
  fields,
  label,
  title,
  danger,
}: {
  intent: string;
  fields: Record<string, string>;
  label: string;
  title: string;
  danger?: boolean;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button
        type="submit"
        title={title}
        aria-label={title}
        className={`rounded px-2 py-1 text-xs font-medium ${danger ? "text-red-700 hover:bg-red-50" : "text-slate-600 hover:bg-slate-100"}`}
      >
        {label}
      </button>
    </Form>
  );
}
