import { type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { downloadResponse } from "~/infra/storage.server";
import { requireMember } from "~/orgs/guard.server";
import { statementDocumentFile } from "~/statements/statements.server";

/**
 * GET only. The statement and document must belong to the member's organisation (else 404); the PDF is
 * then streamed as an attachment (or redirected to a presigned URL with S3_DOWNLOADS=presigned).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "statements:read");
  return handle(() =>
    downloadResponse(statementDocumentFile(ctx, params.statementId ?? "", params.documentId ?? "")),
  );
}
