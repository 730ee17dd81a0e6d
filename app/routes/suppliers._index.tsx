import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { RISK_LEVELS } from "../../db/schema/suppliers";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { countryName } from "~/suppliers/countries";
import { listSuppliers, parseSupplierFilter } from "~/suppliers/suppliers.server";
import { EmptyState, PageHeader, RiskBadge } from "~/ui/layout";

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
    canWrite: can(role, "suppliers:write"),
  };
}

export default function SuppliersIndex() {
  const { rows, total, page, pageSize, filter, countryOptions, canWrite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const filtered = Boolean(filter.q || filter.country || filter.tier || filter.level);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageHref = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };

  return (
    <div>
      <PageHeader
        title="Suppliers"
        subtitle="Your supply chain by tier, with each supplier's forced-labour risk."
        actions={
          canWrite ? (
            <Link to="/suppliers/new" className="btn-primary">
              Add supplier
            </Link>
          ) : null
        }
      />

      <Form
        method="get"
        className="card mb-4 grid gap-3 p-4 sm:grid-cols-[1fr_12rem_8rem_9rem_auto]"
        role="search"
      >
        <div>
          <label htmlFor="q" className="label">
            Search by name
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={filter.q ?? ""}
            placeholder="e.g. Saigon"
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
            {[1, 2, 3, 4, 5].map((t) => (
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
                {l[0].toUpperCase() + l.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="btn-secondary">
            Filter
          </button>
          {filtered ? (
            <Link to="/suppliers" className="link text-sm">
              Clear
            </Link>
          ) : null}
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
                  <th>Name</th>
                  <th>Country</th>
                  <th>Tier</th>
                  <th>Sector</th>
                  <th>Risk</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((s) => (
                  <tr key={s.id} className="hover:bg-slate-50">
                    <td>
                      <Link to={`/suppliers/${s.id}`} className="link">
                        {s.name}
                      </Link>
                    </td>
                    <td>{s.countryName}</td>
                    <td>Tier {s.tier}</td>
                    <td>{s.sector}</td>
                    <td>
                      <RiskBadge level={s.riskLevel} score={s.riskScore} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="mt-3 flex items-center justify-between text-sm text-slate-500">
            <span>
              {total} supplier{total === 1 ? "" : "s"}
              {pages > 1 ? ` · page ${page} of ${pages}` : ""}
            </span>
            {pages > 1 ? (
              <span className="flex gap-3">
                {page > 1 ? (
                  <Link className="link" to={pageHref(page - 1)}>
                    Previous
                  </Link>
                ) : null}
                {page < pages ? (
                  <Link className="link" to={pageHref(page + 1)}>
                    Next
                  </Link>
                ) : null}
              </span>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
