import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { accountTokens } from "~db/schema";
import type { AccountTokenPurpose } from "~db/schema/orgs.constants";

/** Pending sign-ups, password-reset links and two-factor log-in challenges (see `account_tokens`). */

export function insertToken(
  tx: DbOrTx,
  t: {
    purpose: AccountTokenPurpose;
    token: string;
    email: string;
    userId?: string;
    payload?: string;
    expiresAt: Date;
    now: Date;
  },
): string {
  return tx
    .insert(accountTokens)
    .values({
      purpose: t.purpose,
      tokenHash: sha256Hex(t.token),
      email: t.email,
      userId: t.userId ?? null,
      payload: t.payload ?? null,
      expiresAt: t.expiresAt,
      createdAt: t.now,
    })
    .returning({ id: accountTokens.id })
    .get().id;
}

/** A usable (unused, unexpired) token of one purpose, or undefined. Malformed tokens cost no query. */
export function findToken(
  tx: DbOrTx,
  purpose: AccountTokenPurpose,
  token: string | null | undefined,
  now: Date,
) {
  if (!token || !/^[A-Za-z0-9_-]{20,200}$/.test(token)) return undefined;
  return tx
    .select()
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, sha256Hex(token)),
        eq(accountTokens.purpose, purpose),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, now),
      ),
    )
    .get();
}

export const LINK_UNUSABLE =
  "This link is not valid any more: it was already used, it expired, or it was not copied completely.";

export const CHALLENGE_COOKIE = "cs_2fa";
const CHALLENGE_TTL_MS = 10 * 60_000;

function challengeCookie(token: string, maxAgeSeconds: number): string {
  const secure = env().NODE_ENV === "production" && env().publicOrigin.startsWith("https:") ? "; Secure" : "";
  return `${CHALLENGE_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function clearChallengeCookie(): string {
  return challengeCookie("", 0);
}

/** After the right password: a single-use challenge; returns its Set-Cookie value. */
export function createTwoFactorChallenge(user: { id: string; email: string }, now: Date): string {
  const token = randomToken();
  writeTx((tx) =>
    insertToken(tx, {
      purpose: "login_2fa",
      token,
      email: user.email,
      userId: user.id,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
      now,
    }),
  );
  return challengeCookie(token, CHALLENGE_TTL_MS / 1000);
}

/** Housekeeping: account tokens a day past their expiry or use (pending sign-ups, resets, challenges). */
export function sweepAccountTokens(now = new Date()): number {
  const cutoff = new Date(now.getTime() - 86_400_000);
  return writeTx(
    (tx) =>
      tx
        .delete(accountTokens)
        .where(or(lt(accountTokens.expiresAt, cutoff), lt(accountTokens.usedAt, cutoff)))
        .run().changes,
  );
}
