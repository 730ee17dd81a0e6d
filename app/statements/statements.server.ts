import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { deleteObject, putObject, tenantKey, type StoredFile } from "~/infra/storage.server";
import { can, type Permission } from "~/orgs/permissions";
import { organizations, statementDocuments, statements, users } from "~db/schema";
import type { StatementFacts } from "./facts";
import { gatherStatementFacts } from "./facts.server";
import { type updateStatementSchema, type CreateStatementInput } from "./forms";
import {
  defaultPeriod,
  financialYearLabel,
  formatLongDate,
  isIsoDate,
  periodErrors,
  publicationDeadline,
  todayIso,
} from "./period";
import { renderStatementPdf, type StatementForPdf } from "./render-pdf.server";
import { defaultNarrative, hasPlaceholder, normaliseNarrative, SECTIONS, type Narrative } from "./sections";

export { gatherStatementFacts } from "./facts.server";

const REGIME = "uk_msa_s54" as const;
const PDF = "application/pdf";

/** Domain verbs check permissions too, so a verb called from anywhere cannot exceed the actor's role. */
function assertCan(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.type === "system") return;
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, permission)) throw new ForbiddenError();
}

function actorUserId(ctx: Ctx): string | null {
  return ctx.actor.type === "user" ? ctx.actor.id : null;
}

function findStatement(tx: DbOrTx, ctx: Ctx, id: string) {
  const row = tx
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), eq(statements.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Statement not found");
  return row;
}

function organisationName(tx: DbOrTx, organizationId: string): string {
  const org = tx.select().from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!org) throw new NotFoundError("Organisation not found");
  return org.legalName?.trim() || org.name;
}

export type StatementDocumentView = {
  id: string;
  generatedAt: string;
  sha256: string;
  sizeBytes: number;
  generatedBy: string | null;
  /** Whether the statement was still a draft when this PDF was produced (the PDF is then watermarked). */
  draft: boolean;
  fileName: string;
};

type Snapshot = { statement: StatementForPdf; facts: StatementFacts };

export function statementFileName(periodStart: string, periodEnd: string, draft: boolean): string {
  return `Modern slavery statement ${financialYearLabel(periodStart, periodEnd)}${draft ? " (draft)" : ""}.pdf`;
}

function documentsFor(tx: DbOrTx, ctx: Ctx, statementIds: string[]) {
  if (statementIds.length === 0) return new Map<string, StatementDocumentView[]>();
  const rows = tx
    .select({ doc: statementDocuments, generatedBy: users.name })
    .from(statementDocuments)
    .leftJoin(users, eq(users.id, statementDocuments.generatedByUserId))
    .where(
      and(
        eq(statementDocuments.organizationId, ctx.organizationId),
        inArray(statementDocuments.statementId, statementIds),
      ),
    )
    .orderBy(desc(statementDocuments.generatedAt))
    .all();
  const out = new Map<string, StatementDocumentView[]>();
  for (const { doc, generatedBy } of rows) {
    const snap = doc.facts as Snapshot;
    const draft = snap?.statement?.status !== "approved";
    const list = out.get(doc.statementId) ?? [];
    list.push({
      id: doc.id,
      generatedAt: (doc.generatedAt ?? new Date(0)).toISOString(),
      sha256: doc.sha256,
      sizeBytes: doc.sizeBytes,
      generatedBy,
      draft,
      fileName: statementFileName(snap.statement.periodStart, snap.statement.periodEnd, draft),
    });
    out.set(doc.statementId, list);
  }
  return out;
}

function view(row: typeof statements.$inferSelect) {
  return {
    id: row.id,
    regime: row.regime,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    financialYear: financialYearLabel(row.periodStart, row.periodEnd),
    publishBy: publicationDeadline(row.periodEnd),
    status: row.status,
    narrative: normaliseNarrative(row.narrative),
    boardApprovalDate: row.boardApprovalDate,
    directorName: row.directorName,
    directorTitle: row.directorTitle,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type StatementView = ReturnType<typeof view> & { documents: StatementDocumentView[] };

export function listStatements(ctx: Ctx): StatementView[] {
  assertCan(ctx, "statements:read");
  const rows = db()
    .select()
    .from(statements)
    .where(eq(statements.organizationId, ctx.organizationId))
    .orderBy(desc(statements.periodEnd), desc(statements.createdAt))
    .all();
  const docs = documentsFor(
    db(),
    ctx,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...view(r), documents: docs.get(r.id) ?? [] }));
}

export function getStatement(ctx: Ctx, id: string): StatementView & { organisationName: string } {
  assertCan(ctx, "statements:read");
  const row = findStatement(db(), ctx, id);
  const docs = documentsFor(db(), ctx, [row.id]);
  return {
    ...view(row),
    documents: docs.get(row.id) ?? [],
    organisationName: organisationName(db(), ctx.organizationId),
  };
}

/** The period offered on the "new statement" form. */
export function newStatementDefaults(ctx: Ctx) {
  assertCan(ctx, "statements:read");
  const latest = db()
    .select({ periodEnd: statements.periodEnd })
    .from(statements)
    .where(eq(statements.organizationId, ctx.organizationId))
    .orderBy(desc(statements.periodEnd))
    .limit(1)
    .get();
  return defaultPeriod(todayIso(nowOf(ctx)), latest?.periodEnd);
}

export function createStatement(ctx: Ctx, input: CreateStatementInput): { id: string } {
  assertCan(ctx, "statements:write");
  const errors = periodErrors(input.periodStart, input.periodEnd);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return writeTx((tx) => {
    const existing = tx
      .select({ id: statements.id })
      .from(statements)
      .where(
        and(
          eq(statements.organizationId, ctx.organizationId),
          eq(statements.regime, REGIME),
          eq(statements.periodStart, input.periodStart),
          eq(statements.periodEnd, input.periodEnd),
          eq(statements.status, "draft"),
        ),
      )
      .get();
    if (existing) {
      throw new ConflictError(
        `There is already a draft statement for ${financialYearLabel(input.periodStart, input.periodEnd)}: ` +
          "edit that one instead.",
      );
    }
    const now = nowOf(ctx);
    const row = tx
      .insert(statements)
      .values({
        organizationId: ctx.organizationId,
        regime: REGIME,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        narrative: defaultNarrative(organisationName(tx, ctx.organizationId)),
        status: "draft",
        createdByUserId: actorUserId(ctx),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: statements.id })
      .get();
    recordAudit(tx, ctx, {
      action: "statement.created",
      entityType: "statement",
      entityId: row.id,
      details: { regime: REGIME, periodStart: input.periodStart, periodEnd: input.periodEnd },
    });
    return row;
  });
}

export type UpdateStatementInput = {
  narrative?: Partial<Narrative>;
  boardApprovalDate?: string | null;
  directorName?: string | null;
  directorTitle?: string | null;
};

export function updateStatement(ctx: Ctx, id: string, input: UpdateStatementInput): void {
  assertCan(ctx, "statements:write");
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (row.status === "approved") {
      throw new ConflictError(
        "This statement has been approved and can no longer be changed. To revise it, create a new draft " +
          "for the same financial year.",
      );
    }
    const boardApprovalDate =
      input.boardApprovalDate === undefined ? row.boardApprovalDate : input.boardApprovalDate;
    if (boardApprovalDate !== null) {
      if (!isIsoDate(boardApprovalDate))
        throw new ValidationError({ boardApprovalDate: "Enter a date as YYYY-MM-DD." });
      // The statement reports on steps taken during the year, so the board can only approve it afterwards.
      if (boardApprovalDate <= row.periodEnd) {
        throw new ValidationError({
          boardApprovalDate: `The board approves the statement after the financial year ends (${formatLongDate(row.periodEnd)}).`,
        });
      }
    }
    const narrative = { ...normaliseNarrative(row.narrative), ...input.narrative };
    const changed = [
      ...SECTIONS.filter(
        (s) =>
          input.narrative?.[s.key] !== undefined &&
          input.narrative[s.key] !== normaliseNarrative(row.narrative)[s.key],
      ).map((s) => `narrative.${s.key}`),
      ...(boardApprovalDate !== row.boardApprovalDate ? ["boardApprovalDate"] : []),
      ...(input.directorName !== undefined && input.directorName !== row.directorName
        ? ["directorName"]
        : []),
      ...(input.directorTitle !== undefined && input.directorTitle !== row.directorTitle
        ? ["directorTitle"]
        : []),
    ];
    tx.update(statements)
      .set({
        narrative,
        boardApprovalDate,
        directorName: input.directorName === undefined ? row.directorName : input.directorName,
        directorTitle: input.directorTitle === undefined ? row.directorTitle : input.directorTitle,
        updatedAt: nowOf(ctx),
      })
      .where(and(eq(statements.id, id), eq(statements.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "statement.updated",
      entityType: "statement",
      entityId: id,
      details: { changed },
    });
  });
}

/** Parse the edit form (all six narratives plus approval details) into an update. */
export function updateFromForm(form: ReturnType<typeof updateStatementSchema.parse>): UpdateStatementInput {
  const { boardApprovalDate, directorName, directorTitle, ...narrative } = form;
  return { narrative: narrative as Narrative, boardApprovalDate, directorName, directorTitle };
}

/**
 * Record the board's approval (s.54(6)(a)): the statement must name the date the board approved it and the
 * director who signs it, and may no longer contain starting-text placeholders.
 */
export function approveStatement(ctx: Ctx, id: string): void {
  assertCan(ctx, "statements:approve");
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (row.status === "approved") throw new ConflictError("This statement is already approved.");
    const errors: Record<string, string> = {};
    if (!row.boardApprovalDate)
      errors.boardApprovalDate = "Enter the date the board approved the statement, then save.";
    else if (row.boardApprovalDate > todayIso(nowOf(ctx)))
      errors.boardApprovalDate = "The board approval date is in the future: approve after the board has met.";
    if (!row.directorName)
      errors.directorName = "Enter the name of the director who signs the statement, then save.";
    const narrative = normaliseNarrative(row.narrative);
    for (const s of SECTIONS) {
      if (hasPlaceholder(narrative[s.key]))
        errors[s.key] = "Replace the bracketed starting text before approval.";
    }
    if (Object.keys(errors).length > 0) {
      throw new ValidationError(errors, "The statement is not ready for approval yet.");
    }
    tx.update(statements)
      .set({ status: "approved", updatedAt: nowOf(ctx) })
      .where(and(eq(statements.id, id), eq(statements.organizationId, ctx.organizationId)))
      .run();
    recordAudit(tx, ctx, {
      action: "statement.approved",
      entityType: "statement",
      entityId: id,
      details: {
        boardApprovalDate: row.boardApprovalDate,
        directorName: row.directorName,
        directorTitle: row.directorTitle,
      },
    });
  });
}

/**
 * Produce the statement PDF from the live figures: read (one consistent snapshot), render and upload
 * outside any write transaction, then record the document (key, SHA-256, size, facts) in one write.
 */
export async function generateStatementPdf(
  ctx: Ctx,
  id: string,
): Promise<{ documentId: string; sha256: string; sizeBytes: number; storageKey: string }> {
  assertCan(ctx, "statements:write");
  const generatedAt = nowOf(ctx);
  const snapshot: Snapshot = db().transaction(
    (tx) => {
      const row = findStatement(tx, ctx, id);
      return {
        statement: {
          legalName: organisationName(tx, ctx.organizationId),
          periodStart: row.periodStart,
          periodEnd: row.periodEnd,
          status: row.status,
          narrative: normaliseNarrative(row.narrative),
          boardApprovalDate: row.boardApprovalDate,
          directorName: row.directorName,
          directorTitle: row.directorTitle,
        },
        facts: gatherStatementFacts(
          tx,
          ctx.organizationId,
          { start: row.periodStart, end: row.periodEnd },
          generatedAt,
        ),
      };
    },
    { behavior: "deferred" },
  );

  const bytes = await renderStatementPdf({ ...snapshot, generatedAt });
  const sha256 = sha256Hex(bytes);
  const storageKey = tenantKey(ctx.organizationId, "statements", "pdf");
  await putObject({
    key: storageKey,
    body: bytes,
    contentType: PDF,
    contentLength: bytes.length,
    sha256Hex: sha256,
  });

  try {
    const documentId = writeTx((tx) => {
      findStatement(tx, ctx, id);
      const doc = tx
        .insert(statementDocuments)
        .values({
          organizationId: ctx.organizationId,
          statementId: id,
          storageKey,
          sha256,
          sizeBytes: bytes.length,
          facts: snapshot,
          generatedByUserId: actorUserId(ctx),
          generatedAt,
        })
        .returning({ id: statementDocuments.id })
        .get();
      recordAudit(tx, ctx, {
        action: "statement.pdf_generated",
        entityType: "statement",
        entityId: id,
        details: { documentId: doc.id, sha256, sizeBytes: bytes.length, status: snapshot.statement.status },
      });
      return doc.id;
    });
    return { documentId, sha256, sizeBytes: bytes.length, storageKey };
  } catch (err) {
    // No committed row points at the object: remove it rather than leave an orphan.
    await deleteObject(storageKey).catch(() => undefined);
    throw err;
  }
}

/** A generated PDF, for downloadResponse(), after checking it belongs to the caller's tenant. */
export function statementDocumentFile(ctx: Ctx, statementId: string, documentId: string): StoredFile {
  assertCan(ctx, "statements:read");
  const doc = db()
    .select()
    .from(statementDocuments)
    .where(
      and(
        eq(statementDocuments.id, documentId),
        eq(statementDocuments.statementId, statementId),
        eq(statementDocuments.organizationId, ctx.organizationId),
      ),
    )
    .get();
  if (!doc) throw new NotFoundError("Document not found");
  const snap = doc.facts as Snapshot;
  return {
    key: doc.storageKey,
    fileName: statementFileName(
      snap.statement.periodStart,
      snap.statement.periodEnd,
      snap.statement.status !== "approved",
    ),
    contentType: PDF,
  };
}
