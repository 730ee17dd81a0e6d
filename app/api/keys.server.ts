import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { sha256Hex, safeEqual } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { isoDateField, parseInput } from "~/infra/validation";
import { can } from "~/orgs/permissions";
import { blockedFor, recordFailure, type Limit } from "~/orgs/rate-limit.server";
import { apiKeys, users } from "~db/schema";
import {
  API_SCOPES,
  DEFAULT_API_RATE_PER_MINUTE,
  MAX_API_RATE_PER_MINUTE,
  type ApiScope,
} from "~db/schema/api.constants";
import { formatToken, parseToken } from "./keys";
import { ApiProblem } from "./problem";

/** The longest a key may live: a year, so every key is renewed (and reviewed) at least yearly. */
export const API_KEY_MAX_DAYS = 366;
const DAY_MS = 86_400_000;
/** last_used_at is written at most this often per key: a busy key must not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
const RATE_WINDOW_MS = 60_000;
/** Stored create answers are kept this long (a retry after a day is a new request). */
export const IDEMPOTENCY_TTL_MS = DAY_MS;

const scopeList = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((v) => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(
    z
      .array(z.enum(API_SCOPES, { error: "Choose scopes from the list." }))
      .min(1, "Choose at least one scope."),
  );

export const createApiKeySchema = z.object({
  label: z
    .string({ error: "Give the key a name, e.g. the system that will use it." })
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it.")
    .max(100, "Keep the name under 100 characters."),
  scopes: scopeList,
  expiresOn: isoDateField("Expiry date"),
  ratePerMinute: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined || v === "" ? DEFAULT_API_RATE_PER_MINUTE : Number(v)))
    .pipe(
      z
        .number({ error: "Enter a whole number of requests per minute." })
        .int("Enter a whole number of requests per minute.")
        .min(1, "Allow at least 1 request per minute.")
        .max(MAX_API_RATE_PER_MINUTE, `Allow at most ${MAX_API_RATE_PER_MINUTE} requests per minute.`),
    ),
});
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({
  keyId: z.string({ error: "Choose a key." }).trim().min(1, "Choose a key."),
});

function assertAdmin(ctx: Ctx): string {
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, "members:manage")) throw new ForbiddenError();
  return ctx.actor.id;
}

/**
 * Create a key. The token is returned once, here, and never again: only its SHA-256 is stored. The
 * audit row (label, scopes, expiry, rate; never the token) is written in the same transaction.
 */
export function createApiKey(
  ctx: Ctx,
  raw: CreateApiKeyInput,
): { id: string; token: string; prefix: string } {
  const userId = assertAdmin(ctx);
  const input = parseInput(createApiKeySchema, raw);
  const now = nowOf(ctx);
  const today = now.toISOString().slice(0, 10);
  // The key works through the whole of its last day (UTC), like evidence expiry dates.
  const expiresAt = new Date(`${input.expiresOn}T23:59:59.999Z`);
  if (input.expiresOn <= today) {
    throw new ValidationError({ expiresOn: "Choose a date after today." });
  }
  if (expiresAt.getTime() - now.getTime() > API_KEY_MAX_DAYS * DAY_MS) {
    throw new ValidationError({ expiresOn: `A key can live at most ${API_KEY_MAX_DAYS} days.` });
  }
  const scopes = API_SCOPES.filter((s) => input.scopes.includes(s));
  const prefix = randomBytes(5).toString("hex");
  const token = formatToken(prefix, randomBytes(32).toString("base64url"));
  return writeTx((tx) => {
    const row = tx
      .insert(apiKeys)
      .values({
        organizationId: ctx.organizationId,
        label: input.label,
        prefix,
        secretHash: sha256Hex(token),
        scopes,
        ratePerMinute: input.ratePerMinute,
        expiresAt,
        createdByUserId: userId,
        createdAt: now,
      })
      .returning({ id: apiKeys.id })
      .get();
    recordAudit(tx, ctx, {
      action: "api_key.created",
      entityType: "api_key",
      entityId: row.id,
      details: {
        label: input.label,
        prefix,
        scopes,
        expiresOn: input.expiresOn,
        ratePerMinute: input.ratePerMinute,
      },
    });
    return { id: row.id, token, prefix };
  });
}

/** Revoke a key: it answers 401 from the next request on. Revoking twice is a conflict. */
export function revokeApiKey(ctx: Ctx, raw: z.input<typeof revokeApiKeySchema>): void {
  assertAdmin(ctx);
  const { keyId } = parseInput(revokeApiKeySchema, raw);
  const now = nowOf(ctx);
  writeTx((tx) => {
    const key = tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.organizationId, ctx.organizationId)))
      .get();
    if (!key) throw new NotFoundError("API key not found");
    if (key.revokedAt) throw new ConflictError("That key is already revoked.");
    tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, key.id)).run();
    recordAudit(tx, ctx, {
      action: "api_key.revoked",
      entityType: "api_key",
      entityId: key.id,
      details: { label: key.label, prefix: key.prefix },
    });
  });
}

export type ApiKeyView = {
  id: string;
  label: string;
  prefix: string;
  scopes: ApiScope[];
  ratePerMinute: number;
  createdAt: string;
  createdBy: string | null;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: "active" | "expired" | "revoked";
};

export function listApiKeys(ctx: Ctx): ApiKeyView[] {
  assertAdmin(ctx);
  const now = nowOf(ctx).getTime();
  return db()
    .select({ key: apiKeys, createdBy: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdByUserId))
    .where(eq(apiKeys.organizationId, ctx.organizationId))
    .orderBy(desc(apiKeys.createdAt))
    .all()
    .map(({ key: k, createdBy }) => ({
      id: k.id,
      label: k.label,
      prefix: k.prefix,
      scopes: k.scopes,
      ratePerMinute: k.ratePerMinute,
      createdAt: k.createdAt.toISOString(),
      createdBy,
      expiresAt: k.expiresAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
      state: k.revokedAt ? "revoked" : k.expiresAt.getTime() <= now ? "expired" : "active",
    }));
}

export type ApiCaller = { ctx: Ctx; keyId: string; scopes: readonly ApiScope[]; ratePerMinute: number };

const UNAUTHORIZED = "Send a valid API key as `Authorization: Bearer cs_live_…`.";

/**
 * Who is calling: the key behind a bearer token, or a 401 problem (unknown, malformed, revoked or
 * expired key: the answer says which, except that an unknown and a wrong secret read the same).
 * The key's request is counted against its per-minute limit first (429 with Retry-After when spent),
 * and last_used_at is written at most once a minute, both in one short write transaction.
 */
export function authenticateApiKey(token: string | null, now = new Date()): ApiCaller {
  if (!token) throw new ApiProblem(401, "unauthorized", UNAUTHORIZED);
  const parsed = parseToken(token);
  if (!parsed) throw new ApiProblem(401, "unauthorized", UNAUTHORIZED);
  const key = db().select().from(apiKeys).where(eq(apiKeys.prefix, parsed.prefix)).get();
  if (!key || !safeEqual(key.secretHash, sha256Hex(token))) {
    throw new ApiProblem(401, "unauthorized", "This API key is not known.");
  }
  if (key.revokedAt) throw new ApiProblem(401, "unauthorized", "This API key has been revoked.");
  if (key.expiresAt.getTime() <= now.getTime()) {
    throw new ApiProblem(401, "unauthorized", "This API key has expired.");
  }
  const limit: Limit = { key: `api:key:${key.id}`, max: key.ratePerMinute, windowMs: RATE_WINDOW_MS };
  const wait = writeTx((tx) => {
    const blocked = blockedFor(tx, [limit], now);
    if (blocked > 0) return blocked;
    recordFailure(tx, [limit], now);
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      tx.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, key.id)).run();
    }
    return 0;
  });
  if (wait > 0) {
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    throw new ApiProblem(
      429,
      "rate-limited",
      `This key may make ${key.ratePerMinute} requests a minute; try again in ${seconds} s.`,
      {},
      { "Retry-After": String(seconds) },
    );
  }
  return {
    keyId: key.id,
    scopes: key.scopes,
    ratePerMinute: key.ratePerMinute,
    ctx: {
      organizationId: key.organizationId,
      actor: { type: "api_key", id: key.id, label: `API key “${key.label}”`, scopes: key.scopes },
    },
  };
}

/** Stored create answers older than a day (housekeeping). */
export function sweepIdempotency(now = new Date()): number {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_MS);
  return db().$client.prepare("delete from api_idempotency where created_at < ?").run(cutoff.getTime())
    .changes;
}
