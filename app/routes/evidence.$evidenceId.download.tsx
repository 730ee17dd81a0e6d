import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { evidenceDownloadUrl } from "~/evidence/evidence.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/**
 * GET only (no action: any other method is refused by Remix). The app checks access and the tenant
 * first; the browser then fetches the bytes straight from S3 through a short-lived presigned URL that
 * forces Content-Disposition: attachment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "evidence:read");
  const url = await handle(() => evidenceDownloadUrl(ctx, params.evidenceId ?? ""));
  return redirect(url, {
    status: 302,
    // The signed URL is a bearer credential until it expires: keep it out of caches and referrers.
    headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
