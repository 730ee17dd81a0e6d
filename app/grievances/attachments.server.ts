import { createHash } from "node:crypto";
import { and, count, eq, sql } from "drizzle-orm";
import { detectFileType, SNIFF_BYTES, type AllowedType, ALLOWED_TYPES } from "~/evidence/file-types";
import type { DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { readForm } from "~/infra/form.server";
import { MultipartRefused, parseMultipart, UNREADABLE_UPLOAD } from "~/infra/multipart.server";
import { deleteObject, putObject, tenantKey } from "~/infra/storage.server";
import { grievanceAttachments } from "~db/schema";
import { stripMetadata, UnreadableFile, type StrippableType } from "./strip-metadata.server";

/**
 * Files a worker attaches to a report or to a later message (D41). The public pages are plain forms,
 * so the file arrives in the same multipart body as the text; it is read into memory (at most
 * ATTACHMENT_MAX_BYTES, a phone photo or a scanned page), checked against the evidence allow-list by its
 * content, stripped of its metadata (strip-metadata.server.ts) and only then written to storage under the
 * organisation's prefix. The reporter's file name is not kept (a phone names a photo after the second it
 * was taken): the stored name is "attachment-<n>.<ext>". Until the case's transaction commits the row,
 * the object is staged; whoever staged it deletes it again when the row is not written.
 */

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The evidence allow-list without HEIC, whose metadata we cannot remove (see strip-metadata.server.ts). */
const ATTACHMENT_TYPES: Record<string, StrippableType> = {
  [ALLOWED_TYPES.jpeg.mime]: "jpeg",
  [ALLOWED_TYPES.png.mime]: "png",
  [ALLOWED_TYPES.webp.mime]: "webp",
  [ALLOWED_TYPES.pdf.mime]: "pdf",
};
/** For the file input's `accept` (a convenience; the server decides by content). Without HEIC, a phone
 * converts its photo to JPEG before sending it. */
export const ATTACHMENT_ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";

export function attachmentLimit(): number {
  return Math.min(ATTACHMENT_MAX_BYTES, env().UPLOAD_MAX_BYTES);
}

export type AttachmentRefusal = "fileType" | "fileTooLarge" | "fileUnreadable";
/** What the form's file part was: nothing chosen, too large, or its bytes. */
export type IncomingFile = null | { tooLarge: true } | { bytes: Buffer };

/**
 * Read a public page's form: url-encoded as before, or multipart with at most one file (field "file"),
 * which is read to at most the limit (the rest is skipped, the form's fields are still read). A body the
 * parser cannot read is a 400, never a 500.
 */
export async function readIntakeForm(request: Request): Promise<{ form: FormData; file: IncomingFile }> {
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data"))
    return { form: await readForm(request), file: null };
  const limit = attachmentLimit();
  let file: IncomingFile = null;
  try {
    const form = await parseMultipart(request, {
      maxFiles: 1,
      maxFields: 40,
      onFile: async (part) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let tooLarge = false;
        for await (const chunk of part.stream as AsyncIterable<Buffer>) {
          if (tooLarge) continue;
          size += chunk.length;
          if (size > limit) {
            tooLarge = true;
            chunks.length = 0;
          } else chunks.push(chunk);
        }
        if (part.field !== "file") return undefined;
        if (tooLarge) file = { tooLarge: true };
        else if (size > 0) file = { bytes: Buffer.concat(chunks) };
        return undefined;
      },
    });
    return { form, file };
  } catch (err) {
    if (err instanceof MultipartRefused) throw new Response(UNREADABLE_UPLOAD, { status: 400 });
    throw err;
  }
}

/** A stripped file in storage, waiting for its row. */
export type StagedAttachment = {
  storageKey: string;
  type: AllowedType;
  sizeBytes: number;
  sha256: string;
};

/**
 * Check and clean the file, then put it into storage. Refusals are returned (the page shows them in the
 * reporter's language); an unreachable storage throws StorageUnavailableError (503 through handle()).
 */
export async function stageAttachment(
  organizationId: string,
  file: IncomingFile,
): Promise<{ staged: StagedAttachment | null; refused?: AttachmentRefusal }> {
  if (!file) return { staged: null };
  if ("tooLarge" in file) return { staged: null, refused: "fileTooLarge" };
  const type = detectFileType(file.bytes.subarray(0, SNIFF_BYTES));
  const kind = type ? ATTACHMENT_TYPES[type.mime] : undefined;
  if (!type || !kind) return { staged: null, refused: "fileType" };
  let clean: Uint8Array;
  try {
    clean = await stripMetadata(kind, file.bytes);
  } catch (err) {
    if (err instanceof UnreadableFile) return { staged: null, refused: "fileUnreadable" };
    throw err;
  }
  const sha256 = createHash("sha256").update(clean).digest("hex");
  const storageKey = tenantKey(organizationId, "grievance", type.ext);
  await putObject({ key: storageKey, body: clean, contentType: type.mime, contentLength: clean.length });
  return { staged: { storageKey, type, sizeBytes: clean.length, sha256 } };
}

/** Remove a staged object whose row was not committed (best effort: an orphan is never served). */
export async function discardStaged(staged: StagedAttachment | null | undefined): Promise<void> {
  if (staged) await deleteObject(staged.storageKey).catch(() => {});
}

/** Write the row of a staged attachment, inside the case's transaction. */
export function insertAttachment(
  tx: DbOrTx,
  a: { organizationId: string; caseId: string; staged: StagedAttachment; addedOn: string },
): void {
  const n =
    tx
      .select({ n: count() })
      .from(grievanceAttachments)
      .where(eq(grievanceAttachments.caseId, a.caseId))
      .get()?.n ?? 0;
  tx.insert(grievanceAttachments)
    .values({
      organizationId: a.organizationId,
      caseId: a.caseId,
      storageKey: a.staged.storageKey,
      fileName: `attachment-${n + 1}.${a.staged.type.ext}`,
      contentType: a.staged.type.mime,
      sizeBytes: a.staged.sizeBytes,
      sha256: a.staged.sha256,
      addedOn: a.addedOn,
    })
    .run();
}

export type AttachmentRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  addedOn: string;
};

export function caseAttachments(tx: DbOrTx, organizationId: string, caseId: string): AttachmentRow[] {
  return tx
    .select({
      id: grievanceAttachments.id,
      fileName: grievanceAttachments.fileName,
      contentType: grievanceAttachments.contentType,
      sizeBytes: grievanceAttachments.sizeBytes,
      addedOn: grievanceAttachments.addedOn,
    })
    .from(grievanceAttachments)
    .where(
      and(eq(grievanceAttachments.organizationId, organizationId), eq(grievanceAttachments.caseId, caseId)),
    )
    .orderBy(sql`rowid`)
    .all();
}
