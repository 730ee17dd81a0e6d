import { type LoaderFunctionArgs } from "@remix-run/node";
import { previewResponse } from "~/evidence/preview.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/**
 * GET only. The file for the sandboxed viewer on its evidence page, after the same access check as a
 * download: inline for PNG, JPEG and PDF under a sandboxing CSP, an attachment for anything else.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "evidence:read");
  return handle(() => previewResponse(ctx, params.evidenceId ?? ""));
}
