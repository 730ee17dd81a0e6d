import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, timestamp } from "./_columns";
import { ACCOUNT_TOKEN_PURPOSES, ROLES } from "./orgs.constants";
import { SESSION_AUTH_METHODS } from "./sso.constants";

export const organizations = sqliteTable(
  "organizations",
  {
    id: id(),
    name: text("name").notNull(),
    /** Registered legal name used in statements. */
    legalName: text("legal_name"),
    country: text("country"),
    /** Set by an admin: every member must use two-factor sign-in (members without it are sent to set it up). */
    requireTwoFactor: integer("require_two_factor", { mode: "boolean" }).notNull().default(false),
    /**
     * The public address of its published statements, /transparency/<slug>/<year>: derived from the name
     * when the first statement is published, editable by an admin. Every slug it ever had stays in
     * `organization_slugs`, so an old homepage link keeps redirecting.
     */
    slug: text("slug"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("organizations_slug").on(t.slug)],
);

/** Every public slug an organisation has had (the current one too): old addresses redirect to the current. */
export const organizationSlugs = sqliteTable(
  "organization_slugs",
  {
    slug: text("slug").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("organization_slugs_org").on(t.organizationId)],
);

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /**
   * TOTP secret, sealed (`v1:…`, AES-256-GCM, app/orgs/two-factor.server.ts); older rows hold bare base32
   * until read. A secret without `totpEnabledAt` is a set-up not yet confirmed with a code.
   */
  totpSecret: text("totp_secret"),
  totpEnabledAt: timestamp("totp_enabled_at"),
  /** The last TOTP time step accepted: a code seen once (over a shoulder, in a proxy log) is not reusable. */
  totpLastStep: integer("totp_last_step"),
  createdAt: createdAt(),
});

/** Single-use recovery codes for two-factor sign-in; only their SHA-256 is stored. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user").on(t.userId)],
);

/**
 * Emailed or short-lived account tokens: a pending sign-up (nothing exists until its link is opened, so
 * an unconfirmed sign-up never blocks an invitee with the same address), a password reset link and the
 * half-finished log-in that waits for a two-factor code. Only the token's SHA-256 is stored; each is
 * single-use (`usedAt`) and expiring.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    email: text("email").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** Sign-up: the organisation name, person's name and password hash typed into the form (JSON). */
    payload: text("payload"),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at").notNull(),
    usedAt: timestamp("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_email").on(t.email), index("account_tokens_expires").on(t.expiresAt)],
);

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("memberships_org_user").on(t.organizationId, t.userId)],
);

/** Sessions: the cookie holds a random token; only its SHA-256 is stored, so a DB leak yields no live session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(), // sha256(token) hex
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at").notNull(),
    expiresAt: timestamp("expires_at").notNull(),
    /** Password (and second factor) or the organisation's identity provider; see `sso_connections`. */
    authMethod: text("auth_method", { enum: SESSION_AUTH_METHODS }).notNull().default("password"),
  },
  (t) => [index("sessions_user").on(t.userId), index("sessions_org").on(t.organizationId)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at").notNull(),
    acceptedAt: timestamp("accepted_at"),
    revokedAt: timestamp("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_org").on(t.organizationId)],
);

/**
 * Rate-limit counters: fixed windows (link re-requests, portal codes) and backoff throttles (log-in per
 * account, account+IP and IP), where `nextAllowedAt` is when the next attempt may be made.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStartedAt: timestamp("window_started_at").notNull(),
  nextAllowedAt: timestamp("next_allowed_at"),
});
