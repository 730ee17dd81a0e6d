import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { organizations, users } from "./orgs";
import { suppliers } from "./suppliers";

/**
 * A supplier's link to its corrective actions: no account, an emailed code per browser, as for
 * questionnaires (D13). Only the token's SHA-256 is kept; the link is bound to one tenant and supplier.
 */
export const actionPortalLinks = sqliteTable(
  "action_portal_links",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    supplierId: text("supplier_id")
      .notNull()
      .references(() => suppliers.id, { onDelete: "cascade" }),
    recipientName: text("recipient_name").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    language: text("language").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    tokenExpiresAt: timestamp("token_expires_at").notNull(),
    revokedAt: timestamp("revoked_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("action_links_org_supplier").on(t.organizationId, t.supplierId)],
);

/** A browser's session on an action link; confirmed by the emailed code before it reads anything. */
export const actionPortalSessions = sqliteTable("action_portal_sessions", {
  id: text("id").primaryKey(), // sha256(cookie token)
  organizationId: text("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  linkId: text("link_id")
    .notNull()
    .references(() => actionPortalLinks.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at").notNull(),
  verifiedAt: timestamp("verified_at"),
});

export const actionPortalCodes = sqliteTable(
  "action_portal_codes",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => actionPortalSessions.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at").notNull(),
    consumedAt: timestamp("consumed_at"),
  },
  (t) => [index("action_codes_session").on(t.sessionId)],
);
