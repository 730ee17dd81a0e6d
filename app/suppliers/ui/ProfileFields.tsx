import { Checkbox, Field, fieldBinder, Select } from "~/ui/form";
import { SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import { CURRENCIES } from "../currencies";
import { STATUS_LABELS } from "../list-options";
import { CountryOptions } from "./CountryOptions";
import { SectorOptions } from "./SectorOptions";

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
  const bind = fieldBinder(values, errors);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Legal name" required {...bind("name")} />
        <Field label="Trade name (optional)" {...bind("tradeName")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Your reference (optional)"
          {...bind("externalRef")}
          hint="The supplier's id in your ERP; imports update suppliers by it."
        />
        <Select label="Status" {...bind("status")} defaultValue={bind("status").defaultValue || "active"}>
          {SUPPLIER_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label="Country" {...bind("country")}>
          <CountryOptions />
        </Select>
        <Select label="Sector" {...bind("sector")} hint="Grouped by ISIC Rev. 4 section.">
          <SectorOptions />
        </Select>
      </div>
      <Field label="Address (optional)" {...bind("address")} />
      <Field
        label="Goods and commodities (optional)"
        list="ilab-goods"
        {...bind("goods")}
        hint="Separate with semicolons. Names on the US ILAB list of goods produced with forced or child labour are matched to its spelling."
      />
      <datalist id="ilab-goods">
        {goodsNames.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field label="Annual spend (optional)" inputMode="decimal" {...bind("annualSpend")} />
        <Select label="Currency" {...bind("currency")}>
          <option value="">—</option>
          {CURRENCIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} · {c.name}
            </option>
          ))}
        </Select>
      </div>
      <Checkbox
        name="xinjiangNexus"
        defaultChecked={values.xinjiangNexus === true || values.xinjiangNexus === "on"}
      >
        <span>
          Xinjiang nexus: the supplier is in, or sources goods or labour from, the Xinjiang Uyghur Autonomous
          Region (UFLPA presumes such goods are made with forced labour).
        </span>
      </Checkbox>
      <Field
        label="Tags (optional)"
        {...bind("tags")}
        hint="Separate with semicolons, e.g. strategic; EU hub."
      />
    </>
  );
}
