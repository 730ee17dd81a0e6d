import { and, asc, desc, eq, getTableColumns, inArray, lt, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { answers, assignments, evidenceFiles, supplierPortalSessions, suppliers } from "~db/schema";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";
import { type AnswerValue, type Template } from "./model";
import { parseTemplate } from "./model.schema";
import { resolveSnapshot } from "./snapshots.server";

/** Statuses in which the supplier may still change answers. */
export const EDITABLE_STATUSES: AssignmentStatus[] = ["sent", "in_progress", "returned"];

export { STATUS_LABELS, STATUS_TONES } from "./status";

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function listAssignments(ctx: Ctx) {
  return db()
    .select({
      id: assignments.id,
      status: assignments.status,
      supplierId: assignments.supplierId,
      supplierName: suppliers.name,
      supplierCountry: suppliers.country,
      recipientName: assignments.recipientName,
      recipientEmail: assignments.recipientEmail,
      templateVersion: assignments.templateVersion,
      dueDate: assignments.dueDate,
      sentAt: assignments.sentAt,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .where(eq(assignments.organizationId, ctx.organizationId))
    .orderBy(desc(assignments.sentAt))
    .all()
    .map((r) => ({
      ...r,
      sentAt: r.sentAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    }));
}

const pageCursor = z.tuple([z.number().int().nonnegative(), z.string().min(1).max(64)]);

/**
 * One page of the organisation's assignments, newest sent first, by keyset on (sent_at, id): the
 * cursor is the last row's pair, so pages stay stable while new questionnaires are sent. A cursor that
 * does not decode is refused rather than read as "from the start".
 */
export function listAssignmentsPage(
  ctx: Ctx,
  f: { supplierId?: string; status?: AssignmentStatus; after?: string; limit?: number },
) {
  let after: [number, string] | undefined;
  if (f.after) {
    try {
      after = pageCursor.parse(JSON.parse(Buffer.from(f.after, "base64url").toString("utf8")));
    } catch {
      throw new ValidationError({ cursor: "This cursor is not one the API gave out" });
    }
  }
  const limit = Math.min(Math.max(f.limit ?? 100, 1), 500);
  const rows = db()
    .select({
      id: assignments.id,
      status: assignments.status,
      supplierId: assignments.supplierId,
      supplierName: suppliers.name,
      recipientName: assignments.recipientName,
      recipientEmail: assignments.recipientEmail,
      templateVersion: assignments.templateVersion,
      dueDate: assignments.dueDate,
      sentAt: assignments.sentAt,
      submittedAt: assignments.submittedAt,
    })
    .from(assignments)
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .where(
      and(
        eq(assignments.organizationId, ctx.organizationId),
        f.supplierId ? eq(assignments.supplierId, f.supplierId) : undefined,
        f.status ? eq(assignments.status, f.status) : undefined,
        after
          ? or(
              lt(assignments.sentAt, new Date(after[0])),
              and(eq(assignments.sentAt, new Date(after[0])), lt(assignments.id, after[1])),
            )
          : undefined,
      ),
    )
    .orderBy(desc(assignments.sentAt), desc(assignments.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({
      ...r,
      sentAt: r.sentAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    })),
    next:
      rows.length > limit && last
        ? Buffer.from(JSON.stringify([last.sentAt.getTime(), last.id]), "utf8").toString("base64url")
        : null,
  };
}

/**
 * Parsed snapshots by assignment id. A snapshot never changes after sending (D5), and parsing a large
 * translated template with zod on every autosave would dominate the request, so it is parsed once.
 */
const templateCache = new Map<string, Template>();
const TEMPLATE_CACHE_MAX = 500;

function snapshotTemplate(assignmentId: string, snapshot: unknown): Template {
  let template = templateCache.get(assignmentId);
  if (!template) {
    template = parseTemplate(snapshot);
    if (templateCache.size >= TEMPLATE_CACHE_MAX) templateCache.delete(templateCache.keys().next().value!);
    templateCache.set(assignmentId, template);
  }
  return template;
}

/**
 * Load an assignment of this tenant (404 for anyone else's) with its parsed snapshot and answers. A file
 * question's answer is the list of its uploaded evidence files (the files are the answer, so there is no
 * second copy to drift).
 */
export function loadAssignment(tx: DbOrTx, organizationId: string, assignmentId: string) {
  // The snapshot column is large JSON: read (and parse) it only when the cache does not hold it yet.
  const { questionsSnapshot: _snapshot, ...columns } = getTableColumns(assignments);
  void _snapshot;
  const found = tx
    .select(columns)
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.organizationId, organizationId)))
    .get();
  if (!found) throw new NotFoundError("Questionnaire not found");
  const cached = templateCache.get(found.id);
  // Campaign assignments reference one stored copy of the template instead of embedding it.
  const questionsSnapshot: unknown =
    cached ??
    resolveSnapshot(
      tx,
      organizationId,
      tx
        .select({ s: assignments.questionsSnapshot })
        .from(assignments)
        .where(eq(assignments.id, found.id))
        .get()!.s,
    );
  const row = { ...found, questionsSnapshot };
  const template = cached ?? snapshotTemplate(row.id, questionsSnapshot);
  const saved = tx
    .select({ questionId: answers.questionId, value: answers.value })
    .from(answers)
    .where(and(eq(answers.organizationId, organizationId), eq(answers.assignmentId, assignmentId)))
    .all();
  const values: Record<string, AnswerValue> = {};
  for (const a of saved) values[a.questionId] = a.value as AnswerValue;
  const files = tx
    .select({ id: evidenceFiles.id, questionId: evidenceFiles.questionId })
    .from(evidenceFiles)
    .where(
      and(eq(evidenceFiles.organizationId, organizationId), eq(evidenceFiles.assignmentId, assignmentId)),
    )
    .orderBy(asc(evidenceFiles.createdAt))
    .all();
  const evidenceCounts: Record<string, number> = {};
  for (const f of files)
    if (f.questionId) evidenceCounts[f.questionId] = (evidenceCounts[f.questionId] ?? 0) + 1;
  for (const q of template.questions) {
    if (q.type !== "file") continue;
    const ids = files.filter((f) => f.questionId === q.id).map((f) => f.id);
    values[q.id] = ids.length ? ids : null;
  }
  return { row, template, values, evidenceCounts };
}

/**
 * Conditional status change: only rows in one of `from` move, so two reviewers (or a reviewer and a
 * supplier) racing cannot both win. Distinguishes "not yours / missing" (404) from "wrong state" (409).
 */
export function transition(
  tx: DbOrTx,
  ctx: Ctx,
  assignmentId: string,
  from: AssignmentStatus[],
  set: Partial<typeof assignments.$inferInsert>,
  conflictMessage: string,
) {
  const result = tx
    .update(assignments)
    .set({ ...set, updatedAt: nowOf(ctx) })
    .where(
      and(
        eq(assignments.id, assignmentId),
        eq(assignments.organizationId, ctx.organizationId),
        inArray(assignments.status, from),
      ),
    )
    .run();
  if (result.changes === 1) return;
  loadAssignment(tx, ctx.organizationId, assignmentId); // throws NotFoundError when not this tenant's
  throw new ConflictError(conflictMessage);
}

/** Revoke the link of an unsubmitted questionnaire: the token stops working and open portal sessions end. */
export function revokeAssignment(ctx: Ctx, assignmentId: string): void {
  writeTx((tx) => {
    transition(
      tx,
      ctx,
      assignmentId,
      EDITABLE_STATUSES,
      { status: "revoked", revokedAt: nowOf(ctx) },
      "Only a questionnaire that has not been submitted can be revoked.",
    );
    tx.delete(supplierPortalSessions)
      .where(
        and(
          eq(supplierPortalSessions.assignmentId, assignmentId),
          eq(supplierPortalSessions.organizationId, ctx.organizationId),
        ),
      )
      .run();
    recordAudit(tx, ctx, {
      action: "questionnaire.revoked",
      entityType: "questionnaire_assignment",
      entityId: assignmentId,
    });
  });
}
