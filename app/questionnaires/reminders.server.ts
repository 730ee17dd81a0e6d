import { and, eq, inArray } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import type { RenderedEmail } from "~/email/render.server";
import { nowOf, systemCtx, type Ctx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { resolveSnapshot } from "~/questionnaires/snapshots.server";
import { schedule, type JobContext, type JobHandlers } from "~/scheduler/scheduler.server";
import {
  assignments,
  campaignRecipients,
  organizations,
  supplierPortalSessions,
  suppliers,
} from "~db/schema";
import type { AssignmentStatus } from "~db/schema/questionnaires.constants";
import { renderInvitationEmail, renderReminderEmail } from "./invitation-emails.server";
import { questionCounts, type Question } from "./model";
import {
  DEFAULT_OVERDUE_EVERY_DAYS,
  DEFAULT_REMINDER_DAYS,
  MAX_OVERDUE_REMINDERS,
  overdueAt,
  overdueReminderAt,
  reminderTimes,
} from "./schedule";

const DAY_MS = 86_400_000;
export const REMINDER_JOB = "questionnaire.reminder";
export const OVERDUE_JOB = "questionnaire.overdue";
export const OVERDUE_REMINDER_JOB = "questionnaire.overdue-reminder";

/** Statuses in which the supplier still owes answers: the only ones that get reminders or a new link. */
export const OPEN_STATUSES: AssignmentStatus[] = ["sent", "in_progress", "returned"];

export type ReminderPayload = {
  assignmentId: string;
  organizationId: string;
  dueDate: string;
  /** The reminder schedule before the due date, e.g. [7, 3, 1]. */
  daysBefore: number[];
  /** Days between reminders while overdue; 0 = none. */
  everyDays: number;
  /** This job's reminder: days before the due date, or the week number after it. */
  offset?: number;
  week?: number;
};

export const reminderKey = (assignmentId: string, daysBefore: number) =>
  `reminder:${assignmentId}:before:${daysBefore}`;
export const overdueKey = (assignmentId: string) => `overdue:${assignmentId}`;
export const overdueReminderKey = (assignmentId: string, week: number) =>
  `reminder:${assignmentId}:overdue:${week}`;

/**
 * The next job of an assignment's reminder chain after `after`: the next reminder before the due date that
 * is still ahead, else the overdue transition. Only one job per assignment waits at a time (a campaign to
 * 10,000 suppliers queues 10,000 jobs, not 40,000); each one schedules its successor when it runs.
 */
export function nextReminderJob(p: ReminderPayload, after: Date) {
  const next = reminderTimes(p.dueDate, p.daysBefore, after)[0];
  if (next)
    return {
      kind: REMINDER_JOB,
      runAt: next.runAt,
      payload: { ...p, offset: next.daysBefore, week: undefined },
      uniqueKey: reminderKey(p.assignmentId, next.daysBefore),
      organizationId: p.organizationId,
    };
  return {
    kind: OVERDUE_JOB,
    runAt: overdueAt(p.dueDate),
    payload: { ...p, offset: undefined, week: undefined },
    uniqueKey: overdueKey(p.assignmentId),
    organizationId: p.organizationId,
  };
}

/** Start the reminder chain of one assignment. Idempotent: every step has a unique key. */
export function scheduleReminders(
  tx: DbOrTx,
  a: {
    assignmentId: string;
    organizationId: string;
    dueDate: string;
    sentAt: Date;
    daysBefore?: readonly number[];
    everyDays?: number;
  },
): void {
  const payload: ReminderPayload = {
    assignmentId: a.assignmentId,
    organizationId: a.organizationId,
    dueDate: a.dueDate,
    daysBefore: [...(a.daysBefore ?? DEFAULT_REMINDER_DAYS)],
    everyDays: a.everyDays ?? DEFAULT_OVERDUE_EVERY_DAYS,
  };
  schedule(tx, nextReminderJob(payload, a.sentAt));
}

// Template titles per snapshot and language: a reminder run for 10,000 suppliers of one campaign reads and
// parses the (large) snapshot once, not 10,000 times.
const titleCache = new Map<string, { title: string; questionCount: number; conditionalCount: number }>();

function templateFacts(tx: DbOrTx, row: typeof assignments.$inferSelect) {
  const snap = row.questionsSnapshot as { snapshotRef?: string };
  const key = `${row.organizationId}:${snap?.snapshotRef ?? `a:${row.id}`}:${row.language}`;
  let facts = titleCache.get(key);
  if (!facts) {
    const t = resolveSnapshot(tx, row.organizationId, row.questionsSnapshot) as {
      title: string;
      questions: Question[];
      translations?: Record<string, { title?: string }>;
    };
    const translated = t.translations?.[row.language]?.title?.trim();
    const counts = questionCounts(t);
    facts = {
      title: translated || t.title,
      questionCount: counts.always,
      conditionalCount: counts.conditional,
    };
    if (titleCache.size > 1000) titleCache.clear();
    titleCache.set(key, facts);
  }
  return facts;
}

function organizationNameOf(tx: DbOrTx, organizationId: string): string {
  return (
    tx
      .select({ name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId))
      .get()?.name ?? "Your customer"
  );
}

type Kind = "resend" | "reminder" | "overdue";

/**
 * Give the supplier a fresh link by email: a new token replaces the old one (earlier links stop working)
 * and expires TTL days from now. Used by resend, reminders and overdue notices. The email is rendered
 * before the transaction; inside it the token is swapped only if the questionnaire is still open, so a
 * supplier who submitted a second ago gets no reminder.
 */
async function emailFreshLink(opts: {
  ctx: Ctx;
  assignmentId: string;
  kind: Kind;
  /** Inside the same transaction (the job's completion, follow-up scheduling). */
  inTx?: (tx: DbOrTx, sent: boolean) => void;
}): Promise<{ sent: boolean; emailId?: string; link?: string }> {
  const { ctx, assignmentId, kind } = opts;
  const now = nowOf(ctx);
  const row = db()
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, assignmentId), eq(assignments.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Questionnaire not found");
  const closed = () => {
    if (kind === "resend")
      throw new ConflictError("Only a questionnaire the supplier has not submitted can be resent.");
    writeTx((tx) => opts.inTx?.(tx, false));
    return { sent: false };
  };
  if (!OPEN_STATUSES.includes(row.status)) return closed();

  const supplier = db()
    .select({ name: suppliers.name })
    .from(suppliers)
    .where(and(eq(suppliers.id, row.supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  const facts = templateFacts(db(), row);
  const orgName = organizationNameOf(db(), ctx.organizationId);
  const token = randomToken();
  const link = `${env().publicOrigin}/s/${token}`;
  const expiresAt = new Date(now.getTime() + env().SUPPLIER_LINK_TTL_DAYS * DAY_MS);
  const per = { recipientName: row.recipientName, supplierName: supplier?.name ?? "", link };
  let email: RenderedEmail;
  if (kind === "resend" || !row.dueDate) {
    email = await renderInvitationEmail(
      {
        language: row.language,
        organizationName: orgName,
        questionnaireTitle: facts.title,
        questionCount: facts.questionCount,
        conditionalCount: facts.conditionalCount,
        dueDate: row.dueDate,
        expiresAt,
      },
      per,
    );
  } else {
    email = await renderReminderEmail({
      ...per,
      variant: kind === "overdue" ? "overdue" : "reminder",
      language: row.language,
      organizationName: orgName,
      questionnaireTitle: facts.title,
      dueDate: row.dueDate,
      expiresAt,
    });
  }

  return writeTx((tx) => {
    const swapped = tx
      .update(assignments)
      .set({ tokenHash: sha256Hex(token), tokenExpiresAt: expiresAt, updatedAt: now })
      .where(
        and(
          eq(assignments.id, assignmentId),
          eq(assignments.organizationId, ctx.organizationId),
          inArray(assignments.status, OPEN_STATUSES),
        ),
      )
      .run().changes;
    if (swapped !== 1) {
      if (kind === "resend")
        throw new ConflictError("Only a questionnaire the supplier has not submitted can be resent.");
      opts.inTx?.(tx, false);
      return { sent: false };
    }
    if (kind === "resend") {
      // The old link is revoked; browsers that opened it lose their portal session too.
      tx.delete(supplierPortalSessions)
        .where(
          and(
            eq(supplierPortalSessions.assignmentId, assignmentId),
            eq(supplierPortalSessions.organizationId, ctx.organizationId),
          ),
        )
        .run();
    }
    const emailId = enqueueEmail(
      tx,
      {
        organizationId: ctx.organizationId,
        template: kind === "resend" ? "questionnaire-invitation" : `questionnaire-${kind}`,
        to: row.recipientEmail,
        toName: row.recipientName,
        ...email,
      },
      now,
    );
    recordAudit(tx, ctx, {
      action: kind === "resend" ? "questionnaire.resent" : `questionnaire.${kind}_sent`,
      entityType: "questionnaire_assignment",
      entityId: assignmentId,
      details: {
        supplierId: row.supplierId,
        language: row.language,
        tokenExpiresAt: expiresAt.toISOString(),
      },
    });
    opts.inTx?.(tx, true);
    return { sent: true, emailId, link };
  });
}

/** Resend: a new link by email (the old one stops working, open portal sessions end). */
export async function resendAssignment(
  ctx: Ctx,
  assignmentId: string,
): Promise<{ emailId: string; link: string }> {
  const r = await emailFreshLink({ ctx, assignmentId, kind: "resend" });
  return { emailId: r.emailId!, link: r.link! };
}

function jobCtx(job: JobContext): Ctx {
  const p = job.payload as ReminderPayload;
  return { ...systemCtx(p.organizationId, "reminders"), now: job.now };
}

async function reminderHandler(job: JobContext) {
  const p = job.payload as ReminderPayload;
  await emailFreshLink({
    ctx: jobCtx(job),
    assignmentId: p.assignmentId,
    kind: "reminder",
    inTx: (tx, sent) => {
      // A closed questionnaire (submitted, accepted, revoked) ends its chain here.
      if (sent)
        schedule(tx, nextReminderJob(p, new Date(Math.max(job.job.runAt.getTime(), job.now().getTime()))));
      job.complete(tx);
    },
  });
}

function scheduleNextOverdue(tx: DbOrTx, p: ReminderPayload, week: number) {
  if (p.everyDays <= 0 || week > MAX_OVERDUE_REMINDERS) return;
  schedule(tx, {
    kind: OVERDUE_REMINDER_JOB,
    runAt: overdueReminderAt(p.dueDate, week, p.everyDays),
    payload: { ...p, offset: undefined, week },
    uniqueKey: overdueReminderKey(p.assignmentId, week),
    organizationId: p.organizationId,
  });
}

/** The due day is over: mark the supplier overdue in its campaign, send the overdue notice, plan weekly reminders. */
async function overdueHandler(job: JobContext) {
  const p = job.payload as ReminderPayload;
  const ctx = jobCtx(job);
  await emailFreshLink({
    ctx,
    assignmentId: p.assignmentId,
    kind: "overdue",
    inTx: (tx, sent) => {
      if (sent) {
        tx.update(campaignRecipients)
          .set({ overdueAt: nowOf(ctx) })
          .where(
            and(
              eq(campaignRecipients.assignmentId, p.assignmentId),
              eq(campaignRecipients.organizationId, p.organizationId),
            ),
          )
          .run();
        scheduleNextOverdue(tx, p, 1);
      }
      job.complete(tx);
    },
  });
}

async function overdueReminderHandler(job: JobContext) {
  const p = job.payload as ReminderPayload;
  await emailFreshLink({
    ctx: jobCtx(job),
    assignmentId: p.assignmentId,
    kind: "overdue",
    inTx: (tx, sent) => {
      if (sent) scheduleNextOverdue(tx, p, (p.week ?? 1) + 1);
      job.complete(tx);
    },
  });
}

export const reminderJobHandlers: JobHandlers = {
  [REMINDER_JOB]: reminderHandler,
  [OVERDUE_JOB]: overdueHandler,
  [OVERDUE_REMINDER_JOB]: overdueReminderHandler,
};
