import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { countryName } from "~/suppliers/countries";
import { ilabGoods } from "~/suppliers/goods.server";
import { DEFAULT_DIRECTION, SORT_LABELS, type SortKey } from "~/suppliers/list-options";
import { listSuppliers, parseSupplierFilter } from "~/suppliers/list.server";
import { SupplierFilters } from "~/suppliers/ui/SupplierFilters";
import { SupplierTable } from "~/suppliers/ui/SupplierTable";
import { EmptyState, PageHeader } from "~/ui/layout";

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

const FILTER_NAMES = [
  "q",
  "country",
  "tier",
  "level",
  "coverage",
  "inherent",
  "residual",
  "exposed",
  "status",
  "sector",
  "goods",
  "tag",
] as const;

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

      <SupplierFilters
        filter={filter}
        params={params}
        sort={sort}
        dir={dir}
        filtered={filtered}
        countryOptions={countryOptions}
        goodsNames={goodsNames}
      />

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
          <SupplierTable
            rows={rows}
            SortHeader={SortHeader}
            tagHref={(t) => href({ tag: t, after: null, before: null, count: null })}
          />
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
