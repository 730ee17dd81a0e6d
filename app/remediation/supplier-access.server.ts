import { randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, notInArray, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { renderEmail } from "~/email/render.server";
import { formatDate } from "~/i18n/dates";
import { isSupportedLanguage, LANGUAGE_CODES, type LanguageCode } from "~/i18n/languages";
import { type Ctx, nowOf } from "~/infra/context";
import { randomToken, safeEqual, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import {
  blockedFor,
  clearLimit,
  recordFailure,
  takeAttempt,
  type Limit,
  type Throttle,
} from "~/orgs/rate-limit.server";
import { readCookie } from "~/orgs/session.server";
import {
  CODE_MAX_ATTEMPTS,
  CODE_REQUESTS_PER_WINDOW,
  CODE_TTL_MS,
  CODE_WINDOW_MS,
} from "~/questionnaires/portal-access.server";
import {
  actionPortalCodes,
  actionPortalLinks,
  actionPortalSessions,
  findings,
  organizations,
  remediationTasks,
  suppliers,
} from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import ActionPortalCode from "~emails/action-portal-code";
import ActionPortalInvitation from "~emails/action-portal-invitation";
import { getActionDetail } from "./detail.server";
import { supplierActionsT } from "./supplier-i18n.server";
import { availableEvents } from "./workflow";

/**
 * The supplier's way into its corrective actions: the questionnaire portal's mechanism (D13) for a link
 * bound to one supplier instead of one questionnaire — a 256-bit token of which only the SHA-256 is kept,
 * redeemed by POST (mail scanners prefetch GETs), a session cookie per browser that reads nothing until
 * the 6-digit code emailed to the recipient confirms it, the same code lifetime, attempt and request
 * limits. A session never becomes a buyer session, and reaches only its supplier's actions.
 */
export const ACTIONS_COOKIE = "cs_actions";
const SESSION_MS = 7 * 86_400_000;
const DAY_MS = 86_400_000;
const MINUTE = 60_000;
const MAX_TOKEN_LENGTH = 200;

export type SupplierAccess = {
  ctx: Ctx;
  linkId: string;
  supplierId: string;
  sessionId: string;
  language: LanguageCode;
};

export const shareSchema = z.strictObject({
  recipientName: z
    .string({ error: "Name the person at the supplier." })
    .trim()
    .min(2, { error: "Name the person at the supplier." })
    .max(200)
    .refine((v) => !/[\r\n]/.test(v), { error: "Use one line for the name." }),
  recipientEmail: z
    .email({ error: "Enter the supplier contact's email address." })
    .trim()
    .toLowerCase()
    .max(320),
  language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], { error: "Choose a language." }),
});

/**
 * Email a supplier contact a fresh link to the supplier's corrective actions, in their language. A new
 * link revokes the supplier's earlier ones (only the latest works), so a forwarded old email is dead.
 */
export async function shareActionsWithSupplier(
  ctx: Ctx,
  supplierId: string,
  input: z.input<typeof shareSchema>,
) {
  const v = parseInput(shareSchema, input);
  const now = nowOf(ctx);
  const names = db()
    .select({ supplier: suppliers.name, org: organizations.name })
    .from(suppliers)
    .innerJoin(organizations, eq(organizations.id, suppliers.organizationId))
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!names) throw new NotFoundError("Supplier not found");
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS);
  const t = supplierActionsT(v.language);
  const email = await renderEmail(
    ActionPortalInvitation({
      lang: v.language,
      heading: t("email.invite.heading", { org: names.org }),
      greeting: t("email.greeting", { name: v.recipientName }),
      body: t("email.invite.body", { org: names.org, supplier: names.supplier }),
      button: t("email.invite.button"),
      validUntil: t("email.validUntil", { date: formatDate(expiresAt, v.language) }),
      footer: t("email.footer", { org: names.org }),
      link: `${env().publicOrigin}/a/${token}`,
    }),
    t("email.invite.subject", { org: names.org }),
  );
  return writeTx((tx) => {
    tx.update(actionPortalLinks)
      .set({ revokedAt: now })
      .where(
        and(
          eq(actionPortalLinks.organizationId, ctx.organizationId),
          eq(actionPortalLinks.supplierId, supplierId),
          isNull(actionPortalLinks.revokedAt),
        ),
      )
      .run();
    const link = tx
      .insert(actionPortalLinks)
      .values({
        organizationId: ctx.organizationId,
        supplierId,
        recipientName: v.recipientName,
        recipientEmail: v.recipientEmail,
        language: v.language,
        tokenHash: sha256Hex(token),
        tokenExpiresAt: expiresAt,
        createdByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: now,
      })
      .returning({ id: actionPortalLinks.id })
      .get();
    enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: "action-portal-invitation",
        to: v.recipientEmail,
        toName: v.recipientName,
        ...email,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: "remediation.shared_with_supplier",
      entityType: "supplier",
      entityId: supplierId,
      details: { linkId: link.id, recipientEmail: v.recipientEmail, language: v.language },
    });
    return { linkId: link.id, link: `${env().publicOrigin}/a/${token}` };
  });
}

function findLink(tx: DbOrTx, token: string, now: Date) {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const row = tx
    .select({ link: actionPortalLinks, supplierName: suppliers.name, org: organizations.name })
    .from(actionPortalLinks)
    .innerJoin(suppliers, eq(suppliers.id, actionPortalLinks.supplierId))
    .innerJoin(organizations, eq(organizations.id, actionPortalLinks.organizationId))
    .where(eq(actionPortalLinks.tokenHash, sha256Hex(token)))
    .get();
  if (!row || row.link.revokedAt || row.link.tokenExpiresAt.getTime() <= now.getTime()) return null;
  return row;
}

/** The landing page: read-only (a GET must not consume the link). */
export function actionLinkLanding(token: string, now = new Date()) {
  const row = findLink(db(), token, now);
  if (!row) return null;
  return {
    organizationName: row.org,
    supplierName: row.supplierName,
    language: row.link.language as LanguageCode,
  };
}

const hashCode = (sessionId: string, code: string) => sha256Hex(`${sessionId}:${code}`);
const codeLimit = (linkId: string): Limit => ({
  key: `action-portal-code:${linkId}`,
  max: CODE_REQUESTS_PER_WINDOW,
  windowMs: CODE_WINDOW_MS,
});

async function prepareCode(row: NonNullable<ReturnType<typeof findLink>>) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const lang = row.link.language;
  const t = supplierActionsT(lang);
  const email = await renderEmail(
    ActionPortalCode({
      lang,
      code,
      heading: t("email.code.heading"),
      greeting: t("email.greeting", { name: row.link.recipientName }),
      body: t("email.code.body", { org: row.org, supplier: row.supplierName }),
      footer: t("email.footer", { org: row.org }),
    }),
    t("email.code.subject", { code, org: row.org }),
  );
  return { code, email };
}

function issueCode(
  tx: DbOrTx,
  link: typeof actionPortalLinks.$inferSelect,
  sessionId: string,
  prepared: Awaited<ReturnType<typeof prepareCode>>,
  now: Date,
): { sent: boolean } {
  const limit = codeLimit(link.id);
  if (blockedFor(tx, [limit], now) > 0) return { sent: false };
  recordFailure(tx, [limit], now);
  tx.update(actionPortalCodes)
    .set({ consumedAt: now })
    .where(and(eq(actionPortalCodes.sessionId, sessionId), isNull(actionPortalCodes.consumedAt)))
    .run();
  tx.insert(actionPortalCodes)
    .values({
      organizationId: link.organizationId,
      sessionId,
      codeHash: hashCode(sessionId, prepared.code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    })
    .run();
  enqueueEmail(
    tx,
    {
      organizationId: link.organizationId,
      template: "action-portal-code",
      to: link.recipientEmail,
      toName: link.recipientName,
      ...prepared.email,
    },
    now,
  );
  return { sent: true };
}

const supplierLabel = (l: { recipientName: string }) => `${l.recipientName} (supplier contact)`;
export const supplierActionsCtx = (link: typeof actionPortalLinks.$inferSelect, now?: () => Date): Ctx => ({
  organizationId: link.organizationId,
  actor: { type: "supplier", id: link.id, label: supplierLabel(link) },
  now,
});

/** Unconfirmed browsers per link: redeeming again replaces the oldest beyond this. */
export const MAX_UNVERIFIED_ACTION_SESSIONS = 5;
/** Link redemptions (each a session row and a code email) per client address per hour. */
export const ACTION_REDEEMS_PER_IP_PER_HOUR = 20;
/** An unconfirmed session is useless once its codes are (10 minutes): swept after a day. */
const UNVERIFIED_SESSION_MS = DAY_MS;

/**
 * Redeem (POST): a new unconfirmed session for this browser and a code emailed to the recipient.
 * Bounded per client address (TooManyAttemptsError, with the wait) and per link (the oldest unconfirmed
 * browsers make room), so repeated POSTs cannot pile up session rows.
 */
export async function redeemActionLink(token: string, now = new Date(), opts: { ip?: string | null } = {}) {
  const row = findLink(db(), token, now);
  if (!row) return null;
  if (opts.ip) {
    const perIp: Throttle = {
      key: `action-redeem:ip:${opts.ip}`,
      free: ACTION_REDEEMS_PER_IP_PER_HOUR,
      baseMs: MINUTE,
      capMs: 60 * MINUTE,
      decayMs: 60 * MINUTE,
    };
    writeTx((tx) => takeAttempt(tx, [perIp], now));
  }
  const prepared = await prepareCode(row);
  return writeTx((tx) => {
    const fresh = findLink(tx, token, now);
    if (!fresh) return null;
    tx.delete(actionPortalSessions)
      .where(and(eq(actionPortalSessions.linkId, fresh.link.id), lt(actionPortalSessions.expiresAt, now)))
      .run();
    const pending = tx
      .select({ id: actionPortalSessions.id })
      .from(actionPortalSessions)
      .where(and(eq(actionPortalSessions.linkId, fresh.link.id), isNull(actionPortalSessions.verifiedAt)))
      .orderBy(desc(actionPortalSessions.createdAt))
      .all();
    for (const old of pending.slice(MAX_UNVERIFIED_ACTION_SESSIONS - 1)) {
      tx.delete(actionPortalSessions).where(eq(actionPortalSessions.id, old.id)).run();
    }
    const sessionToken = randomToken();
    const sessionId = sha256Hex(sessionToken);
    const expiresAt = new Date(Math.min(now.getTime() + SESSION_MS, fresh.link.tokenExpiresAt.getTime()));
    tx.insert(actionPortalSessions)
      .values({
        id: sessionId,
        organizationId: fresh.link.organizationId,
        linkId: fresh.link.id,
        createdAt: now,
        expiresAt,
      })
      .run();
    issueCode(tx, fresh.link, sessionId, prepared, now);
    recordAudit(
      tx,
      supplierActionsCtx(fresh.link, () => now),
      {
        action: "remediation.supplier_link_redeemed",
        entityType: "supplier",
        entityId: fresh.link.supplierId,
      },
    );
    const secure =
      env().NODE_ENV === "production" && env().publicOrigin.startsWith("https:") ? "; Secure" : "";
    const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
    return {
      setCookie: `${ACTIONS_COOKIE}=${sessionToken}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`,
    };
  });
}

const notFound = () => new Response("Not found", { status: 404 });

/**
 * The guard of every supplier action page: a live session cookie of a live link; unconfirmed sessions
 * reach only the code page. Anything else is a 404 that reveals nothing.
 */
export function requireSupplierActions(
  request: Request,
  opts: { allowUnverified?: boolean; now?: Date } = {},
): SupplierAccess & { verified: boolean; recipientEmail: string } {
  const now = opts.now ?? new Date();
  const token = readCookie(request, ACTIONS_COOKIE);
  if (!token || token.length > MAX_TOKEN_LENGTH) throw notFound();
  const row = db()
    .select({ session: actionPortalSessions, link: actionPortalLinks })
    .from(actionPortalSessions)
    .innerJoin(actionPortalLinks, eq(actionPortalLinks.id, actionPortalSessions.linkId))
    .where(and(eq(actionPortalSessions.id, sha256Hex(token)), gt(actionPortalSessions.expiresAt, now)))
    .get();
  if (!row || row.link.revokedAt || row.link.tokenExpiresAt.getTime() <= now.getTime()) throw notFound();
  const verified = row.session.verifiedAt !== null;
  if (!verified && !opts.allowUnverified)
    throw new Response(null, { status: 302, headers: { Location: "/supplier-actions/verify" } });
  return {
    ctx: supplierActionsCtx(row.link),
    linkId: row.link.id,
    supplierId: row.link.supplierId,
    sessionId: row.session.id,
    language: isSupportedLanguage(row.link.language) ? row.link.language : "en",
    verified,
    recipientEmail: row.link.recipientEmail,
  };
}

export type CodeCheck =
  { ok: true } | { ok: false; reason: "format" | "wrong" | "expired" | "locked" | "none" };

/**
 * Code entries per link, across all its browsers and codes: 10 free, then each further one waits twice
 * as long as the last (1, 2, 4 … 60 minutes), starting over after a day without entries. Without it a
 * link holder could redeem new browsers and request new codes for ~2,400 guesses a day; with it, about
 * 40 on the first day and 24 a day after (≈ 0.07 % over a 30-day link). A confirmed code clears it.
 */
export const ACTION_CODE_FREE_PER_LINK = 10;
/** Code entries per client address across all links (an office may share one address). */
export const ACTION_CODE_FREE_PER_IP = 30;

export function actionCodeThrottles(linkId: string, ip: string | null | undefined): Throttle[] {
  const backoff = { baseMs: MINUTE, capMs: 60 * MINUTE, decayMs: DAY_MS };
  const throttles: Throttle[] = [
    { key: `action-code:link:${linkId}`, free: ACTION_CODE_FREE_PER_LINK, ...backoff },
  ];
  // No per-IP bucket without a trustworthy address: one shared bucket would let anyone slow everyone.
  if (ip) throttles.push({ key: `action-code:ip:${ip}`, free: ACTION_CODE_FREE_PER_IP, ...backoff });
  return throttles;
}

/**
 * Check a code for this browser's session. The attempt is taken from the link's and the address's
 * throttles first, in the same write transaction as the check, so parallel guesses are counted one
 * after another and none is checked beyond the allowance (TooManyAttemptsError, with the wait).
 */
export function verifyActionCode(
  access: SupplierAccess,
  raw: string,
  now = new Date(),
  opts: { ip?: string | null } = {},
): CodeCheck {
  const code = raw.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "format" };
  const throttles = actionCodeThrottles(access.linkId, opts.ip);
  return writeTx((tx): CodeCheck => {
    takeAttempt(tx, throttles, now);
    const latest = tx
      .select()
      .from(actionPortalCodes)
      .where(and(eq(actionPortalCodes.sessionId, access.sessionId), isNull(actionPortalCodes.consumedAt)))
      .orderBy(desc(actionPortalCodes.createdAt))
      .get();
    if (!latest) return { ok: false, reason: "none" };
    if (latest.attempts >= CODE_MAX_ATTEMPTS) return { ok: false, reason: "locked" };
    if (latest.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
    if (!safeEqual(latest.codeHash, hashCode(access.sessionId, code))) {
      const attempts = latest.attempts + 1;
      tx.update(actionPortalCodes).set({ attempts }).where(eq(actionPortalCodes.id, latest.id)).run();
      return { ok: false, reason: attempts >= CODE_MAX_ATTEMPTS ? "locked" : "wrong" };
    }
    tx.update(actionPortalCodes).set({ consumedAt: now }).where(eq(actionPortalCodes.id, latest.id)).run();
    clearLimit(tx, throttles[0].key);
    tx.update(actionPortalSessions)
      .set({ verifiedAt: now })
      .where(eq(actionPortalSessions.id, access.sessionId))
      .run();
    recordAudit(
      tx,
      { ...access.ctx, now: () => now },
      {
        action: "remediation.supplier_code_confirmed",
        entityType: "supplier",
        entityId: access.supplierId,
      },
    );
    return { ok: true };
  });
}

/** A new code for this browser's unconfirmed session (request limit as for questionnaires). */
export async function resendActionCode(access: SupplierAccess, now = new Date()) {
  const link = db().select().from(actionPortalLinks).where(eq(actionPortalLinks.id, access.linkId)).get();
  if (!link) throw notFound();
  const row = {
    link,
    supplierName:
      db().select({ n: suppliers.name }).from(suppliers).where(eq(suppliers.id, link.supplierId)).get()?.n ??
      "",
    org:
      db()
        .select({ n: organizations.name })
        .from(organizations)
        .where(eq(organizations.id, link.organizationId))
        .get()?.n ?? "",
  };
  const prepared = await prepareCode(row);
  return writeTx((tx) => issueCode(tx, link, access.sessionId, prepared, now));
}

/** The supplier's unresolved and recently closed actions, nothing of any other supplier. */
export function supplierActionList(access: SupplierAccess) {
  return db()
    .select({ id: remediationTasks.id, state: remediationTasks.state, dueDate: remediationTasks.dueDate })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, access.ctx.organizationId),
        eq(remediationTasks.supplierId, access.supplierId),
        notInArray(remediationTasks.state, ["closed"]),
      ),
    )
    .orderBy(remediationTasks.dueDate)
    .all();
}

/**
 * An action's title as the supplier reads it, in the supplier's language. The stored title is the buyer's
 * English ("Major finding: …", "Red-flag answer H2: …"); the supplier sees the kind of action in its own
 * language, with the finding's title as the auditor wrote it. A grievance's warning signs are not shown:
 * the supplier learns that a worker's report was substantiated, not what the worker said.
 */
function supplierActionTitle(
  access: SupplierAccess,
  a: { sourceType: string; sourceRef: string; grade: FindingGrade; title: string },
): string {
  const t = supplierActionsT(access.language);
  if (a.sourceType === "finding") {
    const finding = db()
      .select({ title: findings.title })
      .from(findings)
      .where(and(eq(findings.id, a.sourceRef), eq(findings.organizationId, access.ctx.organizationId)))
      .get();
    if (finding) return t(`source.finding.${a.grade}`, { title: finding.title });
  }
  if (a.sourceType === "answer") return t("source.answer", { question: a.sourceRef.split(":").pop() ?? "" });
  if (a.sourceType === "grievance") return t("source.grievance");
  return a.title;
}

/** What the supplier's page shows: each unresolved action with the steps the supplier may take now. */
export function supplierActionsPage(access: SupplierAccess) {
  const names = db()
    .select({ supplier: suppliers.name, org: organizations.name })
    .from(suppliers)
    .innerJoin(organizations, eq(organizations.id, suppliers.organizationId))
    .where(and(eq(suppliers.id, access.supplierId), eq(suppliers.organizationId, access.ctx.organizationId)))
    .get();
  if (!names) throw notFound();
  const items = supplierActionList(access).map((a) => {
    const d = getActionDetail(access.ctx, a.id, { supplierId: access.supplierId });
    const returned = [...d.events].reverse().find((e) => e.event === "return_plan");
    return {
      id: d.action.id,
      title: supplierActionTitle(access, d.action),
      clause: d.action.clause,
      state: d.action.state,
      planDueDate: d.action.planDueDate,
      dueDate: d.action.dueDate,
      supplierResponse: d.action.supplierResponse,
      supplierResponseReason: d.action.supplierResponseReason,
      supplierOwner: d.action.supplierOwner,
      returnedComment: returned?.comment ?? null,
      evidenceCount: d.evidence.length,
      // The supplier's own files: it may withdraw one sent by mistake (D42).
      myFiles: d.evidence
        .filter((e) => e.fromSupplier)
        .map((e) => ({ id: e.id, fileName: e.fileName, version: e.version, createdAt: e.createdAt })),
      steps: availableEvents(d.action.state, "supplier"),
    };
  });
  return { supplierName: names.supplier, organizationName: names.org, items };
}

/** For the buyer's action page: the supplier's contact (to prefill) and the live link, if any. */
export function shareDefaults(ctx: Ctx, supplierId: string) {
  const supplier = db()
    .select({ name: suppliers.contactName, email: suppliers.contactEmail })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  const live = db()
    .select({ recipientEmail: actionPortalLinks.recipientEmail, createdAt: actionPortalLinks.createdAt })
    .from(actionPortalLinks)
    .where(
      and(
        eq(actionPortalLinks.organizationId, ctx.organizationId),
        eq(actionPortalLinks.supplierId, supplierId),
        isNull(actionPortalLinks.revokedAt),
      ),
    )
    .orderBy(desc(actionPortalLinks.createdAt))
    .get();
  return {
    contact: { name: supplier?.name ?? "", email: supplier?.email ?? "" },
    lastShared: live ? { recipientEmail: live.recipientEmail, at: live.createdAt.toISOString() } : null,
  };
}

/**
 * Housekeeping (at boot and every hour): action-link sessions past their expiry and unconfirmed ones
 * older than a day (their codes went with them). Returns how many went.
 */
export function sweepActionPortalSessions(now = new Date()): number {
  return writeTx(
    (tx) =>
      tx
        .delete(actionPortalSessions)
        .where(
          or(
            lt(actionPortalSessions.expiresAt, now),
            and(
              isNull(actionPortalSessions.verifiedAt),
              lt(actionPortalSessions.createdAt, new Date(now.getTime() - UNVERIFIED_SESSION_MS)),
            ),
          ),
        )
        .run().changes,
  );
}
