import { and, eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { deleteObject, putObject, tenantKey, type StoredFile } from "~/infra/storage.server";
import { statementDocuments } from "~db/schema";
import type { StatementStatus } from "~db/schema/statements.constants";
import { annexCsv } from "./annex";
import type { StatementFacts } from "./facts";
import { statementFileName } from "./file-names";
import { canadaQuestionnaire, type QuestionnaireExport } from "./questionnaire-export";
import { APPENDIX_RECORDS_PER_FIGURE, renderStatementPdf, type PdfInput } from "./render-pdf.server";
import {
  actorUserId,
  assertCan,
  factsOf,
  findStatement,
  organisationName,
  previousFacts,
  statementForPdf,
} from "./store.server";

const PDF = "application/pdf";

/** Read one consistent snapshot of what the PDF prints: the version, its facts, the earlier year's facts. */
export function pdfInputFor(tx: DbOrTx, ctx: Ctx, id: string, generatedAt: Date): PdfInput {
  const row = findStatement(tx, ctx, id);
  return {
    statement: statementForPdf(row, organisationName(tx, ctx.organizationId)),
    // The PDF lists at most APPENDIX_RECORDS_PER_FIGURE records per figure (the CSV annex has them all).
    facts: factsOf(tx, row, generatedAt, { firstRecords: APPENDIX_RECORDS_PER_FIGURE }),
    previous: previousFacts(tx, row),
    generatedAt,
  };
}

/**
 * Render and store a PDF: read (one snapshot), render and upload outside any write transaction, then
 * record the document (key, SHA-256, size, pages) in one write, with `afterInsert` joining that write.
 */
export async function renderAndStore(
  ctx: Ctx,
  id: string,
  opts: { requireStatus?: StatementStatus; afterInsert?: (tx: DbOrTx, documentId: string) => void } = {},
): Promise<{ documentId: string; sha256: string; sizeBytes: number; storageKey: string; pageCount: number }> {
  const generatedAt = nowOf(ctx);
  const input = db().transaction((tx) => pdfInputFor(tx, ctx, id, generatedAt), { behavior: "deferred" });
  if (opts.requireStatus && input.statement.status !== opts.requireStatus) {
    throw new ConflictError(
      input.statement.status === "published"
        ? "This version is already published."
        : "Only a signed statement is published: record the approval and the signature first.",
    );
  }
  const { bytes, pageCount } = await renderStatementPdf(input);
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
      const row = findStatement(tx, ctx, id);
      // The status may have moved while the PDF rendered (someone approved it): refuse rather than mislabel.
      if (row.status !== input.statement.status)
        throw new ConflictError("The statement changed while the PDF was produced: try again.");
      const doc = tx
        .insert(statementDocuments)
        .values({
          organizationId: ctx.organizationId,
          statementId: id,
          storageKey,
          sha256,
          sizeBytes: bytes.length,
          pageCount,
          status: row.status,
          facts: { statement: input.statement, facts: input.facts },
          generatedByUserId: actorUserId(ctx),
          generatedAt,
        })
        .returning({ id: statementDocuments.id })
        .get();
      recordAudit(tx, ctx, {
        action: "statement.pdf_generated",
        entityType: "statement",
        entityId: id,
        details: { documentId: doc.id, sha256, sizeBytes: bytes.length, pageCount, status: row.status },
      });
      opts.afterInsert?.(tx, doc.id);
      return doc.id;
    });
    return { documentId, sha256, sizeBytes: bytes.length, storageKey, pageCount };
  } catch (err) {
    // No committed row points at the object: remove it rather than leave an orphan.
    await deleteObject(storageKey).catch(() => undefined);
    throw err;
  }
}

/** A PDF of the statement as it stands (drafts watermarked; approved versions from their frozen facts). */
export async function generateStatementPdf(ctx: Ctx, id: string) {
  assertCan(ctx, "statements:write");
  return renderAndStore(ctx, id);
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
  const row = findStatement(db(), ctx, statementId);
  const draft = !["approved", "signed", "published"].includes(doc.status);
  return {
    key: doc.storageKey,
    fileName: statementFileName(row.regime, row.periodStart, row.periodEnd, draft, row.version),
    contentType: PDF,
  };
}

/** The CSV annex: every record behind every figure (for auditors tracing a number). */
export function statementAnnexCsv(ctx: Ctx, id: string): { fileName: string; csv: string } {
  assertCan(ctx, "statements:read");
  return db().transaction(
    (tx) => {
      const row = findStatement(tx, ctx, id);
      const facts: StatementFacts = factsOf(tx, row, nowOf(ctx));
      return {
        fileName: `statement-annex-${row.regime}-${row.periodEnd}-v${row.version}.csv`,
        csv: annexCsv(facts),
      };
    },
    { behavior: "deferred" },
  );
}

/** Canada: the answers to the government's online questionnaire, derived from the same report. */
export function statementQuestionnaire(ctx: Ctx, id: string): QuestionnaireExport {
  assertCan(ctx, "statements:read");
  return db().transaction(
    (tx) => {
      const input = pdfInputFor(tx, ctx, id, nowOf(ctx));
      if (input.statement.template.regime !== "ca_s211")
        throw new NotFoundError("Only a Canadian report has a government questionnaire.");
      return canadaQuestionnaire(input.statement, input.facts);
    },
    { behavior: "deferred" },
  );
}
