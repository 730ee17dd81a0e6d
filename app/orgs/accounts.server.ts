import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { Ctx } from "~/infra/context";
import { randomToken } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { accountTokens, memberships, organizations, users } from "~db/schema";
import { renderAccountLink } from "./account-emails.server";
import { createTwoFactorChallenge, findToken, insertToken, LINK_UNUSABLE } from "./account-tokens.server";
import { PASSWORD_RESET_TTL_MS } from "./password-reset.server";
import {
  burnPasswordCheck,
  emailSchema,
  hashPassword,
  newPasswordSchema,
  personNameSchema,
  verifyPassword,
} from "./passwords.server";
import { clearAccountThrottles, emailLinkThrottles, loginThrottles, takeAttempt } from "./rate-limit.server";
import { destroySession } from "./session.server";
import { passwordMembership, SSO_REQUIRED, startSession, type SignedIn } from "./sign-in.server";

export const organizationNameSchema = z
  .string({ error: "Enter your organisation's name" })
  .trim()
  .min(2, "Enter your organisation's name")
  .max(160, "Use at most 160 characters")
  .refine((v) => !/\p{Cc}/u.test(v), "Remove line breaks and control characters");

export const signUpSchema = z.object({
  organizationName: organizationNameSchema,
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.input<typeof signUpSchema>;

export const logInSchema = z.object({
  email: emailSchema,
  // No length rules at log-in beyond a DoS cap: the message must not hint at what a password looks like.
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

/** One message for an unknown email and a wrong password, so the form does not reveal who has an account. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

export type { SignedIn };

const HOUR_MS = 3_600_000;
export const SIGNUP_TTL_MS = 24 * HOUR_MS;

function userCtx(organizationId: string, user: { id: string; name: string }, now: Date): Ctx {
  return {
    organizationId,
    actor: { type: "user", id: user.id, label: user.name, role: "admin" },
    now: () => now,
  };
}

type SignUpPayload = { organizationName: string; name: string; passwordHash: string };

/**
 * Sign-up, step 1: nothing is created yet. The form's data waits in a pending sign-up (password already
 * hashed) and a confirmation link goes to the address; only opening it creates the organisation. So a
 * sign-up with someone else's address creates nothing, and never blocks the real owner from accepting
 * an invitation. When the address already has an account, that account's owner gets a "you already
 * have an account" email with a reset link instead; the page says the same either way, so the form
 * does not reveal who has an account. Counted per address and per IP before the argon2 work.
 */
export async function requestSignUp(
  raw: SignUpInput & { ip?: string | null },
  now = new Date(),
): Promise<{ email: string }> {
  const input = parseInput(signUpSchema, raw);
  writeTx((tx) => takeAttempt(tx, emailLinkThrottles("signup", input.email, raw.ip), now));
  const existing = db().select().from(users).where(eq(users.email, input.email)).get();
  const token = randomToken();
  if (existing) {
    const email = await renderAccountLink({
      kind: "account-exists",
      name: existing.name,
      link: `${env().publicOrigin}/reset-password/${token}`,
      validFor: "60 minutes",
    });
    writeTx((tx) => {
      insertToken(tx, {
        purpose: "password_reset",
        token,
        email: input.email,
        userId: existing.id,
        expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
        now,
      });
      enqueueEmail(tx, { organizationId: null, template: "account-exists", to: input.email, ...email }, now);
    });
    return { email: input.email };
  }
  const payload: SignUpPayload = {
    organizationName: input.organizationName,
    name: input.name,
    passwordHash: await hashPassword(input.password),
  };
  const email = await renderAccountLink({
    kind: "signup-confirmation",
    name: input.name,
    organizationName: input.organizationName,
    link: `${env().publicOrigin}/verify-email/${token}`,
    validFor: "24 hours",
  });
  writeTx((tx) => {
    insertToken(tx, {
      purpose: "signup",
      token,
      email: input.email,
      payload: JSON.stringify(payload),
      expiresAt: new Date(now.getTime() + SIGNUP_TTL_MS),
      now,
    });
    enqueueEmail(
      tx,
      {
        organizationId: null,
        template: "signup-confirmation",
        to: input.email,
        toName: input.name,
        ...email,
      },
      now,
    );
  });
  return { email: input.email };
}

/** Read-only (mail scanners open links): what the confirmation page shows before its button is pressed. */
export function viewSignUp(
  token: string,
  now = new Date(),
): { email: string; organizationName: string } | null {
  const row = findToken(db(), "signup", token, now);
  if (!row?.payload) return null;
  return { email: row.email, organizationName: (JSON.parse(row.payload) as SignUpPayload).organizationName };
}

/**
 * Sign-up, step 2 (POST from the emailed link): organisation, user, membership and audit rows in one
 * transaction, and the pending sign-up used up. No session: the person then logs in with the password
 * they chose, so a forwarded or intercepted link alone never opens the new organisation. If the address
 * got an account meanwhile (an accepted invitation, another confirmed sign-up), nothing is created and
 * the person is told to log in.
 */
export function confirmSignUp(
  token: string,
  now = new Date(),
): { userId: string; organizationId: string; email: string } {
  return writeTx((tx) => {
    const row = findToken(tx, "signup", token, now);
    if (!row?.payload) throw new ValidationError({}, LINK_UNUSABLE);
    tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id)).run();
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, row.email)).get()) {
      throw new ConflictError(
        "An account with this email address exists already (perhaps you accepted an invitation meanwhile). Log in instead.",
      );
    }
    const p = JSON.parse(row.payload) as SignUpPayload;
    const org = tx.insert(organizations).values({ name: p.organizationName }).returning().get();
    const user = tx
      .insert(users)
      .values({ email: row.email, name: p.name, passwordHash: p.passwordHash })
      .returning()
      .get();
    const membership = tx
      .insert(memberships)
      .values({ organizationId: org.id, userId: user.id, role: "admin" })
      .returning()
      .get();
    const ctx = userCtx(org.id, user, now);
    recordAudit(tx, ctx, {
      action: "organization.created",
      entityType: "organization",
      entityId: org.id,
      details: { name: org.name },
    });
    recordAudit(tx, ctx, {
      action: "member.added",
      entityType: "membership",
      entityId: membership.id,
      details: { email: user.email, role: "admin", via: "sign-up", emailVerified: true },
    });
    return { userId: user.id, organizationId: org.id, email: user.email };
  });
}

export type LogInResult =
  ({ kind: "signed-in" } & SignedIn) | { kind: "two-factor"; challengeCookie: string };

/**
 * Log in with email and password. Unknown email and wrong password take the same argon2 work and give
 * the same message. The attempt is counted (per account, account+IP and IP, with backoff) *before* the
 * password is checked, in one synchronous transaction, so parallel guesses cannot slip past the limit.
 * A user with two-factor sign-in gets a short-lived challenge instead of a session. Always a fresh
 * session id.
 *
 * A user can belong to several organisations; this signs them in to their oldest membership that
 * password log-in may open (not one that requires single sign-on, unless they are its break-glass admin).
 */
export async function logIn(
  raw: { email: string; password: string; ip?: string | null },
  now = new Date(),
): Promise<LogInResult> {
  const input = parseInput(logInSchema, raw);
  const throttles = loginThrottles(input.email, raw.ip);
  writeTx((tx) => takeAttempt(tx, throttles, now));

  const user = db().select().from(users).where(eq(users.email, input.email)).get();
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!ok || !user) throw new ValidationError({}, INVALID_CREDENTIALS);
  // Only after the right password: whose organisation requires single sign-on is no one else's business.
  if (passwordMembership(db(), user.id).ssoOnly) throw new ValidationError({}, SSO_REQUIRED);

  if (user.totpEnabledAt) {
    return { kind: "two-factor", challengeCookie: createTwoFactorChallenge(user, now) };
  }
  return {
    kind: "signed-in",
    ...writeTx((tx) => {
      clearAccountThrottles(tx, throttles);
      return startSession(tx, user, now, {});
    }),
  };
}

/** Delete the request's session row; returns the Set-Cookie value that clears the cookie. */
export function logOut(request: Request): string {
  return destroySession(request);
}
