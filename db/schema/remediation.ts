import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { FINDING_GRADES } from "./audits.constants";
import { organizations, users } from "./orgs";
import {
  ACTION_STATES,
  ESCALATION_KINDS,
  REMEDY_KINDS,
  ACTOR_TYPES,
  SUPPLIER_RESPONSES,
  TASK_SOURCES,
  TASK_STATUSES,
  VERIFICATION_METHODS,
} from "./remediation.constants";
import { suppliers } from "./suppliers";

/**
 * One corrective action, whatever raised it (an audit finding, a red-flag answer; grievance cases later).
 * The table keeps its historical name: statement facts and dashboard counts read `status`, which stays
 * "open" until the action is closed after verification (see decision record D15 in ARCHITECTURE.md).
 */
export const remediationTasks = sqliteTable(
  "remediation_tasks",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    sourceType: text("source_type", { enum: TASK_SOURCES }).notNull(),
    /** The answer ("<assignmentId>:<questionId>") or finding id that raised the task. */
    sourceRef: text("source_ref").notNull(),
    title: text("title").notNull(),
    /** Clause of the code or standard breached (e.g. "ETI 1.1", "RBA A1"), when known. */
    clause: text("clause"),
    iloIndicator: text("ilo_indicator"),
    /** Grade on the organisation's scale: decides the deadlines. */
    grade: text("grade", { enum: FINDING_GRADES }).notNull().default("critical"),
    state: text("state", { enum: ACTION_STATES }).notNull().default("open"),
    /** When the plan (root cause, corrective and preventive action) is due. YYYY-MM-DD. */
    planDueDate: text("plan_due_date"),
    /** When the action must be resolved (verified). YYYY-MM-DD. */
    dueDate: text("due_date").notNull(),
    rootCause: text("root_cause"),
    correctiveAction: text("corrective_action"),
    preventiveAction: text("preventive_action"),
    /** The completion date the plan commits to. YYYY-MM-DD. */
    planTargetDate: text("plan_target_date"),
    /** Who owns the action at the supplier (a name and role as given) and on the buyer's side. */
    supplierOwner: text("supplier_owner"),
    // Columns added to an existing table carry no foreign key: SQLite's ALTER TABLE ADD COLUMN (as
    // drizzle-kit writes it) drops ON DELETE SET NULL; the verbs check membership instead.
    buyerOwnerUserId: text("buyer_owner_user_id"),
    supplierResponse: text("supplier_response", { enum: SUPPLIER_RESPONSES }),
    supplierResponseReason: text("supplier_response_reason"),
    progressNote: text("progress_note"),
    /** "user:<id>" or "supplier:<link id>": the verifier must be someone else. */
    evidenceSubmittedBy: text("evidence_submitted_by"),
    evidenceSubmittedAt: timestamp("evidence_submitted_at"),
    verificationMethod: text("verification_method", { enum: VERIFICATION_METHODS }),
    verificationNote: text("verification_note"),
    followUpAuditId: text("follow_up_audit_id"),
    verifiedByUserId: text("verified_by_user_id"),
    verifiedAt: timestamp("verified_at"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    /** The closing note; completedAt/completedByUserId record the closure. */
    completionNote: text("completion_note"),
    completedAt: timestamp("completed_at"),
    completedByUserId: text("completed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at").$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("tasks_source").on(t.organizationId, t.sourceType, t.sourceRef),
    index("tasks_org_status").on(t.organizationId, t.status),
    // The actions board: filtered by state, ordered by due date, keyset on (due_date, id).
    index("tasks_org_state_due").on(t.organizationId, t.state, t.dueDate, t.id),
    index("tasks_org_due").on(t.organizationId, t.dueDate, t.id),
    index("tasks_org_supplier").on(t.organizationId, t.supplierId),
    // Statements: actions raised by a period's end, in the order they were raised.
    index("tasks_org_created").on(t.organizationId, t.createdAt),
  ],
);

/** Every transition of an action, by whom and when: the action's timeline (the audit log has it too). */
export const correctiveActionEvents = sqliteTable(
  "corrective_action_events",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actionId: text("action_id")
      .notNull()
      .references(() => remediationTasks.id, { onDelete: "cascade" }),
    /** A workflow event, or "raised" / "migrated" / "responded" / "progress" / "evidence_added". */
    event: text("event").notNull(),
    fromState: text("from_state", { enum: ACTION_STATES }),
    toState: text("to_state", { enum: ACTION_STATES }),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorLabel: text("actor_label").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    comment: text("comment"),
    createdAt: createdAt(),
  },
  (t) => [index("action_events_action").on(t.actionId, t.createdAt)],
);

/**
 * Per-organisation deadlines by grade. A missing row means the scheme-derived default (deadlines.ts), so
 * a new organisation works without setup and an edit is one row.
 */
export const gradePolicies = sqliteTable(
  "grade_policies",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    grade: text("grade", { enum: FINDING_GRADES }).notNull(),
    /** Days from raising to the plan being due; 0 = immediately. */
    planDays: integer("plan_days").notNull(),
    /** Days from raising to resolution (verified). */
    resolutionDays: integer("resolution_days").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.grade] })],
);

/** An escalation of one action: what was decided, why, who asked and who approved it. */
export const actionEscalations = sqliteTable(
  "action_escalations",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actionId: text("action_id")
      .notNull()
      .references(() => remediationTasks.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ESCALATION_KINDS }).notNull(),
    reason: text("reason").notNull(),
    requestedByUserId: text("requested_by_user_id").references(() => users.id, { onDelete: "set null" }),
    approverUserId: text("approver_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("escalations_org_supplier").on(t.organizationId, t.supplierId)],
);

/**
 * Remedy to workers recorded against a corrective action: what, how much (hundredths of the currency,
 * never converted), how many workers, when, and the action's evidence file that shows it.
 */
export const workerRemedies = sqliteTable(
  "worker_remedies",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    actionId: text("action_id")
      .notNull()
      .references(() => remediationTasks.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: REMEDY_KINDS }).notNull(),
    description: text("description"),
    amountMinor: integer("amount_minor"),
    currency: text("currency"),
    workers: integer("workers").notNull(),
    remediedOn: text("remedied_on").notNull(),
    evidenceId: text("evidence_id"),
    recordedByUserId: text("recorded_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("remedies_org_date").on(t.organizationId, t.remediedOn)],
);

/**
 * How many actions each organisation has in each state: the actions board's tabs. Kept by triggers on
 * remediation_tasks (insert, state change, delete; drizzle/0016_action_state_counts.sql, decision D24), so it
 * changes in the same transaction as the rows it counts and can never be stale, whoever writes the
 * rows. Counting 100k index entries per request cost ~25 ms; reading these rows costs microseconds.
 * Never written by application code.
 */
export const actionStateCounts = sqliteTable(
  "action_state_counts",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    state: text("state", { enum: ACTION_STATES }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.state] })],
);
