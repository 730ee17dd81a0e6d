import { and, eq, gte, inArray, isNotNull, isNull, lt, lte, notInArray } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { systemCtx, type Ctx } from "~/infra/context";
import { db, writeTx, type DB, type DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { AWAITING_PLAN, RESOLVED } from "~/remediation/deadlines";
import { kickScheduler, schedule, type JobHandlers } from "~/scheduler/scheduler.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import {
  assignments,
  audits,
  evidenceFiles,
  organizations,
  remediationTasks,
  riskSettings,
} from "~db/schema";
import { isoDate, riskSettingsOf } from "./gather.server";
import { refreshSupplierRisk } from "./risk.server";

/**
 * The daily refresh (D30). Risk depends on the calendar as well as on records: an evidence file's last
 * valid day passes, a corrective action's deadline passes, an accepted self-assessment or an audit grows
 * too old. Nothing is written when that happens, so a job has to rescore the suppliers concerned.
 *
 * One fan-out job a day (`RISK_DAILY_JOB`, 00:05 UTC, unique per day) queues one job per organisation
 * (`RISK_DAILY_ORG_JOB`, unique per organisation and day), so organisations created since the last
 * start are included and one organisation's failure retries alone. Each organisation's job rescores only
 * the suppliers with such a date in the window since its last run (`risk_settings.refreshed_on`), and a
 * supplier whose outcome did not move gets no new assessment (`refreshSupplierRisk`).
 */
export const RISK_DAILY_JOB = "risk.daily_refresh";
export const RISK_DAILY_ORG_JOB = "risk.daily_refresh_org";
/** Minutes after midnight UTC the daily run starts. */
const RUN_MINUTE = 5;
/** Suppliers rescored per transaction (each a few ms), so one commit never holds the writer for long. */
export const REFRESH_BATCH = 200;
/** Month arithmetic at month ends moves a threshold by at most 3 days; the windows are widened by that. */
const MONTH_SLACK_DAYS = 3;

const DAY_MS = 86_400_000;

function addDaysIso(day: string, days: number): string {
  return isoDate(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

function addMonthsIso(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return isoDate(new Date(Date.UTC(y, m - 1 + months, d)));
}

/** The start of the next daily run after `now`. */
export function nextDailyRun(now: Date): Date {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).getTime();
  return new Date(next + RUN_MINUTE * 60_000);
}

/**
 * Suppliers of one organisation whose time-dependent inputs may have crossed a boundary after the day
 * `since` up to `today` (both YYYY-MM-DD; the model judges "before today" throughout):
 * - a current evidence file whose last valid day is in [since, today): expired now, not then;
 * - an unresolved corrective action whose resolution deadline, or (awaiting a plan) plan deadline, is in
 *   [since, today): overdue now, not then (remediation's overdueKind);
 * - an accepted questionnaire or an audit that reached its maximum age in the window (widened by a few days
 *   for month ends; a supplier that did not cross is rescored to no effect and nothing is written).
 * Each read is one indexed range on the organisation; none scans every supplier.
 */
export function suppliersCrossingDates(
  tx: DbOrTx,
  organizationId: string,
  since: string,
  today: string,
  settings: { saqMaxAgeMonths: number; auditMaxAgeMonths: number },
): string[] {
  const ids = new Set<string>();
  if (since >= today) return [];
  for (const r of tx
    .select({ supplierId: evidenceFiles.supplierId })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organizationId, organizationId),
        gte(evidenceFiles.expiresOn, since),
        lt(evidenceFiles.expiresOn, today),
        isNull(evidenceFiles.supersededAt),
        isNull(evidenceFiles.withdrawnAt),
        isNotNull(evidenceFiles.supplierId),
      ),
    )
    .all())
    ids.add(r.supplierId!);
  for (const r of tx
    .select({ supplierId: remediationTasks.supplierId })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, organizationId),
        gte(remediationTasks.dueDate, since),
        lt(remediationTasks.dueDate, today),
        notInArray(remediationTasks.state, [...RESOLVED]),
      ),
    )
    .all())
    ids.add(r.supplierId);
  for (const r of tx
    .select({ supplierId: remediationTasks.supplierId })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, organizationId),
        inArray(remediationTasks.state, [...AWAITING_PLAN]),
        gte(remediationTasks.planDueDate, since),
        lt(remediationTasks.planDueDate, today),
      ),
    )
    .all())
    ids.add(r.supplierId);
  // An answer set is accepted on the assignment's last update (signals.server.ts); it lapses when
  // monthsBetween(acceptedOn, today) reaches the maximum age.
  const saqFrom = addDaysIso(addMonthsIso(since, -settings.saqMaxAgeMonths), -MONTH_SLACK_DAYS);
  const saqTo = addDaysIso(addMonthsIso(today, -settings.saqMaxAgeMonths), MONTH_SLACK_DAYS);
  for (const r of tx
    .select({ supplierId: assignments.supplierId })
    .from(assignments)
    .where(
      and(
        eq(assignments.organizationId, organizationId),
        eq(assignments.status, "accepted"),
        gte(assignments.updatedAt, new Date(`${saqFrom}T00:00:00Z`)),
        lt(assignments.updatedAt, new Date(Date.parse(`${saqTo}T00:00:00Z`) + DAY_MS)),
      ),
    )
    .all())
    ids.add(r.supplierId);
  const auditFrom = addDaysIso(addMonthsIso(since, -settings.auditMaxAgeMonths), -MONTH_SLACK_DAYS);
  const auditTo = addDaysIso(addMonthsIso(today, -settings.auditMaxAgeMonths), MONTH_SLACK_DAYS);
  for (const r of tx
    .select({ supplierId: audits.supplierId })
    .from(audits)
    .where(
      and(
        eq(audits.organizationId, organizationId),
        gte(audits.auditDate, auditFrom),
        lte(audits.auditDate, auditTo),
      ),
    )
    .all())
    ids.add(r.supplierId);
  return [...ids].sort();
}

/** Queue the fan-out for `now`'s day (idempotent per day); at boot, so a fresh process starts the chain. */
export function ensureDailyRiskRefresh(database: DB = db(), now = new Date()): boolean {
  const day = isoDate(now);
  const { created } = writeTx(
    (tx) =>
      schedule(tx, {
        kind: RISK_DAILY_JOB,
        runAt: now,
        payload: { day },
        uniqueKey: `risk-daily:${day}`,
      }),
    database,
  );
  if (created) kickScheduler();
  return created;
}

export type RefreshSummary = {
  since: string;
  today: string;
  processed: number;
  changed: number;
};

/** The last-run day, or the organisation's first day when it never ran (nothing was scored before). */
function refreshedOn(tx: DbOrTx, organizationId: string): string | null {
  const row = tx
    .select({ on: riskSettings.refreshedOn })
    .from(riskSettings)
    .where(eq(riskSettings.organizationId, organizationId))
    .get();
  if (row?.on) return row.on;
  const org = tx
    .select({ createdAt: organizations.createdAt })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  return org ? isoDate(org.createdAt) : null;
}

function markRefreshed(tx: DbOrTx, organizationId: string, today: string, now: Date): void {
  tx.insert(riskSettings)
    .values({ organizationId, refreshedOn: today, updatedAt: now })
    .onConflictDoUpdate({ target: riskSettings.organizationId, set: { refreshedOn: today, updatedAt: now } })
    .run();
}

function recordRefreshSummary(tx: DbOrTx, ctx: Ctx, s: RefreshSummary) {
  recordAudit(tx, ctx, {
    action: "risk.recompute_done",
    entityType: "organization",
    entityId: ctx.organizationId,
    details: {
      reason: `daily refresh: dates passed from ${s.since} to ${s.today}`,
      requestedBy: ctx.actor.label,
      processed: s.processed,
      changed: s.changed,
      window: { since: s.since, today: s.today },
    },
  });
}

export const RISK_REFRESH_TRIGGER = "daily refresh (dates passed)";

export const riskDailyJobHandlers: JobHandlers = {
  /** Queue today's job for every organisation and the fan-out for tomorrow, in one transaction. */
  [RISK_DAILY_JOB]: ({ database, now, complete }) => {
    const at = now();
    const day = isoDate(at);
    writeTx((tx) => {
      for (const o of tx.select({ id: organizations.id }).from(organizations).all())
        schedule(tx, {
          kind: RISK_DAILY_ORG_JOB,
          runAt: at,
          payload: { day },
          uniqueKey: `risk-daily:${o.id}:${day}`,
          organizationId: o.id,
        });
      const next = nextDailyRun(at);
      schedule(tx, {
        kind: RISK_DAILY_JOB,
        runAt: next,
        payload: { day: isoDate(next) },
        uniqueKey: `risk-daily:${isoDate(next)}`,
      });
      complete(tx);
    }, database);
  },

  /**
   * One organisation: rescore the suppliers that crossed a date since the last run, REFRESH_BATCH per
   * transaction (a restart redoes the batches, to no effect on those already rescored), then the day and
   * the summary audit row commit with the job's completion. The clock is the scheduler's (injected in tests).
   */
  [RISK_DAILY_ORG_JOB]: async ({ job, database, now, heartbeat, complete }) => {
    const org = job.organizationId;
    if (!org) {
      complete(database);
      return;
    }
    const ctx: Ctx = { ...systemCtx(org, "daily risk refresh"), now };
    const today = isoDate(now());
    const since = refreshedOn(database, org);
    if (since === null) {
      complete(database); // the organisation was deleted
      return;
    }
    if (since >= today) {
      complete(database); // already brought up to date today (or the clock went back)
      return;
    }
    const ids = suppliersCrossingDates(database, org, since, today, riskSettingsOf(database, org));
    let changed = 0;
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) {
      writeTx((tx) => {
        for (const id of ids.slice(i, i + REFRESH_BATCH)) {
          try {
            if (refreshSupplierRisk(tx, ctx, id, RISK_REFRESH_TRIGGER)) changed++;
          } catch (err) {
            if (!(err instanceof NotFoundError)) throw err; // deleted since the window was read
          }
        }
        heartbeat(tx);
      }, database);
      await new Promise((resolve) => setImmediate(resolve));
    }
    writeTx((tx) => {
      markRefreshed(tx, org, today, now());
      recordRefreshSummary(tx, ctx, { since, today, processed: ids.length, changed });
      complete(tx);
    }, database);
    if (changed) invalidateSupplierCounts(org);
  },
};
