import { and, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { memberships, sessions, ssoConnections, ssoDomains, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { SSO_PROVISIONED_ROLES } from "./constants";
import { issuerProblem, providerConfig, ProviderUnavailableError } from "./provider.server";
import { openClientSecret, sealClientSecret } from "./secrets.server";

/**
 * Mailbox providers anyone can get an address at: allowing one would let the provider sign in (and
 * provision) any stranger with such an address.
 */
const PUBLIC_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "web.de",
  "mail.com",
  "yandex.com",
  "qq.com",
  "163.com",
]);

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

// Form values ("on") or already-parsed booleans: the route parses for field errors, the verb again.
const checkbox = z
  .union([z.boolean(), z.enum(["on", "true", "false", ""])])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const ssoSettingsSchema = z.object({
  issuer: z
    .string({ error: "Enter the provider's issuer URL" })
    .trim()
    .min(1, "Enter the provider's issuer URL")
    .max(500, "Use at most 500 characters"),
  clientId: z
    .string({ error: "Enter the client id the provider gave you" })
    .trim()
    .min(1, "Enter the client id the provider gave you")
    .max(255, "Use at most 255 characters"),
  /** Blank keeps the stored secret. */
  clientSecret: z.string().trim().max(2000, "Use at most 2000 characters").optional().default(""),
  domains: z
    .union([z.string().max(2000, "Use at most 2000 characters"), z.array(z.string().max(253)).max(20)], {
      error: "Enter at least one email domain",
    })
    .transform((v, c) => {
      const list = [
        ...new Set(
          [v]
            .flat()
            .join(" ")
            .split(/[\s,;]+/)
            .map((d) => d.trim().toLowerCase().replace(/^@/, "")),
        ),
      ].filter(Boolean);
      if (list.length === 0) c.addIssue({ code: "custom", message: "Enter at least one email domain" });
      if (list.length > 20) c.addIssue({ code: "custom", message: "At most 20 domains" });
      for (const d of list) {
        if (!DOMAIN.test(d)) c.addIssue({ code: "custom", message: `“${d}” is not an email domain` });
        else if (PUBLIC_MAIL_DOMAINS.has(d))
          c.addIssue({
            code: "custom",
            message: `${d} is a public mailbox provider: anyone can have an address there`,
          });
      }
      return list;
    }),
  defaultRole: z.enum(SSO_PROVISIONED_ROLES, { error: "Choose the role new people get" }),
  enabled: checkbox,
  requireSso: checkbox,
  breakGlassUserId: z.string().trim().max(64).optional().default(""),
});
export type SsoSettingsInput = z.input<typeof ssoSettingsSchema>;

export type SsoSettingsView = {
  connection: {
    issuer: string;
    clientId: string;
    domains: string[];
    defaultRole: Role;
    enabled: boolean;
    requireSso: boolean;
    breakGlassUserId: string | null;
    secretSetAt: string;
    updatedAt: string;
  } | null;
  /** Who may be the break-glass admin: the organisation's admins. */
  admins: { userId: string; name: string; email: string }[];
  /** The address to bookmark or put on the provider's app tile: starts the sign-in for this organisation. */
  signInUrl: string;
  callbackUrl: string;
};

export const callbackUrl = () => `${env().publicOrigin}/login/sso/callback`;

export function ssoSettings(ctx: Ctx): SsoSettingsView {
  const row = db()
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, ctx.organizationId))
    .get();
  const domains = row ? domainsOf(ctx.organizationId) : [];
  const admins = db()
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, ctx.organizationId), eq(memberships.role, "admin")))
    .orderBy(users.name)
    .all();
  return {
    connection: row
      ? {
          issuer: row.issuer,
          clientId: row.clientId,
          domains,
          defaultRole: row.defaultRole,
          enabled: row.enabled,
          requireSso: row.requireSso,
          breakGlassUserId: row.breakGlassUserId,
          secretSetAt: row.secretSetAt.toISOString(),
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
    admins,
    signInUrl: `${env().publicOrigin}/login/sso?org=${ctx.organizationId}`,
    callbackUrl: callbackUrl(),
  };
}

function domainsOf(organizationId: string): string[] {
  return db()
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(eq(ssoDomains.organizationId, organizationId))
    .orderBy(ssoDomains.domain)
    .all()
    .map((r) => r.domain);
}

/**
 * Save the organisation's identity provider. The provider's discovery document is fetched first (a typo
 * in the issuer is a field error, not a broken log-in later). A domain may be allowed only when a member
 * of this organisation has a confirmed address there (addresses are confirmed by their emailed links), and
 * only by one organisation. Requiring single sign-on needs a break-glass admin (a provider outage must not
 * lock everyone out) and ends the organisation's password sessions, the break-glass admin's excepted.
 */
export async function saveSsoSettings(ctx: Ctx, raw: SsoSettingsInput): Promise<{ created: boolean }> {
  const input = parseInput(ssoSettingsSchema, raw);
  const now = nowOf(ctx);
  const existing = db()
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, ctx.organizationId))
    .get();
  if (!input.clientSecret && !existing) {
    throw new ValidationError({ clientSecret: "Enter the client secret the provider gave you" });
  }
  const secret = input.clientSecret || openClientSecret(ctx.organizationId, existing!.clientSecretSealed);
  const problem = await issuerProblem(input.issuer);
  if (problem) throw new ValidationError({ issuer: problem });
  try {
    await providerConfig(
      { issuer: input.issuer, clientId: input.clientId, clientSecret: secret },
      { fresh: true },
    );
  } catch (err) {
    if (err instanceof ProviderUnavailableError) throw new ValidationError({ issuer: err.message });
    throw err;
  }
  const breakGlassUserId = input.breakGlassUserId || null;
  if (input.requireSso && !breakGlassUserId) {
    throw new ValidationError({
      breakGlassUserId: "Choose the admin who may still log in with a password if the provider is down",
    });
  }

  return writeTx((tx) => {
    if (breakGlassUserId) {
      const admin = tx
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.organizationId, ctx.organizationId),
            eq(memberships.userId, breakGlassUserId),
            eq(memberships.role, "admin"),
          ),
        )
        .get();
      if (!admin) throw new ValidationError({ breakGlassUserId: "Choose one of this organisation's admins" });
    }
    const claimed = tx
      .select({ domain: ssoDomains.domain })
      .from(ssoDomains)
      .where(
        and(inArray(ssoDomains.domain, input.domains), ne(ssoDomains.organizationId, ctx.organizationId)),
      )
      .all();
    if (claimed.length) {
      throw new ValidationError({
        domains: `${claimed.map((c) => c.domain).join(", ")} is already used by another organisation's single sign-on`,
      });
    }
    const memberDomains = new Set(
      tx
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organizationId, ctx.organizationId))
        .all()
        .map((r) => r.email.slice(r.email.lastIndexOf("@") + 1)),
    );
    const unproven = input.domains.filter((d) => !memberDomains.has(d));
    if (unproven.length) {
      throw new ValidationError({
        domains: `No member of this organisation has a confirmed address at ${unproven.join(", ")}: invite someone there first`,
      });
    }

    const previous = existing && { ...existing, domains: domainsOf(ctx.organizationId) };
    const values = {
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretSealed: input.clientSecret
        ? sealClientSecret(ctx.organizationId, input.clientSecret)
        : existing!.clientSecretSealed,
      defaultRole: input.defaultRole,
      enabled: input.enabled,
      requireSso: input.requireSso,
      breakGlassUserId,
      secretSetAt: input.clientSecret ? now : existing!.secretSetAt,
      updatedAt: now,
    };
    if (existing) {
      tx.update(ssoConnections)
        .set(values)
        .where(eq(ssoConnections.organizationId, ctx.organizationId))
        .run();
    } else {
      tx.insert(ssoConnections)
        .values({ organizationId: ctx.organizationId, ...values, createdAt: now })
        .run();
    }
    tx.delete(ssoDomains).where(eq(ssoDomains.organizationId, ctx.organizationId)).run();
    tx.insert(ssoDomains)
      .values(input.domains.map((domain) => ({ domain, organizationId: ctx.organizationId, createdAt: now })))
      .run();

    let endedSessions = 0;
    const enforced = input.enabled && input.requireSso;
    const wasEnforced = !!previous && previous.enabled && previous.requireSso;
    if (enforced && (!wasEnforced || previous.breakGlassUserId !== breakGlassUserId)) {
      endedSessions = tx
        .delete(sessions)
        .where(
          and(
            eq(sessions.organizationId, ctx.organizationId),
            eq(sessions.authMethod, "password"),
            ne(sessions.userId, breakGlassUserId!),
          ),
        )
        .run().changes;
    }

    const changed: Record<string, unknown> = {};
    const after = { ...values, domains: input.domains };
    for (const k of [
      "issuer",
      "clientId",
      "defaultRole",
      "enabled",
      "requireSso",
      "breakGlassUserId",
    ] as const) {
      if (!previous || previous[k] !== after[k]) changed[k] = after[k];
    }
    if (!previous || previous.domains.join(",") !== input.domains.join(",")) changed.domains = input.domains;
    if (input.clientSecret) changed.clientSecret = "replaced (never logged)";
    if (endedSessions) changed.passwordSessionsEnded = endedSessions;
    recordAudit(tx, ctx, {
      action: previous ? "sso.updated" : "sso.configured",
      entityType: "sso_connection",
      entityId: ctx.organizationId,
      details: changed,
    });
    return { created: !previous };
  });
}

/** Remove the organisation's identity provider: password log-in works again for everyone. */
export function removeSsoSettings(ctx: Ctx): void {
  writeTx((tx) => {
    const removed = tx
      .delete(ssoConnections)
      .where(eq(ssoConnections.organizationId, ctx.organizationId))
      .returning({ issuer: ssoConnections.issuer })
      .get();
    if (!removed) throw new ValidationError({}, "Single sign-on is not set up.");
    tx.delete(ssoDomains).where(eq(ssoDomains.organizationId, ctx.organizationId)).run();
    recordAudit(tx, ctx, {
      action: "sso.removed",
      entityType: "sso_connection",
      entityId: ctx.organizationId,
      details: { issuer: removed.issuer },
    });
  });
}
