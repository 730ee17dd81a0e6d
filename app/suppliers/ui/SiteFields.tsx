import { Checkbox, Field, fieldBinder, Select } from "~/ui/form";
import { CountryOptions } from "./CountryOptions";

/** The fields of a supplier site: place, coordinates and the workforce figures the risk review needs. */
export function SiteFields({
  values,
  errors,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const bind = fieldBinder(values, errors);
  // Stored as true/false, typed as "yes"/"no"/"": both show as the select's choice.
  const yesNo = (k: string) => {
    const b = bind(k);
    return { ...b, defaultValue: values[k] === true ? "yes" : values[k] === false ? "no" : b.defaultValue };
  };
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Site name" required {...bind("name")} />
        <Select label="Country" {...bind("country")}>
          <CountryOptions />
        </Select>
      </div>
      <Field label="Address (optional)" {...bind("address")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Latitude (optional)"
          inputMode="decimal"
          hint="Decimal degrees, −90 to 90."
          {...bind("latitude")}
        />
        <Field
          label="Longitude (optional)"
          inputMode="decimal"
          hint="Decimal degrees, −180 to 180."
          {...bind("longitude")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field label="Workers" inputMode="numeric" {...bind("workersTotal")} />
        <Field label="Migrant workers %" inputMode="decimal" {...bind("migrantWorkersPct")} />
        <Field label="Agency or contract workers %" inputMode="decimal" {...bind("agencyWorkersPct")} />
        <Select label="Employer-provided housing" {...yesNo("dormitories")}>
          <option value="">Not known</option>
          <option value="yes">Yes (dormitories or housing)</option>
          <option value="no">No</option>
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Select label="Seasonal work" {...yesNo("seasonalWork")}>
          <option value="">Not known</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </Select>
        <Checkbox
          name="xinjiangNexus"
          defaultChecked={values.xinjiangNexus === true || values.xinjiangNexus === "on"}
          className="flex items-start gap-2 pt-6 text-sm text-slate-700 sm:col-span-3"
        >
          <span>Xinjiang nexus: the site is in, or sources inputs or labour from, Xinjiang (UFLPA).</span>
        </Checkbox>
      </div>
    </>
  );
}
