import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { organizations } from "./orgs";
import { JOB_STATUSES } from "./scheduler.constants";

/**
 * The durable schedule: reminders, overdue transitions and campaign sends. A job is claimed with a lease
 * (locked_until) by a conditional UPDATE, so two processes never run it at once; a worker that dies
 * mid-job leaves a lease that expires and the job is picked up again. unique_key makes scheduling
 * idempotent ("the 3-days-before reminder of assignment X" can exist once).
 */
export const scheduledJobs = sqliteTable(
  "scheduled_jobs",
  {
    id: id(),
    /** The tenant the job works for (null for system jobs); deleting the tenant deletes its jobs. */
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    runAt: timestamp("run_at").notNull(),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(6),
    lockedUntil: timestamp("locked_until"),
    lockedBy: text("locked_by"),
    uniqueKey: text("unique_key").unique(),
    lastError: text("last_error"),
    finishedAt: timestamp("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("scheduled_jobs_due").on(t.status, t.runAt),
    index("scheduled_jobs_org_kind").on(t.organizationId, t.kind),
  ],
);
