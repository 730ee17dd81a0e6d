import type { ReactNode } from "react";

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
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children ?? (
        <input
          id={id}
          name={name}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
      )}
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
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
  defaultValue,
  children,
  hint,
}: {
  label: string;
  name: string;
  error?: string;
  defaultValue: string;
  children: ReactNode;
  hint?: string;
}) {
  const id = `f-${name}`;
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="input"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
      >
        {children}
      </select>
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
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
