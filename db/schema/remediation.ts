import { index, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { organizations, users } from "./orgs";
import { TASK_SOURCES, TASK_STATUSES } from "./remediation.constants";
import { suppliers } from "./suppliers";

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
    iloIndicator: text("ilo_indicator"),
    dueDate: text("due_date").notNull(), // YYYY-MM-DD
    status: text("status", { enum: TASK_STATUSES }).notNull().default("open"),
    completionNote: text("completion_note"),
    completedAt: timestamp("completed_at"),
    completedByUserId: text("completed_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("tasks_source").on(t.organizationId, t.sourceType, t.sourceRef),
    index("tasks_org_status").on(t.organizationId, t.status),
  ],
);
