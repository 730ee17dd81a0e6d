import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { publicStatementsAt } from "~/statements/public.server";

/**
 * Deliberately public (no login): the machine-readable facts of an organisation's published statements
 * for a year. Only published versions are read; anything else is a 404; an earlier address answers 301.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const data = await handle(() => publicStatementsAt(params.org ?? "", params.year ?? "", "/facts.json"));
  if ("movedTo" in data) throw redirect(data.movedTo, 301);
  return Response.json(data, { headers: { "Cache-Control": "public, max-age=300" } });
}
