import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { NotFoundError } from "~/infra/errors";
import { requireMember } from "~/orgs/guard.server";
import { statementDocumentDownloadUrl } from "~/statements/statements.server";

/**
 * GET only. The statement and document must belong to the member's organisation (else 404); the browser
 * then fetches the PDF from S3 through a short-lived presigned URL with Content-Disposition: attachment.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:read");
  let url: string;
  try {
    url = await statementDocumentDownloadUrl(ctx, params.statementId ?? "", params.documentId ?? "");
  } catch (err) {
    if (err instanceof NotFoundError) throw new Response("Document not found", { status: 404 });
    throw err;
  }
  return redirect(url, {
    status: 302,
    // The signed URL works for anyone holding it until it expires: keep it out of caches and referrers.
    headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}
