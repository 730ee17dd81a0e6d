import { Form, Link } from "@remix-run/react";
import { COVERAGE_TEXT } from "~/risk/ui/CoverageBadge";
import { STATUS_LABELS } from "~/suppliers/list-options";
import type { SupplierFilter } from "~/suppliers/list.server";
import { sectorsBySection } from "~/suppliers/sectors";
import { RISK_COVERAGE, RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";

const SECTION_GROUPS = sectorsBySection();
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

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
          <label htmlFor="q" className="label">
            Search name, trade name or reference
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={filter.q ?? ""}
            placeholder="e.g. Saigon or V-10023"
          />
        </div>
        <div>
          <label htmlFor="country" className="label">
            Country
          </label>
          <select id="country" name="country" className="input" defaultValue={filter.country ?? ""}>
            <option value="">All countries</option>
            {countryOptions.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sector" className="label">
            Sector
          </label>
          <select id="sector" name="sector" className="input" defaultValue={filter.sector ?? ""}>
            <option value="">All sectors</option>
            {SECTION_GROUPS.map((g) => (
              <optgroup key={g.section} label={`${g.section} · ${g.title}`}>
                {g.sectors.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <label htmlFor="tier" className="label">
            Tier
          </label>
          <select
            id="tier"
            name="tier"
            className="input"
            defaultValue={filter.tier ? String(filter.tier) : ""}
          >
            <option value="">All</option>
            {[1, 2, 3, 4, 5, 6].map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="level" className="label">
            Risk level
          </label>
          <select id="level" name="level" className="input" defaultValue={filter.level ?? ""}>
            <option value="">All</option>
            {RISK_LEVELS.map((l) => (
              <option key={l} value={l}>
                {cap(l)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="coverage" className="label">
            Coverage
          </label>
          <select id="coverage" name="coverage" className="input" defaultValue={filter.coverage ?? ""}>
            <option value="">All</option>
            {RISK_COVERAGE.map((c) => (
              <option key={c} value={c}>
                {COVERAGE_TEXT[c]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="inherent" className="label">
            Inherent risk
          </label>
          <select id="inherent" name="inherent" className="input" defaultValue={filter.inherent ?? ""}>
            <option value="">All</option>
            {RISK_LEVELS.map((l) => (
              <option key={l} value={l}>
                {cap(l)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="residual" className="label">
            Residual risk
          </label>
          <select id="residual" name="residual" className="input" defaultValue={filter.residual ?? ""}>
            <option value="">All</option>
            {RISK_LEVELS.map((l) => (
              <option key={l} value={l}>
                {cap(l)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="exposed" value="1" defaultChecked={filter.exposed === "1"} />
            Raised by upstream exposure
          </label>
        </div>
        <div>
          <label htmlFor="status" className="label">
            Status
          </label>
          <select id="status" name="status" className="input" defaultValue={filter.status ?? ""}>
            <option value="">All</option>
            {SUPPLIER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
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
        <div>
          <label htmlFor="tag" className="label">
            Tag
          </label>
          <input id="tag" name="tag" className="input" defaultValue={filter.tag ?? ""} />
        </div>
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
