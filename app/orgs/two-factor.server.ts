import { generateTOTP, getTOTPAuthUri, verifyTOTP } from "@epic-web/totp";
import { and, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { isSealed, openSecret, sealSecret, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { accountTokens, organizations, recoveryCodes, users } from "~db/schema";
import { CHALLENGE_COOKIE, findToken } from "./account-tokens.server";
import { verifyPassword } from "./passwords.server";
import { clearAccountThrottles, loginThrottles, takeAttempt } from "./rate-limit.server";
import { readCookie } from "./session.server";
import { startSession, type SignedIn } from "./sign-in.server";

/**
 * TOTP two-factor sign-in (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app reads) with
 * @epic-web/totp, plus ten single-use recovery codes stored as SHA-256. A log-in with the right password
 * gets a 10-minute challenge cookie, not a session; the session starts only after a code.
 *
 * The secret is stored sealed (AES-256-GCM with TOTP_ENCRYPTION_KEY, bound to the user's id), so a copy
 * of the database or a backup does not hand out second factors. Rows from before sealing hold the bare
 * base32 secret: they are read as such and sealed in place, in the transaction that read them.
 */

/** Codes per challenge; the log-in throttles (account, account+IP, IP) count each attempt as well. */
export const CHALLENGE_MAX_ATTEMPTS = 5;
const TOTP = { period: 30, digits: 6, algorithm: "SHA-1" } as const;
export const RECOVERY_CODE_COUNT = 10;

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** 160 random bits, base32 (RFC 4226 recommends 160; the library's default secret is 80). */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let bits = 0;
  let value = 0;
  let out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const sealFor = (userId: string, secret: string) =>
  sealSecret(secret, env().totpEncryptionKey, `totp:${userId}`);

function openFor(userId: string, stored: string): string {
  try {
    return openSecret(stored, env().totpEncryptionKey, `totp:${userId}`);
  } catch (e) {
    throw new Error(`Two-factor secret of user ${userId} cannot be read: ${(e as Error).message}`, {
      cause: e,
    });
  }
}

/**
 * The user row with its TOTP secret in the clear. A legacy plaintext secret is sealed in place in the
 * caller's transaction (only if the row still holds that value, so a concurrent set-up is not undone).
 */
function userWithSecret(tx: DbOrTx, userId: string) {
  const user = tx.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.totpSecret) return user;
  if (isSealed(user.totpSecret)) return { ...user, totpSecret: openFor(userId, user.totpSecret) };
  tx.update(users)
    .set({ totpSecret: sealFor(userId, user.totpSecret) })
    .where(and(eq(users.id, userId), eq(users.totpSecret, user.totpSecret)))
    .run();
  return user;
}

/** userWithSecret for reads outside a transaction: takes the write lock only for a legacy row. */
function readUserWithSecret(userId: string) {
  const stored = db().select({ secret: users.totpSecret }).from(users).where(eq(users.id, userId)).get();
  const legacy = !!stored?.secret && !isSealed(stored.secret);
  return legacy ? writeTx((tx) => userWithSecret(tx, userId)) : userWithSecret(db(), userId);
}

/** Whether the request carries a live challenge (the code page shows nothing to anyone else). */
export function hasChallenge(request: Request, now = new Date()): boolean {
  const row = findToken(db(), "login_2fa", readCookie(request, CHALLENGE_COOKIE), now);
  return !!row && row.attempts < CHALLENGE_MAX_ATTEMPTS;
}

export const codeSchema = z.object({
  code: z
    .string({ error: "Enter the code" })
    .trim()
    .min(1, "Enter the code")
    .max(40, "That is not a code from your app or a recovery code"),
});

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[\s-]/g, "");

type CodeCheck = { kind: "totp"; step: number } | { kind: "recovery"; id: string } | null;

/** A 6-digit code from the app (not one already used) or an unused recovery code. */
async function checkCode(
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
): Promise<CodeCheck> {
  const digits = code.replace(/\s/g, "");
  if (/^\d{6}$/.test(digits) && user.totpSecret) {
    const result = await verifyTOTP({ otp: digits, secret: user.totpSecret, ...TOTP, window: 1 });
    if (!result) return null;
    const step = Math.floor(Date.now() / 1000 / TOTP.period) + result.delta;
    if (user.totpLastStep !== null && step <= user.totpLastStep) return null;
    return { kind: "totp", step };
  }
  const hash = sha256Hex(normaliseRecovery(code));
  const row = db()
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(
      and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt)),
    )
    .get();
  return row ? { kind: "recovery", id: row.id } : null;
}

/** Record a good code as used, under the write lock (a code is accepted once even if sent twice). */
function consumeCode(tx: DbOrTx, userId: string, check: NonNullable<CodeCheck>, now: Date): void {
  if (check.kind === "totp") {
    const user = tx.select({ last: users.totpLastStep }).from(users).where(eq(users.id, userId)).get();
    if (user?.last != null && check.step <= user.last) throw new ValidationError({ code: WRONG_CODE });
    tx.update(users).set({ totpLastStep: check.step }).where(eq(users.id, userId)).run();
  } else {
    const used = tx
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.id, check.id), isNull(recoveryCodes.usedAt)))
      .run();
    if (used.changes !== 1) throw new ValidationError({ code: WRONG_CODE });
  }
}

const WRONG_CODE =
  "That code is not right. Use the current code from your app, or one of your recovery codes.";
export const CHALLENGE_GONE = "Your log-in has expired or had too many wrong codes. Log in again.";

/**
 * The second step of log-in. Each code attempt is counted against the challenge (5) and the log-in
 * throttles before the code is checked; the right code ends the challenge and starts the session.
 */
export async function completeTwoFactorLogin(
  raw: { challenge: string | null; code: string; ip?: string | null },
  now = new Date(),
): Promise<SignedIn> {
  const input = parseInput(codeSchema, { code: raw.code });
  const challenge = writeTx((tx) => {
    const row = findToken(tx, "login_2fa", raw.challenge, now);
    if (!row || !row.userId || row.attempts >= CHALLENGE_MAX_ATTEMPTS) {
      throw new ValidationError({}, CHALLENGE_GONE);
    }
    takeAttempt(tx, loginThrottles(row.email, raw.ip), now);
    tx.update(accountTokens)
      .set({ attempts: row.attempts + 1 })
      .where(eq(accountTokens.id, row.id))
      .run();
    return { ...row, user: userWithSecret(tx, row.userId) };
  });
  const user = challenge.user;
  if (!user?.totpEnabledAt) throw new ValidationError({}, CHALLENGE_GONE);
  const check = await checkCode(user, input.code);
  if (!check) throw new ValidationError({ code: WRONG_CODE });
  return writeTx((tx) => {
    consumeCode(tx, user.id, check, now);
    tx.update(accountTokens).set({ usedAt: now }).where(eq(accountTokens.id, challenge.id)).run();
    clearAccountThrottles(tx, loginThrottles(user.email, raw.ip));
    return startSession(tx, user, now, { twoFactor: check.kind });
  });
}

// ---- Setting it up (signed in, for oneself) ----

export type TwoFactorStatus = {
  enabled: boolean;
  /** A secret waiting for its first code. */
  pending: { secret: string; uri: string; qrDataUrl: string } | null;
  recoveryCodesLeft: number;
  requiredByOrganization: boolean;
};

export async function twoFactorStatus(ctx: Ctx): Promise<TwoFactorStatus> {
  const userId = actorUserId(ctx);
  const user = readUserWithSecret(userId)!;
  const org = db()
    .select({ required: organizations.requireTwoFactor })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get();
  const left = db()
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
  let pending: TwoFactorStatus["pending"] = null;
  if (user.totpSecret && !user.totpEnabledAt) {
    const uri = getTOTPAuthUri({
      ...TOTP,
      secret: user.totpSecret,
      accountName: user.email,
      issuer: "Clearsource",
    });
    pending = {
      secret: user.totpSecret,
      uri,
      qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }),
    };
  }
  return {
    enabled: !!user.totpEnabledAt,
    pending,
    recoveryCodesLeft: left,
    requiredByOrganization: !!org?.required,
  };
}

function actorUserId(ctx: Ctx): string {
  if (ctx.actor.type !== "user") throw new Error("Two-factor settings belong to a signed-in user");
  return ctx.actor.id;
}

/** Start (or restart) set-up: a new secret, not active until confirmed with a code from the app. */
export async function beginTwoFactorSetup(ctx: Ctx): Promise<void> {
  const userId = actorUserId(ctx);
  const { secret } = await generateTOTP({ ...TOTP, secret: newSecret() });
  writeTx((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get()!;
    if (user.totpEnabledAt) throw new ConflictError("Two-factor sign-in is already on.");
    tx.update(users)
      .set({ totpSecret: sealFor(userId, secret), totpLastStep: null })
      .where(eq(users.id, userId))
      .run();
  });
}

function newRecoveryCodes(tx: DbOrTx, userId: string, now: Date): string[] {
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const raw = newSecret().slice(0, 10).toLowerCase();
    const code = `${raw.slice(0, 5)}-${raw.slice(5)}`;
    codes.push(code);
    tx.insert(recoveryCodes)
      .values({ userId, codeHash: sha256Hex(normaliseRecovery(code)), createdAt: now })
      .run();
  }
  return codes;
}

/** The first code from the app turns it on; returns the recovery codes, shown once. */
export async function confirmTwoFactorSetup(ctx: Ctx, raw: { code: string }): Promise<string[]> {
  const input = parseInput(codeSchema, raw);
  const userId = actorUserId(ctx);
  const now = nowOf(ctx);
  const user = readUserWithSecret(userId)!;
  if (!user.totpSecret || user.totpEnabledAt) throw new ConflictError("Start the set-up again.");
  const check = /^\d{6}$/.test(input.code.replace(/\s/g, "")) ? await checkCode(user, input.code) : null;
  if (!check || check.kind !== "totp") {
    throw new ValidationError({ code: "That code is not right. Enter the 6-digit code your app shows now." });
  }
  return writeTx((tx) => {
    consumeCode(tx, userId, check, now);
    tx.update(users).set({ totpEnabledAt: now }).where(eq(users.id, userId)).run();
    const codes = newRecoveryCodes(tx, userId, now);
    recordAudit(tx, ctx, { action: "user.two_factor_enabled", entityType: "user", entityId: userId });
    return codes;
  });
}

export const passwordConfirmSchema = z.object({
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(1024),
});

/** Turn it off, with the password; refused while the organisation requires it. */
export async function disableTwoFactor(ctx: Ctx, raw: { password: string }): Promise<void> {
  const input = parseInput(passwordConfirmSchema, raw);
  const userId = actorUserId(ctx);
  const user = db().select().from(users).where(eq(users.id, userId)).get()!;
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new ValidationError({ password: "That is not your password." });
  }
  writeTx((tx) => {
    const org = tx
      .select({ required: organizations.requireTwoFactor })
      .from(organizations)
      .where(eq(organizations.id, ctx.organizationId))
      .get();
    if (org?.required) {
      throw new ConflictError("Your organisation requires two-factor sign-in, so it cannot be turned off.");
    }
    tx.update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId))
      .run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    recordAudit(tx, ctx, { action: "user.two_factor_disabled", entityType: "user", entityId: userId });
  });
}

/** New recovery codes (the old ones stop working), with the password. */
export async function regenerateRecoveryCodes(ctx: Ctx, raw: { password: string }): Promise<string[]> {
  const input = parseInput(passwordConfirmSchema, raw);
  const userId = actorUserId(ctx);
  const user = db().select().from(users).where(eq(users.id, userId)).get()!;
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    throw new ValidationError({ password: "That is not your password." });
  }
  if (!user.totpEnabledAt) throw new ConflictError("Turn on two-factor sign-in first.");
  return writeTx((tx) => {
    const codes = newRecoveryCodes(tx, userId, nowOf(ctx));
    recordAudit(tx, ctx, { action: "user.recovery_codes_renewed", entityType: "user", entityId: userId });
    return codes;
  });
}

export const requireTwoFactorSchema = z.object({
  required: z.enum(["on", "off"], { error: "Choose on or off" }),
});

/**
 * An admin requires (or stops requiring) two-factor sign-in for the whole organisation. Turning it on
 * needs the admin's own two-factor first, so the admin who flips it is never locked into set-up.
 */
export function setOrganizationTwoFactor(ctx: Ctx, raw: z.input<typeof requireTwoFactorSchema>): void {
  const input = parseInput(requireTwoFactorSchema, raw);
  const required = input.required === "on";
  writeTx((tx) => {
    if (required) {
      const me = tx
        .select({ on: users.totpEnabledAt })
        .from(users)
        .where(eq(users.id, actorUserId(ctx)))
        .get();
      if (!me?.on) {
        throw new ValidationError({
          required: "Turn on two-factor sign-in for your own account first (Account security).",
        });
      }
    }
    tx.update(organizations)
      .set({ requireTwoFactor: required })
      .where(eq(organizations.id, ctx.organizationId))
      .run();
    recordAudit(tx, ctx, {
      action: required ? "organization.two_factor_required" : "organization.two_factor_optional",
      entityType: "organization",
      entityId: ctx.organizationId,
    });
  });
}
