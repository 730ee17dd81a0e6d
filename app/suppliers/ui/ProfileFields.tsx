import { Field, Select } from "~/ui/form";
import { SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import { CURRENCIES } from "../currencies";
import { STATUS_LABELS } from "../list-options";
import { CountryOptions } from "./CountryOptions";
import { SectorOptions } from "./SectorOptions";

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
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="xinjiangNexus"
          defaultChecked={values.xinjiangNexus === true || values.xinjiangNexus === "on"}
          className="mt-0.5"
        />
        <span>
          Xinjiang nexus: the supplier is in, or sources goods or labour from, the Xinjiang Uyghur Autonomous
          Region (UFLPA presumes such goods are made with forced labour).
        </span>
      </label>
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
