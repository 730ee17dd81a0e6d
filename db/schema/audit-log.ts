import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamp } from "./_columns";
import { ACTOR_TYPES } from "./audit-log.constants";

/**
 * Append-only: triggers (see the custom migration) refuse UPDATE and DELETE. Each row carries a SHA-256
 * over its content and the previous row's hash for the same organisation, so tampering is detectable.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    seq: integer("seq").primaryKey({ autoIncrement: true }),
    organizationId: text("organization_id").notNull(),
    actorType: text("actor_type", { enum: ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    details: text("details"),
    createdAt: timestamp("created_at").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_log_org_seq").on(t.organizationId, t.seq),
    // The audit log page's filters and name search (app/audit-log/listing.server.ts), newest first.
    index("audit_log_org_actor").on(t.organizationId, t.actorId, t.seq),
    index("audit_log_org_action").on(t.organizationId, t.action, t.seq),
    index("audit_log_org_entity").on(t.organizationId, t.entityId, t.seq),
  ],
);
