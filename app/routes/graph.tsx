import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { organisationGraph, parseOrgGraphQuery } from "~/maps/graph-data.server";
import { tooLargeMessage } from "~/maps/graph-types";
import { requireMember } from "~/orgs/guard.server";
import { FilterSelect } from "~/ui/FilterSelect";
import { EmptyState, PageHeader } from "~/ui/layout";
import { SupplyGraph } from "~/ui/supply-graph";
import { RISK_LEVELS } from "~db/schema/suppliers.constants";

export const meta: MetaFunction = () => [{ title: "Supply-chain graph · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  return organisationGraph(ctx, parseOrgGraphQuery(new URL(request.url).searchParams));
}

const TIERS = [1, 2, 3, 4];

export default function GraphPage() {
  const { query, matching, countries, view } = useLoaderData<typeof loader>();
  const tiers = query.tier === 1 ? "at tier 1" : `at tiers 1–${query.tier}`;
  const narrowed = Boolean(query.country || query.level);

  return (
    <div className="space-y-5">
      <PageHeader
        title="Supply-chain graph"
        subtitle="Your organisation and its suppliers, tier by tier. Each card is coloured by its risk level."
        actions={
          <Link to="/map" className="btn-secondary">
            World map
          </Link>
        }
      />

      <Form method="get" className="card grid gap-3 p-4 sm:grid-cols-[10rem_14rem_10rem_auto]">
        <FilterSelect
          name="tier"
          label="Down to"
          value={query.tier}
          anyLabel={null}
          options={TIERS.map((t) => ({ value: t, label: `Tier ${t}` }))}
        />
        <FilterSelect
          name="country"
          label="Country"
          value={query.country}
          anyLabel="All countries"
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
        />
        <FilterSelect
          name="level"
          label="Risk level"
          value={query.level}
          anyLabel="All"
          options={RISK_LEVELS.map((l) => ({ value: l, label: l[0].toUpperCase() + l.slice(1) }))}
        />
        <div className="flex items-end gap-3">
          <button type="submit" className="btn-secondary">
            Show
          </button>
          {narrowed ? (
            <Link to={`/graph?tier=${query.tier}`} className="link pb-2 text-sm">
              Clear filters
            </Link>
          ) : null}
        </div>
      </Form>

      {view.status === "too-large" ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          role="status"
        >
          <p className="font-medium">{tooLargeMessage(view, tiers)}</p>
          <p className="mt-1">
            Narrow it by country or risk level above, or choose a lower tier.{" "}
            {query.tier > 1 ? (
              <Link
                className="link"
                to={`/graph?${new URLSearchParams({
                  tier: String(query.tier - 1),
                  ...(query.country ? { country: query.country } : {}),
                  ...(query.level ? { level: query.level } : {}),
                })}`}
              >
                Try tier {query.tier - 1}
              </Link>
            ) : null}
          </p>
        </div>
      ) : matching === 0 ? (
        <EmptyState title={narrowed ? "No suppliers match these filters" : "No suppliers yet"}>
          {narrowed ? (
            <Link to={`/graph?tier=${query.tier}`} className="link">
              Show all countries and risk levels
            </Link>
          ) : (
            <Link to="/suppliers" className="link">
              Add your first supplier
            </Link>
          )}
        </EmptyState>
      ) : (
        <>
          <p className="text-sm text-slate-500">
            {matching.toLocaleString("en")} supplier{matching === 1 ? "" : "s"} {tiers}
            {narrowed ? " matching the filters (links to suppliers outside the filter are not drawn)" : ""}.
          </p>
          <SupplyGraph nodes={view.nodes} edges={view.edges} focusId={view.focusId} />
        </>
      )}
    </div>
  );
}
