import type { LoaderFunctionArgs } from "@remix-run/node";
import { auditCsvChunks, parseAuditFilter } from "~/audit-log/listing.server";
import { requireMember } from "~/orgs/guard.server";
import { csvResponse } from "~/suppliers/export.server";

/** Resource route: the audit log as CSV, with the same filters as the page (streamed in batches). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, role } = requireMember(request, "audit-log:read");
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const date = new Date().toISOString().slice(0, 10);
  return csvResponse(auditCsvChunks(ctx, role, filter), `audit-log-${date}.csv`);
}
