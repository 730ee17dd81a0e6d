import type { LoaderFunctionArgs } from "@remix-run/node";
import { importProgress } from "~/imports/imports.server";
import { NotFoundError } from "~/infra/errors";
import { requireMember } from "~/orgs/guard.server";

/** Polled by the import page while the job runs: rows processed, phase, counts. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:write");
  let progress: ReturnType<typeof importProgress>;
  try {
    progress = importProgress(ctx, params.jobId ?? "");
  } catch (err) {
    if (err instanceof NotFoundError) throw new Response("Import not found", { status: 404 });
    throw err;
  }
  return Response.json(progress, { headers: { "Cache-Control": "no-store" } });
}
