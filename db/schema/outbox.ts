import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { organizations } from "./orgs";
import { OUTBOX_STATUSES } from "./outbox.constants";

/** Every email is written here in the same transaction as the change that causes it, then delivered. */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: id(),
    organizationId: text("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    toAddress: text("to_address").notNull(),
    toName: text("to_name"),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at").notNull(),
    /** Lease: a sender that claimed the row; another sender may take it after this time. */
    lockedUntil: timestamp("locked_until"),
    lastError: text("last_error"),
    messageId: text("message_id"),
    sentAt: timestamp("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_status_next").on(t.status, t.nextAttemptAt)],
);
