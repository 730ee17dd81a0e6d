import { Readable } from "node:stream";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import Busboy from "@fastify/busboy";

/**
 * Streaming multipart parsing for uploads, through @fastify/busboy (RFC 7578 parts, RFC 2231/5987
 * `filename*`, quoted filenames with ; = and escaped quotes). The hand parser it replaces broke on
 * names like "Invoice; March.pdf" and answered 500. Every problem with the body is a MultipartRefused
 * with a message the form can show; file contents go to the caller's handler as a stream, so the caller
 * decides how much to read (and stops at its limit).
 */
export class MultipartRefused extends Error {
  constructor(
    message: string,
    /** The field the problem belongs to, when it is one field's fault (a file too large). */
    public field?: string,
  ) {
    super(message);
    this.name = "MultipartRefused";
  }
}

export const UNREADABLE_UPLOAD = "The upload could not be read. Please choose the file again and resubmit.";
const TOO_LARGE_FORM = "The form is too large.";

export type FilePart = {
  field: string;
  /** The name the browser sent, without any directory part; may be "" (an empty file input). */
  fileName: string;
  contentType: string;
  stream: Readable;
};

export type MultipartOptions = {
  /** Bytes per text field. */
  maxFieldBytes?: number;
  maxFields?: number;
  maxFiles?: number;
  /**
   * Consume the file's stream (or throw, e.g. a MultipartRefused when it is too large); the value
   * returned (a File, a marker string) goes into the form under the part's name, undefined skips it.
   */
  onFile: (file: FilePart) => Promise<FormDataEntryValue | undefined>;
};

export async function parseMultipart(request: Request, opts: MultipartOptions): Promise<FormData> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new MultipartRefused(UNREADABLE_UPLOAD);
  }
  let parser: ReturnType<typeof Busboy>;
  try {
    parser = Busboy({
      headers: { "content-type": contentType },
      defCharset: "utf8",
      limits: {
        fieldSize: opts.maxFieldBytes ?? 16 * 1024,
        // A whole questionnaire (60+ answers) may be posted as multipart.
        fields: opts.maxFields ?? 1000,
        files: opts.maxFiles ?? 1,
        parts: (opts.maxFields ?? 1000) + (opts.maxFiles ?? 1),
        headerPairs: 20,
      },
    });
  } catch {
    throw new MultipartRefused(UNREADABLE_UPLOAD);
  }
  const body = Readable.fromWeb(request.body as unknown as NodeWebStream<Uint8Array>);
  const form = new FormData();
  const pending: Promise<void>[] = [];

  return new Promise<FormData>((resolve, reject) => {
    let failed = false;
    /** The caller's own errors (from onFile) pass through; the parser's become "could not be read". */
    const fail = (err: unknown, fromHandler = false) => {
      if (failed) return;
      failed = true;
      // Read and drop the rest (server.mjs capped its size): destroying the body would close the
      // connection before the answer is written.
      body.unpipe(parser);
      body.resume();
      reject(fromHandler || err instanceof MultipartRefused ? err : new MultipartRefused(UNREADABLE_UPLOAD));
    };
    parser.on("field", (name, value, nameTruncated, valueTruncated) => {
      if (nameTruncated || valueTruncated) return fail(new MultipartRefused(TOO_LARGE_FORM));
      form.append(name, value);
    });
    parser.on("file", (field, stream, fileName, _encoding, mimeType) => {
      stream.on("error", () => {});
      pending.push(
        // A part without a filename (undici omits filename="") is still a file part if it says so.
        opts.onFile({ field, fileName: fileName ?? "", contentType: mimeType, stream }).then(
          (value) => {
            if (value !== undefined) form.append(field, value);
          },
          (err) => {
            stream.resume();
            fail(err, true);
          },
        ),
      );
    });
    parser.on("filesLimit", () => fail(new MultipartRefused("Upload one file at a time.")));
    parser.on("fieldsLimit", () => fail(new MultipartRefused(TOO_LARGE_FORM)));
    parser.on("partsLimit", () => fail(new MultipartRefused(TOO_LARGE_FORM)));
    parser.on("error", (err) => fail(err));
    parser.on("finish", () => {
      Promise.all(pending).then(
        () => {
          if (!failed) resolve(form);
        },
        (err) => fail(err, true),
      );
    });
    body.on("error", (err) => fail(err));
    body.pipe(parser);
  });
}
