import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { rateLimits } from "~db/schema";

/** Fixed-window counters in SQLite so the limit survives restarts and holds across processes. */
export type Limit = { key: string; max: number; windowMs: number };

/**
 * A backoff throttle: `free` attempts, then each further one must wait twice as long as the one before
 * (base, 2×base, 4×base … capped), and the count starts again after `decayMs` without attempts. It slows
 * a guesser down without ever locking an account: the owner waits at most `capMs`, and a throttle keyed
 * by account *and* IP spares the owner's own address the backoff an attacker earns elsewhere.
 */
export type Throttle = { key: string; free: number; baseMs: number; capMs: number; decayMs: number };

const MINUTE = 60_000;

/**
 * Log-in throttles. Per account and IP: 5 free, then backoff up to 15 minutes. Per account from any
 * address: 10 free, capped at one minute, so a botnet guessing one account gets ~1 guess a minute and
 * its owner is never kept out longer than that. Per IP: 50 free (an office shares one address).
 */
export const LOGIN_FREE_PER_ACCOUNT_IP = 5;
export const LOGIN_FREE_PER_ACCOUNT = 10;
export const LOGIN_FREE_PER_IP = 50;

export function loginThrottles(email: string, ip: string | null | undefined): Throttle[] {
  const throttles: Throttle[] = [
    {
      key: `login:account:${email}`,
      free: LOGIN_FREE_PER_ACCOUNT,
      baseMs: 1000,
      capMs: MINUTE,
      decayMs: 15 * MINUTE,
    },
  ];
  // Without a trustworthy client address there is no per-IP bucket: one shared "unknown" bucket would
  // let a single attacker slow every user down.
  if (ip) {
    throttles.push(
      {
        key: `login:account-ip:${email}:${ip}`,
        free: LOGIN_FREE_PER_ACCOUNT_IP,
        baseMs: 1000,
        capMs: 15 * MINUTE,
        decayMs: 60 * MINUTE,
      },
      {
        key: `login:ip:${ip}`,
        free: LOGIN_FREE_PER_IP,
        baseMs: 1000,
        capMs: 15 * MINUTE,
        decayMs: 60 * MINUTE,
      },
    );
  }
  return throttles;
}

/** Emailed-link requests (sign-up, password reset): a few per address and more per IP, per hour. */
export function emailLinkThrottles(kind: string, email: string, ip: string | null | undefined): Throttle[] {
  const throttles: Throttle[] = [
    { key: `${kind}:email:${email}`, free: 3, baseMs: 5 * MINUTE, capMs: 60 * MINUTE, decayMs: 60 * MINUTE },
  ];
  if (ip)
    throttles.push({
      key: `${kind}:ip:${ip}`,
      free: 20,
      baseMs: MINUTE,
      capMs: 60 * MINUTE,
      decayMs: 60 * MINUTE,
    });
  return throttles;
}

export class TooManyAttemptsError extends Error {
  constructor(public retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const minutes = Math.ceil(seconds / 60);
    super(
      seconds < 60
        ? `Too many attempts, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`
        : `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    );
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

/**
 * Take one attempt from every throttle, or refuse with the longest wait. Synchronous and inside one
 * write transaction, and called *before* the slow check (argon2, TOTP): thirty parallel guesses are
 * counted one after another, so no more than the free allowance ever reach the password check.
 * A refused attempt is not counted, so hammering a throttled account does not push its wait further.
 */
export function takeAttempt(tx: DbOrTx, throttles: Throttle[], now: Date): void {
  const rows = throttles.map((t) => {
    const row = tx.select().from(rateLimits).where(eq(rateLimits.key, t.key)).get();
    const fresh = !row || row.windowStartedAt.getTime() + t.decayMs <= now.getTime();
    return { t, row, count: fresh ? 0 : row.count };
  });
  let wait = 0;
  for (const { row, count } of rows) {
    const next = row?.nextAllowedAt?.getTime() ?? 0;
    if (count > 0 && next > now.getTime()) wait = Math.max(wait, next - now.getTime());
  }
  if (wait > 0) throw new TooManyAttemptsError(wait);
  for (const { t, row, count } of rows) {
    const n = count + 1;
    const nextAllowedAt =
      n >= t.free ? new Date(now.getTime() + Math.min(t.capMs, t.baseMs * 2 ** (n - t.free))) : null;
    if (row) {
      tx.update(rateLimits)
        .set({ count: n, windowStartedAt: now, nextAllowedAt })
        .where(eq(rateLimits.key, t.key))
        .run();
    } else {
      tx.insert(rateLimits).values({ key: t.key, count: n, windowStartedAt: now, nextAllowedAt }).run();
    }
  }
}

/** After a successful log-in: the account's own throttles start over (the IP's does not). */
export function clearAccountThrottles(tx: DbOrTx, throttles: Throttle[]): void {
  for (const t of throttles) if (!t.key.startsWith("login:ip:")) clearLimit(tx, t.key);
}
