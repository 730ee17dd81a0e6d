import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { evidenceDownloadUrl } from "~/evidence/evidence.server";
import { NotFoundError } from "~/infra/errors";
import { requireMember } from "~/orgs/guard.server";

/**
 * GET only (no action: any other method is refused by Remix). The app checks access and the tenant
 * first; the browser then fetches the bytes straight from S3 through a short-lived presigned URL that
 * forces Content-Disposition: attachment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "evidence:read");
  let url: string;
  try {
    url = await evidenceDownloadUrl(ctx, params.evidenceId ?? "");
  } catch (err) {
    if (err instanceof NotFoundError) throw new Response("Evidence not found", { status: 404 });
    throw err;
  }
  return redirect(url, {
    status: 302,
    // The signed URL is a bearer credential until it expires: keep it out of caches and referrers.
    headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
