import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp, updatedAt } from "./_columns";
import { organizations, users } from "./orgs";
import { ROLES } from "./orgs.constants";

/**
 * An organisation's OpenID Connect identity provider (at most one). The client secret is sealed at rest
 * (AES-256-GCM, bound to the organisation) and never shown again after it is saved. `requireSso` refuses
 * password log-in into this organisation to everyone but the break-glass admin.
 */
export const ssoConnections = sqliteTable("sso_connections", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed").notNull(),
  /** Role given to a person the provider vouches for who is not yet a member (just-in-time). */
  defaultRole: text("default_role", { enum: ROLES }).notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  requireSso: integer("require_sso", { mode: "boolean" }).notNull().default(false),
  breakGlassUserId: text("break_glass_user_id").references(() => users.id, { onDelete: "set null" }),
  secretSetAt: timestamp("secret_set_at").notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/**
 * Email domains an organisation's provider may sign people in for. The domain is the primary key, so a
 * domain belongs to one organisation at most: "Sign in with SSO" by email finds exactly one provider, and
 * no second organisation can claim the staff of the first.
 */
export const ssoDomains = sqliteTable(
  "sso_domains",
  {
    domain: text("domain").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("sso_domains_org").on(t.organizationId)],
);

/**
 * A sign-in that went to the provider and has not come back yet: the browser holds a random cookie, this
 * row its SHA-256 with the state, nonce and PKCE verifier the callback must match. Single-use, 10 minutes.
 */
export const ssoLoginAttempts = sqliteTable(
  "sso_login_attempts",
  {
    id: id(),
    cookieHash: text("cookie_hash").notNull().unique(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectTo: text("redirect_to").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sso_login_attempts_expires").on(t.expiresAt)],
);
