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
    boardApprovalDate: text("board_approval_date"),
    directorName: text("director_name"),
    directorTitle: text("director_title"),
    status: text("status", { enum: STATEMENT_STATUSES }).notNull().default("draft"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("statements_org").on(t.organizationId)],
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
    /** JSON snapshot of the facts printed, so the PDF can be explained later. */
    facts: text("facts", { mode: "json" }).notNull(),
    generatedByUserId: text("generated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    generatedAt: timestamp("generated_at").notNull(),
  },
  (t) => [index("statement_docs_statement").on(t.organizationId, t.statementId)],
);
