import { Field, Select } from "~/ui/form";
import { CountryOptions } from "./CountryOptions";

/** The fields of a supplier site: place, coordinates and the workforce figures the risk review needs. */
export function SiteFields({
  values,
  errors,
}: {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}) {
  const v = (k: string) => (values[k] === null || values[k] === undefined ? "" : String(values[k]));
  const yn = (k: string) => (values[k] === true ? "yes" : values[k] === false ? "no" : v(k));
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Site name" name="name" required defaultValue={v("name")} error={errors.name} />
        <Select label="Country" name="country" defaultValue={v("country")} error={errors.country}>
          <CountryOptions />
        </Select>
      </div>
      <Field label="Address (optional)" name="address" defaultValue={v("address")} error={errors.address} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Latitude (optional)"
          name="latitude"
          inputMode="decimal"
          defaultValue={v("latitude")}
          error={errors.latitude}
          hint="Decimal degrees, −90 to 90."
        />
        <Field
          label="Longitude (optional)"
          name="longitude"
          inputMode="decimal"
          defaultValue={v("longitude")}
          error={errors.longitude}
          hint="Decimal degrees, −180 to 180."
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Field
          label="Workers"
          name="workersTotal"
          inputMode="numeric"
          defaultValue={v("workersTotal")}
          error={errors.workersTotal}
        />
        <Field
          label="Migrant workers %"
          name="migrantWorkersPct"
          inputMode="decimal"
          defaultValue={v("migrantWorkersPct")}
          error={errors.migrantWorkersPct}
        />
        <Field
          label="Agency or contract workers %"
          name="agencyWorkersPct"
          inputMode="decimal"
          defaultValue={v("agencyWorkersPct")}
          error={errors.agencyWorkersPct}
        />
        <Select
          label="Employer-provided housing"
          name="dormitories"
          defaultValue={yn("dormitories")}
          error={errors.dormitories}
        >
          <option value="">Not known</option>
          <option value="yes">Yes (dormitories or housing)</option>
          <option value="no">No</option>
        </Select>
      </div>
      <div className="grid gap-4 sm:grid-cols-4">
        <Select
          label="Seasonal work"
          name="seasonalWork"
          defaultValue={yn("seasonalWork")}
          error={errors.seasonalWork}
        >
          <option value="">Not known</option>
          <option value="yes">Yes</option>
          <option value="no">No</option>
        </Select>
        <label className="flex items-start gap-2 pt-6 text-sm text-slate-700 sm:col-span-3">
          <input
            type="checkbox"
            name="xinjiangNexus"
            defaultChecked={values.xinjiangNexus === true || values.xinjiangNexus === "on"}
            className="mt-0.5"
          />
          <span>Xinjiang nexus: the site is in, or sources inputs or labour from, Xinjiang (UFLPA).</span>
        </label>
      </div>
    </>
  );
}
