import { type LoaderFunctionArgs } from "@remix-run/node";
import { evidenceFile } from "~/evidence/evidence.server";
import { handle } from "~/infra/http.server";
import { downloadResponse } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";

/**
 * GET only (no action: any other method is refused by Remix). The app checks access and the tenant
 * first, then streams the file as an attachment (or, with S3_DOWNLOADS=presigned, redirects to a
 * short-lived presigned URL); see downloadResponse.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "evidence:read");
  return handle(() => downloadResponse(evidenceFile(ctx, params.evidenceId ?? "")));
}
