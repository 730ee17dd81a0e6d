import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import type { ApiScope } from "./api.constants";
import { organizations, users } from "./orgs";

/**
 * API keys (D39). The token is `cs_live_<prefix>_<secret>`: the prefix finds the row, only the SHA-256
 * of the whole token is stored, so a copied database yields no usable key. A key belongs to one
 * organisation and carries its scopes; revoked and expired keys stay listed (and in the audit log).
 */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes", { mode: "json" }).$type<ApiScope[]>().notNull(),
    ratePerMinute: integer("rate_per_minute").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    lastUsedAt: timestamp("last_used_at"),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [uniqueIndex("api_keys_prefix").on(t.prefix), index("api_keys_org").on(t.organizationId)],
);

/**
 * The stored answer of a create sent with an Idempotency-Key, per key: the same request again gets the
 * same answer (nothing created twice); the same Idempotency-Key with another body is refused. Written in
 * the create's own transaction; kept 24 hours.
 */
export const apiIdempotency = sqliteTable(
  "api_idempotency",
  {
    apiKeyId: text("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    operation: text("operation").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("api_idempotency_key").on(t.apiKeyId, t.idempotencyKey),
    index("api_idempotency_created").on(t.createdAt),
  ],
);
