import type { ReactNode } from "react";

export type FilterOption = string | number | { value: string | number; label: string };

/**
 * One filter of a list's GET form (`?country=…&tier=…`): a labelled select whose first option means
 * "no filter". The id is the parameter's name, so a label in the URL-driven form reads like the query.
 */
export function FilterSelect({
  name,
  label,
  value,
  anyLabel = "Any",
  options,
  children,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  /** The label of the empty option; null for a filter that always has a value. */
  anyLabel?: string | null;
  options?: readonly FilterOption[];
  /** Options given as elements instead (e.g. optgroups). */
  children?: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <select
        id={name}
        name={name}
        className="input"
        defaultValue={value === null || value === undefined ? "" : String(value)}
      >
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
        {options?.map((o) => {
          const { value: v, label: l } = typeof o === "object" ? o : { value: o, label: String(o) };
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
        {children}
      </select>
    </div>
  );
}

/** A text filter of a list's GET form. */
export function FilterText({
  name,
  label,
  value,
  type = "text",
  placeholder,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  type?: "text" | "search";
  placeholder?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="label">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        className="input"
        defaultValue={value ?? ""}
        placeholder={placeholder}
      />
    </div>
  );
}
