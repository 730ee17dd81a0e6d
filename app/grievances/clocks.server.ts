import { and, eq, inArray } from "drizzle-orm";
import { enqueueEmail } from "~/email/outbox.server";
import { renderEmail } from "~/email/render.server";
import { formatDate } from "~/i18n/dates";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { rolesWith } from "~/orgs/permissions";
import { schedule, type JobContext, type JobHandlers } from "~/scheduler/scheduler.server";
import { grievanceCases, memberships, users } from "~db/schema";
import GrievanceClock, { type GrievanceClockProps } from "~emails/grievance-clock";
import {
  ACKNOWLEDGE_REMINDER_DAYS_BEFORE,
  acknowledgeDueOn,
  addDaysIso,
  caseClocks,
  FEEDBACK_REMINDER_DAYS_BEFORE,
  feedbackDueOn,
  isoDay,
} from "./clocks";

/**
 * Reminders of the two legal clocks on the durable scheduler (D14): per case, a reminder before and a
 * notice after each deadline, with unique keys per case, kind and due date. When the feedback deadline
 * moves (acknowledging fixes it), new jobs are scheduled and the old ones find their date no longer
 * the case's and send nothing; a job whose clock was met (acknowledged, feedback given, closed) also
 * completes without mail. Overdue flags themselves are computed per read (`caseClocks`). Jobs run at
 * 08:00 UTC of their day, derived from the day of the report, so no job row records when a report came.
 */
export const GRIEVANCE_CLOCK_JOB = "grievance.clock";

type Kind = GrievanceClockProps["kind"];
type Payload = { organizationId: string; caseId: string; kind: Kind; dueOn: string };

const at8 = (day: string) => new Date(`${day}T08:00:00Z`);

export const clockJobKey = (caseId: string, kind: Kind, dueOn: string) =>
  `grievance:${caseId}:${kind}:${dueOn}`;

/** Schedule the jobs of both clocks for a case, in the caller's transaction (idempotent by key). */
export function scheduleCaseClocks(
  tx: DbOrTx,
  c: { organizationId: string; caseId: string; receivedOn: string; acknowledgedOn?: string | null },
): void {
  const ackDue = acknowledgeDueOn(c.receivedOn);
  const fbDue = feedbackDueOn(c.receivedOn, c.acknowledgedOn ?? null);
  const jobs: { kind: Kind; dueOn: string; runOn: string }[] = [
    ...(c.acknowledgedOn
      ? []
      : [
          {
            kind: "acknowledge_soon" as const,
            dueOn: ackDue,
            runOn: addDaysIso(ackDue, -ACKNOWLEDGE_REMINDER_DAYS_BEFORE),
          },
          { kind: "acknowledge_overdue" as const, dueOn: ackDue, runOn: addDaysIso(ackDue, 1) },
        ]),
    { kind: "feedback_soon", dueOn: fbDue, runOn: addDaysIso(fbDue, -FEEDBACK_REMINDER_DAYS_BEFORE) },
    { kind: "feedback_overdue", dueOn: fbDue, runOn: addDaysIso(fbDue, 1) },
  ];
  for (const j of jobs) {
    schedule(tx, {
      kind: GRIEVANCE_CLOCK_JOB,
      runAt: at8(j.runOn),
      organizationId: c.organizationId,
      uniqueKey: clockJobKey(c.caseId, j.kind, j.dueOn),
      payload: {
        organizationId: c.organizationId,
        caseId: c.caseId,
        kind: j.kind,
        dueOn: j.dueOn,
      } satisfies Payload,
    });
  }
}

/** The case still owes what the job reminds of, by the date the job was planned for. */
function stillOwed(tx: DbOrTx, p: Payload, today: string): { number: number } | null {
  const c = tx
    .select({
      number: grievanceCases.number,
      receivedOn: grievanceCases.receivedOn,
      acknowledgedOn: grievanceCases.acknowledgedOn,
      feedbackOn: grievanceCases.feedbackOn,
      state: grievanceCases.state,
    })
    .from(grievanceCases)
    .where(and(eq(grievanceCases.id, p.caseId), eq(grievanceCases.organizationId, p.organizationId)))
    .get();
  if (!c) return null;
  const clocks = caseClocks(c, today);
  const acknowledge = p.kind.startsWith("acknowledge");
  if (acknowledge ? c.acknowledgedOn : c.feedbackOn || c.state === "closed") return null;
  if ((acknowledge ? clocks.acknowledgeDue : clocks.feedbackDue) !== p.dueOn) return null;
  // A "soon" reminder that only runs after its deadline (the scheduler was down) says nothing stale;
  // the overdue notice of the same deadline follows.
  if (p.kind.endsWith("soon") && today > p.dueOn) return null;
  return { number: c.number };
}

function handlers(tx: DbOrTx, organizationId: string) {
  return tx
    .select({ email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        inArray(memberships.role, rolesWith("grievances:handle")),
      ),
    )
    .all();
}

async function runClockJob(job: JobContext): Promise<void> {
  const p = job.payload as Payload;
  const today = isoDay(job.now());
  const owed = stillOwed(db(), p, today);
  if (!owed) {
    writeTx((tx) => job.complete(tx), job.database);
    return;
  }
  const caseUrl = `${env().publicOrigin}/grievances/${p.caseId}`;
  const dueOn = formatDate(new Date(`${p.dueOn}T00:00:00Z`), "en");
  const emails = await Promise.all(
    handlers(db(), p.organizationId).map(async (person) => ({
      person,
      email: await renderEmail(
        GrievanceClock({ recipientName: person.name, caseNumber: owed.number, kind: p.kind, dueOn, caseUrl }),
        p.kind.startsWith("acknowledge")
          ? `Grievance #${owed.number}: acknowledge by ${dueOn}`
          : `Grievance #${owed.number}: feedback due by ${dueOn}`,
      ),
    })),
  );
  writeTx((tx) => {
    // Re-read in the transaction: acknowledged while the mail rendered means no mail.
    if (stillOwed(tx, p, today))
      for (const { person, email } of emails)
        enqueueEmail(
          tx,
          {
            organizationId: p.organizationId,
            template: `grievance-${p.kind.replace("_", "-")}`,
            to: person.email,
            toName: person.name,
            ...email,
          },
          job.now(),
        );
    job.complete(tx);
  }, job.database);
}

export const grievanceJobHandlers: JobHandlers = { [GRIEVANCE_CLOCK_JOB]: runClockJob };
