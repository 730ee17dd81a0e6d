import { Form, Link } from "@remix-run/react";
import { COVERAGE_TEXT } from "~/risk/ui/CoverageBadge";
import { STATUS_LABELS } from "~/suppliers/list-options";
import type { SupplierFilter } from "~/suppliers/list.server";
import { FilterSelect, FilterText } from "~/ui/FilterSelect";
import { RISK_COVERAGE, RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";
import { SectorGroups } from "./SectorOptions";

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const LEVEL_OPTIONS = RISK_LEVELS.map((l) => ({ value: l, label: cap(l) }));

/** The supplier list's search and filters (a GET form: every filter is in the URL, so views can be shared). */
export function SupplierFilters({
  filter,
  params,
  sort,
  dir,
  filtered,
  countryOptions,
  goodsNames,
}: {
  filter: SupplierFilter;
  params: URLSearchParams;
  sort: string;
  dir: string;
  filtered: boolean;
  countryOptions: { code: string; name: string }[];
  goodsNames: readonly string[];
}) {
  // Keyed by the URL: the inputs are uncontrolled, so a navigation (Clear, a tag) must remount them.
  return (
    <Form key={params.toString()} method="get" className="card mb-4 space-y-3 p-4" role="search">
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <FilterText
            name="q"
            type="search"
            label="Search name, trade name or reference"
            value={filter.q}
            placeholder="e.g. Saigon or V-10023"
          />
        </div>
        <FilterSelect
          name="country"
          label="Country"
          value={filter.country}
          anyLabel="All countries"
          options={countryOptions.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect name="sector" label="Sector" value={filter.sector} anyLabel="All sectors">
          <SectorGroups />
        </FilterSelect>
        <FilterSelect
          name="tier"
          label="Tier"
          value={filter.tier}
          anyLabel="All"
          options={[1, 2, 3, 4, 5, 6].map((t) => ({ value: t, label: `Tier ${t}` }))}
        />
        <FilterSelect
          name="level"
          label="Risk level"
          value={filter.level}
          anyLabel="All"
          options={LEVEL_OPTIONS}
        />
        <FilterSelect
          name="coverage"
          label="Coverage"
          value={filter.coverage}
          anyLabel="All"
          options={RISK_COVERAGE.map((c) => ({ value: c, label: COVERAGE_TEXT[c] }))}
        />
        <FilterSelect
          name="inherent"
          label="Inherent risk"
          value={filter.inherent}
          anyLabel="All"
          options={LEVEL_OPTIONS}
        />
        <FilterSelect
          name="residual"
          label="Residual risk"
          value={filter.residual}
          anyLabel="All"
          options={LEVEL_OPTIONS}
        />
        <div className="flex items-end">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="exposed" value="1" defaultChecked={filter.exposed === "1"} />
            Raised by upstream exposure
          </label>
        </div>
        <FilterSelect
          name="status"
          label="Status"
          value={filter.status}
          anyLabel="All"
          options={SUPPLIER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        />
        <div>
          <label htmlFor="goods" className="label">
            Goods
          </label>
          <input
            id="goods"
            name="goods"
            className="input"
            list="ilab-goods-filter"
            defaultValue={filter.goods ?? ""}
            placeholder="e.g. Cotton"
          />
          <datalist id="ilab-goods-filter">
            {goodsNames.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </div>
        <FilterText name="tag" label="Tag" value={filter.tag} />
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-secondary">
            Filter
          </button>
          {filtered ? (
            <Link to={`/suppliers?sort=${sort}&dir=${dir}`} className="link text-sm">
              Clear
            </Link>
          ) : null}
        </div>
      </div>
    </Form>
  );
}
