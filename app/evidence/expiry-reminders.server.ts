import { and, eq, inArray, isNull } from "drizzle-orm";
import { enqueueEmail } from "~/email/outbox.server";
import { renderEmail } from "~/email/render.server";
import { formatDate } from "~/i18n/dates";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { schedule, type JobContext, type JobHandlers } from "~/scheduler/scheduler.server";
import { evidenceFiles, memberships, remediationTasks, suppliers, users } from "~db/schema";
import EvidenceExpiry from "~emails/evidence-expiry";
import { EXPIRY_REMINDER_DAYS } from "./expiry";

/**
 * Reminders before an evidence file expires, on the durable scheduler as the corrective-action deadline
 * mail is (D14): one job per file, reminder and expiry date, with a unique key, so each reminder goes out
 * once whatever restarts happen. A job whose file was replaced by a newer version, or whose date passed
 * while the scheduler was down, completes without mail. The expired state itself is never a job: it is
 * expires_on < today on every read.
 */
export const EVIDENCE_EXPIRY_JOB = "evidence.expiry";
const DAY_MS = 86_400_000;

type Payload = { evidenceId: string; organizationId: string; expiresOn: string; daysBefore: number };

export const expiryReminderKey = (evidenceId: string, daysBefore: number, expiresOn: string) =>
  `evidence:${evidenceId}:expiry-${daysBefore}:${expiresOn}`;

const reminderAt = (expiresOn: string, daysBefore: number) =>
  new Date(Date.parse(`${expiresOn}T08:00:00Z`) - daysBefore * DAY_MS);

/** Schedule the reminders still ahead of `now`, in the caller's transaction (idempotent by key). */
export function scheduleExpiryReminders(
  tx: DbOrTx,
  file: { id: string; organizationId: string; expiresOn: string | null },
  now: Date,
): void {
  if (!file.expiresOn) return;
  for (const daysBefore of EXPIRY_REMINDER_DAYS) {
    const runAt = reminderAt(file.expiresOn, daysBefore);
    if (runAt.getTime() <= now.getTime()) continue;
    schedule(tx, {
      kind: EVIDENCE_EXPIRY_JOB,
      runAt,
      organizationId: file.organizationId,
      uniqueKey: expiryReminderKey(file.id, daysBefore, file.expiresOn),
      payload: {
        evidenceId: file.id,
        organizationId: file.organizationId,
        expiresOn: file.expiresOn,
        daysBefore,
      },
    });
  }
}

/** The owner when still a member, else the organisation's procurement members. */
function recipients(tx: DbOrTx, organizationId: string, ownerId: string | null) {
  const members = (roleOrUser: "owner" | "procurement") =>
    tx
      .select({ email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organizationId, organizationId),
          roleOrUser === "owner"
            ? eq(memberships.userId, ownerId!)
            : inArray(memberships.role, ["procurement"]),
        ),
      )
      .all();
  const owner = ownerId ? members("owner") : [];
  return owner.length ? owner : members("procurement");
}

/** Still the current version with the date the reminder was planned for. */
function stillOwed(tx: DbOrTx, p: Payload) {
  return tx
    .select({
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      ownerUserId: evidenceFiles.ownerUserId,
      supplierId: evidenceFiles.supplierId,
      actionId: evidenceFiles.actionId,
    })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.id, p.evidenceId),
        eq(evidenceFiles.organizationId, p.organizationId),
        eq(evidenceFiles.expiresOn, p.expiresOn),
        isNull(evidenceFiles.supersededAt),
        isNull(evidenceFiles.withdrawnAt),
      ),
    )
    .get();
}

async function runExpiryJob(job: JobContext): Promise<void> {
  const p = job.payload as Payload;
  const file = stillOwed(db(), p);
  const today = job.now().toISOString().slice(0, 10);
  if (!file || !file.supplierId || today > p.expiresOn) {
    writeTx((tx) => job.complete(tx), job.database);
    return;
  }
  const supplierName =
    db()
      .select({ name: suppliers.name })
      .from(suppliers)
      .where(and(eq(suppliers.id, file.supplierId), eq(suppliers.organizationId, p.organizationId)))
      .get()?.name ?? "Supplier";
  const actionTitle = file.actionId
    ? (db()
        .select({ title: remediationTasks.title })
        .from(remediationTasks)
        .where(
          and(eq(remediationTasks.id, file.actionId), eq(remediationTasks.organizationId, p.organizationId)),
        )
        .get()?.title ?? null)
    : null;
  const fileUrl = `${env().publicOrigin}${file.actionId ? `/remediation/${file.actionId}` : `/suppliers/${file.supplierId}`}`;
  const people = recipients(db(), p.organizationId, file.ownerUserId);
  const emails = await Promise.all(
    people.map(async (person) => ({
      person,
      email: await renderEmail(
        EvidenceExpiry({
          recipientName: person.name,
          supplierName,
          fileName: file.fileName,
          expiresOn: formatDate(new Date(`${p.expiresOn}T00:00:00Z`), "en"),
          daysBefore: p.daysBefore,
          actionTitle,
          fileUrl,
        }),
        `Expires in ${p.daysBefore} days: ${supplierName} — ${file.fileName}`,
      ),
    })),
  );
  writeTx((tx) => {
    // Re-read in the transaction: a new version uploaded while the mail rendered means no mail.
    if (stillOwed(tx, p))
      for (const { person, email } of emails)
        enqueueEmail(
          tx,
          {
            organizationId: p.organizationId,
            template: `evidence-expiry-${p.daysBefore}`,
            to: person.email,
            toName: person.name,
            ...email,
          },
          job.now(),
        );
    job.complete(tx);
  }, job.database);
}

export const evidenceJobHandlers: JobHandlers = { [EVIDENCE_EXPIRY_JOB]: runExpiryJob };
