import type { ReactNode } from "react";
import { Field, FieldError } from "~/ui/form";
import { SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import { COUNTRIES } from "./countries";
import { CURRENCIES } from "./currencies";
import { STATUS_LABELS } from "./list-options";
import { sectorsBySection } from "./sectors";

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

const SECTION_GROUPS = sectorsBySection();

export function SectorOptions() {
  return (
    <>
      <option value="" disabled>
        Choose a sector…
      </option>
      {SECTION_GROUPS.map((g) => (
        <optgroup key={g.section} label={`${g.section} · ${g.title}`}>
          {g.sectors.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

const text = (v: unknown): string =>
  v === null || v === undefined ? "" : Array.isArray(v) ? v.join("; ") : String(v);

/**
 * The supplier's own fields, for the add and edit forms. `values` are what the user typed (after a
 * failed submit) or the stored supplier; lists (goods, tags) show as "a; b".
 */
export function ProfileFields({
  values,
  errors,
  goodsNames,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  goodsNames: readonly string[];
}) {
  const v = (k: string) => text(values[k]);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Legal name" name="name" required defaultValue={v("name")} error={errors.name} />
        <Field
          label="Trade name (optional)"
          name="tradeName"
          defaultValue={v("tradeName")}
          error={errors.tradeName}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Your reference (optional)"
          name="externalRef"
          defaultValue={v("externalRef")}
          error={errors.externalRef}
          hint="The supplier's id in your ERP; imports update suppliers by it."
        />
        <Select label="Status" name="status" defaultValue={v("status") || "active"} error={errors.status}>
          {SUPPLIER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label="Country" name="country" defaultValue={v("country")} error={errors.country}>
          <CountryOptions />
        </Select>
        <Select
          label="Sector"
          name="sector"
          defaultValue={v("sector")}
          error={errors.sector}
          hint="Grouped by ISIC Rev. 4 section."
        >
          <SectorOptions />
        </Select>
      </div>
      <Field label="Address (optional)" name="address" defaultValue={v("address")} error={errors.address} />
      <Field
        label="Goods and commodities (optional)"
        name="goods"
        list="ilab-goods"
        defaultValue={v("goods")}
        error={errors.goods}
        hint="Separate with semicolons. Names on the US ILAB list of goods produced with forced or child labour are matched to its spelling."
      />
      <datalist id="ilab-goods">
        {goodsNames.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field
          label="Annual spend (optional)"
          name="annualSpend"
          inputMode="decimal"
          defaultValue={v("annualSpend")}
          error={errors.annualSpend}
        />
        <Select label="Currency" name="currency" defaultValue={v("currency")} error={errors.currency}>
          <option value="">—</option>
          {CURRENCIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.name}
            </option>
          ))}
        </Select>
      </div>
      <Field
        label="Tags (optional)"
        name="tags"
        defaultValue={v("tags")}
        error={errors.tags}
        hint="Separate with semicolons, e.g. strategic; EU hub."
      />
    </>
  );
}

export const STATUS_TONES: Record<string, "slate" | "green" | "amber" | "red" | "blue"> = {
  prospect: "slate",
  onboarding: "blue",
  active: "green",
  suspended: "amber",
  offboarded: "red",
};

export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return "";
  try {
    return new Intl.NumberFormat("en-GB", {
      style: currency ? "currency" : "decimal",
      currency: currency ?? undefined,
      maximumFractionDigits: 0,
    }).format(amount);
  } catch {
    return `${amount.toLocaleString("en-GB")} ${currency ?? ""}`.trim();
  }
}
