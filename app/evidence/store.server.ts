import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { env } from "~/infra/env.server";
import { ValidationError } from "~/infra/errors";
import { deleteObject, tenantKey, uploadStream } from "~/infra/storage.server";
import {
  ALLOWED_TYPES_HINT,
  detectFileType,
  formatLimitMb,
  sanitizeFileName,
  SNIFF_BYTES,
  type AllowedType,
} from "./file-types";

/**
 * A file already streamed into storage under its tenant's prefix, hashed on the way, waiting for the
 * row that makes it evidence. Until uploadEvidence commits that row it is "staged": whoever staged it
 * removes it again (discardUpload) unless it was kept.
 */
export type StoredUpload = {
  readonly storageKey: string;
  readonly organizationId: string;
  readonly fileName: string;
  readonly type: AllowedType;
  readonly sizeBytes: number;
  readonly sha256: string;
};

const kept = new WeakSet<StoredUpload>();

/** The evidence row for this upload is committed: the object stays. */
export function markKept(upload: StoredUpload): void {
  kept.add(upload);
}

/** Remove a staged object whose row was never written (best effort: an orphan is never served). */
export async function discardUpload(upload: ReceivedUpload | null | undefined): Promise<void> {
  if (!upload || "refused" in upload || kept.has(upload)) return;
  await deleteObject(upload.storageKey).catch(() => {});
}

/**
 * A file refused while a form streamed it (not an accepted type, too large): the form's fields are still
 * read, and the intent gets this instead of a file, so the refusal reaches the page through the intent's
 * own error path (its field, its language, the right action or question).
 */
export type RefusedUpload = { readonly refused: ValidationError };

/** What a form's file part became: stored, or refused with the reason. */
export type ReceivedUpload = StoredUpload | RefusedUpload;

export function isReceivedUpload(value: unknown): value is ReceivedUpload {
  return (
    typeof value === "object" &&
    value !== null &&
    (("storageKey" in value && "sha256" in value) || "refused" in value)
  );
}

export function tooLargeMessage(maxBytes = env().UPLOAD_MAX_BYTES): string {
  return `The file is larger than the ${formatLimitMb(maxBytes)} limit. Please upload a smaller file (or split it).`;
}

export const NOT_ACCEPTED = `This file is not an accepted type. Upload a ${ALLOWED_TYPES_HINT} file (checked by its content, not its name).`;

function refusal(message: string): ValidationError {
  return new ValidationError({ file: message }, message);
}

/**
 * Stream one file into storage: the first bytes decide its type (the allow-list, by content), every
 * byte goes through SHA-256 and the size count on its way to a lib-storage upload, and the moment the
 * count passes the limit the body errors, the multipart upload is aborted and nothing is left (the rest
 * of the source is never read). Memory is a few parts whatever the size. An empty source is null
 * (the caller decides whether that is "no file chosen" or an error).
 */
export async function storeUpload(
  organizationId: string,
  source: AsyncIterable<Uint8Array>,
  rawName: string | undefined,
  maxBytes: number = env().UPLOAD_MAX_BYTES,
): Promise<StoredUpload | null> {
  const it = source[Symbol.asyncIterator]();
  const stop = () => Promise.resolve(it.return?.()).catch(() => {});
  const hash = createHash("sha256");
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.byteLength;
    if (size > maxBytes) throw refusal(tooLargeMessage(maxBytes));
    hash.update(chunk);
    return chunk;
  };

  const head: Uint8Array[] = [];
  try {
    while (size < SNIFF_BYTES) {
      const next = await it.next();
      if (next.done) break;
      if (next.value.byteLength) head.push(take(next.value));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  if (size === 0) return null;
  const type = detectFileType(Buffer.concat(head).subarray(0, SNIFF_BYTES));
  if (!type) {
    await stop();
    throw refusal(NOT_ACCEPTED);
  }

  const storageKey = tenantKey(organizationId, "evidence", type.ext);
  let refused: unknown = null;
  async function* body() {
    yield* head;
    try {
      for (;;) {
        const next = await it.next();
        if (next.done) return;
        yield take(next.value);
      }
    } catch (err) {
      refused = err;
      throw err;
    }
  }
  try {
    await uploadStream({
      key: storageKey,
      body: Readable.from(body(), { objectMode: false }),
      contentType: type.mime,
    });
  } catch (err) {
    // Not awaited: a read may still be pending on a source that has stalled.
    void stop();
    // A part that made it (a single PutObject racing the refusal) must not stay behind either.
    await deleteObject(storageKey).catch(() => {});
    throw refused ?? err;
  }
  return {
    storageKey,
    organizationId,
    fileName: sanitizeFileName(rawName, type),
    type,
    sizeBytes: size,
    sha256: hash.digest("hex"),
  };
}

/** A web File/Blob's bytes as an async iterable whose abandonment cancels the stream. */
export async function* webChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}
