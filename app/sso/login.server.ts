import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { systemCtx, type Ctx } from "~/infra/context";
import { randomToken, safeEqual, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type Tx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ValidationError } from "~/infra/errors";
import { emailSchema } from "~/orgs/passwords.server";
import { safeRedirect } from "~/orgs/safe-redirect";
import { startSession, type SignedIn } from "~/orgs/sign-in.server";
import { memberships, organizations, ssoConnections, ssoDomains, ssoLoginAttempts, users } from "~db/schema";
import { callbackUrl } from "./connections.server";
import {
  authorizationUrl,
  describe,
  exchangeCode,
  newPkce,
  providerConfig,
  ProviderUnavailableError,
  type VerifiedClaims,
} from "./provider.server";
import { openClientSecret } from "./secrets.server";

/**
 * Single sign-on log-in (OpenID Connect authorization code flow with PKCE, state and nonce, D44).
 * `beginSsoLogin` finds the organisation (by the email's domain, or its id from a bookmarked link),
 * remembers the attempt against a random cookie and sends the browser to the provider.
 * `completeSsoLogin` takes the provider's answer, exchanges the code and opens a session in that
 * organisation and no other: the attempt row names it, and the ID token must come from its provider,
 * for its client, about a verified address at one of its domains.
 */

export const SSO_COOKIE = "cs_sso";
const ATTEMPT_TTL_MS = 10 * 60_000;

export class SsoLoginError extends Error {}

export const ssoStartSchema = z.object({
  email: z.union([z.literal(""), emailSchema]).optional(),
  organizationId: z.string().trim().max(64).optional(),
  redirectTo: z.string().max(2000).optional(),
});

function ssoCookie(token: string, maxAgeSeconds: number): string {
  const secure = env().NODE_ENV === "production" && env().publicOrigin.startsWith("https:") ? "; Secure" : "";
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  return `${SSO_COOKIE}=${token}; Path=/login/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export const clearSsoCookie = () => ssoCookie("", 0);

function connectionFor(input: z.infer<typeof ssoStartSchema>) {
  if (input.email) {
    const domain = input.email.slice(input.email.lastIndexOf("@") + 1);
    const row = db()
      .select({ connection: ssoConnections })
      .from(ssoDomains)
      .innerJoin(ssoConnections, eq(ssoConnections.organizationId, ssoDomains.organizationId))
      .where(eq(ssoDomains.domain, domain))
      .get();
    if (!row?.connection.enabled) {
      throw new ValidationError({
        email: `Single sign-on is not set up for ${domain}. Log in with your password, or ask your admin.`,
      });
    }
    return row.connection;
  }
  if (input.organizationId) {
    const row = db()
      .select()
      .from(ssoConnections)
      .where(eq(ssoConnections.organizationId, input.organizationId))
      .get();
    if (!row?.enabled) {
      throw new ValidationError({
        email: "This sign-in link has no single sign-on behind it. Enter your work email.",
      });
    }
    return row;
  }
  throw new ValidationError({ email: "Enter your work email address" });
}

/** Step 1: the provider's authorization URL and the cookie that binds the answer to this browser. */
export async function beginSsoLogin(
  raw: z.input<typeof ssoStartSchema>,
  now = new Date(),
): Promise<{ authorizationUrl: string; cookie: string }> {
  const input = ssoStartSchema.parse(raw);
  const connection = connectionFor(input);
  let config;
  try {
    config = await providerConfig(settingsOf(connection));
  } catch (err) {
    if (!(err instanceof ProviderUnavailableError)) throw err;
    throw new ValidationError(
      {},
      `Your organisation's identity provider cannot be reached right now (${err.message}). Try again in a moment.`,
    );
  }
  const checks = await newPkce();
  const token = randomToken();
  writeTx((tx) =>
    tx
      .insert(ssoLoginAttempts)
      .values({
        cookieHash: sha256Hex(token),
        organizationId: connection.organizationId,
        state: checks.state,
        nonce: checks.nonce,
        codeVerifier: checks.codeVerifier,
        redirectTo: safeRedirect(input.redirectTo ?? null),
        expiresAt: new Date(now.getTime() + ATTEMPT_TTL_MS),
        createdAt: now,
      })
      .run(),
  );
  const url = authorizationUrl(config, {
    redirectUri: callbackUrl(),
    state: checks.state,
    nonce: checks.nonce,
    codeChallenge: checks.codeChallenge,
    loginHint: input.email || undefined,
  });
  return { authorizationUrl: url.href, cookie: ssoCookie(token, ATTEMPT_TTL_MS / 1000) };
}

function settingsOf(c: typeof ssoConnections.$inferSelect) {
  return {
    issuer: c.issuer,
    clientId: c.clientId,
    clientSecret: openClientSecret(c.organizationId, c.clientSecretSealed),
  };
}

/** Why a callback was refused: shown to the person, and written to the organisation's audit log. */
function refusal(err: unknown): string {
  const text =
    err instanceof Error ? `${err.message} ${err.cause instanceof Error ? err.cause.message : ""}` : "";
  const code = (err as { code?: string; error?: string })?.error;
  if (code) return `The identity provider refused the sign-in (${code}).`;
  if (/"state"/.test(text))
    return "The answer from the identity provider does not belong to this sign-in (state mismatch).";
  if (/"nonce"/.test(text)) return "The ID token was not issued for this sign-in (nonce mismatch).";
  if (/"aud"|audience/.test(text))
    return "The ID token was issued for another application (audience mismatch).";
  if (/"iss"|issuer/.test(text))
    return "The ID token comes from another identity provider (issuer mismatch).";
  if (/"exp"|expired|timestamp check failed/i.test(text)) return "The ID token has expired.";
  if (/signature/i.test(text)) return "The ID token's signature does not verify against the provider's keys.";
  if (/PKCE|code_verifier|invalid_grant/i.test(text))
    return "The identity provider did not accept the sign-in code.";
  return `The sign-in could not be completed: ${describe(err)}`;
}

function refuse(organizationId: string | null, reason: string, details: Record<string, unknown> = {}): never {
  if (organizationId) {
    writeTx((tx) =>
      recordAudit(tx, systemCtx(organizationId, "Single sign-on"), {
        action: "sso.login_refused",
        entityType: "sso_connection",
        entityId: organizationId,
        details: { reason, ...details },
      }),
    );
  }
  throw new SsoLoginError(reason);
}

/**
 * Step 2, the provider's answer (GET /login/sso/callback). The attempt is used up first, so an answer
 * is good once. Returns the new session; throws `SsoLoginError` (logged in the organisation's audit log)
 * for anything wrong: no or stale attempt, state, PKCE, ID token (signature, issuer, audience, expiry,
 * nonce), an unverified email or one outside the organisation's domains.
 */
export async function completeSsoLogin(
  input: { cookieToken: string | null; search: URLSearchParams; ip?: string | null },
  now = new Date(),
): Promise<SignedIn & { redirectTo: string }> {
  const token = input.cookieToken;
  const attempt =
    token && /^[A-Za-z0-9_-]{20,200}$/.test(token)
      ? writeTx((tx) => {
          const row = tx
            .select()
            .from(ssoLoginAttempts)
            .where(
              and(
                eq(ssoLoginAttempts.cookieHash, sha256Hex(token)),
                isNull(ssoLoginAttempts.usedAt),
                gt(ssoLoginAttempts.expiresAt, now),
              ),
            )
            .get();
          if (row)
            tx.update(ssoLoginAttempts).set({ usedAt: now }).where(eq(ssoLoginAttempts.id, row.id)).run();
          return row;
        })
      : undefined;
  if (!attempt) {
    throw new SsoLoginError(
      "This sign-in has expired or was already used, or it was started in another browser. Start again from the log-in page.",
    );
  }
  const org = attempt.organizationId;
  const connection = db().select().from(ssoConnections).where(eq(ssoConnections.organizationId, org)).get();
  if (!connection?.enabled) refuse(org, "Single sign-on is no longer set up for this organisation.");
  // Compared here too (the library checks it again): a wrong state never reaches the token endpoint.
  const state = input.search.get("state") ?? "";
  if (!safeEqual(state, attempt.state) && !input.search.get("error")) {
    refuse(org, "The answer from the identity provider does not belong to this sign-in (state mismatch).");
  }

  let claims: VerifiedClaims;
  try {
    const config = await providerConfig(settingsOf(connection));
    claims = await exchangeCode(config, {
      callbackUrl: new URL(`${callbackUrl()}?${input.search.toString()}`),
      state: attempt.state,
      nonce: attempt.nonce,
      codeVerifier: attempt.codeVerifier,
    });
  } catch (err) {
    if (err instanceof SsoLoginError) throw err;
    refuse(org, refusal(err), { issuer: connection.issuer });
  }

  const who = { issuer: claims.issuer, subject: claims.subject, email: claims.email };
  if (!claims.email) refuse(org, "The identity provider did not say which email address you have.", who);
  if (!claims.emailVerified) {
    refuse(
      org,
      `The identity provider has not verified the address ${claims.email}, so it cannot sign you in.`,
      who,
    );
  }
  const email = claims.email;
  const domain = email.slice(email.lastIndexOf("@") + 1);
  const allowed = db()
    .select({ domain: ssoDomains.domain })
    .from(ssoDomains)
    .where(and(eq(ssoDomains.domain, domain), eq(ssoDomains.organizationId, org)))
    .get();
  if (!allowed)
    refuse(org, `Addresses at ${domain} may not sign in to this organisation with single sign-on.`, who);

  return {
    ...writeTx((tx) => {
      const user = provision(
        tx,
        { organizationId: org, defaultRole: connection.defaultRole, now },
        email,
        claims,
      );
      return startSession(
        tx,
        user,
        now,
        { method: "single sign-on", issuer: claims.issuer, subject: claims.subject },
        { method: "sso", organizationId: org },
      );
    }),
    redirectTo: attempt.redirectTo,
  };
}

/**
 * The account behind a verified address, linked by that address, and its membership of the organisation:
 * a person the provider vouches for who is not a member yet joins with the default role (just in time).
 */
function provision(
  tx: Tx,
  c: { organizationId: string; defaultRole: typeof ssoConnections.$inferSelect.defaultRole; now: Date },
  email: string,
  claims: VerifiedClaims,
): { id: string; name: string } {
  let user = tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email)).get();
  const via = { via: "single sign-on", issuer: claims.issuer, subject: claims.subject };
  const sso: Ctx = { ...systemCtx(c.organizationId, "Single sign-on"), now: () => c.now };
  if (!user) {
    const name = cleanName(claims.name) ?? email.slice(0, email.indexOf("@"));
    user = tx
      .insert(users)
      // No password: "!" is not an argon2 hash, so no password ever matches it (a reset can set one).
      .values({ email, name, passwordHash: "!sso", createdAt: c.now })
      .returning({ id: users.id, name: users.name })
      .get();
  }
  const member = tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organizationId, c.organizationId), eq(memberships.userId, user.id)))
    .get();
  if (!member) {
    const added = tx
      .insert(memberships)
      .values({ organizationId: c.organizationId, userId: user.id, role: c.defaultRole, createdAt: c.now })
      .returning({ id: memberships.id })
      .get();
    recordAudit(tx, sso, {
      action: "member.added",
      entityType: "membership",
      entityId: added.id,
      details: { email, role: c.defaultRole, ...via },
    });
  }
  return user;
}

function cleanName(name: string | null): string | null {
  const clean = name
    ?.replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
  return clean || null;
}

/** Sign-ins that never came back: swept with the other short-lived rows (housekeeping). */
export function sweepSsoAttempts(now = new Date()): number {
  return writeTx(
    (tx) =>
      tx
        .delete(ssoLoginAttempts)
        .where(
          or(
            lt(ssoLoginAttempts.expiresAt, now),
            lt(ssoLoginAttempts.usedAt, new Date(now.getTime() - ATTEMPT_TTL_MS)),
          ),
        )
        .run().changes,
  );
}

/** The organisation's name for the "Sign in with SSO" page reached by a bookmarked link. */
export function ssoOrganizationName(organizationId: string | null): string | null {
  if (!organizationId) return null;
  const row = db()
    .select({ name: organizations.name })
    .from(ssoConnections)
    .innerJoin(organizations, eq(organizations.id, ssoConnections.organizationId))
    .where(and(eq(ssoConnections.organizationId, organizationId), eq(ssoConnections.enabled, true)))
    .get();
  return row?.name ?? null;
}
