import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { requireMember } from "~/orgs/guard.server";
import { can } from "~/orgs/permissions";
import { boardSupplierOptions } from "~/remediation/board-options.server";
import { actionCountsByState, listActionBoard, parseBoardFilter } from "~/remediation/board.server";
import { ownerOptions } from "~/remediation/detail.server";
import { ActionsTable, BoardFilters, BoardPager } from "~/remediation/ui/ActionsBoard";
import { PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Corrective actions · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "remediation:read");
  const filter = parseBoardFilter(new URL(request.url).searchParams);
  const page = listActionBoard(ctx, filter);
  return {
    filter,
    page,
    counts: actionCountsByState(ctx),
    suppliers: boardSupplierOptions(ctx, filter.supplierId),
    owners: ownerOptions(ctx),
    canConfigure: can(role, "remediation:settings"),
  };
}

export default function ActionsBoardPage() {
  const { filter, page, counts, suppliers, owners, canConfigure } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <div>
      <PageHeader
        title="Corrective actions"
        subtitle={`${page.total} action${page.total === 1 ? "" : "s"} match. Every audit finding and red-flag answer opens one; a finding closes only when its action is verified.`}
        actions={
          canConfigure ? (
            <Link to="/settings/remediation" className="btn-secondary">
              Deadlines and grades
            </Link>
          ) : undefined
        }
      />
      <BoardFilters filter={filter} suppliers={suppliers} owners={owners} counts={counts} />
      <ActionsTable rows={page.rows} />
      <BoardPager search={search} next={page.next} prev={page.prev} />
    </div>
  );
}
