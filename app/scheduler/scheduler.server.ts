import { hostname } from "node:os";
import { and, asc, eq, lt, lte, or, sql } from "drizzle-orm";
import { db, type DB, type DbOrTx } from "~/infra/db.server";
import { scheduledJobs } from "~db/schema";

export type Job = typeof scheduledJobs.$inferSelect;

/** Thrown (and so rolling back the handler's transaction) when another worker took the job over. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Lease on job ${jobId} was lost to another worker`);
    this.name = "LeaseLostError";
  }
}

export type JobContext = {
  job: Job;
  payload: Record<string, unknown>;
  now: () => Date;
  workerId: string;
  database: DB;
  /**
   * Mark the job done inside the handler's own write transaction, so its effect (an email queued) and
   * "done" commit together: a crash can never leave an effect whose job will run again. Throws
   * LeaseLostError, rolling the transaction back, when the lease passed to another worker.
   */
  complete: (tx: DbOrTx) => void;
  /** Extend the lease (long jobs call it between batches); throws LeaseLostError when it was lost. */
  heartbeat: (tx?: DbOrTx) => void;
};

export type JobHandler = (ctx: JobContext) => Promise<void> | void;
export type JobHandlers = Record<string, JobHandler>;

export const DEFAULT_LEASE_MS = 5 * 60_000;
const DEFAULT_BATCH = 50;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function jobBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
}

export type ScheduleInput = {
  kind: string;
  runAt: Date;
  payload: Record<string, unknown>;
  /** Idempotency: a second schedule() with the same key is a no-op, whatever the first job's state. */
  uniqueKey?: string | null;
  organizationId?: string | null;
  maxAttempts?: number;
};

/**
 * Add a job, inside the caller's transaction (so it exists exactly when the change that needs it does).
 * Returns created=false when a job with the same unique key already exists.
 */
export function schedule(tx: DbOrTx, input: ScheduleInput): { id: string | null; created: boolean } {
  const row = tx
    .insert(scheduledJobs)
    .values({
      kind: input.kind,
      runAt: input.runAt,
      payload: input.payload,
      uniqueKey: input.uniqueKey ?? null,
      organizationId: input.organizationId ?? null,
      maxAttempts: input.maxAttempts ?? 6,
      createdAt: input.runAt,
    })
    .onConflictDoNothing({ target: scheduledJobs.uniqueKey })
    .returning({ id: scheduledJobs.id })
    .get();
  return { id: row?.id ?? null, created: !!row };
}

const due = (at: Date) =>
  or(
    and(eq(scheduledJobs.status, "pending"), lte(scheduledJobs.runAt, at)),
    and(eq(scheduledJobs.status, "running"), lt(scheduledJobs.lockedUntil, at)),
  );

export type RunReport = { done: number; retried: number; failed: number; lost: number };

/**
 * Run the jobs that are due. Each job is claimed by a conditional UPDATE (pending and due, or running with
 * an expired lease) whose `changes` decide the owner, so two processes polling the same database never
 * run the same job at once; a worker that died mid-job leaves a lease that expires, and the job runs again.
 */
export async function runDueJobs(opts: {
  handlers: JobHandlers;
  workerId: string;
  now?: Date | (() => Date);
  database?: DB;
  limit?: number;
  leaseMs?: number;
  /** Only these kinds (tests, or a worker dedicated to one kind). */
  kinds?: string[];
}): Promise<RunReport> {
  const database = opts.database ?? db();
  const nowOpt = opts.now;
  const now = typeof nowOpt === "function" ? nowOpt : () => nowOpt ?? new Date();
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const report: RunReport = { done: 0, retried: 0, failed: 0, lost: 0 };

  const candidates = database
    .select({ id: scheduledJobs.id, kind: scheduledJobs.kind })
    .from(scheduledJobs)
    .where(due(now()))
    .orderBy(asc(scheduledJobs.runAt))
    .limit(opts.limit ?? DEFAULT_BATCH)
    .all()
    .filter((c) => !opts.kinds || opts.kinds.includes(c.kind));

  for (const { id } of candidates) {
    const claimAt = now();
    const claimed = database
      .update(scheduledJobs)
      .set({
        status: "running",
        lockedUntil: new Date(claimAt.getTime() + leaseMs),
        lockedBy: opts.workerId,
        attempts: sql`${scheduledJobs.attempts} + 1`,
      })
      .where(and(eq(scheduledJobs.id, id), due(claimAt)))
      .run().changes;
    if (claimed !== 1) continue; // another worker owns it

    const job = database.select().from(scheduledJobs).where(eq(scheduledJobs.id, id)).get();
    if (!job) continue;
    const mine = and(
      eq(scheduledJobs.id, id),
      eq(scheduledJobs.status, "running"),
      eq(scheduledJobs.lockedBy, opts.workerId),
    );
    let completed = false;
    const complete = (tx: DbOrTx) => {
      const changes = tx
        .update(scheduledJobs)
        .set({ status: "done", finishedAt: now(), lockedUntil: null, lastError: null })
        .where(mine)
        .run().changes;
      if (changes !== 1) throw new LeaseLostError(id);
      completed = true;
    };
    const heartbeat = (tx: DbOrTx = database) => {
      const changes = tx
        .update(scheduledJobs)
        .set({ lockedUntil: new Date(now().getTime() + leaseMs) })
        .where(mine)
        .run().changes;
      if (changes !== 1) throw new LeaseLostError(id);
    };

    const handler = opts.handlers[job.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
      await handler({
        job,
        payload: job.payload,
        now,
        workerId: opts.workerId,
        database,
        complete,
        heartbeat,
      });
      if (!completed) complete(database);
      report.done++;
    } catch (err) {
      if (err instanceof LeaseLostError) {
        report.lost++;
        continue;
      }
      const failed = !handler || job.attempts >= job.maxAttempts;
      const at = now();
      database
        .update(scheduledJobs)
        .set({
          status: failed ? "failed" : "pending",
          runAt: failed ? job.runAt : new Date(at.getTime() + jobBackoffMs(job.attempts)),
          finishedAt: failed ? at : null,
          lockedUntil: null,
          lockedBy: null,
          lastError: String(err instanceof Error ? err.message : err).slice(0, 1000),
        })
        .where(mine)
        .run();
      if (failed) report.failed++;
      else report.retried++;
    }
  }
  return report;
}

type Loop = { kick: () => void };
const g = globalThis as unknown as { __clearsourceScheduler?: Loop };

/**
 * Ask the running scheduler loop (if this process started one) to look for due jobs now rather than at its
 * next poll: a campaign's send job starts the moment it is queued. Without a loop (tests) it does nothing.
 */
export function kickScheduler(): void {
  g.__clearsourceScheduler?.kick();
}

/**
 * The scheduler loop, started once at boot: polls every few seconds and runs due jobs until none are left.
 * Returns a stop function that waits for the job in flight.
 */
export function startScheduler(opts: {
  handlers: JobHandlers;
  log: (line: string) => void;
  intervalMs?: number;
  workerId?: string;
}): () => Promise<void> {
  const workerId = opts.workerId ?? newWorkerId();
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let again = false;

  const drain = async () => {
    for (;;) {
      const r = await runDueJobs({ handlers: opts.handlers, workerId });
      if (r.retried || r.failed)
        opts.log(`Scheduler: ${r.done} done, ${r.retried} to retry, ${r.failed} failed permanently.`);
      if (stopped || r.done + r.retried + r.failed + r.lost === 0) break;
    }
  };
  const tick = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = drain()
      .catch((err) => opts.log(`Scheduler error: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        inFlight = null;
        if (again && !stopped) {
          again = false;
          setImmediate(tick);
        }
      });
  };
  const timer = setInterval(tick, opts.intervalMs ?? 3000);
  timer.unref?.();
  g.__clearsourceScheduler = { kick: () => setImmediate(tick) };
  tick();
  opts.log(`Scheduler started (worker ${workerId}).`);
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (g.__clearsourceScheduler) g.__clearsourceScheduler = undefined;
    if (inFlight) await inFlight;
  };
}
