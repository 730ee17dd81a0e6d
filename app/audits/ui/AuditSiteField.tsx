import { useState } from "react";
import { CountryOptions } from "~/suppliers/ui/CountryOptions";
import { Field, Select } from "~/ui/form";

export type SiteOption = { id: string; supplierId: string; name: string; country: string };

/** Value of the "add a new site" choice (the verb's NEW_SITE). */
const NEW = "new";

/**
 * The audited site, chosen from the selected supplier's recorded sites, or "Add a new site…", which asks
 * for its name, country (the supplier's by default) and address; the site is then added to the supplier
 * with the audit. The list follows the supplier chosen above it.
 */
export function AuditSiteField({
  sites,
  supplierId,
  supplierCountry,
  values,
  errors,
}: {
  sites: SiteOption[];
  supplierId: string;
  supplierCountry?: string;
  values?: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}) {
  const own = sites.filter((s) => s.supplierId === supplierId);
  const [choice, setChoice] = useState(values?.siteId ?? "");
  // A site of the supplier chosen before the supplier changed is not this supplier's: back to none.
  const value = choice === NEW || own.some((s) => s.id === choice) ? choice : "";
  const hint = !supplierId
    ? "Choose the supplier first: its recorded sites are listed here."
    : own.length
      ? undefined
      : "This supplier has no sites recorded yet: add one here or leave it out.";
  return (
    <div className="space-y-4">
      <Select
        label="Site (optional)"
        name="siteId"
        value={value}
        onChange={(e) => setChoice(e.target.value)}
        error={errors.siteId}
        hint={hint}
      >
        <option value="">No particular site</option>
        {own.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.country})
          </option>
        ))}
        <option value={NEW}>Add a new site…</option>
      </Select>
      {value === NEW ? (
        <fieldset className="space-y-4 rounded-md border border-slate-200 p-4" key={supplierId}>
          <legend className="px-1 text-sm font-medium text-slate-700">New site of this supplier</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Site name"
              name="newSiteName"
              required
              maxLength={200}
              placeholder="e.g. Bac Ninh factory"
              defaultValue={values?.newSiteName ?? ""}
              error={errors.newSiteName}
            />
            <Select
              label="Country"
              name="newSiteCountry"
              defaultValue={values?.newSiteCountry ?? supplierCountry ?? ""}
              error={errors.newSiteCountry}
            >
              <CountryOptions />
            </Select>
          </div>
          <Field
            label="Address (optional)"
            name="newSiteAddress"
            maxLength={500}
            defaultValue={values?.newSiteAddress ?? ""}
            error={errors.newSiteAddress}
          />
        </fieldset>
      ) : null}
    </div>
  );
}
