import { and, eq, isNull, like } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { randomToken } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { accountTokens, memberships, rateLimits, sessions, users } from "~db/schema";
import { renderAccountLink } from "./account-emails.server";
import { findToken, insertToken, LINK_UNUSABLE } from "./account-tokens.server";
import { emailSchema, hashPassword, newPasswordSchema } from "./passwords.server";
import { emailLinkThrottles, takeAttempt } from "./rate-limit.server";

export const PASSWORD_RESET_TTL_MS = 60 * 60_000;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ password: newPasswordSchema });

/**
 * "Forgot password": when the address has an account, a single-use link valid for an hour (only its
 * SHA-256 stored) goes to it, and any earlier unused link stops working. The answer is the same whether
 * or not the account exists. Counted per address and per IP.
 */
export async function requestPasswordReset(
  raw: { email: string; ip?: string | null },
  now = new Date(),
): Promise<{ email: string }> {
  const input = parseInput(forgotPasswordSchema, raw);
  writeTx((tx) => takeAttempt(tx, emailLinkThrottles("reset", input.email, raw.ip), now));
  const user = db().select().from(users).where(eq(users.email, input.email)).get();
  if (!user) return { email: input.email };
  const token = randomToken();
  const email = await renderAccountLink({
    kind: "password-reset",
    name: user.name,
    link: `${env().publicOrigin}/reset-password/${token}`,
    validFor: "60 minutes",
  });
  writeTx((tx) => {
    tx.update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.userId, user.id),
          eq(accountTokens.purpose, "password_reset"),
          isNull(accountTokens.usedAt),
        ),
      )
      .run();
    insertToken(tx, {
      purpose: "password_reset",
      token,
      email: user.email,
      userId: user.id,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      now,
    });
    enqueueEmail(
      tx,
      { organizationId: null, template: "password-reset", to: user.email, toName: user.name, ...email },
      now,
    );
  });
  return { email: input.email };
}

/** Read-only (mail scanners open links): whose password the link would change, or null. */
export function viewPasswordReset(token: string, now = new Date()): { email: string } | null {
  const row = findToken(db(), "password_reset", token, now);
  return row ? { email: row.email } : null;
}

/**
 * Set the new password (POST): the link is used up, every session of the user ends (whoever knew the old
 * password is signed out) and the account's log-in throttles start over. The person then logs in, so a
 * second factor still applies.
 */
export async function resetPassword(
  raw: { token: string; password: string },
  now = new Date(),
): Promise<void> {
  const input = parseInput(resetPasswordSchema, { password: raw.password });
  if (!findToken(db(), "password_reset", raw.token, now)) throw new ValidationError({}, LINK_UNUSABLE);
  const passwordHash = await hashPassword(input.password);
  writeTx((tx) => {
    // Again under the write lock: two tabs submitting the same link change the password once.
    const row = findToken(tx, "password_reset", raw.token, now);
    if (!row?.userId) throw new ValidationError({}, LINK_UNUSABLE);
    tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, row.id)).run();
    const user = tx.select().from(users).where(eq(users.id, row.userId)).get();
    if (!user) throw new ValidationError({}, LINK_UNUSABLE);
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    tx.delete(sessions).where(eq(sessions.userId, user.id)).run();
    tx.delete(rateLimits)
      .where(like(rateLimits.key, `login:account%:${user.email}%`))
      .run();
    const orgs = tx
      .select({ organizationId: memberships.organizationId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.userId, user.id))
      .all();
    for (const m of orgs) {
      recordAudit(
        tx,
        {
          organizationId: m.organizationId,
          actor: { type: "user", id: user.id, label: user.name, role: m.role },
          now: () => now,
        },
        { action: "user.password_reset", entityType: "user", entityId: user.id },
      );
    }
  });
}
