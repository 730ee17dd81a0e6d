import type { LoaderFunctionArgs } from "@remix-run/node";
import { importProgress } from "~/imports/imports.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/** Polled by the import page while the job runs: rows processed, phase, counts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  const progress = await handle(() => importProgress(ctx, params.jobId ?? ""));
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
