import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";
import { statementDocumentDownloadUrl } from "~/statements/statements.server";

/**
 * GET only. The statement and document must belong to the member's organisation (else 404); the browser
 * then fetches the PDF from S3 through a short-lived presigned URL with Content-Disposition: attachment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:read");
  const url = await handle(() =>
    statementDocumentDownloadUrl(ctx, params.statementId ?? "", params.documentId ?? ""),
  );
  return redirect(url, {
    status: 302,
    // The signed URL works for anyone holding it until it expires: keep it out of caches and referrers.
    headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
