import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { ASSIGNMENT_STATUSES } from "./questionnaires.constants";
import { suppliers } from "./suppliers";

/**
 * One questionnaire sent to one supplier. The questions are snapshotted when sent, so later template
 * changes never alter what was asked.
 */
export const assignments = sqliteTable(
  "questionnaire_assignments",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    /** The campaign that sent it, when sent as part of one. */
    campaignId: text("campaign_id"),
    templateKey: text("template_key").notNull(),
    templateVersion: text("template_version").notNull(),
    /** JSON snapshot of the template version as sent. */
    questionsSnapshot: text("questions_snapshot", { mode: "json" }).notNull(),
    recipientName: text("recipient_name").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    /** Language the supplier chose (or was invited in); BCP 47 code such as "es" or "zh-Hans". */
    language: text("language").notNull().default("en"),
    status: text("status", { enum: ASSIGNMENT_STATUSES }).notNull(),
    /** SHA-256 of the invitation token; the token itself is only ever in the email. */
    tokenHash: text("token_hash").notNull().unique(),
    tokenExpiresAt: timestamp("token_expires_at").notNull(),
    dueDate: text("due_date"),
    sentByUserId: text("sent_by_user_id").references(() => users.id, { onDelete: "set null" }),
    sentAt: timestamp("sent_at").notNull(),
    firstOpenedAt: timestamp("first_opened_at"),
    submittedAt: timestamp("submitted_at"),
    declarationName: text("declaration_name"),
    declarationTitle: text("declaration_title"),
    /**
     * When the supplier ticked the attestation (autosaved like answers); the declaration counts for a
     * submission only when ticked after the previous one (a returned questionnaire is attested afresh).
     */
    declarationAttestedAt: timestamp("declaration_attested_at"),
    revokedAt: timestamp("revoked_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("assignments_org_supplier").on(t.organizationId, t.supplierId),
    // Statements: questionnaires sent in a reporting period.
    index("assignments_org_sent").on(t.organizationId, t.sentAt),
  ],
);

export const answers = sqliteTable(
  "questionnaire_answers",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assignments.id, { onDelete: "cascade" }),
    questionId: text("question_id").notNull(),
    /** JSON-encoded answer value (string, number, boolean, string[]). */
    value: text("value", { mode: "json" }),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("answers_assignment_question").on(t.assignmentId, t.questionId)],
);

/** Supplier portal sessions: created by POSTing an invitation token; never a buyer session. */
export const supplierPortalSessions = sqliteTable("supplier_portal_sessions", {
  id: text("id").primaryKey(), // sha256(cookie token)
  organizationId: text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  assignmentId: text("assignment_id")
    .notNull()
    .references(() => assignments.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at").notNull(),
  /** Set once the contact confirmed the emailed code in this browser; until then only the code page opens. */
  verifiedAt: timestamp("verified_at"),
});
