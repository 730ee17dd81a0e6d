import { env } from "~/infra/env.server";
import { formFailure } from "~/infra/http.server";
import { bufferFilePart, MultipartRefused, parseMultipart } from "~/infra/multipart.server";
import { tooLargeMessage } from "./evidence.server";

/**
 * Parse an evidence upload form (one file plus a few text fields). The file part stops being read as
 * soon as it passes the limit, so an oversized upload is refused after reading at most the limit,
 * before anything reaches S3 or the database. Oversized or malformed bodies, and any filename the
 * browser may send, come back as a 400 form error the page shows next to the file input, never a 500.
 */
export async function parseUploadForm<I extends string = never>(
  request: Request,
  /** The form the failure belongs to, on pages with several. */
  intent?: I,
): Promise<{ ok: true; form: FormData } | { ok: false; response: ReturnType<typeof formFailure<I>> }> {
  const maxBytes = env().UPLOAD_MAX_BYTES;
  try {
    const form = await parseMultipart(request, {
      onFile: (part) => bufferFilePart(part, maxBytes, tooLargeMessage(maxBytes)),
    });
    return { ok: true, form };
  } catch (err) {
    if (!(err instanceof MultipartRefused)) throw err;
    return {
      ok: false,
      response: formFailure(400, { intent, formError: err.message, fieldErrors: { file: err.message } }),
    };
  }
}
