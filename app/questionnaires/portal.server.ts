import { and, eq, gt, inArray, isNull, lt } from "drizzle-orm";
import { z } from "zod";
import {
  answers,
  assignments,
  organizations,
  supplierPortalSessions,
  suppliers,
  users,
} from "../../db/schema";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { nowOf, type Ctx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { raiseRemediationTask } from "~/remediation/remediation.server";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { readCookie } from "~/orgs/session.server";
import { EDITABLE_STATUSES, loadAssignment, returnComments } from "./assignments.server";
import { humanDate, renderReceipt, renderSubmittedNotice, type RenderedEmail } from "./emails.server";
import {
  fieldName,
  missingRequired,
  scoreAnswer,
  validateAnswer,
  type AnswerValue,
  type Template,
} from "./model";

export const PORTAL_COOKIE = "cs_portal";
/** A portal session lasts at most this long, and never beyond the invitation link's own expiry. */
const PORTAL_SESSION_MS = 7 * 86_400_000;
const MAX_TOKEN_LENGTH = 200;

type LinkState = "ok" | "unknown" | "expired" | "revoked";

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

function linkState(row: ReturnType<typeof findByToken>, now: Date): LinkState {
  if (!row) return "unknown";
  if (row.assignment.status === "revoked" || row.assignment.revokedAt) return "revoked";
  if (row.assignment.tokenExpiresAt.getTime() <= now.getTime()) return "expired";
  return "ok";
}

/**
 * What the landing page shows for a link. Read-only on purpose: mail scanners and link previews fetch
 * GET URLs, so looking at the page must not consume the token or mark the questionnaire opened.
 */
export function getInvitationLanding(token: string, now = new Date()) {
  const row = findByToken(db(), token);
  const state = linkState(row, now);
  if (state !== "ok" || !row) return { state: state as Exclude<LinkState, "ok"> };
  const template = loadAssignment(db(), row.assignment.organizationId, row.assignment.id).template;
  return {
    state: "ok" as const,
    organizationName: row.organizationName,
    supplierName: row.supplierName,
    recipientName: row.assignment.recipientName,
    title: template.title,
    intro: template.intro,
    questionCount: template.questions.length,
    sectionTitles: template.sections.map((s) => s.title),
    dueDate: row.assignment.dueDate,
    expiresAt: row.assignment.tokenExpiresAt.toISOString(),
    status: row.assignment.status,
  } as const;
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

/**
 * Redeem an invitation link (POST only): start a supplier portal session bound to this one assignment.
 * Never creates a buyer session. The first redemption marks the questionnaire opened and in progress.
 */
export function redeemInvitation(
  token: string,
  now = new Date(),
): { ok: true; assignmentId: string; setCookie: string } | { ok: false; state: Exclude<LinkState, "ok"> } {
  return writeTx((tx) => {
    const row = findByToken(tx, token);
    const state = linkState(row, now);
    if (state !== "ok" || !row) return { ok: false, state: state as Exclude<LinkState, "ok"> };
    const a = row.assignment;
    const ctx = supplierCtx(a.organizationId, a.id, `${a.recipientName} (supplier contact)`, () => now);

    const firstOpen = tx
      .update(assignments)
      .set({ firstOpenedAt: now, status: "in_progress", updatedAt: now })
      .where(and(eq(assignments.id, a.id), eq(assignments.status, "sent"), isNull(assignments.firstOpenedAt)))
      .run().changes;

    // Expired portal sessions of this assignment are swept here: cheap, and keeps the table small.
    tx.delete(supplierPortalSessions)
      .where(and(eq(supplierPortalSessions.assignmentId, a.id), lt(supplierPortalSessions.expiresAt, now)))
      .run();
    const sessionToken = randomToken();
    const expiresAt = new Date(Math.min(now.getTime() + PORTAL_SESSION_MS, a.tokenExpiresAt.getTime()));
    tx.insert(supplierPortalSessions)
      .values({
        id: sha256Hex(sessionToken),
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
    const maxAge = Math.max(1, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
    return { ok: true, assignmentId: a.id, setCookie: portalCookie(sessionToken, maxAge) };
  });
}

export type PortalAccess = { ctx: Ctx; assignmentId: string };

/**
 * The portal's guard: the request must carry a live portal cookie bound to exactly this assignment.
 * Anything else is a 404, so an assignment id alone reveals nothing.
 */
export function requirePortalAccess(request: Request, assignmentId: string, now = new Date()): PortalAccess {
  const token = readCookie(request, PORTAL_COOKIE);
  if (!token || token.length > MAX_TOKEN_LENGTH) throw new Response("Not found", { status: 404 });
  const row = db()
    .select({ session: supplierPortalSessions, assignment: assignments })
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
    .get();
  if (!row || row.assignment.status === "revoked") throw new Response("Not found", { status: 404 });
  return {
    assignmentId,
    ctx: supplierCtx(
      row.assignment.organizationId,
      assignmentId,
      `${row.assignment.recipientName} (supplier contact)`,
    ),
  };
}

function ownAssignment(tx: DbOrTx, access: PortalAccess) {
  if (access.ctx.actor.type !== "supplier" || access.ctx.actor.id !== access.assignmentId)
    throw new NotFoundError("Questionnaire not found");
  return loadAssignment(tx, access.ctx.organizationId, access.assignmentId);
}

export function getPortalView(access: PortalAccess) {
  const { row, template, values } = ownAssignment(db(), access);
  const org = db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId))
    .get();
  const supplier = db()
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, row.supplierId))
    .get();
  return {
    assignmentId: row.id,
    status: row.status,
    editable: EDITABLE_STATUSES.includes(row.status),
    organizationName: org?.name ?? "",
    supplierName: supplier?.name ?? "",
    recipientName: row.recipientName,
    dueDate: row.dueDate,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    declarationName: row.declarationName,
    declarationTitle: row.declarationTitle,
    template,
    values,
    returns: returnComments(db(), row.organizationId, row.id),
  };
}

export type FieldErrors = Record<string, string>;
type RawForm = Record<string, unknown>;

/**
 * Validate the posted answers field by field. Fields not posted keep their saved value (a partial post
 * never wipes answers); an empty field clears its answer.
 */
function validateForm(template: Template, raw: RawForm) {
  const valid: Record<string, AnswerValue> = {};
  const fieldErrors: FieldErrors = {};
  for (const q of template.questions) {
    const name = fieldName(q.id);
    if (!(name in raw)) continue;
    const result = validateAnswer(q, raw[name]);
    if (result.ok) valid[q.id] = result.value;
    else fieldErrors[name] = result.error;
  }
  return { valid, fieldErrors };
}

function upsertAnswers(tx: DbOrTx, access: PortalAccess, values: Record<string, AnswerValue>, now: Date) {
  for (const [questionId, value] of Object.entries(values)) {
    tx.insert(answers)
      .values({
        organizationId: access.ctx.organizationId,
        assignmentId: access.assignmentId,
        questionId,
        value,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [answers.assignmentId, answers.questionId],
        set: { value, updatedAt: now },
      })
      .run();
  }
}

const declarationDraftSchema = z.object({
  declarationName: z.string().trim().max(200, "Keep the name under 200 characters.").optional(),
  declarationTitle: z.string().trim().max(200, "Keep the job title under 200 characters.").optional(),
});

const declarationSchema = z.object({
  declarationName: z
    .string({ error: "Enter your full name." })
    .trim()
    .min(1, "Enter your full name.")
    .max(200, "Keep the name under 200 characters.")
    .refine((v) => !/[\r\n]/.test(v), "The name must be on one line."),
  declarationTitle: z
    .string({ error: "Enter your job title." })
    .trim()
    .min(1, "Enter your job title.")
    .max(200, "Keep the job title under 200 characters."),
  attest: z.literal("yes", { error: "Tick the box to confirm the declaration." }),
});

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Save a draft: every valid answer is stored in one transaction; invalid ones are reported per field and
 * leave the saved value untouched (the form keeps what was typed).
 */
export function saveDraft(access: PortalAccess, raw: RawForm): { saved: number; fieldErrors: FieldErrors } {
  const now = nowOf(access.ctx);
  return writeTx((tx) => {
    const { row, template } = ownAssignment(tx, access);
    if (!EDITABLE_STATUSES.includes(row.status))
      throw new ConflictError("This questionnaire has already been submitted and can no longer be changed.");
    const { valid, fieldErrors } = validateForm(template, raw);
    const decl = declarationDraftSchema.safeParse({
      declarationName: typeof raw.declarationName === "string" ? raw.declarationName : undefined,
      declarationTitle: typeof raw.declarationTitle === "string" ? raw.declarationTitle : undefined,
    });
    if (!decl.success) Object.assign(fieldErrors, fieldErrorsOf(decl.error));
    upsertAnswers(tx, access, valid, now);
    tx.update(assignments)
      .set({
        status: row.status === "sent" ? "in_progress" : row.status,
        ...(decl.success && decl.data.declarationName !== undefined
          ? { declarationName: decl.data.declarationName || null }
          : {}),
        ...(decl.success && decl.data.declarationTitle !== undefined
          ? { declarationTitle: decl.data.declarationTitle || null }
          : {}),
        updatedAt: now,
      })
      .where(and(eq(assignments.id, row.id), inArray(assignments.status, EDITABLE_STATUSES)))
      .run();
    recordAudit(tx, access.ctx, {
      action: "questionnaire.draft_saved",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: { answers: Object.keys(valid).length, invalid: Object.keys(fieldErrors).length },
    });
    return { saved: Object.keys(valid).length, fieldErrors };
  });
}

export type SubmitResult = { ok: true; redFlags: number } | { ok: false; fieldErrors: FieldErrors };

/**
 * Submit: all required questions answered and the declaration signed. Exactly once: the status moves by a
 * conditional UPDATE, so of two tabs submitting at the same moment one wins and the other gets a conflict.
 * In the same transaction: remediation tasks for red flags, risk recomputed, audit row, and the emails to
 * the buyer who sent it and the supplier's receipt.
 */
export async function submitAnswers(access: PortalAccess, raw: RawForm): Promise<SubmitResult> {
  const now = nowOf(access.ctx);
  const { row, template, values: saved } = ownAssignment(db(), access);
  if (!EDITABLE_STATUSES.includes(row.status))
    throw new ConflictError("This questionnaire has already been submitted.");

  const { valid, fieldErrors } = validateForm(template, raw);
  const final = { ...saved, ...valid };
  for (const id of missingRequired(template, final)) {
    fieldErrors[fieldName(id)] ??= "Answer this question before submitting.";
  }
  const decl = declarationSchema.safeParse({
    declarationName: raw.declarationName,
    declarationTitle: raw.declarationTitle,
    attest: raw.attest,
  });
  if (!decl.success) Object.assign(fieldErrors, fieldErrorsOf(decl.error));
  if (Object.keys(fieldErrors).length > 0 || !decl.success) return { ok: false, fieldErrors };

  const redFlags = template.questions.filter((q) => scoreAnswer(q, final[q.id] ?? null).redFlag);
  const org = db()
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId))
    .get();
  const supplier = db()
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(eq(suppliers.id, row.supplierId))
    .get();
  const buyer = row.sentByUserId
    ? db()
        .select({ name: users.name, email: users.email })
        .from(users)
        .where(eq(users.id, row.sentByUserId))
        .get()
    : undefined;

  const receipt = await renderReceipt({
    recipientName: row.recipientName,
    organizationName: org?.name ?? "",
    questionnaireTitle: template.title,
    submittedOn: humanDate(now),
    declarationName: decl.data.declarationName,
    declarationTitle: decl.data.declarationTitle,
  });
  const notice: RenderedEmail | null = buyer
    ? await renderSubmittedNotice({
        buyerName: buyer.name,
        supplierName: supplier?.name ?? "",
        questionnaireTitle: template.title,
        redFlagCount: redFlags.length,
        reviewUrl: `${env().publicOrigin}/questionnaires/${row.id}`,
      })
    : null;

  return writeTx((tx) => {
    const won = tx
      .update(assignments)
      .set({
        status: "submitted",
        submittedAt: now,
        declarationName: decl.data.declarationName,
        declarationTitle: decl.data.declarationTitle,
        updatedAt: now,
      })
      .where(
        and(
          eq(assignments.id, row.id),
          eq(assignments.organizationId, access.ctx.organizationId),
          inArray(assignments.status, EDITABLE_STATUSES),
        ),
      )
      .run().changes;
    if (won !== 1) throw new ConflictError("This questionnaire has already been submitted.");

    upsertAnswers(tx, access, valid, now);
    for (const q of redFlags) {
      raiseRemediationTask(tx, access.ctx, {
        supplierId: row.supplierId,
        sourceType: "answer",
        sourceRef: `${row.id}:${q.id}`,
        title: `Red-flag answer ${q.id}: ${q.text}`,
        iloIndicator: q.iloIndicators.length ? q.iloIndicators.join(", ") : null,
        severity: "red_flag",
      });
    }
    recordAudit(tx, access.ctx, {
      action: "questionnaire.submitted",
      entityType: "questionnaire_assignment",
      entityId: row.id,
      details: {
        supplierId: row.supplierId,
        redFlags: redFlags.map((q) => q.id),
        declarationName: decl.data.declarationName,
        declarationTitle: decl.data.declarationTitle,
      },
    });
    recomputeSupplierRisk(tx, access.ctx, row.supplierId, "questionnaire submitted");
    if (buyer && notice) {
      enqueueEmail(
        tx,
        {
          organizationId: row.organizationId,
          template: "questionnaire-submitted",
          to: buyer.email,
          toName: buyer.name,
          ...notice,
        },
        now,
      );
    }
    enqueueEmail(
      tx,
      {
        organizationId: row.organizationId,
        template: "questionnaire-receipt",
        to: row.recipientEmail,
        toName: row.recipientName,
        ...receipt,
      },
      now,
    );
    return { ok: true, redFlags: redFlags.length };
  });
}
