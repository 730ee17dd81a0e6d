import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireMember } from "~/orgs/guard.server";
import { csvResponse, siteCsvChunks } from "~/suppliers/export.server";

/** Resource route: every site of the organisation's suppliers as CSV, in the site import's columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  const date = new Date().toISOString().slice(0, 10);
  return csvResponse(siteCsvChunks(ctx), `sites-${date}.csv`);
}
