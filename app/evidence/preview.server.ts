import type { Ctx } from "~/infra/context";
import { attachmentDisposition, proxiedObjectResponse } from "~/infra/storage.server";
import { evidenceFile } from "./evidence.server";
import { previewKind } from "./preview";

/**
 * A file for the sandboxed preview, always streamed through the app (also with S3_DOWNLOADS=presigned:
 * the headers below are ours to set). Inline only for the types a browser renders without running
 * anything of ours (PNG, JPEG, PDF, decided by the bytes at upload); everything else as an attachment.
 * The CSP sandboxes the document (no scripts, no forms, an opaque origin) and lets only our own pages
 * frame it. Another tenant's id is "not found".
 */
export async function previewResponse(ctx: Ctx, evidenceId: string): Promise<Response> {
  const file = evidenceFile(ctx, evidenceId);
  const inline = previewKind(file.contentType) !== null;
  const name = attachmentDisposition(file.fileName);
  return proxiedObjectResponse(file, {
    "Content-Disposition": inline ? name.replace(/^attachment/, "inline") : name,
    "Content-Security-Policy": [
      "sandbox",
      "default-src 'none'",
      "img-src 'self' data:",
      "style-src 'unsafe-inline'",
      "frame-ancestors 'self'",
    ].join("; "),
    // The app's default is DENY; a preview may be framed by our own evidence page.
    "X-Frame-Options": "SAMEORIGIN",
  });
}
