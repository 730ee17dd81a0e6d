import { COUNTRIES } from "../countries";

/** Every country (static CLDR names, D10), for a select. */
export function CountryOptions({ placeholder = "Choose a country…" }: { placeholder?: string }) {
  return (
    <>
      <option value="" disabled>
        {placeholder}
      </option>
      {COUNTRIES.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </>
  );
}
