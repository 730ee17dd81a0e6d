import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { REGIMES, STATEMENT_STATUSES } from "./statements.constants";

export const statements = sqliteTable(
  "statements",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    regime: text("regime", { enum: REGIMES }).notNull(),
    periodStart: text("period_start").notNull(), // YYYY-MM-DD
    periodEnd: text("period_end").notNull(),
    /** JSON object: narrative text per section key. */
    narrative: text("narrative", { mode: "json" }).notNull(),
    /** The regime template edition the statement was created with (regimes.ts). */
    templateId: text("template_id").notNull().default("uk-s54-2015"),
    /** 1 for the first statement of a regime and period; a revision of an approved one is the next number. */
    version: integer("version").notNull().default(1),
    revisionOfId: text("revision_of_id"),
    /** What the revision changed (required for version 2 and later). */
    revisionNote: text("revision_note"),
    /** JSON: regime identification details (details.ts). */
    details: text("details", { mode: "json" }).notNull().default({}),
    /** The governing body that approved it (e.g. "Board of directors of Acme Ltd"). */
    governingBody: text("governing_body"),
    boardApprovalDate: text("board_approval_date"),
    signatoryMemberId: text("signatory_member_id"),
    directorName: text("director_name"),
    directorTitle: text("director_title"),
    signedOn: text("signed_on"),
    status: text("status", { enum: STATEMENT_STATUSES }).notNull().default("draft"),
    /** Frozen at approval: the facts, the checker result and the audit-log chain head printed. */
    approvedFacts: text("approved_facts", { mode: "json" }),
    checkResult: text("check_result", { mode: "json" }),
    auditChainHead: text("audit_chain_head"),
    approvedAt: timestamp("approved_at"),
    publishedAt: timestamp("published_at"),
    publishedDocumentId: text("published_document_id"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("statements_org").on(t.organizationId),
    index("statements_public").on(t.organizationId, t.status, t.periodEnd),
  ],
);

/** Review comments on a statement version (draft or in review). */
export const statementComments = sqliteTable(
  "statement_comments",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    statementId: text("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    /** Criterion key the comment is about, or null for the whole statement. */
    criterionKey: text("criterion_key"),
    body: text("body").notNull(),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    authorLabel: text("author_label").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("statement_comments_statement").on(t.organizationId, t.statementId)],
);

/**
 * Members of the organisation's governing body as recorded (directors, responsible members). A statement
 * is signed by one of them; approval refuses a signatory who was not a member on the approval date.
 */
export const governingBodyMembers = sqliteTable(
  "governing_body_members",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    appointedOn: text("appointed_on").notNull(),
    leftOn: text("left_on"),
    createdAt: createdAt(),
  },
  (t) => [index("governing_body_org").on(t.organizationId)],
);

export const statementDocuments = sqliteTable(
  "statement_documents",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    statementId: text("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    storageKey: text("storage_key").notNull().unique(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    pageCount: integer("page_count"),
    /** The statement's status when this PDF was produced (drafts are watermarked). */
    status: text("status", { enum: STATEMENT_STATUSES }).notNull().default("draft"),
    /** JSON snapshot of the facts printed, so the PDF can be explained later. */
    facts: text("facts", { mode: "json" }).notNull(),
    generatedByUserId: text("generated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    generatedAt: timestamp("generated_at").notNull(),
  },
  (t) => [index("statement_docs_statement").on(t.organizationId, t.statementId)],
);
