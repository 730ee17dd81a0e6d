import { randomInt } from "node:crypto";
import { and, desc, eq, gt, isNotNull, isNull, lt, or } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { maskEmail } from "~/email/address";
import { enqueueEmail } from "~/email/outbox.server";
import { formatDate } from "~/i18n/dates";
import { isSupportedLanguage, negotiateLanguage, type LanguageCode } from "~/i18n/languages";
import type { Ctx } from "~/infra/context";
import { randomToken, safeEqual, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { blockedFor, recordFailure, takeAttempt, type Limit, type Throttle } from "~/orgs/rate-limit.server";
import { readCookie } from "~/orgs/session.server";
import {
  assignments,
  organizations,
  portalVerificationCodes,
  rateLimits,
  supplierPortalSessions,
  suppliers,
} from "~db/schema";
import { loadAssignment } from "./assignments.server";
import { localizeTemplate, questionCounts } from "./model";
import { renderCodeEmail, renderNewLinkEmail } from "./portal-emails.server";

export const PORTAL_COOKIE = "cs_portal";
/** A portal session lasts at most this long, and never beyond the invitation link's own expiry. */
const PORTAL_SESSION_MS = 7 * 86_400_000;
const MAX_TOKEN_LENGTH = 200;
const DAY_MS = 86_400_000;

/** A code is valid this long, for this many wrong guesses; then a new one must be requested. */
export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
/** Codes emailed per assignment per window: bounds both mailbox flooding and total guesses. */
export const CODE_REQUESTS_PER_WINDOW = 5;
export const CODE_WINDOW_MS = 15 * 60_000;
/** "Send me a new link" emails per assignment per day. */
export const NEW_LINK_PER_DAY = 3;
/** "Send me a new link" requests per client address per day, across all links. */
export const NEW_LINK_PER_IP_PER_DAY = 10;
/**
 * Wrong codes per link per day, across all its browsers and codes. Reaching it locks the link: only a
 * new link (emailed to the recipient, which rotates the token) opens the questionnaire again, so someone
 * holding a forwarded link gets this many guesses at a 6-digit code in total, not ~2,400 a day.
 */
export const LINK_CODE_BUDGET_PER_DAY = 10;
/** Unconfirmed browsers per assignment: opening the link again replaces the oldest beyond this. */
export const MAX_UNVERIFIED_SESSIONS = 5;
/** Link redemptions (each a new unconfirmed session and a code email) per client address per hour. */
export const REDEEMS_PER_IP_PER_HOUR = 20;
/** An unconfirmed session is useless once its codes are: swept after this long. */
export const UNVERIFIED_SESSION_MS = DAY_MS;

export type LinkState = "ok" | "unknown" | "expired" | "revoked" | "locked";

const budgetKey = (tokenHash: string) => `portal-code-budget:${tokenHash}`;

/** Whether the link's wrong-code budget is used up (then it stays locked until a new link is issued). */
function linkLocked(tx: DbOrTx, tokenHash: string): boolean {
  const row = tx
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, budgetKey(tokenHash)))
    .get();
  return !!row && row.count >= LINK_CODE_BUDGET_PER_DAY;
}

/** Count one wrong code against the link's daily budget; true when this one used the budget up. */
function spendBudget(tx: DbOrTx, tokenHash: string, now: Date): boolean {
  const key = budgetKey(tokenHash);
  const row = tx.select().from(rateLimits).where(eq(rateLimits.key, key)).get();
  const fresh =
    !row || (row.count < LINK_CODE_BUDGET_PER_DAY && row.windowStartedAt.getTime() + DAY_MS <= now.getTime());
  const count = fresh ? 1 : row.count + 1;
  if (!row) tx.insert(rateLimits).values({ key, count, windowStartedAt: now }).run();
  else
    tx.update(rateLimits)
      .set({ count, windowStartedAt: fresh ? now : row.windowStartedAt })
      .where(eq(rateLimits.key, key))
      .run();
  return count >= LINK_CODE_BUDGET_PER_DAY;
}

export class PortalRateLimitedError extends Error {
  constructor(public retryAfterMs: number) {
    super("Too many attempts from this address");
    this.name = "PortalRateLimitedError";
  }
}

function findByToken(tx: DbOrTx, token: string) {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  return (
    tx
      .select({
        assignment: assignments,
        organizationName: organizations.name,
        supplierName: suppliers.name,
      })
      .from(assignments)
      .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
      .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
      .where(eq(assignments.tokenHash, sha256Hex(token)))
      .get() ?? null
  );
}

function linkState(row: ReturnType<typeof findByToken>, now: Date, tx: DbOrTx = db()): LinkState {
  if (!row) return "unknown";
  if (row.assignment.status === "revoked" || row.assignment.revokedAt) return "revoked";
  if (row.assignment.tokenExpiresAt.getTime() <= now.getTime()) return "expired";
  if (linkLocked(tx, row.assignment.tokenHash)) return "locked";
  return "ok";
}

/**
 * The language of the pages before the portal proper: an explicit ?lang=, else the assignment's language
 * unless it is only the English default and the browser asks for another supported language.
 */
export function landingLanguage(request: Request, assignmentLanguage: string | null): LanguageCode {
  const asked = new URL(request.url).searchParams.get("lang");
  if (isSupportedLanguage(asked)) return asked;
  const browser = negotiateLanguage(request.headers.get("Accept-Language"));
  if (isSupportedLanguage(assignmentLanguage) && assignmentLanguage !== "en") return assignmentLanguage;
  return browser;
}

/**
 * What the landing page shows for a link. Read-only on purpose: mail scanners and link previews fetch
 * GET URLs, so looking at the page must not consume the token or mark the questionnaire opened.
 */
export function getInvitationLanding(request: Request, token: string, now = new Date()) {
  const row = findByToken(db(), token);
  const state = linkState(row, now);
  const lang = landingLanguage(request, row?.assignment.language ?? null);
  if (state !== "ok" || !row) return { state: state as Exclude<LinkState, "ok">, lang };
  const template = localizeTemplate(
    loadAssignment(db(), row.assignment.organizationId, row.assignment.id).template,
    lang,
  );
  return {
    state: "ok" as const,
    lang,
    organizationName: row.organizationName,
    supplierName: row.supplierName,
    recipientName: row.assignment.recipientName,
    title: template.title,
    intro: template.intro,
    // The one count (questionCounts): the questions everyone sees, and the follow-ups some answers add.
    questionCount: questionCounts(template).always,
    conditionalCount: questionCounts(template).conditional,
    sectionTitles: template.sections.map((s) => s.title),
    dueDate: row.assignment.dueDate,
    expiresAt: row.assignment.tokenExpiresAt.toISOString(),
    status: row.assignment.status,
  };
}

function portalCookie(token: string, maxAgeSeconds: number): string {
  const secure = env().NODE_ENV === "production" && env().publicOrigin.startsWith("https:") ? "; Secure" : "";
  return `${PORTAL_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function supplierCtx(
  organizationId: string,
  assignmentId: string,
  label: string,
  now?: () => Date,
): Ctx {
  return { organizationId, actor: { type: "supplier", id: assignmentId, label }, now };
}

const contactLabel = (a: { recipientName: string }) => `${a.recipientName} (supplier contact)`;

function codeLimit(assignmentId: string): Limit {
  return { key: `portal-code:${assignmentId}`, max: CODE_REQUESTS_PER_WINDOW, windowMs: CODE_WINDOW_MS };
}

function hashCode(sessionId: string, code: string): string {
  // Bound to the session: a code read from one browser's email cannot confirm another browser's session.
  return sha256Hex(`${sessionId}:${code}`);
}

function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

type CodeIssue = { sent: true } | { sent: false; retryAfterMinutes: number };

/**
 * Insert a code for a session and queue its email, unless the assignment's code limit is used up.
 * The email is rendered before the transaction by the caller (see prepareCode).
 */
function issueCode(
  tx: DbOrTx,
  ctx: Ctx,
  a: typeof assignments.$inferSelect,
  sessionId: string,
  prepared: { code: string; email: { subject: string; html: string; text: string } },
  now: Date,
): CodeIssue {
  const limit = codeLimit(a.id);
  const wait = blockedFor(tx, [limit], now);
  if (wait > 0) return { sent: false, retryAfterMinutes: Math.max(1, Math.ceil(wait / 60_000)) };
  recordFailure(tx, [limit], now);
  // A new code replaces any earlier one of this session.
  tx.update(portalVerificationCodes)
    .set({ consumedAt: now })
    .where(and(eq(portalVerificationCodes.sessionId, sessionId), isNull(portalVerificationCodes.consumedAt)))
    .run();
  tx.insert(portalVerificationCodes)
    .values({
      organizationId: a.organizationId,
      assignmentId: a.id,
      sessionId,
      codeHash: hashCode(sessionId, prepared.code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    })
    .run();
  enqueueEmail(
    tx,
    {
      organizationId: a.organizationId,
      template: "portal-verification-code",
      to: a.recipientEmail,
      toName: a.recipientName,
      ...prepared.email,
    },
    now,
  );
  recordAudit(tx, ctx, {
    action: "questionnaire.code_sent",
    entityType: "questionnaire_assignment",
    entityId: a.id,
  });
  return { sent: true };
}

async function prepareCode(a: typeof assignments.$inferSelect, lang: string) {
  const names = db()
    .select({ org: organizations.name, supplier: suppliers.name })
    .from(assignments)
    .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .where(eq(assignments.id, a.id))
    .get();
  const code = newCode();
  const email = await renderCodeEmail({
    lang,
    code,
    recipientName: a.recipientName,
    organizationName: names?.org ?? "",
    supplierName: names?.supplier ?? "",
  });
  return { code, email };
}

function liveSession(tx: DbOrTx, token: string | null, assignmentId: string, now: Date) {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  return (
    tx
      // Not the whole assignment: its snapshot column is large JSON this guard does not need.
      .select({
        session: supplierPortalSessions,
        assignment: {
          id: assignments.id,
          organizationId: assignments.organizationId,
          status: assignments.status,
          language: assignments.language,
          recipientName: assignments.recipientName,
        },
      })
      .from(supplierPortalSessions)
      .innerJoin(
        assignments,
        and(
          eq(assignments.id, supplierPortalSessions.assignmentId),
          eq(assignments.organizationId, supplierPortalSessions.organizationId),
        ),
      )
      .where(
        and(
          eq(supplierPortalSessions.id, sha256Hex(token)),
          eq(supplierPortalSessions.assignmentId, assignmentId),
          gt(supplierPortalSessions.expiresAt, now),
        ),
      )
      .get() ?? null
  );
}

export type RedeemResult =
  | { ok: true; assignmentId: string; setCookie: string | null; verified: boolean }
  | { ok: false; state: Exclude<LinkState, "ok"> };

/**
 * Redeem an invitation link (POST only): start a supplier portal session bound to this one assignment,
 * unverified, and email a 6-digit code to the address the questionnaire was sent to. A browser that
 * already holds a live session for this assignment keeps it (no new code, no new session). The language
 * the landing page was shown in becomes the assignment's language. Never creates a buyer session.
 */
export async function redeemInvitation(
  request: Request,
  token: string,
  opts: { now?: Date; lang?: string; ip?: string | null } = {},
): Promise<RedeemResult> {
  const now = opts.now ?? new Date();
  const row = findByToken(db(), token);
  const state = linkState(row, now);
  if (state !== "ok" || !row) return { ok: false, state: state as Exclude<LinkState, "ok"> };
  const lang = isSupportedLanguage(opts.lang) ? opts.lang : row.assignment.language;
  const existing = liveSession(db(), readCookie(request, PORTAL_COOKIE), row.assignment.id, now);
  if (!existing && opts.ip) {
    // Each redemption in a fresh browser is a session row and a code email: bounded per address.
    const throttle: Throttle = {
      key: `portal-redeem:ip:${opts.ip}`,
      free: REDEEMS_PER_IP_PER_HOUR,
      baseMs: 60_000,
      capMs: 60 * 60_000,
      decayMs: 60 * 60_000,
    };
    try {
      writeTx((tx) => takeAttempt(tx, [throttle], now));
    } catch (err) {
      if (err instanceof Error && "retryAfterMs" in err) {
        throw new PortalRateLimitedError((err as { retryAfterMs: number }).retryAfterMs);
      }
      throw err;
    }
  }
  const prepared = existing ? null : await prepareCode(row.assignment, lang);

  return writeTx((tx) => {
    // Re-read inside the transaction: the link may have been revoked while the email rendered.
    const fresh = findByToken(tx, token);
    const freshState = linkState(fresh, now, tx);
    if (freshState !== "ok" || !fresh) return { ok: false, state: freshState as Exclude<LinkState, "ok"> };
    const a = fresh.assignment;
    const ctx = supplierCtx(a.organizationId, a.id, contactLabel(a), () => now);

    const firstOpen = tx
      .update(assignments)
      .set({ firstOpenedAt: now, status: "in_progress", updatedAt: now })
      .where(and(eq(assignments.id, a.id), eq(assignments.status, "sent"), isNull(assignments.firstOpenedAt)))
      .run().changes;
    if (lang !== a.language)
      tx.update(assignments).set({ language: lang, updatedAt: now }).where(eq(assignments.id, a.id)).run();

    if (existing || !prepared) {
      return { ok: true, assignmentId: a.id, setCookie: null, verified: !!existing?.session.verifiedAt };
    }
    // Expired portal sessions of this assignment are swept here: cheap, and keeps the table small.
    tx.delete(supplierPortalSessions)
      .where(and(eq(supplierPortalSessions.assignmentId, a.id), lt(supplierPortalSessions.expiresAt, now)))
      .run();
    // At most MAX_UNVERIFIED_SESSIONS unconfirmed browsers per assignment: the oldest make room.
    const pending = tx
      .select({ id: supplierPortalSessions.id })
      .from(supplierPortalSessions)
      .where(and(eq(supplierPortalSessions.assignmentId, a.id), isNull(supplierPortalSessions.verifiedAt)))
      .orderBy(desc(supplierPortalSessions.createdAt))
      .all();
    for (const old of pending.slice(MAX_UNVERIFIED_SESSIONS - 1)) {
      tx.delete(supplierPortalSessions).where(eq(supplierPortalSessions.id, old.id)).run();
    }
    const sessionToken = randomToken();
    const sessionId = sha256Hex(sessionToken);
    const expiresAt = new Date(Math.min(now.getTime() + PORTAL_SESSION_MS, a.tokenExpiresAt.getTime()));
    tx.insert(supplierPortalSessions)
      .values({
        id: sessionId,
        organizationId: a.organizationId,
        assignmentId: a.id,
        createdAt: now,
        expiresAt,
      })
      .run();
    recordAudit(tx, ctx, {
      action: firstOpen ? "questionnaire.opened" : "questionnaire.link_redeemed",
      entityType: "questionnaire_assignment",
      entityId: a.id,
    });
    issueCode(tx, ctx, a, sessionId, prepared, now);
    const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
    return { ok: true, assignmentId: a.id, setCookie: portalCookie(sessionToken, maxAge), verified: false };
  });
}

export type PortalAccess = { ctx: Ctx; assignmentId: string; language: LanguageCode; sessionId: string };

const notFound = () => new Response("Not found", { status: 404 });

/**
 * The portal's guard: the request must carry a live portal cookie bound to exactly this assignment, and
 * the session must have been confirmed with the emailed code. No session (or another assignment's) is a
 * 404, so an assignment id alone reveals nothing; an unconfirmed session is sent to the code page.
 */
export function requirePortalAccess(
  request: Request,
  assignmentId: string,
  opts: { now?: Date; allowUnverified?: boolean } = {},
): PortalAccess & { verified: boolean } {
  const now = opts.now ?? new Date();
  const row = liveSession(db(), readCookie(request, PORTAL_COOKIE), assignmentId, now);
  if (!row || row.assignment.status === "revoked") throw notFound();
  const verified = row.session.verifiedAt !== null;
  if (!verified && !opts.allowUnverified) {
    throw new Response(null, { status: 302, headers: { Location: `/portal/${assignmentId}/verify` } });
  }
  return {
    assignmentId,
    sessionId: row.session.id,
    verified,
    language: isSupportedLanguage(row.assignment.language) ? row.assignment.language : "en",
    ctx: supplierCtx(row.assignment.organizationId, assignmentId, contactLabel(row.assignment)),
  };
}

/** What the code page shows: where the code went (masked) and the organisation. */
export function getVerifyView(access: PortalAccess) {
  const row = db()
    .select({ email: assignments.recipientEmail, org: organizations.name, supplier: suppliers.name })
    .from(assignments)
    .innerJoin(organizations, eq(organizations.id, assignments.organizationId))
    .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
    .where(
      and(eq(assignments.id, access.assignmentId), eq(assignments.organizationId, access.ctx.organizationId)),
    )
    .get();
  if (!row) throw notFound();
  return { maskedEmail: maskEmail(row.email), organizationName: row.org, supplierName: row.supplier };
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; reason: "format" | "expired" | "locked" | "none" | "linkLocked" }
  | { ok: false; reason: "wrong"; attemptsLeft: number };

/**
 * Check a code for this browser's session. Wrong guesses are counted on the code; at the limit the code
 * is dead. Success stamps the session verified; the code cannot be used twice.
 */
export function verifyPortalCode(access: PortalAccess, rawCode: string, now = new Date()): VerifyResult {
  const code = rawCode.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "format" };
  return writeTx((tx): VerifyResult => {
    const link = tx
      .select({ tokenHash: assignments.tokenHash })
      .from(assignments)
      .where(
        and(
          eq(assignments.id, access.assignmentId),
          eq(assignments.organizationId, access.ctx.organizationId),
        ),
      )
      .get();
    if (!link || linkLocked(tx, link.tokenHash)) return { ok: false, reason: "linkLocked" };
    const latest = tx
      .select()
      .from(portalVerificationCodes)
      .where(
        and(
          eq(portalVerificationCodes.sessionId, access.sessionId),
          eq(portalVerificationCodes.organizationId, access.ctx.organizationId),
          isNull(portalVerificationCodes.consumedAt),
        ),
      )
      .orderBy(desc(portalVerificationCodes.createdAt))
      .limit(1)
      .get();
    if (!latest) return { ok: false, reason: "none" };
    if (latest.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "locked" };
    if (latest.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    const ctx = { ...access.ctx, now: () => now };
    if (!safeEqual(latest.codeHash, hashCode(access.sessionId, code))) {
      const attempts = latest.attempts + 1;
      tx.update(portalVerificationCodes)
        .set({ attempts })
        .where(eq(portalVerificationCodes.id, latest.id))
        .run();
      const spent = spendBudget(tx, link.tokenHash, now);
      recordAudit(tx, ctx, {
        action: spent ? "questionnaire.link_locked" : "questionnaire.code_rejected",
        entityType: "questionnaire_assignment",
        entityId: access.assignmentId,
        details: { attempts },
      });
      if (spent) {
        // Every unconfirmed browser of this link is done: only a new link, sent to the recipient, helps.
        tx.delete(supplierPortalSessions)
          .where(
            and(
              eq(supplierPortalSessions.assignmentId, access.assignmentId),
              isNull(supplierPortalSessions.verifiedAt),
            ),
          )
          .run();
        return { ok: false, reason: "linkLocked" };
      }
      if (attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "locked" };
      return { ok: false, reason: "wrong", attemptsLeft: CODE_MAX_ATTEMPTS - attempts };
    }
    tx.update(portalVerificationCodes)
      .set({ consumedAt: now })
      .where(eq(portalVerificationCodes.id, latest.id))
      .run();
    tx.update(supplierPortalSessions)
      .set({ verifiedAt: now })
      .where(eq(supplierPortalSessions.id, access.sessionId))
      .run();
    recordAudit(tx, ctx, {
      action: "questionnaire.code_confirmed",
      entityType: "questionnaire_assignment",
      entityId: access.assignmentId,
    });
    return { ok: true };
  });
}

/** Email a fresh code to the assignment's recipient for this (unverified) session; rate-limited. */
export async function resendPortalCode(access: PortalAccess, now = new Date()): Promise<CodeIssue> {
  const { row } = loadAssignment(db(), access.ctx.organizationId, access.assignmentId);
  const prepared = await prepareCode(row, access.language);
  return writeTx((tx) =>
    issueCode(tx, { ...access.ctx, now: () => now }, row, access.sessionId, prepared, now),
  );
}

/**
 * "Send me a new link" from a wrong, expired or revoked link page. Only an expired link of a live
 * questionnaire is renewed: the token is rotated (the old one stays dead) and the new link is emailed to
 * the address the questionnaire was sent to, never to one the visitor types. A revoked link stays revoked
 * and an unknown token has no one to send to. The caller answers the same in every case, so the page
 * reveals nothing about the link; requests are limited per assignment.
 */
export async function requestNewLink(
  token: string,
  now = new Date(),
  opts: { ip?: string | null } = {},
): Promise<{ sent: boolean }> {
  // Bounded per client address before anything else (every answer looks the same to the visitor).
  if (opts.ip) {
    const perIp: Limit = {
      key: `portal-new-link:ip:${opts.ip}`,
      max: NEW_LINK_PER_IP_PER_DAY,
      windowMs: DAY_MS,
    };
    const refused = writeTx((tx) => {
      if (blockedFor(tx, [perIp], now) > 0) return true;
      recordFailure(tx, [perIp], now);
      return false;
    });
    if (refused) return { sent: false };
  }
  const row = findByToken(db(), token);
  const state = linkState(row, now);
  if ((state !== "expired" && state !== "locked") || !row) return { sent: false };
  const a = row.assignment;
  const limit: Limit = { key: `portal-new-link:${a.id}`, max: NEW_LINK_PER_DAY, windowMs: DAY_MS };
  if (blockedFor(db(), [limit], now) > 0) return { sent: false };

  const newToken = randomToken();
  const expiresAt = new Date(now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS);
  const lang = a.language;
  const email = await renderNewLinkEmail({
    lang,
    recipientName: a.recipientName,
    organizationName: row.organizationName,
    supplierName: row.supplierName,
    link: `${env().publicOrigin}/s/${newToken}`,
    validUntil: formatDate(expiresAt, lang),
  });
  return writeTx((tx) => {
    if (blockedFor(tx, [limit], now) > 0) return { sent: false };
    recordFailure(tx, [limit], now);
    const rotated = tx
      .update(assignments)
      .set({ tokenHash: sha256Hex(newToken), tokenExpiresAt: expiresAt, updatedAt: now })
      .where(
        and(
          eq(assignments.id, a.id),
          eq(assignments.tokenHash, sha256Hex(token)),
          isNull(assignments.revokedAt),
        ),
      )
      .run().changes;
    if (rotated !== 1) return { sent: false };
    // Browsers that never confirmed a code came through the old link: they start again from the new one.
    tx.delete(supplierPortalSessions)
      .where(and(eq(supplierPortalSessions.assignmentId, a.id), isNull(supplierPortalSessions.verifiedAt)))
      .run();
    tx.delete(rateLimits)
      .where(eq(rateLimits.key, budgetKey(a.tokenHash)))
      .run();
    enqueueEmail(
      tx,
      {
        organizationId: a.organizationId,
        template: "portal-new-link",
        to: a.recipientEmail,
        toName: a.recipientName,
        ...email,
      },
      now,
    );
    recordAudit(
      tx,
      supplierCtx(
        a.organizationId,
        a.id,
        state === "locked" ? "Visitor with a locked link" : "Visitor with an expired link",
        () => now,
      ),
      {
        action: "questionnaire.link_renewed",
        entityType: "questionnaire_assignment",
        entityId: a.id,
        details: { tokenExpiresAt: expiresAt.toISOString(), after: state },
      },
    );
    return { sent: true };
  });
}

/**
 * Housekeeping (at boot and every hour): portal sessions past their expiry, unconfirmed ones older than a
 * day (their codes died after 10 minutes) and spent code rows. Returns how many sessions went.
 */
export function sweepPortalSessions(now = new Date()): number {
  return writeTx((tx) => {
    const gone = tx
      .delete(supplierPortalSessions)
      .where(
        or(
          lt(supplierPortalSessions.expiresAt, now),
          and(
            isNull(supplierPortalSessions.verifiedAt),
            lt(supplierPortalSessions.createdAt, new Date(now.getTime() - UNVERIFIED_SESSION_MS)),
          ),
        ),
      )
      .run().changes;
    tx.delete(portalVerificationCodes)
      .where(
        or(
          lt(portalVerificationCodes.expiresAt, new Date(now.getTime() - DAY_MS)),
          and(
            isNotNull(portalVerificationCodes.consumedAt),
            lt(portalVerificationCodes.createdAt, new Date(now.getTime() - DAY_MS)),
          ),
        ),
      )
      .run();
    return gone;
  });
}
