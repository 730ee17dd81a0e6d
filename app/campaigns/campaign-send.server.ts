import { and, eq, sql } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { assertHeaderSafe } from "~/email/outbox.server";
import type { RenderedEmail } from "~/email/render.server";
import { systemCtx } from "~/infra/context";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db, writeTx, type DB } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError } from "~/infra/errors";
import { invitationRenderer, type PerRecipient } from "~/questionnaires/invitation-emails.server";
import { questionCounts, type Question } from "~/questionnaires/model";
import { nextReminderJob } from "~/questionnaires/reminders.server";
import type { JobContext, JobHandlers } from "~/scheduler/scheduler.server";
import { campaigns } from "~db/schema";
import { CAMPAIGN_SEND_JOB, organizationName } from "./campaigns.server";

/** Recipients per write transaction: big enough to amortise the commit, small enough to keep the lock short. */
export const SEND_BATCH = 1000;

type Snapshot = { title: string; questions: Question[]; translations?: Record<string, { title?: string }> };

/**
 * The campaign's send job: turn recipients without an assignment into assignments (hashed token, expiry,
 * reference to the snapshot, campaign, language), queue their invitation in the outbox and schedule their
 * reminders, SEND_BATCH per IMMEDIATE transaction. Resumable: a recipient gets its assignment in the same
 * transaction that queues its email, so after a crash the job (picked up again when its lease expires)
 * continues with exactly the recipients that have none.
 */
export async function processCampaignSend(
  campaignId: string,
  organizationId: string,
  opts: {
    now?: () => Date;
    /** Extend the job's lease inside each batch's transaction (throws if another worker took over). */
    heartbeat?: (tx: DB) => void;
    batchSize?: number;
    /** Tests: stop after this many batches, as if the process died. */
    maxBatches?: number;
  } = {},
): Promise<{ created: number; done: boolean }> {
  const now = opts.now ?? (() => new Date());
  const database = db();
  const campaign = database
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.organizationId, organizationId)))
    .get();
  if (!campaign) throw new NotFoundError("Campaign not found");
  if (campaign.status === "sent") return { created: 0, done: true };

  const snapshotRow = database.$client
    .prepare("SELECT template FROM questionnaire_snapshots WHERE id = ? AND organization_id = ?")
    .get(campaign.snapshotId, organizationId) as { template: string } | undefined;
  if (!snapshotRow) throw new NotFoundError("Questionnaire snapshot not found");
  const snapshot = JSON.parse(snapshotRow.template) as Snapshot;
  const questionsSnapshot = JSON.stringify({ snapshotRef: campaign.snapshotId });
  const orgName = organizationName(database, organizationId);
  const origin = env().publicOrigin;
  const startedAt = now();

  database
    .update(campaigns)
    .set({ status: "sending", startedAt: campaign.startedAt ?? startedAt, lastError: null })
    .where(eq(campaigns.id, campaignId))
    .run();

  // One rendered shell per language, made before any transaction (rendering is async and slow).
  const renderers = new Map<string, (r: PerRecipient) => RenderedEmail>();
  const rendererFor = async (language: string) => {
    let r = renderers.get(language);
    if (!r) {
      r = await invitationRenderer({
        language,
        organizationName: orgName,
        questionnaireTitle: snapshot.translations?.[language]?.title?.trim() || snapshot.title,
        questionCount: questionCounts(snapshot).always,
        conditionalCount: questionCounts(snapshot).conditional,
        dueDate: campaign.dueDate,
        expiresAt: campaign.linkExpiresAt,
      });
      renderers.set(language, r);
    }
    return r;
  };

  const sqlite = database.$client;
  const pending = sqlite.prepare(
    `SELECT r.id AS recipientId, r.supplier_id AS supplierId, r.language AS language,
            s.name AS supplierName, s.contact_name AS contactName, s.contact_email AS contactEmail
       FROM campaign_recipients r JOIN suppliers s ON s.id = r.supplier_id AND s.organization_id = r.organization_id
      WHERE r.campaign_id = ? AND r.organization_id = ? AND r.assignment_id IS NULL
      ORDER BY r.id LIMIT ?`,
  );
  const insertAssignment = sqlite.prepare(
    `INSERT INTO questionnaire_assignments (id, organization_id, supplier_id, campaign_id, template_key,
       template_version, questions_snapshot, recipient_name, recipient_email, language, status, token_hash,
       token_expires_at, due_date, sent_by_user_id, sent_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const claimRecipient = sqlite.prepare(
    "UPDATE campaign_recipients SET assignment_id = ? WHERE id = ? AND assignment_id IS NULL",
  );
  const insertEmail = sqlite.prepare(
    `INSERT INTO email_outbox (id, organization_id, template, to_address, to_name, subject, html, text, status,
       attempts, next_attempt_at, created_at)
     VALUES (?, ?, 'questionnaire-invitation', ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
  );
  const insertJob = sqlite.prepare(
    `INSERT INTO scheduled_jobs (id, organization_id, kind, run_at, payload, status, attempts, max_attempts,
       unique_key, created_at)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, 6, ?, ?) ON CONFLICT (unique_key) DO NOTHING`,
  );
  const bumpProgress = sqlite.prepare("UPDATE campaigns SET queued = queued + ? WHERE id = ?");

  type Pending = {
    recipientId: string;
    supplierId: string;
    language: string;
    supplierName: string;
    contactName: string;
    contactEmail: string;
  };
  let created = 0;
  let batches = 0;
  const size = opts.batchSize ?? SEND_BATCH;
  for (;;) {
    if (opts.maxBatches !== undefined && batches >= opts.maxBatches) return { created, done: false };
    const batch = pending.all(campaignId, organizationId, size) as Pending[];
    if (batch.length === 0) break;
    for (const lang of new Set(batch.map((b) => b.language))) await rendererFor(lang);

    // Tokens, hashes and emails are computed before the transaction: the lock is held for inserts only.
    const sentAt = now();
    const rows = batch.map((b) => {
      const token = randomToken();
      const link = `${origin}/s/${token}`;
      const email = renderers.get(b.language)!({
        recipientName: b.contactName,
        supplierName: b.supplierName,
        link,
      });
      assertHeaderSafe(b.contactEmail, "recipient");
      assertHeaderSafe(b.contactName, "recipient name");
      assertHeaderSafe(email.subject, "subject");
      return { ...b, assignmentId: crypto.randomUUID(), tokenHash: sha256Hex(token), email };
    });
    const at = sentAt.getTime();

    writeTx((tx) => {
      opts.heartbeat?.(tx as unknown as DB);
      let n = 0;
      for (const r of rows) {
        insertAssignment.run(
          r.assignmentId,
          organizationId,
          r.supplierId,
          campaignId,
          campaign.templateKey,
          campaign.templateVersion,
          questionsSnapshot,
          r.contactName,
          r.contactEmail,
          r.language,
          r.tokenHash,
          campaign.linkExpiresAt.getTime(),
          campaign.dueDate,
          campaign.createdByUserId,
          at,
          at,
          at,
        );
        // Unreachable while we hold the lease, but if it ever happens the batch must not double anyone.
        if (claimRecipient.run(r.assignmentId, r.recipientId).changes !== 1)
          throw new Error(`Recipient ${r.recipientId} already has an assignment`);
        insertEmail.run(
          crypto.randomUUID(),
          organizationId,
          r.contactEmail,
          r.contactName,
          r.email.subject,
          r.email.html,
          r.email.text,
          at,
          at,
        );
        const first = nextReminderJob(
          {
            assignmentId: r.assignmentId,
            organizationId,
            dueDate: campaign.dueDate,
            daysBefore: campaign.reminderDaysBefore,
            everyDays: campaign.overdueEveryDays,
          },
          sentAt,
        );
        insertJob.run(
          crypto.randomUUID(),
          organizationId,
          first.kind,
          first.runAt.getTime(),
          JSON.stringify(first.payload),
          first.uniqueKey,
          at,
        );
        n++;
      }
      bumpProgress.run(n, campaignId);
    });
    created += rows.length;
    batches++;
    // Let the server answer requests (progress polls among them) between batches.
    await new Promise((r) => setImmediate(r));
  }

  const ctx = { ...systemCtx(organizationId, "campaign sender"), now };
  writeTx((tx) => {
    const total = tx
      .select({ n: sql<number>`count(*)` })
      .from(sql`campaign_recipients`)
      .where(sql`campaign_id = ${campaignId} AND assignment_id IS NOT NULL`)
      .get()!.n;
    tx.update(campaigns)
      .set({ status: "sent", completedAt: now(), queued: total })
      .where(eq(campaigns.id, campaignId))
      .run();
    recordAudit(tx, ctx, {
      action: "campaign.sent",
      entityType: "campaign",
      entityId: campaignId,
      details: { suppliers: total },
    });
  });
  return { created, done: true };
}

async function campaignSendHandler(job: JobContext) {
  const { campaignId, organizationId } = job.payload as { campaignId: string; organizationId: string };
  try {
    await processCampaignSend(campaignId, organizationId, {
      now: job.now,
      heartbeat: (tx) => job.heartbeat(tx),
    });
  } catch (err) {
    // The job is retried; meanwhile the campaign page says what went wrong.
    db()
      .update(campaigns)
      .set({ lastError: String(err instanceof Error ? err.message : err).slice(0, 500) })
      .where(and(eq(campaigns.id, campaignId), eq(campaigns.organizationId, organizationId)))
      .run();
    if (job.job.attempts >= job.job.maxAttempts)
      db().update(campaigns).set({ status: "failed" }).where(eq(campaigns.id, campaignId)).run();
    throw err;
  }
}

export const campaignJobHandlers: JobHandlers = { [CAMPAIGN_SEND_JOB]: campaignSendHandler };
