import {
  MaxPartSizeExceededError,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { env } from "~/infra/env.server";
import { formFailure } from "~/infra/http.server";
import { tooLargeMessage } from "./evidence.server";

/** Text fields in an upload form are ids and an intent: anything bigger is not from our form. */
const TEXT_FIELD_LIMIT = 16 * 1024;

/**
 * Streams each multipart part and gives up as soon as a part passes its limit, so an oversized upload
 * is refused after reading at most the limit, before anything reaches S3 or the database.
 */
export function limitedUploadHandler(maxFileBytes: number): UploadHandler {
  // The whole form is capped too, so many file parts cannot add up to many times the limit.
  const totalLimit = maxFileBytes + TEXT_FIELD_LIMIT;
  let total = 0;
  return async ({ name, filename, contentType, data: stream }) => {
    const isFile = typeof filename === "string";
    const limit = isFile ? maxFileBytes : TEXT_FIELD_LIMIT;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += chunk.byteLength;
      total += chunk.byteLength;
      if (size > limit || total > totalLimit) throw new MaxPartSizeExceededError(name, limit);
      chunks.push(chunk);
    }
    if (!isFile) return Buffer.concat(chunks).toString("utf8");
    // An empty file input still posts a part with filename "": treat it as "no file chosen".
    if (size === 0 && filename === "") return undefined;
    return new File([Buffer.concat(chunks)], filename, { type: contentType });
  };
}

/**
 * Parse an evidence upload form. Oversized or malformed bodies come back as a 400 form error the page
 * can show next to the file input, never as a 500.
 */
export async function parseUploadForm<I extends string = never>(
  request: Request,
  /** The form the failure belongs to, on pages with several. */
  intent?: I,
): Promise<{ ok: true; form: FormData } | { ok: false; response: ReturnType<typeof formFailure<I>> }> {
  const maxBytes = env().UPLOAD_MAX_BYTES;
  try {
    const form = await unstable_parseMultipartFormData(request, limitedUploadHandler(maxBytes));
    return { ok: true, form };
  } catch (err) {
    if (err instanceof MaxPartSizeExceededError) {
      const message = err.field === "file" ? tooLargeMessage(maxBytes) : "The form is too large.";
      return {
        ok: false,
        response: formFailure(400, { intent, formError: message, fieldErrors: { file: message } }),
      };
    }
    if (err instanceof TypeError) {
      const message = "The upload could not be read. Please choose the file again and resubmit.";
      return {
        ok: false,
        response: formFailure(400, { intent, formError: message, fieldErrors: { file: message } }),
      };
    }
    throw err;
  }
}
