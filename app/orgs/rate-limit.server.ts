import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { rateLimits } from "~db/schema";

/** Fixed-window counters in SQLite so the limit survives restarts and holds across processes. */
export type Limit = { key: string; max: number; windowMs: number };

export const LOGIN_WINDOW_MS = 15 * 60_000;
/** Failed log-ins per account (the email typed, whether or not it exists) per window. */
export const LOGIN_MAX_PER_ACCOUNT = 10;
/** Higher than per account: several colleagues may share one office IP. */
export const LOGIN_MAX_PER_IP = 50;

export function loginLimits(email: string, ip: string | null | undefined): Limit[] {
  const limits: Limit[] = [
    { key: `login:account:${email}`, max: LOGIN_MAX_PER_ACCOUNT, windowMs: LOGIN_WINDOW_MS },
  ];
  // Without a trustworthy client address there is no per-IP bucket: one shared "unknown" bucket would
  // let a single attacker lock every user out.
  if (ip) limits.push({ key: `login:ip:${ip}`, max: LOGIN_MAX_PER_IP, windowMs: LOGIN_WINDOW_MS });
  return limits;
}

export class TooManyAttemptsError extends Error {
  constructor(public retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super(`Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
    this.name = "TooManyAttemptsError";
  }
}

/** Milliseconds until the most restrictive exhausted limit resets, or 0 when none is exhausted. */
export function blockedFor(tx: DbOrTx, limits: Limit[], now: Date): number {
  let wait = 0;
  for (const limit of limits) {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, limit.key)).get();
    if (!row) continue;
    const resetAt = row.windowStartedAt.getTime() + limit.windowMs;
    if (resetAt > now.getTime() && row.count >= limit.max) wait = Math.max(wait, resetAt - now.getTime());
  }
  return wait;
}

export function assertNotBlocked(tx: DbOrTx, limits: Limit[], now: Date): void {
  const wait = blockedFor(tx, limits, now);
  if (wait > 0) throw new TooManyAttemptsError(wait);
}

/** Count one failure against every limit. Call inside a write transaction. */
export function recordFailure(tx: DbOrTx, limits: Limit[], now: Date): void {
  for (const limit of limits) {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, limit.key)).get();
    if (!row) {
      tx.insert(rateLimits).values({ key: limit.key, count: 1, windowStartedAt: now }).run();
    } else if (row.windowStartedAt.getTime() + limit.windowMs <= now.getTime()) {
      tx.update(rateLimits)
        .set({ count: 1, windowStartedAt: now })
        .where(eq(rateLimits.key, limit.key))
        .run();
    } else {
      tx.update(rateLimits)
        .set({ count: row.count + 1 })
        .where(eq(rateLimits.key, limit.key))
        .run();
    }
  }
}

export function clearLimit(tx: DbOrTx, key: string): void {
  tx.delete(rateLimits).where(eq(rateLimits.key, key)).run();
}
