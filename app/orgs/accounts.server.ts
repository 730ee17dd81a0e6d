import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { memberships, organizations, users } from "~db/schema";
import {
  burnPasswordCheck,
  emailSchema,
  hashPassword,
  newPasswordSchema,
  personNameSchema,
  verifyPassword,
} from "./passwords.server";
import { assertNotBlocked, clearLimit, loginLimits, recordFailure } from "./rate-limit.server";
import { createSession, destroySession } from "./session.server";

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

export type SignedIn = { cookie: string; userId: string; organizationId: string; sessionId: string };

function userCtx(organizationId: string, user: { id: string; name: string }, now: Date): Ctx {
  return {
    organizationId,
    actor: { type: "user", id: user.id, label: user.name, role: "admin" },
    now: () => now,
  };
}

/**
 * Create an organisation with its first admin and sign them in: organisation, user, membership,
 * session and audit row in one transaction (the password is hashed before it, argon2 is async).
 */
export async function signUp(raw: SignUpInput, now = new Date()): Promise<SignedIn> {
  const input = parseInput(signUpSchema, raw);
  const taken = db().select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (taken) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  return writeTx((tx) => {
    // Checked again under the write lock: a double-submitted form must not create two accounts.
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()) throw emailTaken();
    const org = tx.insert(organizations).values({ name: input.organizationName }).returning().get();
    const user = tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning()
      .get();
    const membership = tx
      .insert(memberships)
      .values({ organizationId: org.id, userId: user.id, role: "admin" })
      .returning()
      .get();
    const session = createSession(tx, { userId: user.id, organizationId: org.id }, now);
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
      details: { email: user.email, role: "admin", via: "sign-up" },
    });
    return { cookie: session.cookie, sessionId: session.sessionId, userId: user.id, organizationId: org.id };
  });
}

function emailTaken() {
  // Sign-up has to say this (the person needs to know to log in instead); log-in never does.
  return new ValidationError({ email: "An account with this email already exists. Log in instead." });
}

/**
 * Log in with email and password. Unknown email and wrong password take the same argon2 work and give
 * the same message. Failures count per account and per IP (fixed 15-minute window); a blocked account
 * is refused before the password is even checked. Always a fresh session id.
 *
 * A user can belong to several organisations; this signs them in to their oldest membership
 * (organisation switching is not part of the walking skeleton).
 */
export async function logIn(
  raw: { email: string; password: string; ip?: string | null },
  now = new Date(),
): Promise<SignedIn> {
  const input = parseInput(logInSchema, raw);
  const limits = loginLimits(input.email, raw.ip);
  assertNotBlocked(db(), limits, now);

  const user = db().select().from(users).where(eq(users.email, input.email)).get();
  let ok = false;
  if (user) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);

  if (!ok || !user) {
    writeTx((tx) => recordFailure(tx, limits, now));
    throw new ValidationError({}, INVALID_CREDENTIALS);
  }

  return writeTx((tx) => {
    const membership = tx
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user.id))
      .orderBy(asc(memberships.createdAt))
      .limit(1)
      .get();
    if (!membership) {
      throw new ValidationError(
        {},
        "This account is no longer a member of any organisation. Ask an admin to invite you again.",
      );
    }
    clearLimit(tx, limits[0].key);
    const session = createSession(tx, { userId: user.id, organizationId: membership.organizationId }, now);
    recordAudit(
      tx,
      {
        organizationId: membership.organizationId,
        actor: { type: "user", id: user.id, label: user.name, role: membership.role },
        now: () => now,
      },
      { action: "user.logged_in", entityType: "user", entityId: user.id },
    );
    return {
      cookie: session.cookie,
      sessionId: session.sessionId,
      userId: user.id,
      organizationId: membership.organizationId,
    };
  });
}

/** Delete the request's session row; returns the Set-Cookie value that clears the cookie. */
export function logOut(request: Request): string {
  return destroySession(request);
}
