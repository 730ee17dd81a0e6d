import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/orgs/guard.server";
import { csvResponse, supplierCsvChunks } from "~/suppliers/export.server";

/** Resource route: every supplier of the organisation as CSV, in the import's columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  const date = new Date().toISOString().slice(0, 10);
  return csvResponse(supplierCsvChunks(ctx), `suppliers-${date}.csv`);
}
