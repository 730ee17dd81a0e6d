import { languageName } from "~/i18n/languages";
import { FieldError } from "~/ui/form";
import { EmptyState, RiskBadge } from "~/ui/layout";
import type { findAudience } from "../campaigns.server";

/**
 * The suppliers a campaign can go to: tick some, or choose every supplier the filter matches (the send
 * then resolves the filter again, so a list longer than the first 100 shown is not cut). The inputs
 * belong to the campaign form (`form="campaign-form"`).
 */
export function AudiencePicker({
  audience,
  selection,
  onSelection,
  error,
}: {
  audience: ReturnType<typeof findAudience>;
  selection: "some" | "all";
  onSelection: (s: "some" | "all") => void;
  error?: string;
}) {
  const shown = audience.rows.length;
  return audience.total === 0 ? (
    <div className="mt-4">
      <EmptyState title="No supplier matches">Change the filter, or add suppliers first.</EmptyState>
    </div>
  ) : (
    <div className="mt-4 space-y-3">
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Which suppliers</legend>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="selection"
            value="some"
            form="campaign-form"
            checked={selection === "some"}
            onChange={() => onSelection("some")}
          />
          The suppliers I tick below
        </label>
        <label className="flex items-center gap-2">
          <input
            type="radio"
            name="selection"
            value="all"
            form="campaign-form"
            checked={selection === "all"}
            onChange={() => onSelection("all")}
          />
          Select all {audience.total.toLocaleString("en-GB")} matching
        </label>
      </fieldset>
      <FieldError error={error} />
      <div className="max-h-96 overflow-y-auto rounded border border-slate-200">
        <table className="table">
          <thead>
            <tr>
              <th className="w-8">
                <span className="sr-only">Choose</span>
              </th>
              <th>Supplier</th>
              <th>Country</th>
              <th>Tier</th>
              <th>Risk</th>
              <th>Contact</th>
              <th>Language</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {audience.rows.map((s) => (
              <tr key={s.id}>
                <td>
                  <input
                    type="checkbox"
                    name="supplierIds"
                    value={s.id}
                    form="campaign-form"
                    aria-label={`Choose ${s.name}`}
                    disabled={selection === "all"}
                  />
                </td>
                <td className="font-medium">{s.name}</td>
                <td>{s.country}</td>
                <td>{s.tier}</td>
                <td>
                  <RiskBadge level={s.riskLevel} />
                </td>
                <td>
                  {s.contactName}
                  <div className="text-xs text-slate-500">{s.contactEmail}</div>
                </td>
                <td>{languageName(s.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {audience.total > shown ? (
        <p className="text-xs text-slate-500">
          Showing the first {shown} of {audience.total.toLocaleString("en-GB")}: narrow the filter, or choose
          “Select all matching”.
        </p>
      ) : null}
    </div>
  );
}
