import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { countryName } from "~/suppliers/countries";
import { ilabGoods } from "~/suppliers/goods.server";
import { DEFAULT_DIRECTION, SORT_LABELS, STATUS_LABELS, type SortKey } from "~/suppliers/list-options";
import { listSuppliers, parseSupplierFilter } from "~/suppliers/list.server";
import { sectorsBySection } from "~/suppliers/sectors";
import { formatMoney, STATUS_TONES } from "~/suppliers/supplier-form";
import { Badge, EmptyState, PageHeader, RiskBadge } from "~/ui/layout";
import { RISK_LEVELS, SUPPLIER_STATUSES } from "~db/schema/suppliers.constants";

export const meta: MetaFunction = () => [{ title: "Suppliers · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "suppliers:read");
  const filter = parseSupplierFilter(new URL(request.url).searchParams);
  const result = listSuppliers(ctx, filter);
  return {
    ...result,
    filter,
    countryOptions: result.countries
      .map((code) => ({ code, name: countryName(code) }))
      .sort((a, b) => a.name.localeCompare(b.name, "en")),
    goodsNames: ilabGoods().names,
    canWrite: can(role, "suppliers:write"),
  };
}

const SECTION_GROUPS = sectorsBySection();
const FILTER_NAMES = ["q", "country", "tier", "level", "status", "sector", "goods", "tag"] as const;
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

export default function SuppliersIndex() {
  const { rows, total, sort, dir, next, prev, filter, countryOptions, goodsNames, canWrite } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = FILTER_NAMES.some((k) => filter[k] !== undefined);

  /** The current URL with some parameters changed; a new sort or filter starts again at the top. */
  const href = (changes: Record<string, string | null>) => {
    const nextParams = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) nextParams.delete(k);
      else nextParams.set(k, v);
    }
    const qs = nextParams.toString();
    return qs ? `?${qs}` : "/suppliers";
  };
  const pageHref = (cursor: string, direction: "after" | "before") =>
    href({
      after: direction === "after" ? cursor : null,
      before: direction === "before" ? cursor : null,
      count: String(total),
    });
  const sortHref = (key: SortKey) => {
    const nextDir = key === sort ? (dir === "asc" ? "desc" : "asc") : DEFAULT_DIRECTION[key];
    return href({ sort: key, dir: nextDir, after: null, before: null });
  };
  const SortHeader = ({ k, children, className }: { k: SortKey; children: string; className?: string }) => (
    <th
      className={className}
      aria-sort={sort === k ? (dir === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link to={sortHref(k)} className="inline-flex items-center gap-1 hover:text-slate-900">
        {children}
        <span aria-hidden className={sort === k ? "text-slate-700" : "text-slate-300"}>
          {sort === k ? (dir === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </Link>
    </th>
  );

  return (
    <div>
      <PageHeader
        title="Suppliers"
        subtitle="Your supply chain by tier, with each supplier's forced-labour risk."
        actions={
          <>
            <a href="/suppliers/export.csv" className="btn-secondary" download>
              Export CSV
            </a>
            <a href="/suppliers/sites.csv" className="btn-secondary" download>
              Sites CSV
            </a>
            {canWrite ? (
              <Link to="/imports" className="btn-secondary">
                Import CSV
              </Link>
            ) : null}
            {canWrite ? (
              <Link to="/suppliers/new" className="btn-primary">
                Add supplier
              </Link>
            ) : null}
          </>
        }
      />

      {/* Keyed by the URL: the inputs are uncontrolled, so a navigation (Clear, a tag) must remount them. */}
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

      {rows.length === 0 ? (
        filtered ? (
          <EmptyState title="No suppliers match these filters">
            <Link to="/suppliers" className="link">
              Show all suppliers
            </Link>
          </EmptyState>
        ) : (
          <EmptyState title="No suppliers yet">
            {canWrite ? (
              <>
                <Link to="/suppliers/new" className="link">
                  Add your first supplier
                </Link>{" "}
                to start mapping your supply chain.
              </>
            ) : (
              "Procurement adds suppliers; they will appear here."
            )}
          </EmptyState>
        )
      ) : (
        <>
          <div className="card overflow-x-auto">
            <table className="table">
              <thead>
                <tr>
                  <SortHeader k="name">Name</SortHeader>
                  <th>Country</th>
                  <th>Tier</th>
                  <th>Sector</th>
                  <th>Status</th>
                  <SortHeader k="spend" className="text-right">
                    Spend
                  </SortHeader>
                  <SortHeader k="risk">Risk</SortHeader>
                  <SortHeader k="updated">Updated</SortHeader>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <td>
                      <Link to={`/suppliers/${s.id}`} className="link">
                        {s.name}
                      </Link>
                      {s.tradeName || s.externalRef ? (
                        <span className="block text-xs text-slate-500">
                          {[s.tradeName, s.externalRef].filter(Boolean).join(" · ")}
                        </span>
                      ) : null}
                      {s.tags.length ? (
                        <span className="mt-1 flex flex-wrap gap-1">
                          {s.tags.map((t) => (
                            <Link
                              key={t}
                              to={href({ tag: t, after: null, before: null, count: null })}
                              className="rounded bg-slate-100 px-1.5 text-xs text-slate-600 hover:bg-slate-200"
                            >
                              {t}
                            </Link>
                          ))}
                        </span>
                      ) : null}
                    </td>
                    <td>{s.countryName}</td>
                    <td>Tier {s.tier}</td>
                    <td>{s.sector}</td>
                    <td>
                      <Badge tone={STATUS_TONES[s.status]}>{STATUS_LABELS[s.status]}</Badge>
                    </td>
                    <td className="text-right tabular-nums">{formatMoney(s.annualSpend, s.currency)}</td>
                    <td>
                      <RiskBadge level={s.riskLevel} score={s.riskScore} />
                    </td>
                    <td className="whitespace-nowrap text-slate-500">{s.updatedAt.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="mt-3 flex items-center justify-between text-sm text-slate-500" aria-label="Pages">
            <span>
              {total.toLocaleString("en-GB")} supplier{total === 1 ? "" : "s"} · sorted by{" "}
              {SORT_LABELS[sort].toLowerCase()} {dir === "asc" ? "ascending" : "descending"}
            </span>
            <span className="flex gap-3">
              {prev ? (
                <Link className="link" to={pageHref(prev, "before")} rel="prev">
                  ← Previous
                </Link>
              ) : null}
              {next ? (
                <Link className="link" to={pageHref(next, "after")} rel="next">
                  Next →
                </Link>
              ) : null}
            </span>
          </nav>
        </>
      )}
    </div>
  );
}
