import { and, asc, desc, eq, getTableColumns, inArray } from "drizzle-orm";
import { z } from "zod";
import {
  answers,
  assignments,
  evidenceFiles,
  organizations,
  supplierPortalSessions,
  suppliers,
} from "../../db/schema";
import type { AssignmentStatus } from "../../db/schema/questionnaires";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { nowOf, type Ctx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { FORCED_LABOUR_SAQ_V1 } from "./builtin/forced-labour-saq.v1";
import { humanDate, renderInvitation } from "./emails.server";
import { parseTemplate, type AnswerValue, type Template } from "./model";

const DAY_MS = 86_400_000;
const noLineBreaks = (v: string) => !/[\r\n]/.test(v);

/** Statuses in which the supplier may still change answers. */
export const EDITABLE_STATUSES: AssignmentStatus[] = ["sent", "in_progress", "returned"];

export { STATUS_LABELS, STATUS_TONES } from "./status";

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export const sendQuestionnaireSchema = z.object({
  supplierId: z.string().min(1, "Choose a supplier."),
  recipientName: z
    .string()
    .trim()
    .min(1, "Enter the contact's name.")
    .max(200, "Keep the name under 200 characters.")
    .refine(noLineBreaks, "The name must be on one line."),
  recipientEmail: z.string().trim().pipe(z.email("Enter a valid email address.").max(254)),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose a due date."),
});
export type SendQuestionnaireInput = z.infer<typeof sendQuestionnaireSchema>;

function findSupplier(tx: DbOrTx, ctx: Ctx, supplierId: string) {
  const supplier = tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!supplier) throw new NotFoundError("Supplier not found");
  return supplier;
}

function organizationName(tx: DbOrTx, organizationId: string): string {
  return (
    tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get()?.name ?? "Your customer"
  );
}

/** What the send form needs: the chosen supplier (prefilled contact) and the list to choose from. */
export function getSendForm(ctx: Ctx, supplierId: string | null) {
  const list = db()
    .select({ id: suppliers.id, name: suppliers.name, country: suppliers.country })
    .from(suppliers)
    .where(eq(suppliers.organizationId, ctx.organizationId))
    .orderBy(asc(suppliers.name))
    .all();
  const supplier = supplierId ? findSupplier(db(), ctx, supplierId) : null;
  const due = new Date(nowOf(ctx).getTime() + 30 * DAY_MS);
  return {
    suppliers: list,
    supplier: supplier
      ? {
          id: supplier.id,
          name: supplier.name,
          country: supplier.country,
          sector: supplier.sector,
          tier: supplier.tier,
          contactName: supplier.contactName,
          contactEmail: supplier.contactEmail,
        }
      : null,
    defaultDueDate: isoDay(due),
    template: {
      title: FORCED_LABOUR_SAQ_V1.title,
      version: FORCED_LABOUR_SAQ_V1.version,
      questionCount: FORCED_LABOUR_SAQ_V1.questions.length,
    },
  };
}

/**
 * Send the built-in self-assessment to a supplier contact. The token (256 bits) exists only in the email;
 * the database keeps its SHA-256, so a leaked database opens no questionnaire. The link is built from the
 * configured public origin, never from the request. Returns the link for the caller's tests only.
 */
export async function sendQuestionnaire(
  ctx: Ctx,
  input: SendQuestionnaireInput,
): Promise<{ assignmentId: string; link: string; emailId: string }> {
  const now = nowOf(ctx);
  if (input.dueDate < isoDay(now))
    throw new ValidationError({ dueDate: "The due date cannot be in the past." });
  const supplier = findSupplier(db(), ctx, input.supplierId);
  const orgName = organizationName(db(), ctx.organizationId);
  const template = FORCED_LABOUR_SAQ_V1;

  const token = randomToken();
  const link = `${env().publicOrigin}/s/${token}`;
  const expiresAt = new Date(now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS);
  const email = await renderInvitation({
    recipientName: input.recipientName,
    organizationName: orgName,
    supplierName: supplier.name,
    questionnaireTitle: template.title,
    questionCount: template.questions.length,
    link,
    dueOn: humanDate(input.dueDate),
    expiresOn: humanDate(expiresAt),
  });

  return writeTx((tx) => {
    const row = tx
      .insert(assignments)
      .values({
        organizationId: ctx.organizationId,
        supplierId: supplier.id,
        templateKey: template.key,
        templateVersion: template.version,
        questionsSnapshot: template,
        recipientName: input.recipientName,
        recipientEmail: input.recipientEmail,
        status: "sent",
        tokenHash: sha256Hex(token),
        tokenExpiresAt: expiresAt,
        dueDate: input.dueDate,
        sentByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        sentAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: assignments.id })
      .get();
    const emailId = enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: "questionnaire-invitation",
        to: input.recipientEmail,
        toName: input.recipientName,
        ...email,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: "questionnaire.sent",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: {
        supplierId: supplier.id,
        template: `${template.key}@${template.version}`,
        recipientEmail: input.recipientEmail,
        dueDate: input.dueDate,
        tokenExpiresAt: expiresAt.toISOString(),
      },
    });
    return { assignmentId: row.id, link, emailId };
  });
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
  const questionsSnapshot: unknown =
    cached ??
    tx
      .select({ s: assignments.questionsSnapshot })
      .from(assignments)
      .where(eq(assignments.id, found.id))
      .get()!.s;
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
