import { and, eq, inArray } from "drizzle-orm";
import { enqueueEmail } from "~/email/outbox.server";
import { renderEmail } from "~/email/render.server";
import { formatDate } from "~/i18n/dates";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { schedule, type JobContext, type JobHandlers } from "~/scheduler/scheduler.server";
import { emitEvent } from "~/webhooks/events.server";
import { memberships, remediationTasks, suppliers, users } from "~db/schema";
import type { ActionState } from "~db/schema/remediation.constants";
import ActionDeadline, { type ActionDeadlineProps } from "~emails/action-deadline";
import { AWAITING_PLAN, RESOLVED } from "./deadlines";

/**
 * Deadline mail for corrective actions, on the durable scheduler (D14): a reminder before the plan is due
 * and a notice the day after it passed; the same for the resolution deadline. Each job has a unique key
 * per action, kind and deadline, so a deadline is announced once, whatever restarts or second workers do;
 * a job whose action has moved on (plan submitted, action verified) completes without sending anything.
 */
export const ACTION_DEADLINE_JOB = "action.deadline";
const DAY_MS = 86_400_000;
/** Days before a deadline the reminder goes out. */
export const PLAN_REMINDER_DAYS = 2;
export const DUE_REMINDER_DAYS = 7;

type Variant = ActionDeadlineProps["variant"];
type Payload = { actionId: string; organizationId: string; variant: Variant; deadline: string };

const at = (day: string, offsetDays: number) =>
  new Date(Date.parse(`${day}T08:00:00Z`) + offsetDays * DAY_MS);

export const deadlineKey = (actionId: string, variant: Variant, deadline: string) =>
  `action:${actionId}:${variant}:${deadline}`;

/** Schedule the four deadline jobs of an action, in the caller's transaction (idempotent by key). */
export function scheduleActionDeadlines(
  tx: DbOrTx,
  a: { id: string; organizationId: string; planDueDate: string | null; dueDate: string; createdAt: Date },
): void {
  const jobs: { variant: Variant; deadline: string; runAt: Date }[] = [];
  if (a.planDueDate) {
    const remind = at(a.planDueDate, -PLAN_REMINDER_DAYS);
    if (remind.getTime() > a.createdAt.getTime())
      jobs.push({ variant: "plan-reminder", deadline: a.planDueDate, runAt: remind });
    jobs.push({ variant: "plan-overdue", deadline: a.planDueDate, runAt: at(a.planDueDate, 1) });
  }
  const remindDue = at(a.dueDate, -DUE_REMINDER_DAYS);
  if (remindDue.getTime() > a.createdAt.getTime())
    jobs.push({ variant: "due-reminder", deadline: a.dueDate, runAt: remindDue });
  jobs.push({ variant: "overdue", deadline: a.dueDate, runAt: at(a.dueDate, 1) });
  for (const j of jobs)
    schedule(tx, {
      kind: ACTION_DEADLINE_JOB,
      runAt: j.runAt,
      organizationId: a.organizationId,
      uniqueKey: deadlineKey(a.id, j.variant, j.deadline),
      payload: { actionId: a.id, organizationId: a.organizationId, variant: j.variant, deadline: j.deadline },
    });
}

/** A "due soon" reminder whose deadline has already passed (the scheduler was down) is not sent late. */
function tooLate(variant: Variant, deadline: string, now: Date): boolean {
  return (
    (variant === "plan-reminder" || variant === "due-reminder") && now.toISOString().slice(0, 10) > deadline
  );
}

/** Whether the deadline still matters in this state (else the job ends without mail). */
function stillOwed(variant: Variant, state: ActionState): boolean {
  if (variant === "plan-reminder" || variant === "plan-overdue") return AWAITING_PLAN.includes(state);
  return !RESOLVED.includes(state);
}

/**
 * A deadline that moved (a follow-up audit re-graded or reopened the finding) has its own jobs; the
 * ones announced for the old date end without mail.
 */
function stillTheDeadline(p: Payload, a: { planDueDate: string | null; dueDate: string }): boolean {
  const current = p.variant === "plan-reminder" || p.variant === "plan-overdue" ? a.planDueDate : a.dueDate;
  return current === p.deadline;
}

/** Who hears about it: the buyer-side owner, or the organisation's procurement members when none is set. */
function recipients(tx: DbOrTx, organizationId: string, ownerId: string | null) {
  if (ownerId) {
    const owner = tx
      .select({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, ownerId)))
      .all();
    if (owner.length) return owner;
  }
  return tx
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.role, ["procurement"])))
    .all();
}

async function runDeadlineJob(job: JobContext): Promise<void> {
  const p = job.payload as Payload;
  const row = db()
    .select({ action: remediationTasks, supplierName: suppliers.name })
    .from(remediationTasks)
    .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
    .where(and(eq(remediationTasks.id, p.actionId), eq(remediationTasks.organizationId, p.organizationId)))
    .get();
  if (
    !row ||
    !stillOwed(p.variant, row.action.state) ||
    !stillTheDeadline(p, row.action) ||
    tooLate(p.variant, p.deadline, job.now())
  ) {
    writeTx((tx) => job.complete(tx), job.database);
    return;
  }
  const people = recipients(db(), p.organizationId, row.action.buyerOwnerUserId);
  const emails = await Promise.all(
    people.map(async (person) => ({
      person,
      email: await renderEmail(
        ActionDeadline({
          recipientName: person.name,
          supplierName: row.supplierName,
          actionTitle: row.action.title,
          variant: p.variant,
          dueOn: formatDate(new Date(`${p.deadline}T00:00:00Z`), "en"),
          actionUrl: `${env().publicOrigin}/remediation/${row.action.id}`,
        }),
        `${p.variant.includes("overdue") ? "Overdue" : "Due soon"}: ${row.supplierName} — ${row.action.title}`,
      ),
    })),
  );
  writeTx((tx) => {
    // Re-read in the transaction: a plan submitted while the mail rendered means no mail.
    const fresh = tx
      .select({ state: remediationTasks.state })
      .from(remediationTasks)
      .where(eq(remediationTasks.id, p.actionId))
      .get();
    if (fresh && stillOwed(p.variant, fresh.state) && p.variant.endsWith("overdue"))
      emitEvent(
        tx,
        p.organizationId,
        "action.overdue",
        {
          actionId: p.actionId,
          supplierId: row.action.supplierId,
          title: row.action.title,
          deadline: p.deadline,
          which: p.variant === "plan-overdue" ? "plan" : "resolution",
        },
        job.now(),
      );
    if (fresh && stillOwed(p.variant, fresh.state))
      for (const { person, email } of emails)
        enqueueEmail(
          tx,
          {
            organizationId: p.organizationId,
            template: `action-${p.variant}`,
            to: person.email,
            toName: person.name,
            ...email,
          },
          job.now(),
        );
    job.complete(tx);
  }, job.database);
}

export const actionJobHandlers: JobHandlers = { [ACTION_DEADLINE_JOB]: runDeadlineJob };
