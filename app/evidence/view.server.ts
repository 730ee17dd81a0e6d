import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { audits } from "~db/schema/audits";
import { evidenceFiles } from "~db/schema/evidence";
import { users } from "~db/schema/orgs";
import { remediationTasks } from "~db/schema/remediation";
import { suppliers } from "~db/schema/suppliers";
import { expiryStatus } from "./expiry";

/**
 * One of this tenant's files for its own page (the sandboxed preview, the hash): what it is, who
 * uploaded and owns it, and what it evidences. Another tenant's id is "not found".
 */
export function evidenceView(ctx: Ctx, evidenceId: string, today: string) {
  const uploader = alias(users, "uploader");
  const owner = alias(users, "owner");
  const row = db()
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      contentType: evidenceFiles.contentType,
      sizeBytes: evidenceFiles.sizeBytes,
      sha256: evidenceFiles.sha256,
      version: evidenceFiles.version,
      expiresOn: evidenceFiles.expiresOn,
      supersededAt: evidenceFiles.supersededAt,
      withdrawnAt: evidenceFiles.withdrawnAt,
      withdrawnReason: evidenceFiles.withdrawnReason,
      objectKept: evidenceFiles.objectKept,
      createdAt: evidenceFiles.createdAt,
      uploadedBy: uploader.name,
      uploadedByLabel: evidenceFiles.uploadedByLabel,
      owner: owner.name,
      supplierId: suppliers.id,
      supplierName: suppliers.name,
      auditId: audits.id,
      auditScheme: audits.scheme,
      auditDate: audits.auditDate,
      actionId: remediationTasks.id,
      actionTitle: remediationTasks.title,
      assignmentId: evidenceFiles.assignmentId,
    })
    .from(evidenceFiles)
    .leftJoin(uploader, eq(uploader.id, evidenceFiles.uploadedByUserId))
    .leftJoin(owner, eq(owner.id, evidenceFiles.ownerUserId))
    .leftJoin(
      audits,
      and(eq(audits.id, evidenceFiles.auditId), eq(audits.organizationId, ctx.organizationId)),
    )
    .leftJoin(
      remediationTasks,
      and(
        eq(remediationTasks.id, evidenceFiles.actionId),
        eq(remediationTasks.organizationId, ctx.organizationId),
      ),
    )
    .leftJoin(
      suppliers,
      and(eq(suppliers.organizationId, ctx.organizationId), eq(suppliers.id, evidenceFiles.supplierId)),
    )
    .where(and(eq(evidenceFiles.id, evidenceId), eq(evidenceFiles.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Evidence not found");
  // Withdrawn and deleted (D42): nothing left to show; a file retention keeps says it was withdrawn.
  if (row.withdrawnAt && !row.objectKept) throw new NotFoundError("This file was withdrawn and deleted.");
  return { ...row, expiry: expiryStatus(row.expiresOn, today) };
}
