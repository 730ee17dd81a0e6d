import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { handle } from "~/infra/http.server";
import { supplierGraph, supplierGraphQuerySchema } from "~/maps/graph-data.server";
import { tooLargeMessage } from "~/maps/graph-types";
import { requireMember } from "~/orgs/guard.server";
import { PageHeader } from "~/ui/layout";
import { SupplyGraph } from "~/ui/supply-graph";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? `${data.supplier.name} · ` : ""}Supply-chain graph · Clearsource` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  const query = supplierGraphQuerySchema.parse({
    depth: new URL(request.url).searchParams.get("depth") ?? undefined,
  });
  return handle(() => supplierGraph(ctx, params.supplierId ?? "", query));
}

const DEPTHS = [1, 2, 3, 4];

export default function SupplierGraphPage() {
  const { supplier, depth, upstreamCount, downstreamCount, view } = useLoaderData<typeof loader>();
  const base = `/suppliers/${supplier.id}/graph`;

  return (
    <div className="space-y-5">
      <nav className="text-sm text-slate-500" aria-label="Breadcrumb">
        <Link to="/suppliers" className="link">
          Suppliers
        </Link>{" "}
        /{" "}
        <Link to={`/suppliers/${supplier.id}`} className="link">
          {supplier.name}
        </Link>{" "}
        / Graph
      </nav>
      <PageHeader
        title={`${supplier.name}: supply chain`}
        subtitle={`Tier ${supplier.tier}. Downstream: the buyers it supplies, up to your organisation. Upstream: its sub-suppliers.`}
        actions={
          <Link to={`/suppliers/${supplier.id}`} className="btn-secondary">
            Back to supplier
          </Link>
        }
      />

      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <span className="text-slate-600">
          {downstreamCount === 0
            ? "Supplies your organisation directly"
            : `${downstreamCount} supplier${downstreamCount === 1 ? "" : "s"} downstream`}
          {" · "}
          {upstreamCount === 0 ? "no" : upstreamCount} sub-supplier{upstreamCount === 1 ? "" : "s"} within{" "}
          {depth} tier{depth === 1 ? "" : "s"} upstream
        </span>
        <span className="flex items-center gap-1" role="group" aria-label="Upstream tiers to show">
          <span className="mr-1 text-slate-500">Upstream tiers:</span>
          {DEPTHS.map((d) =>
            d === depth ? (
              <span
                key={d}
                aria-current="true"
                className="rounded-md bg-brand-600 px-2.5 py-1 text-xs font-semibold text-white"
              >
                {d}
              </span>
            ) : (
              <Link
                key={d}
                to={`${base}?depth=${d}`}
                className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
              >
                {d}
              </Link>
            ),
          )}
        </span>
      </div>

      {view.status === "too-large" ? (
        <div
          className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
          role="status"
        >
          <p className="font-medium">{tooLargeMessage(view, `around ${supplier.name}`)}</p>
          <p className="mt-1">
            {depth > 1 ? (
              <Link className="link" to={`${base}?depth=${depth - 1}`}>
                Show {depth - 1} upstream tier{depth - 1 === 1 ? "" : "s"} instead
              </Link>
            ) : (
              <>
                Its direct sub-suppliers are listed on the{" "}
                <Link className="link" to={`/suppliers/${supplier.id}`}>
                  supplier page
                </Link>
                .
              </>
            )}
          </p>
        </div>
      ) : (
        <SupplyGraph nodes={view.nodes} edges={view.edges} focusId={view.focusId} />
      )}
    </div>
  );
}
