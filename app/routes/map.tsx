import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { worldMapData } from "~/maps/map-data.server";
import { requireMember } from "~/orgs/guard.server";
import { Card, EmptyState, PageHeader } from "~/ui/layout";
import { CountryTable, WorldMap, type SiteDotsProps } from "~/ui/world-map";

export const meta: MetaFunction = () => [{ title: "Supplier map · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  return worldMapData(ctx);
}

export default function MapPage() {
  const data = useLoaderData<typeof loader>();
  // Site dots come in a second request, so the countries paint without waiting for them.
  const sites = useFetcher<SiteDotsProps>();
  const requested = useRef(false);
  const { load } = sites;
  useEffect(() => {
    if (requested.current || data.totalSuppliers === 0) return;
    requested.current = true;
    load("/map/sites");
  }, [load, data.totalSuppliers]);
  const withSuppliers = [...data.countries, ...data.undrawn]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "en"));
  const countries = withSuppliers.length;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Supplier map"
        subtitle={
          data.totalSuppliers > 0
            ? `${data.totalSuppliers.toLocaleString("en")} supplier${data.totalSuppliers === 1 ? "" : "s"} in ${countries} countr${countries === 1 ? "y" : "ies"}. Click a country to list its suppliers.`
            : "Where your suppliers are, and where the risk sits."
        }
        actions={
          <Link to="/graph" className="btn-secondary">
            Supply-chain graph
          </Link>
        }
      />
      {data.totalSuppliers === 0 ? (
        <EmptyState title="No suppliers on the map yet">
          <Link to="/suppliers" className="link">
            Add or import suppliers
          </Link>{" "}
          and each country fills in with their number and highest risk level.
        </EmptyState>
      ) : (
        <>
          <section className="card p-4">
            <WorldMap data={data} sites={sites.data} />
          </section>
          <div className="grid items-start gap-6 lg:grid-cols-[2fr_1fr]">
            <Card title="Countries by number of suppliers">
              <div className="-m-4 max-h-96 overflow-y-auto">
                <CountryTable rows={withSuppliers} caption="Countries by number of suppliers" />
              </div>
            </Card>
            <Card title="Too small to draw at this scale">
              {data.undrawn.length === 0 ? (
                <p className="text-sm text-slate-500">Every country with suppliers is drawn on the map.</p>
              ) : (
                <>
                  <p className="mb-3 text-sm text-slate-500">
                    Island states and territories without an outline on the world map:
                  </p>
                  <div className="-mx-4 -mb-4">
                    <CountryTable rows={data.undrawn} caption="Countries not drawn on the map" />
                  </div>
                </>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
