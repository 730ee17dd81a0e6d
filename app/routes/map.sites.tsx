import type { LoaderFunctionArgs } from "@remix-run/node";
import { siteDots } from "~/maps/map-data.server";
import { requireMember } from "~/orgs/guard.server";

/** The world map's site dots (JSON), loaded by the map page after it has painted the countries. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  return Response.json(siteDots(ctx), { headers: { "Cache-Control": "private, no-store" } });
}
