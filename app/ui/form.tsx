import type { ReactNode } from "react";

/** `aria-describedby` of a control: its error when there is one, else its hint. */
function describedBy(id: string, error?: string, hint?: string) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

/** The label, hint and error around one control (the control comes as children, with the same id). */
function FieldShell({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name">;

/** A labelled input with its error below; `aria-invalid` and `aria-describedby` wired for screen readers. */
export function Field({ label, name, error, hint, children, ...input }: FieldProps) {
  const id = input.id ?? `f-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      {children ?? (
        <input
          id={id}
          name={name}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          {...input}
        />
      )}
    </FieldShell>
  );
}

/** A labelled textarea, wired like Field. */
export function TextArea({
  label,
  name,
  error,
  hint,
  id: idProp,
  className = "input",
  ...textarea
}: {
  label: string;
  name: string;
  error?: string;
  hint?: string;
} & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const id = idProp ?? `f-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={name}
        className={className}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...textarea}
      />
    </FieldShell>
  );
}

/** A checkbox with its label beside it (the label's words come as children). */
export function Checkbox({
  name,
  defaultChecked,
  value,
  className = "flex items-start gap-2 text-sm text-slate-700",
  boxClassName = "mt-0.5",
  children,
}: {
  name: string;
  defaultChecked?: boolean;
  value?: string;
  className?: string;
  boxClassName?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      {/* No `value` prop unless given: React turns value={undefined} into value="" on hydration, and
          a ticked box would then post "" instead of the browser's "on". */}
      <input
        type="checkbox"
        name={name}
        {...(value === undefined ? {} : { value })}
        defaultChecked={defaultChecked}
        className={boxClassName}
      />
      {children}
    </label>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-600" role="alert">
      {error}
    </p>
  );
}

export function FormError({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
      {error}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div
      className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
      role="status"
    >
      {children}
    </div>
  );
}

/** A labelled select with its error below, wired like Field. */
export function Select({
  label,
  name,
  error,
  children,
  hint,
  id: idProp,
  ...select
}: {
  label: string;
  name: string;
  error?: string;
  children: ReactNode;
  hint?: string;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, "name" | "children">) {
  const id = idProp ?? `f-${name}`;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={name}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

/** A form's values shown as text: nothing for null, lists as "a; b". */
export function valueText(v: unknown): string {
  return v === null || v === undefined ? "" : Array.isArray(v) ? v.join("; ") : String(v);
}

/**
 * Binds a form's fields to what it shows and the errors it got: `<Field label="Name" {...bind("name")} />`
 * gives the field its name, its value (as text) and its error; with `idPrefix`, ids unique per form when a
 * page repeats the form.
 */
export function fieldBinder(
  values: Record<string, unknown> | undefined,
  errors: Record<string, string | undefined> | undefined,
  idPrefix?: string,
) {
  return (name: string) => ({
    name,
    ...(idPrefix ? { id: `${idPrefix}-${name}` } : {}),
    defaultValue: valueText(values?.[name]),
    error: errors?.[name],
  });
}

/** One text value echoed back by a failed action (repeated fields come back as arrays: not a text value). */
export function stringValue(values: Record<string, string | string[]> | undefined, name: string) {
  const v = values?.[name];
  return typeof v === "string" ? v : undefined;
}

/** A form's own message, or a summary pointing at the highlighted fields when only fields failed. */
export function formErrorOrSummary(failure?: { formError?: string | null; fieldErrors?: object }) {
  if (!failure) return undefined;
  return (
    failure.formError ??
    (Object.keys(failure.fieldErrors ?? {}).length ? "Please correct the highlighted fields." : undefined)
  );
}
