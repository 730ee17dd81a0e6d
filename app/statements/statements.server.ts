import { and, asc, desc, eq, inArray, max } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { organizations, statementComments, statementDocuments, statements, users } from "~db/schema";
import { FROZEN_STATUSES, type Regime } from "~db/schema/statements.constants";
import { checkStatement, type CheckResult } from "./checker";
import { normaliseDetails, type StatementDetails } from "./details";
import type { StatementFacts } from "./facts";
import { statementFileName } from "./file-names";
import type { CreateStatementInput, UpdateStatementForm } from "./forms";
import { listGoverningBody } from "./governance.server";
import { addMonths, defaultPeriod, financialYearLabel, periodErrors, todayIso, addDays } from "./period";
import { transparencyPath } from "./public-address.server";
import {
  normaliseNarrative,
  REGIME_NAMES,
  starterNarrative,
  templateById,
  templateFor,
  type Narrative,
} from "./regimes";
import { APPENDIX_RECORDS_PER_FIGURE } from "./render-pdf.server";
import {
  actorUserId,
  assertCan,
  factsOf,
  findStatement,
  isFrozenRow,
  organisationName,
  previousFacts,
  type StatementRow,
} from "./store.server";

export { gatherStatementFacts } from "./facts.server";
export {
  addComment,
  approveStatement,
  publishStatement,
  signStatement,
  submitForReview,
} from "./workflow.server";
export {
  generateStatementPdf,
  statementAnnexCsv,
  statementDocumentFile,
  statementQuestionnaire,
} from "./documents.server";
export { statementFileName } from "./file-names";

export type StatementDocumentView = {
  id: string;
  generatedAt: string;
  sha256: string;
  sizeBytes: number;
  pageCount: number | null;
  generatedBy: string | null;
  /** Whether the statement was not yet approved when this PDF was produced (the PDF is then watermarked). */
  draft: boolean;
  fileName: string;
};

function documentsFor(ctx: Ctx, rows: StatementRow[]) {
  const out = new Map<string, StatementDocumentView[]>();
  if (rows.length === 0) return out;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const docs = db()
    .select({
      id: statementDocuments.id,
      statementId: statementDocuments.statementId,
      generatedAt: statementDocuments.generatedAt,
      sha256: statementDocuments.sha256,
      sizeBytes: statementDocuments.sizeBytes,
      pageCount: statementDocuments.pageCount,
      generatedBy: users.name,
      status: statementDocuments.status,
    })
    .from(statementDocuments)
    .leftJoin(users, eq(users.id, statementDocuments.generatedByUserId))
    .where(
      and(
        eq(statementDocuments.organizationId, ctx.organizationId),
        inArray(
          statementDocuments.statementId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(desc(statementDocuments.generatedAt))
    .all();
  for (const d of docs) {
    const row = byId.get(d.statementId)!;
    const draft = !FROZEN_STATUSES.includes(d.status);
    const list = out.get(d.statementId) ?? [];
    list.push({
      id: d.id,
      generatedAt: (d.generatedAt ?? new Date(0)).toISOString(),
      sha256: d.sha256,
      sizeBytes: d.sizeBytes,
      pageCount: d.pageCount,
      generatedBy: d.generatedBy,
      draft,
      fileName: statementFileName(row.regime, row.periodStart, row.periodEnd, draft, row.version),
    });
    out.set(d.statementId, list);
  }
  return out;
}

function view(row: StatementRow) {
  const template = templateById(row.templateId);
  return {
    id: row.id,
    organizationId: row.organizationId,
    regime: row.regime,
    regimeName: REGIME_NAMES[row.regime],
    templateId: template.id,
    templateEdition: template.edition,
    title: template.title,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    financialYear: financialYearLabel(row.periodStart, row.periodEnd),
    publishBy:
      template.dueMonths === null
        ? row.regime === "ca_s211"
          ? `${Number(row.periodEnd.slice(0, 4)) + 1}-05-31`
          : null
        : addDays(addMonths(addDays(row.periodEnd, 1), template.dueMonths), -1),
    status: row.status,
    frozen: isFrozenRow(row),
    version: row.version,
    revisionOfId: row.revisionOfId,
    revisionNote: row.revisionNote,
    narrative: normaliseNarrative(template, row.narrative),
    details: normaliseDetails(row.details),
    governingBody: row.governingBody,
    approvalDate: row.boardApprovalDate,
    signatoryMemberId: row.signatoryMemberId,
    signatoryName: row.directorName,
    signatoryTitle: row.directorTitle,
    signedOn: row.signedOn,
    auditChainHead: row.auditChainHead,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
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
    .orderBy(desc(statements.periodEnd), asc(statements.regime), desc(statements.version))
    .all();
  const docs = documentsFor(ctx, rows);
  return rows.map((r) => ({ ...view(r), documents: docs.get(r.id) ?? [] }));
}

/** One statement with what its page shows: documents, comments, the checker result and the facts. */
export function getStatement(ctx: Ctx, id: string) {
  assertCan(ctx, "statements:read");
  const now = nowOf(ctx);
  return db().transaction(
    (tx) => {
      const row = findStatement(tx, ctx, id);
      const template = templateById(row.templateId);
      // The page prints the figures, not the records behind them (those are in the PDF and the CSV annex).
      const facts: StatementFacts = factsOf(tx, row, now, { firstRecords: APPENDIX_RECORDS_PER_FIGURE });
      const narrative = normaliseNarrative(template, row.narrative);
      const details = normaliseDetails(row.details);
      const check: CheckResult =
        isFrozenRow(row) && row.checkResult
          ? (row.checkResult as CheckResult)
          : checkStatement({ template, narrative, facts, details });
      const comments = tx
        .select()
        .from(statementComments)
        .where(
          and(
            eq(statementComments.organizationId, ctx.organizationId),
            eq(statementComments.statementId, id),
          ),
        )
        .orderBy(asc(statementComments.createdAt))
        .all()
        .map((c) => ({
          id: c.id,
          criterionKey: c.criterionKey,
          body: c.body,
          author: c.authorLabel,
          createdAt: c.createdAt.toISOString(),
        }));
      const previous = previousFacts(tx, row);
      return {
        ...view(row),
        template,
        documents: documentsFor(ctx, [row]).get(row.id) ?? [],
        organisationName: organisationName(tx, ctx.organizationId),
        /** The public page of this statement's year, once it is published. */
        publicPath: publicPathOf(tx, row),
        check,
        facts,
        previous,
        comments,
        governingBody: row.governingBody,
        members: listGoverningBody(ctx, tx),
        today: todayIso(now),
      };
    },
    { behavior: "deferred" },
  );
}

/** The period offered on the "new statement" form. */
export function newStatementDefaults(ctx: Ctx) {
  assertCan(ctx, "statements:read");
  const latest = db()
    .select({ periodEnd: max(statements.periodEnd) })
    .from(statements)
    .where(eq(statements.organizationId, ctx.organizationId))
    .get();
  return defaultPeriod(todayIso(nowOf(ctx)), latest?.periodEnd);
}

export function createStatement(ctx: Ctx, input: CreateStatementInput): { id: string } {
  assertCan(ctx, "statements:write");
  const errors = periodErrors(input.periodStart, input.periodEnd);
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const regime: Regime = input.regime ?? "uk_msa_s54";
  const template = templateFor(regime, input.periodEnd);
  return writeTx((tx) => {
    const existing = tx
      .select({ id: statements.id, status: statements.status })
      .from(statements)
      .where(
        and(
          eq(statements.organizationId, ctx.organizationId),
          eq(statements.regime, regime),
          eq(statements.periodStart, input.periodStart),
          eq(statements.periodEnd, input.periodEnd),
        ),
      )
      .all();
    const label = `${REGIME_NAMES[regime]} statement for ${financialYearLabel(input.periodStart, input.periodEnd)}`;
    if (existing.some((e) => !FROZEN_STATUSES.includes(e.status)))
      throw new ConflictError(`There is already a draft ${label}: edit that one instead.`);
    if (existing.length > 0)
      throw new ConflictError(`The ${label} has been approved: open it and start a revision instead.`);
    const now = nowOf(ctx);
    const row = tx
      .insert(statements)
      .values({
        organizationId: ctx.organizationId,
        regime,
        templateId: template.id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        narrative: starterNarrative(template),
        details: {},
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
      details: {
        regime,
        templateId: template.id,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
      },
    });
    return row;
  });
}

export type UpdateStatementInput = {
  narrative?: Partial<Narrative>;
  narrativeFr?: Record<string, string>;
  details?: Partial<Omit<StatementDetails, "narrativeFr">>;
};

function refuseFrozen(row: StatementRow): void {
  if (isFrozenRow(row))
    throw new ConflictError(
      "This version has been approved and can no longer be changed. Start a revision: it becomes a new " +
        "version that says what changed.",
    );
}

export function updateStatement(ctx: Ctx, id: string, input: UpdateStatementInput): void {
  assertCan(ctx, "statements:write");
  writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    refuseFrozen(row);
    const template = templateById(row.templateId);
    const before = normaliseNarrative(template, row.narrative);
    const keys = new Set(template.criteria.map((c) => c.key));
    const narrative = { ...before };
    for (const [k, v] of Object.entries(input.narrative ?? {}))
      if (keys.has(k) && v !== undefined) narrative[k] = v;
    const oldDetails = normaliseDetails(row.details);
    const narrativeFr = { ...oldDetails.narrativeFr };
    for (const [k, v] of Object.entries(input.narrativeFr ?? {})) if (keys.has(k)) narrativeFr[k] = v;
    const details: StatementDetails = { ...oldDetails, ...input.details, narrativeFr };
    const changed = [
      ...template.criteria.filter((c) => narrative[c.key] !== before[c.key]).map((c) => `narrative.${c.key}`),
      ...Object.keys(details)
        .filter(
          (k) =>
            JSON.stringify(details[k as keyof StatementDetails]) !==
            JSON.stringify(oldDetails[k as keyof StatementDetails]),
        )
        .map((k) => `details.${k}`),
    ];
    tx.update(statements)
      .set({ narrative, details, updatedAt: nowOf(ctx) })
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

export function updateFromForm(form: UpdateStatementForm): UpdateStatementInput {
  return { narrative: form.narrative, narrativeFr: form.narrativeFr, details: form.details };
}

/**
 * A revision of an approved version: a new draft version with the same text, saying what it changes.
 * The approved version stays as it was; only one open revision exists at a time.
 */
export function reviseStatement(ctx: Ctx, id: string, note: string): { id: string } {
  assertCan(ctx, "statements:write");
  return writeTx((tx) => {
    const row = findStatement(tx, ctx, id);
    if (!isFrozenRow(row))
      throw new ConflictError("Only an approved version is revised; edit this draft instead.");
    const siblings = tx
      .select({ id: statements.id, status: statements.status, version: statements.version })
      .from(statements)
      .where(
        and(
          eq(statements.organizationId, ctx.organizationId),
          eq(statements.regime, row.regime),
          eq(statements.periodStart, row.periodStart),
          eq(statements.periodEnd, row.periodEnd),
        ),
      )
      .all();
    const open = siblings.find((s) => !FROZEN_STATUSES.includes(s.status));
    if (open)
      throw new ConflictError("A revision of this statement is already in progress: edit that draft.");
    const version = Math.max(...siblings.map((s) => s.version)) + 1;
    const now = nowOf(ctx);
    const created = tx
      .insert(statements)
      .values({
        organizationId: ctx.organizationId,
        regime: row.regime,
        templateId: row.templateId,
        periodStart: row.periodStart,
        periodEnd: row.periodEnd,
        narrative: row.narrative,
        details: row.details,
        version,
        revisionOfId: row.id,
        revisionNote: note,
        status: "draft",
        createdByUserId: actorUserId(ctx),
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: statements.id })
      .get();
    recordAudit(tx, ctx, {
      action: "statement.revision_started",
      entityType: "statement",
      entityId: created.id,
      details: { revisionOf: row.id, version, note },
    });
    return created;
  });
}

function publicPathOf(tx: DbOrTx, row: StatementRow): string | null {
  if (row.status !== "published") return null;
  const org = tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId))
    .get();
  return transparencyPath(org?.slug ?? row.organizationId, row.periodEnd.slice(0, 4));
}
