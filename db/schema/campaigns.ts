import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { CAMPAIGN_STATUSES } from "./campaigns.constants";
import { organizations, users } from "./orgs";
import { assignments } from "./questionnaires";
import { suppliers } from "./suppliers";

/**
 * Template versions as sent, stored once per tenant and content (sha256 of the JSON). A campaign to 10,000
 * suppliers would otherwise copy a multi-language template (100+ kB) 10,000 times; its assignments hold
 * `{ snapshotRef: <id> }` instead, resolved by app/questionnaires/snapshots.server.ts. Rows are never
 * updated: the content is the key.
 */
export const questionnaireSnapshots = sqliteTable(
  "questionnaire_snapshots",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    hash: text("hash").notNull(),
    template: text("template", { mode: "json" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("questionnaire_snapshots_org_hash").on(t.organizationId, t.hash)],
);

/**
 * One questionnaire version sent to many suppliers. The recipients are fixed when the campaign is created;
 * a background job then turns them into assignments in batches (resumable: progress is the recipients
 * that already have an assignment).
 */
export const campaigns = sqliteTable(
  "campaigns",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The sendable template id as listed by listSendableTemplates. */
    templateId: text("template_id").notNull(),
    templateKey: text("template_key").notNull(),
    templateVersion: text("template_version").notNull(),
    templateTitle: text("template_title").notNull(),
    /** The exact template version as sent: every assignment of the campaign references this snapshot. */
    snapshotId: text("snapshot_id")
      .notNull()
      .references(() => questionnaireSnapshots.id),
    questionCount: integer("question_count").notNull(),
    dueDate: text("due_date").notNull(), // YYYY-MM-DD
    /** Reminder days before the due date, e.g. [7, 3, 1]. */
    reminderDaysBefore: text("reminder_days_before", { mode: "json" }).$type<number[]>().notNull(),
    /** Days between reminders while overdue; 0 = none. */
    overdueEveryDays: integer("overdue_every_days").notNull().default(7),
    /** "contact" = each supplier's primary contact language, else a fixed language code. */
    languageMode: text("language_mode").notNull().default("contact"),
    /** Links sent in this campaign expire at this moment (the same for every supplier). */
    linkExpiresAt: timestamp("link_expires_at").notNull(),
    /** Human summary of the supplier filter used, for the campaign page. */
    audience: text("audience").notNull().default(""),
    status: text("status", { enum: CAMPAIGN_STATUSES }).notNull().default("queued"),
    total: integer("total").notNull().default(0),
    /** Recipients that already have their assignment and invitation queued. */
    queued: integer("queued").notNull().default(0),
    lastError: text("last_error"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    completedAt: timestamp("completed_at"),
  },
  (t) => [index("campaigns_org_created").on(t.organizationId, t.createdAt)],
);

/** The suppliers a campaign goes to; unique per campaign, so a resumed send never doubles anyone. */
export const campaignRecipients = sqliteTable(
  "campaign_recipients",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: text("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    /** BCP 47 code of the language the supplier is invited in. */
    language: text("language").notNull(),
    /** Set once the assignment exists and its invitation is in the outbox. */
    assignmentId: text("assignment_id").references(() => assignments.id, { onDelete: "set null" }),
    /** When the overdue transition ran for this supplier. */
    overdueAt: timestamp("overdue_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("campaign_recipients_campaign_supplier").on(t.campaignId, t.supplierId),
    index("campaign_recipients_pending").on(t.campaignId, t.assignmentId),
    uniqueIndex("campaign_recipients_assignment").on(t.assignmentId),
  ],
);
