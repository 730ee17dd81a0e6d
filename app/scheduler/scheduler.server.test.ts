import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db, openDatabase, writeTx, type DB } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { scheduledJobs } from "~db/schema";
import { jobBackoffMs, LeaseLostError, runDueJobs, schedule, startScheduler } from "./scheduler.server";

const T0 = new Date("2030-03-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

function job(id: string) {
  return db().select().from(scheduledJobs).where(eq(scheduledJobs.id, id)).get()!;
}

let second: DB;
beforeEach(() => {
  db().delete(scheduledJobs).run();
});
afterAll(() => second?.$client.close());

describe("schedule", () => {
  it("is idempotent on the unique key", () => {
    const a = writeTx((tx) =>
      schedule(tx, { kind: "k", runAt: T0, payload: { n: 1 }, uniqueKey: "reminder:x:7" }),
    );
    const b = writeTx((tx) =>
      schedule(tx, { kind: "k", runAt: at(MIN), payload: { n: 2 }, uniqueKey: "reminder:x:7" }),
    );
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: null, created: false });
    expect(db().select().from(scheduledJobs).all()).toHaveLength(1);
    expect(job(a.id!).payload).toEqual({ n: 1 });
  });

  it("jobs without a key never collide", () => {
    writeTx((tx) => schedule(tx, { kind: "k", runAt: T0, payload: {} }));
    writeTx((tx) => schedule(tx, { kind: "k", runAt: T0, payload: {} }));
    expect(db().select().from(scheduledJobs).all()).toHaveLength(2);
  });
});

describe("runDueJobs", () => {
  it("runs only jobs that are due, in run_at order, and marks them done", async () => {
    const late = writeTx((tx) => schedule(tx, { kind: "k", runAt: at(10 * MIN), payload: { n: 2 } }));
    const early = writeTx((tx) => schedule(tx, { kind: "k", runAt: at(MIN), payload: { n: 1 } }));
    const seen: unknown[] = [];
    const handlers = { k: ({ payload }: { payload: Record<string, unknown> }) => void seen.push(payload.n) };

    expect((await runDueJobs({ handlers, workerId: "w", now: T0 })).done).toBe(0);
    expect((await runDueJobs({ handlers, workerId: "w", now: at(15 * MIN) })).done).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(job(early.id!).status).toBe("done");
    expect(job(late.id!).finishedAt).toEqual(at(15 * MIN));
    // Done jobs never run again.
    expect((await runDueJobs({ handlers, workerId: "w", now: at(60 * MIN) })).done).toBe(0);
  });

  it("two processes (two connections) polling together run every job exactly once", async () => {
    second = openDatabase(env().DATABASE_PATH, "NORMAL");
    const ids = writeTx((tx) =>
      Array.from({ length: 30 }, (_, i) => schedule(tx, { kind: "k", runAt: T0, payload: { i } }).id!),
    );
    const runs = new Map<string, string[]>();
    const handler =
      (worker: string) =>
      async ({ job: j }: { job: { id: string } }) => {
        runs.set(j.id, [...(runs.get(j.id) ?? []), worker]);
        // Yield so the other worker interleaves its claims with ours.
        await new Promise((r) => setTimeout(r, 1));
      };
    const [a, b] = await Promise.all([
      runDueJobs({ handlers: { k: handler("A") }, workerId: "A", now: at(MIN), database: db() }),
      runDueJobs({ handlers: { k: handler("B") }, workerId: "B", now: at(MIN), database: second }),
    ]);
    expect(a.done + b.done).toBe(30);
    expect(a.done).toBeGreaterThan(0);
    expect(b.done).toBeGreaterThan(0);
    for (const id of ids) expect(runs.get(id)).toHaveLength(1);
  });

  it("retries a failed job with backoff, then gives up after max attempts", async () => {
    const { id } = writeTx((tx) => schedule(tx, { kind: "flaky", runAt: T0, payload: {}, maxAttempts: 3 }));
    let calls = 0;
    const handlers = {
      flaky: () => {
        calls++;
        throw new Error(`boom ${calls}`);
      },
    };
    const r1 = await runDueJobs({ handlers, workerId: "w", now: T0 });
    expect(r1).toMatchObject({ retried: 1, failed: 0 });
    expect(job(id!)).toMatchObject({ status: "pending", attempts: 1, lastError: "boom 1", lockedBy: null });
    expect(job(id!).runAt).toEqual(at(jobBackoffMs(1)));

    // Not before the backoff has passed.
    await runDueJobs({ handlers, workerId: "w", now: at(jobBackoffMs(1) - 1) });
    expect(calls).toBe(1);
    await runDueJobs({ handlers, workerId: "w", now: at(jobBackoffMs(1)) });
    expect(job(id!)).toMatchObject({ status: "pending", attempts: 2 });
    const r3 = await runDueJobs({ handlers, workerId: "w", now: at(60 * MIN) });
    expect(r3.failed).toBe(1);
    expect(job(id!)).toMatchObject({ status: "failed", attempts: 3, lastError: "boom 3" });
    await runDueJobs({ handlers, workerId: "w", now: at(24 * 60 * MIN) });
    expect(calls).toBe(3);
  });

  it("a job whose worker died is picked up once its lease expires (restart), not before", async () => {
    const { id } = writeTx((tx) => schedule(tx, { kind: "k", runAt: T0, payload: {} }));
    // Worker "dead" claimed it at T0 with a 5-minute lease and then the process was killed.
    db()
      .update(scheduledJobs)
      .set({ status: "running", lockedBy: "dead", lockedUntil: at(5 * MIN), attempts: 1 })
      .where(eq(scheduledJobs.id, id!))
      .run();
    let calls = 0;
    const handlers = { k: () => void calls++ };
    await runDueJobs({ handlers, workerId: "new", now: at(4 * MIN) });
    expect(calls).toBe(0);
    await runDueJobs({ handlers, workerId: "new", now: at(6 * MIN) });
    expect(calls).toBe(1);
    expect(job(id!)).toMatchObject({ status: "done", attempts: 2, lockedBy: "new" });
  });

  it("complete() inside the handler's transaction rolls the effect back when the lease was lost", async () => {
    const { id } = writeTx((tx) => schedule(tx, { kind: "k", runAt: T0, payload: {} }));
    const marker = () =>
      db()
        .select()
        .from(scheduledJobs)
        .all()
        .filter((j) => j.kind === "effect");
    const r = await runDueJobs({
      workerId: "slow",
      now: T0,
      handlers: {
        k: ({ complete }) => {
          // Meanwhile the lease expired and another worker took the job over.
          db().update(scheduledJobs).set({ lockedBy: "other" }).where(eq(scheduledJobs.id, id!)).run();
          writeTx((tx) => {
            schedule(tx, { kind: "effect", runAt: T0, payload: {} });
            complete(tx);
          });
        },
      },
    });
    expect(r.lost).toBe(1);
    expect(marker()).toHaveLength(0);
    expect(job(id!).status).toBe("running");
    expect(new LeaseLostError("x").name).toBe("LeaseLostError");
  });

  it("a job of an unknown kind fails at once with a clear error", async () => {
    const { id } = writeTx((tx) => schedule(tx, { kind: "nobody", runAt: T0, payload: {} }));
    const r = await runDueJobs({ handlers: {}, workerId: "w", now: T0 });
    expect(r.failed).toBe(1);
    expect(job(id!).lastError).toMatch(/No handler for job kind "nobody"/);
  });
});

describe("startScheduler", () => {
  it("runs due jobs in the background and stops cleanly", async () => {
    const { id } = writeTx((tx) => schedule(tx, { kind: "k", runAt: new Date(0), payload: {} }));
    let ran = 0;
    const lines: string[] = [];
    const stop = startScheduler({
      handlers: { k: () => void ran++ },
      log: (l) => lines.push(l),
      intervalMs: 20,
    });
    await expect.poll(() => job(id!).status).toBe("done");
    await stop();
    expect(ran).toBe(1);
    expect(lines.join("\n")).toMatch(/Scheduler started/);
  });
});
