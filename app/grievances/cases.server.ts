import { and, asc, desc, eq, like, or } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { type Ctx, nowOf } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { can } from "~/orgs/permissions";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { grievanceAttachments, grievanceCases, grievanceMessages, sites, suppliers } from "~db/schema";
import {
  GRIEVANCE_STATES,
  type GrievanceIndicator,
  type GrievanceState,
} from "~db/schema/grievances.constants";
import { caseAttachments } from "./attachments.server";
import { raiseCaseAction } from "./case-action.server";
import { caseClocks, isoDay, type CaseClocks } from "./clocks";
import { scheduleCaseClocks } from "./clocks.server";
import { intakeTranslator } from "./intake-i18n.server";
import { appendMessage } from "./intake.server";
import { isIntakeLanguage } from "./languages";
import { openContact } from "./secrets.server";
import {
  decide,
  EVENT_LABELS,
  GRIEVANCE_EVENTS,
  needsNote,
  nextEvents,
  type GrievanceEvent,
} from "./workflow";

/**
 * Case handling for the grievance roles. Every verb takes the tenant and actor, reads the case only
 * within the tenant (another organisation's id is "not found") and writes its audit-log row in the same
 * transaction; so does every view of a case. Audit rows name the case by id and number only: what the
 * worker wrote never enters the audit log, which other roles can read.
 */

function requireHandler(
  ctx: Ctx,
  permission: "grievances:handle" | "grievances:reveal" = "grievances:handle",
) {
  // The routes answer 404 before this; a verb called another way still refuses.
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, permission)) {
    throw new ForbiddenError("Only grievance handlers may do that.");
  }
}

function loadCase(tx: DbOrTx, ctx: Ctx, caseId: string) {
  const row = tx
    .select()
    .from(grievanceCases)
    .where(and(eq(grievanceCases.id, caseId), eq(grievanceCases.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Case not found");
  return row;
}

export type CaseListRow = {
  id: string;
  number: number;
  receivedOn: string;
  state: GrievanceState;
  language: string;
  indicators: GrievanceIndicator[];
  supplierName: string | null;
  siteName: string | null;
  clocks: CaseClocks;
};

export const caseFilterSchema = z.strictObject({
  state: z.enum(GRIEVANCE_STATES).optional().catch(undefined),
});

/** The organisation's cases, newest first, with their clocks judged on `today`. */
export function listCases(ctx: Ctx, filter: { state?: GrievanceState } = {}): CaseListRow[] {
  requireHandler(ctx);
  const today = isoDay(nowOf(ctx));
  return db()
    .select({
      id: grievanceCases.id,
      number: grievanceCases.number,
      receivedOn: grievanceCases.receivedOn,
      acknowledgedOn: grievanceCases.acknowledgedOn,
      feedbackOn: grievanceCases.feedbackOn,
      state: grievanceCases.state,
      language: grievanceCases.language,
      indicators: grievanceCases.indicators,
      supplierName: suppliers.name,
      siteName: sites.name,
    })
    .from(grievanceCases)
    .leftJoin(suppliers, eq(suppliers.id, grievanceCases.supplierId))
    .leftJoin(sites, eq(sites.id, grievanceCases.siteId))
    .where(
      and(
        eq(grievanceCases.organizationId, ctx.organizationId),
        filter.state ? eq(grievanceCases.state, filter.state) : undefined,
      ),
    )
    .orderBy(desc(grievanceCases.number))
    .limit(500)
    .all()
    .map((r) => ({
      id: r.id,
      number: r.number,
      receivedOn: r.receivedOn,
      state: r.state,
      language: r.language,
      indicators: r.indicators,
      supplierName: r.supplierName,
      siteName: r.siteName,
      clocks: caseClocks(r, today),
    }));
}

export type CaseDetail = Awaited<ReturnType<typeof openCase>>;

/** One case as a handler sees it. Opening it is logged (one audit row per view). */
export function openCase(ctx: Ctx, caseId: string) {
  requireHandler(ctx);
  const today = isoDay(nowOf(ctx));
  return writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    recordAudit(tx, ctx, {
      action: "grievance.viewed",
      entityType: "grievance_case",
      entityId: c.id,
      details: { number: c.number },
    });
    const messages = tx
      .select({
        seq: grievanceMessages.seq,
        author: grievanceMessages.author,
        body: grievanceMessages.body,
        sentOn: grievanceMessages.sentOn,
      })
      .from(grievanceMessages)
      .where(eq(grievanceMessages.caseId, c.id))
      .orderBy(asc(grievanceMessages.seq))
      .all();
    const supplier = c.supplierId
      ? tx
          .select({ id: suppliers.id, name: suppliers.name })
          .from(suppliers)
          .where(eq(suppliers.id, c.supplierId))
          .get()
      : undefined;
    const site = c.siteId
      ? tx.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, c.siteId)).get()
      : undefined;
    const intakeSite = c.intakeSiteId
      ? tx.select({ name: sites.name }).from(sites).where(eq(sites.id, c.intakeSiteId)).get()
      : undefined;
    return {
      id: c.id,
      number: c.number,
      state: c.state,
      language: c.language,
      channel: c.channel,
      receivedOn: c.receivedOn,
      acknowledgedOn: c.acknowledgedOn,
      feedbackOn: c.feedbackOn,
      decidedOn: c.decidedOn,
      closedOn: c.closedOn,
      decisionNote: c.decisionNote,
      whatHappened: c.whatHappened,
      place: c.place,
      since: c.since,
      howMany: c.howMany,
      ongoing: c.ongoing,
      indicators: c.indicators,
      hasContact: !!c.contactSealed,
      intakeSite: intakeSite?.name ?? null,
      supplier: supplier ?? null,
      site: site ?? null,
      actionId: c.actionId,
      clocks: caseClocks(c, today),
      nextEvents: nextEvents(c.state),
      messages,
      attachments: caseAttachments(tx, ctx.organizationId, c.id),
      canReveal: ctx.actor.type === "user" && can(ctx.actor.role, "grievances:reveal"),
    };
  });
}

export const transitionSchema = z.strictObject({
  event: z.enum(GRIEVANCE_EVENTS, { error: "Choose what to do." }),
  note: z
    .string()
    .trim()
    .max(4000, "Keep the note under 4000 characters.")
    .nullish()
    .transform((v) => v || null),
});
export type TransitionInput = z.input<typeof transitionSchema>;

/**
 * Move a case along the workflow (`decide()`), one transaction: the state and its milestone day, the
 * acknowledgement message to the reporter (in their language) and the feedback clock it fixes, the
 * corrective action a substantiated case raises on its supplier, and the audit row.
 */
export function transitionCase(
  ctx: Ctx,
  caseId: string,
  input: TransitionInput,
): { state: GrievanceState; actionId: string | null } {
  requireHandler(ctx);
  const v = parseInput(transitionSchema, input);
  const event: GrievanceEvent = v.event;
  if (needsNote(event) && !v.note)
    throw new ValidationError({ note: "Say why: the note is kept with the case." });
  const today = isoDay(nowOf(ctx));
  return writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    const d = decide(c.state, event);
    if (!d.ok) throw new ConflictError(d.reason);
    if (event === "substantiate" && !c.supplierId) {
      throw new ValidationError(
        { supplierId: "Link the case to a supplier first (triage)." },
        "Link the case to a supplier first.",
      );
    }
    const set: Partial<typeof grievanceCases.$inferInsert> = { state: d.to };
    if (event === "acknowledge") {
      set.acknowledgedOn = today;
      const lang = isIntakeLanguage(c.language) ? c.language : "en";
      appendMessage(tx, {
        organizationId: ctx.organizationId,
        caseId: c.id,
        author: "system",
        authorUserId: null,
        body: intakeTranslator(lang)("ack.message"),
        sentOn: today,
      });
      scheduleCaseClocks(tx, {
        organizationId: ctx.organizationId,
        caseId: c.id,
        receivedOn: c.receivedOn,
        acknowledgedOn: today,
      });
    }
    if (event === "substantiate" || event === "not_substantiate") {
      set.decidedOn = today;
      set.decisionNote = v.note;
    }
    if (event === "close") set.closedOn = today;
    if (event === "reopen") {
      set.closedOn = null;
      set.decidedOn = null;
    }
    let actionId = c.actionId;
    if (event === "substantiate") {
      actionId = raiseCaseAction(tx, ctx, c).id;
      set.actionId = actionId;
    }
    tx.update(grievanceCases).set(set).where(eq(grievanceCases.id, c.id)).run();
    // A substantiated open case is a risk factor of its supplier (risk-facts.server.ts): recompute when
    // it starts or stops counting.
    if (c.supplierId && (event === "substantiate" || event === "close" || event === "reopen")) {
      recomputeSupplierRisk(
        tx,
        ctx,
        c.supplierId,
        `Worker grievance #${c.number}: ${EVENT_LABELS[event].toLowerCase()}`,
      );
    }
    recordAudit(tx, ctx, {
      action: `grievance.${event}`,
      entityType: "grievance_case",
      entityId: c.id,
      details: {
        number: c.number,
        from: c.state,
        to: d.to,
        ...(v.note ? { note: v.note } : {}),
        ...(actionId !== c.actionId ? { actionId } : {}),
      },
    });
    return { state: d.to, actionId };
  });
}

export const replySchema = z.strictObject({
  body: z
    .string({ error: "Write the reply." })
    .trim()
    .min(1, "Write the reply.")
    .max(5000, "Keep the reply under 5000 characters."),
});

/**
 * A handler's message to the reporter, read with the receipt code. The first one is the feedback the
 * Directive's 3-month clock asks for.
 */
export function replyToReporter(ctx: Ctx, caseId: string, input: { body?: string }): void {
  requireHandler(ctx);
  const v = parseInput(replySchema, input);
  const today = isoDay(nowOf(ctx));
  writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    appendMessage(tx, {
      organizationId: ctx.organizationId,
      caseId: c.id,
      author: "handler",
      authorUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
      body: v.body,
      sentOn: today,
    });
    if (!c.feedbackOn)
      tx.update(grievanceCases).set({ feedbackOn: today }).where(eq(grievanceCases.id, c.id)).run();
    recordAudit(tx, ctx, {
      action: "grievance.replied",
      entityType: "grievance_case",
      entityId: c.id,
      details: { number: c.number, firstFeedback: !c.feedbackOn },
    });
  });
}

export const triageSchema = z.strictObject({
  supplierId: z.string({ error: "Choose a supplier." }).trim().min(1, "Choose a supplier."),
  siteId: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null),
});

/** Link the case to the supplier (and one of its sites) it concerns. Both must be this tenant's. */
export function triageCase(
  ctx: Ctx,
  caseId: string,
  input: { supplierId?: string; siteId?: string | null },
): void {
  requireHandler(ctx);
  const v = parseInput(triageSchema, input);
  writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    const supplier = tx
      .select({ id: suppliers.id })
      .from(suppliers)
      .where(and(eq(suppliers.id, v.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
      .get();
    if (!supplier) throw new ValidationError({ supplierId: "Choose one of your suppliers." });
    if (v.siteId) {
      const site = tx
        .select({ id: sites.id })
        .from(sites)
        .where(
          and(
            eq(sites.id, v.siteId),
            eq(sites.supplierId, supplier.id),
            eq(sites.organizationId, ctx.organizationId),
          ),
        )
        .get();
      if (!site) throw new ValidationError({ siteId: "Choose a site of that supplier." });
    }
    if (c.actionId && c.supplierId !== supplier.id) {
      throw new ConflictError(
        "A corrective action was raised on the supplier already; the case stays linked to it.",
      );
    }
    tx.update(grievanceCases)
      .set({ supplierId: supplier.id, siteId: v.siteId })
      .where(eq(grievanceCases.id, c.id))
      .run();
    recordAudit(tx, ctx, {
      action: "grievance.triaged",
      entityType: "grievance_case",
      entityId: c.id,
      details: { number: c.number, supplierId: supplier.id, siteId: v.siteId },
    });
  });
}

/** Suppliers whose name matches, with their sites, for the triage form (at most 20). */
export function triageOptions(ctx: Ctx, query: string) {
  requireHandler(ctx);
  const q = query.trim().slice(0, 100);
  if (!q) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const found = db()
    .select({ id: suppliers.id, name: suppliers.name, country: suppliers.country })
    .from(suppliers)
    .where(
      and(
        eq(suppliers.organizationId, ctx.organizationId),
        or(like(suppliers.name, pattern), like(suppliers.tradeName, pattern)),
      ),
    )
    .orderBy(asc(suppliers.name))
    .limit(20)
    .all();
  return found.map((s) => ({
    ...s,
    sites: db()
      .select({ id: sites.id, name: sites.name })
      .from(sites)
      .where(and(eq(sites.organizationId, ctx.organizationId), eq(sites.supplierId, s.id)))
      .orderBy(asc(sites.name))
      .all(),
  }));
}

export const revealSchema = z.strictObject({
  reason: z
    .string({ error: "Give the reason for opening the contact details." })
    .trim()
    .min(10, "Give the reason for opening the contact details (at least 10 characters).")
    .max(1000, "Keep the reason under 1000 characters."),
});

/**
 * Open the reporter's sealed contact details: the custodian only, with a reason, and the reveal logged
 * (who, when, why) in the same transaction that reads them. The plaintext is returned to this one
 * response and never stored in the clear.
 */
export function revealContact(ctx: Ctx, caseId: string, input: { reason?: string }): { contact: string } {
  requireHandler(ctx, "grievances:reveal");
  const v = parseInput(revealSchema, input);
  return writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    if (!c.contactSealed) throw new ConflictError("The reporter left no contact details.");
    const contact = openContact(c.id, c.contactSealed);
    recordAudit(tx, ctx, {
      action: "grievance.contact_revealed",
      entityType: "grievance_case",
      entityId: c.id,
      details: { number: c.number, reason: v.reason },
    });
    return { contact };
  });
}

/**
 * A case's attachment for download, by a grievance handler: the case is looked up within the tenant
 * (another organisation's case or file is "not found") and the download is logged like a view of the
 * case, in the same transaction, before any byte is sent.
 */
export function attachmentForDownload(
  ctx: Ctx,
  caseId: string,
  attachmentId: string,
): { key: string; fileName: string; contentType: string } {
  requireHandler(ctx);
  return writeTx((tx) => {
    const c = loadCase(tx, ctx, caseId);
    const a = tx
      .select()
      .from(grievanceAttachments)
      .where(
        and(
          eq(grievanceAttachments.id, attachmentId),
          eq(grievanceAttachments.caseId, c.id),
          eq(grievanceAttachments.organizationId, ctx.organizationId),
        ),
      )
      .get();
    if (!a) throw new NotFoundError("Attachment not found");
    recordAudit(tx, ctx, {
      action: "grievance.attachment_downloaded",
      entityType: "grievance_case",
      entityId: c.id,
      details: { number: c.number, attachmentId: a.id, fileName: a.fileName },
    });
    return { key: a.storageKey, fileName: `grievance-${c.number}-${a.fileName}`, contentType: a.contentType };
  });
}
