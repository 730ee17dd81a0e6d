import { createHash, randomUUID } from "node:crypto";
import { and, desc, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { objectStream, type StoredFile } from "~/infra/storage.server";
import { isoDateField, parseInput } from "~/infra/validation";
import { recordActionEvent } from "~/remediation/remediation.server";
import { refreshSupplierRisk } from "~/risk/risk.server";
import { audits, findings } from "~db/schema/audits";
import { evidenceFiles } from "~db/schema/evidence";
import { memberships } from "~db/schema/orgs";
import { remediationTasks } from "~db/schema/remediation";
import { suppliers } from "~db/schema/suppliers";
import { scheduleExpiryReminders } from "./expiry-reminders.server";
import {
  discardUpload,
  isReceivedUpload,
  markKept,
  storeUpload,
  webChunks,
  type ReceivedUpload,
  type StoredUpload,
} from "./store.server";

export { tooLargeMessage } from "./store.server";

export type EvidenceFile = typeof evidenceFiles.$inferSelect;

/** Anything with a byte stream and (optionally) the name the user gave it: a web File or Blob. */
export type UploadSource = { stream(): ReadableStream<Uint8Array>; name?: string };

/** At least one of supplierId / auditId / findingId; the supplier is derived from the audit or finding. */
export type UploadEvidenceInput = {
  supplierId?: string | null;
  auditId?: string | null;
  findingId?: string | null;
  /** A corrective action (its supplier, and finding when it has one, follow from it). */
  actionId?: string | null;
  /** A supplier's answer to one question of a questionnaire (the caller checks the assignment is theirs). */
  assignmentId?: string | null;
  questionId?: string | null;
  /** The member responsible for the file; by default the uploading member (or the replaced file's owner). */
  ownerUserId?: string | null;
  /** The file's last valid day (YYYY-MM-DD), when it expires; today or later. */
  expiresOn?: string | null;
  /** A current file this one replaces as its next version (the earlier one stays listed). */
  replacesId?: string | null;
  /** A byte stream to store now, or what a form already streamed into storage (withUploadForm). */
  file: UploadSource | ReceivedUpload;
};

/** The buyer's fields beside an uploaded file; blanks mean "the default" (see uploadEvidence). */
export const evidenceMetaSchema = z.object({
  ownerUserId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
  expiresOn: z
    .union([z.literal(""), isoDateField("The expiry date")])
    .optional()
    .transform((v) => v || null),
  replacesId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((v) => v || null),
});

/**
 * Resolve what the file is attached to, all inside this tenant: another tenant's id, or ids that do not
 * belong together (a finding of another audit), answer "not found". The supplier follows from the audit
 * or finding when only those are given.
 */
function resolveAttachment(ctx: Ctx, input: UploadEvidenceInput) {
  const org = ctx.organizationId;
  let auditId: string | null = null;
  let supplierId: string | null = null;
  let findingId: string | null = null;
  let actionId: string | null = null;
  if (input.actionId) {
    const action = db()
      .select({
        id: remediationTasks.id,
        supplierId: remediationTasks.supplierId,
        sourceType: remediationTasks.sourceType,
        sourceRef: remediationTasks.sourceRef,
      })
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, input.actionId), eq(remediationTasks.organizationId, org)))
      .get();
    if (!action) throw new NotFoundError("Corrective action not found");
    actionId = action.id;
    supplierId = action.supplierId;
    if (action.sourceType === "finding" && !input.findingId)
      input = { ...input, findingId: action.sourceRef };
  }
  if (input.findingId) {
    const finding = db()
      .select({ id: findings.id, auditId: findings.auditId, supplierId: findings.supplierId })
      .from(findings)
      .where(and(eq(findings.id, input.findingId), eq(findings.organizationId, org)))
      .get();
    if (
      !finding ||
      (input.auditId && finding.auditId !== input.auditId) ||
      (supplierId && finding.supplierId !== supplierId)
    )
      throw new NotFoundError("Finding not found");
    findingId = finding.id;
    auditId = finding.auditId;
    supplierId = finding.supplierId;
  }
  if (input.auditId && !auditId) {
    const audit = db()
      .select({ id: audits.id, supplierId: audits.supplierId })
      .from(audits)
      .where(and(eq(audits.id, input.auditId), eq(audits.organizationId, org)))
      .get();
    if (!audit) throw new NotFoundError("Audit not found");
    auditId = audit.id;
    supplierId = audit.supplierId;
  }
  if (input.supplierId) {
    if (supplierId && supplierId !== input.supplierId) throw new NotFoundError("Supplier not found");
    const supplier = db()
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(and(eq(suppliers.id, input.supplierId), eq(suppliers.organizationId, org)))
      .get();
    if (!supplier) throw new NotFoundError("Supplier not found");
    supplierId = supplier.id;
  }
  if (!supplierId) throw new NotFoundError("Supplier not found");
  return { supplierId, auditId, findingId, actionId };
}

/**
 * Validate → stream to S3 (hashed and size-checked on the way, see storeUpload) → one transaction for
 * the row and its audit-log entry. A refused or failed upload commits nothing and leaves no object; a
 * failed insert removes the object again. A file a form already streamed into storage is checked to be
 * this tenant's and is removed too when anything here refuses it.
 */
export async function uploadEvidence(ctx: Ctx, input: UploadEvidenceInput): Promise<EvidenceFile> {
  const received = isReceivedUpload(input.file) ? input.file : null;
  const staged = received && !("refused" in received) ? received : null;
  if (staged && staged.organizationId !== ctx.organizationId) throw new NotFoundError("Evidence not found");
  let stored: StoredUpload | null = staged;
  try {
    const target = resolveAttachment(ctx, input);
    const today = nowOf(ctx).toISOString().slice(0, 10);
    if (input.expiresOn) parseInput(z.object({ expiresOn: isoDateField("The expiry date") }), input);
    if (input.expiresOn && input.expiresOn < today) {
      const message =
        "The expiry date has passed. Upload a file that is still valid, with its last valid day.";
      throw new ValidationError({ expiresOn: message }, message);
    }
    const replaced = input.replacesId ? currentVersion(ctx, input.replacesId, target) : null;
    const ownerUserId = resolveOwner(ctx, input.ownerUserId, replaced?.ownerUserId ?? null, target.actionId);
    if (received && "refused" in received) throw received.refused;
    if (!stored) {
      const source = input.file as UploadSource;
      stored = await storeUpload(ctx.organizationId, webChunks(source.stream()), source.name);
    }
    if (!stored) throw new ValidationError({ file: "The file is empty. Choose a PDF or image to upload." });
    const row = insertEvidence(ctx, input, stored, { target, replaced, ownerUserId });
    markKept(stored);
    return row;
  } catch (err) {
    await discardUpload(stored);
    throw err;
  }
}

function insertEvidence(
  ctx: Ctx,
  input: UploadEvidenceInput,
  stored: StoredUpload,
  resolved: {
    target: ReturnType<typeof resolveAttachment>;
    replaced: ReturnType<typeof currentVersion> | null;
    ownerUserId: string | null;
  },
): EvidenceFile {
  const { target, replaced, ownerUserId } = resolved;
  const { storageKey: key, fileName, sizeBytes: size, sha256 } = stored;
  const type = stored.type;
  const id = randomUUID();
  return writeTx((tx) => {
    if (replaced) {
      // Only the newest version can be replaced: a second tab replacing the same file loses here.
      const { changes } = tx
        .update(evidenceFiles)
        .set({ supersededAt: nowOf(ctx) })
        .where(and(eq(evidenceFiles.id, replaced.id), isNull(evidenceFiles.supersededAt)))
        .run();
      if (changes !== 1)
        throw new ConflictError(
          "That file was replaced meanwhile. Reload the page and replace the newest version.",
        );
    }
    const row = tx
      .insert(evidenceFiles)
      .values({
        id,
        documentId: replaced ? replaced.documentId : id,
        version: replaced ? replaced.version + 1 : 1,
        ownerUserId,
        expiresOn: input.expiresOn ?? null,
        organizationId: ctx.organizationId,
        supplierId: target.supplierId,
        auditId: target.auditId,
        findingId: target.findingId,
        actionId: target.actionId,
        uploadedByLabel: ctx.actor.type === "user" ? null : ctx.actor.label,
        assignmentId: input.assignmentId ?? null,
        questionId: input.questionId ?? null,
        storageKey: key,
        fileName,
        contentType: type.mime,
        sizeBytes: size,
        sha256,
        uploadedByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: nowOf(ctx),
      })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "evidence.uploaded",
      entityType: "evidence",
      entityId: row.id,
      details: {
        supplierId: target.supplierId,
        auditId: target.auditId,
        findingId: target.findingId,
        ...(target.actionId ? { actionId: target.actionId } : {}),
        ...(input.assignmentId ? { assignmentId: input.assignmentId, questionId: input.questionId } : {}),
        fileName,
        contentType: type.mime,
        sizeBytes: size,
        sha256,
        ownerUserId,
        expiresOn: row.expiresOn,
        version: row.version,
        ...(replaced ? { replacesId: replaced.id } : {}),
      },
    });
    if (target.actionId)
      recordActionEvent(tx, ctx, {
        actionId: target.actionId,
        event: "evidence_added",
        comment: replaced ? `${fileName} (version ${row.version})` : fileName,
      });
    scheduleExpiryReminders(tx, row, nowOf(ctx));
    refreshSupplierRisk(tx, ctx, target.supplierId, "evidence.uploaded");
    return row;
  });
}

/**
 * The file a new upload replaces: this tenant's, attached to the same action and supplier, and still the
 * newest version of its document (an earlier version cannot be replaced again).
 */
function currentVersion(
  ctx: Ctx,
  evidenceId: string,
  target: { supplierId: string; actionId: string | null },
): { id: string; documentId: string; version: number; ownerUserId: string | null } {
  const row = db()
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.organizationId, ctx.organizationId)))
    .get();
  if (!row || row.supplierId !== target.supplierId || row.actionId !== target.actionId) {
    const message = "Choose a file of this action to replace.";
    throw new ValidationError({ replacesId: message }, message);
  }
  if (row.withdrawnAt) {
    const message = "That file was withdrawn: upload this one as a new file.";
    throw new ValidationError({ replacesId: message }, message);
  }
  if (row.supersededAt) {
    const message = "That file has a newer version already: replace the newest one.";
    throw new ValidationError({ replacesId: message }, message);
  }
  return {
    id: row.id,
    documentId: row.documentId ?? row.id,
    version: row.version,
    ownerUserId: row.ownerUserId,
  };
}

/**
 * Who owns the file: the member chosen (who must belong to this organisation), else the replaced file's
 * owner, else the uploading member; a supplier's upload goes to the action's owner on the buyer side.
 */
function resolveOwner(
  ctx: Ctx,
  chosen: string | null | undefined,
  inherited: string | null,
  actionId: string | null,
) {
  const isMember = (userId: string) =>
    !!db()
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.userId, userId)))
      .get();
  if (chosen) {
    if (!isMember(chosen)) {
      const message = "Choose a member of your organisation as the owner.";
      throw new ValidationError({ ownerUserId: message }, message);
    }
    return chosen;
  }
  if (inherited && isMember(inherited)) return inherited;
  if (ctx.actor.type === "user") return ctx.actor.id;
  if (!actionId) return null;
  return (
    db()
      .select({ owner: remediationTasks.buyerOwnerUserId })
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, actionId), eq(remediationTasks.organizationId, ctx.organizationId)))
      .get()?.owner ?? null
  );
}

export const evidenceDetailsSchema = z.object({
  evidenceId: z.string({ error: "Choose a file." }).trim().min(1, { error: "Choose a file." }).max(64),
  ownerUserId: z
    .string({ error: "Choose the member who owns the file." })
    .trim()
    .min(1, { error: "Choose the member who owns the file." })
    .max(64),
  expiresOn: z
    .union([z.literal(""), isoDateField("The expiry date")])
    .nullish()
    .transform((v) => v || null),
});
export type EvidenceDetailsInput = z.input<typeof evidenceDetailsSchema>;

/**
 * Change who owns a current file and until when it is valid (a date already passed is refused, as on
 * upload). Earlier versions keep what they had. A new date gets its own reminders; the old date's
 * reminders find the date changed and send nothing.
 */
export function updateEvidenceDetails(ctx: Ctx, input: EvidenceDetailsInput): EvidenceFile {
  const v = parseInput(evidenceDetailsSchema, input);
  const row = getEvidence(ctx, v.evidenceId);
  if (row.withdrawnAt) {
    const message = "This file was withdrawn: its details stay as they were.";
    throw new ValidationError({ evidenceId: message }, message);
  }
  if (row.supersededAt) {
    const message = "This is an earlier version: it stays as it was. Change the newest version instead.";
    throw new ValidationError({ evidenceId: message }, message);
  }
  const today = nowOf(ctx).toISOString().slice(0, 10);
  if (v.expiresOn && v.expiresOn < today && v.expiresOn !== row.expiresOn) {
    const message = "The expiry date has passed. Upload a renewed file as a new version instead.";
    throw new ValidationError({ expiresOn: message }, message);
  }
  const ownerUserId = resolveOwner(ctx, v.ownerUserId, null, row.actionId);
  return writeTx((tx) => {
    const updated = tx
      .update(evidenceFiles)
      .set({ ownerUserId, expiresOn: v.expiresOn })
      .where(and(eq(evidenceFiles.id, row.id), eq(evidenceFiles.organizationId, ctx.organizationId)))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "evidence.details_changed",
      entityType: "evidence",
      entityId: row.id,
      details: {
        before: { ownerUserId: row.ownerUserId, expiresOn: row.expiresOn },
        after: { ownerUserId, expiresOn: v.expiresOn },
      },
    });
    if (row.actionId)
      recordActionEvent(tx, ctx, {
        actionId: row.actionId,
        event: "evidence_details",
        comment: `${row.fileName}: ${v.expiresOn ? `valid until ${v.expiresOn}` : "no expiry date"}`,
      });
    scheduleExpiryReminders(tx, updated, nowOf(ctx));
    if (updated.supplierId) refreshSupplierRisk(tx, ctx, updated.supplierId, "evidence.details_changed");
    return updated;
  });
}

export function listEvidence(
  ctx: Ctx,
  filter: { auditId?: string; findingId?: string; supplierId?: string } = {},
) {
  // Current versions only; earlier versions are listed beside their newest one on the action page.
  const conds: SQL[] = [
    eq(evidenceFiles.organizationId, ctx.organizationId),
    isNull(evidenceFiles.supersededAt),
    isNull(evidenceFiles.withdrawnAt),
  ];
  if (filter.auditId) conds.push(eq(evidenceFiles.auditId, filter.auditId));
  if (filter.findingId) conds.push(eq(evidenceFiles.findingId, filter.findingId));
  if (filter.supplierId) conds.push(eq(evidenceFiles.supplierId, filter.supplierId));
  return db()
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      auditId: evidenceFiles.auditId,
      findingId: evidenceFiles.findingId,
      supplierId: evidenceFiles.supplierId,
      expiresOn: evidenceFiles.expiresOn,
      version: evidenceFiles.version,
      createdAt: evidenceFiles.createdAt,
    })
    .from(evidenceFiles)
    .where(and(...conds))
    .orderBy(desc(evidenceFiles.createdAt))
    .all();
}

export function getEvidence(ctx: Ctx, evidenceId: string): EvidenceFile {
  const row = db()
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Evidence not found");
  return row;
}

/**
 * One of this tenant's files, ready for downloadResponse(): the storage key, the name the user gave it
 * and the type detected at upload (never the browser's claim). Another tenant's id is "not found".
 */
export function evidenceFile(ctx: Ctx, evidenceId: string): StoredFile {
  const row = getEvidence(ctx, evidenceId);
  if (withdrawnAndDeleted(row)) throw new NotFoundError("This file was withdrawn and deleted.");
  return { key: row.storageKey, fileName: row.fileName, contentType: row.contentType };
}

/**
 * A withdrawn file whose object is deleted, or about to be (the deletion runs just after the commit):
 * never served again. A withdrawn file that retention keeps stays readable for the buyer.
 */
export function withdrawnAndDeleted(row: Pick<EvidenceFile, "withdrawnAt" | "objectKept">): boolean {
  return row.withdrawnAt !== null && !row.objectKept;
}

export type HashCheck = {
  evidenceId: string;
  fileName: string;
  /** The SHA-256 recorded when the file was uploaded. */
  expected: string;
  /** The SHA-256 of the bytes in storage now; null when the object is gone. */
  actual: string | null;
  match: boolean;
};

/**
 * Read the stored object again (streamed, never held whole), recompute its SHA-256 and compare it with
 * the hash recorded at upload. Every check is in the audit log, whatever its outcome, so "verified on
 * <date> by <whom>" is itself evidence. Another tenant's id is "not found".
 */
export async function verifyEvidenceHash(ctx: Ctx, evidenceId: string): Promise<HashCheck> {
  const row = getEvidence(ctx, evidenceId);
  const body = await objectStream(row.storageKey);
  let actual: string | null = null;
  let sizeBytes: number | null = null;
  if (body) {
    const hash = createHash("sha256");
    sizeBytes = 0;
    for await (const chunk of body) {
      hash.update(chunk);
      sizeBytes += chunk.byteLength;
    }
    actual = hash.digest("hex");
  }
  const check: HashCheck = {
    evidenceId: row.id,
    fileName: row.fileName,
    expected: row.sha256,
    actual,
    match: actual === row.sha256,
  };
  writeTx((tx) =>
    recordAudit(tx, ctx, {
      action: "evidence.hash_verified",
      entityType: "evidence",
      entityId: row.id,
      details: { expected: row.sha256, actual, match: check.match, sizeBytes, missing: !body },
    }),
  );
  return check;
}
