import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import {
  auditChainStatus,
  auditFilterOptions,
  listAuditPage,
  parseAuditFilter,
} from "~/audit-log/listing.server";
import { AuditLogFilters } from "~/audit-log/ui/AuditLogFilters";
import { AuditLogPager, AuditLogRows } from "~/audit-log/ui/AuditLogRows";
import { ChainStatusBanner } from "~/audit-log/ui/ChainStatusBanner";
import { requireMember } from "~/orgs/guard.server";
import { Card, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Audit log · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "audit-log:read");
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  return {
    filter,
    page: listAuditPage(ctx, role, filter),
    options: auditFilterOptions(ctx),
    chain: auditChainStatus(ctx),
  };
}

export default function AuditLog() {
  const { filter, page, options, chain } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const exportParams = new URLSearchParams(search);
  exportParams.delete("before");
  exportParams.delete("after");
  const exportQuery = exportParams.toString();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        subtitle="Every change in your organisation: who, what and when. Entries cannot be edited or deleted."
        actions={
          <Link
            to={`/audit-log/export.csv${exportQuery ? `?${exportQuery}` : ""}`}
            className="btn-secondary"
            reloadDocument
          >
            Export CSV
          </Link>
        }
      />
      <ChainStatusBanner chain={chain} />
      <AuditLogFilters filter={filter} options={options} />
      <Card title="Entries">
        <AuditLogRows rows={page.rows} brokenAt={chain.brokenAt} />
      </Card>
      <AuditLogPager search={search} older={page.older} newer={page.newer} />
    </div>
  );
}
