import { type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { publicStatements } from "~/statements/public.server";

/**
 * Deliberately public (no login): the machine-readable facts of an organisation's published statements
 * for a year. Only published versions are read; anything else is a 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const data = await handle(() => publicStatements(params.orgId ?? "", params.year ?? ""));
  return Response.json(data, { headers: { "Cache-Control": "public, max-age=300" } });
}
