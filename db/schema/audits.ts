import { index, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { AUDIT_SCHEMES, FINDING_GRADES, FINDING_STATUSES, FOLLOW_UP_OUTCOMES } from "./audits.constants";
import { organizations, users } from "./orgs";
import { sites, suppliers } from "./suppliers";

export const audits = sqliteTable(
  "audits",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    scheme: text("scheme", { enum: AUDIT_SCHEMES }).notNull(),
    auditDate: text("audit_date").notNull(), // YYYY-MM-DD
    /** The supplier's recorded site the audit was of (null: none named, or an audit from before sites). */
    siteId: text("site_id").references(() => sites.id, { onDelete: "set null" }),
    /**
     * The site's name as recorded with the audit: the chosen site's name at the time, or the free text of
     * audits recorded before sites were chosen from the supplier's list (shown as written).
     */
    siteName: text("site_name"),
    summary: text("summary"),
    auditorUserId: text("auditor_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("audits_org_supplier").on(t.organizationId, t.supplierId),
    // Statements: audits dated in a reporting period, and findings raised (on the audit's date) by its end.
    index("audits_org_date").on(t.organizationId, t.auditDate),
  ],
);

export const findings = sqliteTable(
  "findings",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    grade: text("grade", { enum: FINDING_GRADES }).notNull(),
    /** The grade in the auditor's own words (e.g. SMETA "Critical NC", RBA "Priority"), when recorded so. */
    schemeGrade: text("scheme_grade"),
    /** Clause of the code or standard breached, as the audit report cites it. */
    clause: text("clause"),
    /** ILO forced-labour indicator number 1–11, when the finding relates to one. */
    iloIndicator: text("ilo_indicator"),
    status: text("status", { enum: FINDING_STATUSES }).notNull().default("open"),
    closedAt: timestamp("closed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("findings_org_supplier").on(t.organizationId, t.supplierId),
    index("findings_org_audit").on(t.organizationId, t.auditId),
  ],
);

/** An organisation's remapping of a scheme's grade word onto its own scale (defaults in vocabulary.ts). */
export const schemeGradeMappings = sqliteTable(
  "scheme_grade_mappings",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    scheme: text("scheme", { enum: AUDIT_SCHEMES }).notNull(),
    word: text("word").notNull(),
    grade: text("grade", { enum: FINDING_GRADES }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.scheme, t.word] })],
);

/**
 * A follow-up audit's decision about one finding of an earlier audit of the same supplier (re-graded,
 * closed as verified by this audit, reopened): what the follow-up audit's page lists under "Findings of
 * earlier audits". The finding and its corrective action carry the effect; this row says which audit
 * decided it, by whom, from which grade to which.
 */
export const followUpReviews = sqliteTable(
  "follow_up_reviews",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** The follow-up audit. */
    auditId: text("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    findingId: text("finding_id")
      .notNull()
      .references(() => findings.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: FOLLOW_UP_OUTCOMES }).notNull(),
    fromGrade: text("from_grade", { enum: FINDING_GRADES }).notNull(),
    toGrade: text("to_grade", { enum: FINDING_GRADES }).notNull(),
    /** The grade word in the follow-up audit's scheme, when the auditor graded in it. */
    schemeGrade: text("scheme_grade"),
    note: text("note"),
    reviewedByUserId: text("reviewed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("follow_up_reviews_org_audit").on(t.organizationId, t.auditId, t.createdAt)],
);
