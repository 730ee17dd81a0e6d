import { isMainThread, parentPort, threadId, Worker, workerData } from "node:worker_threads";
import { announceWriters, db, yieldToWriters } from "~/infra/db.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { failImportJob, runImportJob, type RunOutcome } from "./runner.server";

/**
 * Import jobs run in a worker thread with their own SQLite connection: CSV parsing, row validation, risk
 * scoring, the writes, WAL checkpoints and the tier and exposure passes all happen off the web server's
 * event loop, so no page waits behind an import (reads never wait on a writer in WAL mode; a request that
 * writes waits for at most the import transaction in flight, see IMPORT_TX_BUDGET_MS).
 *
 * One thread per job, ended when the job ends: no memory is held between imports. The thread's entry is
 * this module itself. From source (vitest, tsx) it is loaded through tsx's loader; in the production
 * build every module is bundled into one file, so the thread loads that file, and the check at the
 * bottom of this module starts the job there.
 */
const THREAD_KIND = "clearsource-import-thread";

type ToThread = { type: "run"; jobId: string } | { type: "stop" };
type FromThread =
  | { type: "changed"; organizationId: string }
  | { type: "done"; jobId: string; outcome: RunOutcome; threadId: number };

type ThreadData = { kind: typeof THREAD_KIND; writers: Int32Array };

function spawnThread(writers: Int32Array): Worker {
  const here = import.meta.url;
  const options = { workerData: { kind: THREAD_KIND, writers } satisfies ThreadData };
  if (here.endsWith(".ts")) {
    const entry = JSON.stringify(here);
    return new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${entry}); });`, {
      ...options,
      eval: true,
    });
  }
  return new Worker(new URL(here), options);
}

export type ThreadRunOptions = {
  /** Polled while the job runs: when true the thread stops after the batch in flight commits. */
  shouldStop?: () => boolean;
};

/**
 * Run (or resume) one import job in a new worker thread and resolve with its outcome. While it runs:
 * - this thread's writers announce themselves in shared memory and the import thread lets them in before
 *   its next transaction (otherwise it would win nearly every race for the write lock, and a request
 *   could wait out busy_timeout);
 * - this thread's connection does not checkpoint the WAL on its own commits (that copy would happen on
 *   the event loop); the import thread checkpoints instead.
 */
export async function runImportJobInThread(
  jobId: string,
  opts: ThreadRunOptions = {},
): Promise<{ outcome: RunOutcome; threadId: number }> {
  const client = db().$client;
  const autoCheckpoint = client.pragma("wal_autocheckpoint", { simple: true }) as number;
  client.pragma("wal_autocheckpoint = 0");
  const writers = new Int32Array(new SharedArrayBuffer(4));
  announceWriters(writers);
  const worker = spawnThread(writers);
  let stopSent = false;
  const poll = setInterval(() => {
    if (!stopSent && opts.shouldStop?.()) {
      stopSent = true;
      worker.postMessage({ type: "stop" } satisfies ToThread);
    }
  }, 100);
  try {
    return await new Promise((resolve) => {
      let result: { outcome: RunOutcome; threadId: number } | null = null;
      worker.on("message", (m: FromThread) => {
        if (m.type === "changed") invalidateSupplierCounts(m.organizationId);
        else if (m.type === "done") {
          result = { outcome: m.outcome, threadId: m.threadId };
          void worker.terminate();
        }
      });
      worker.on("error", (err) => {
        console.error(`import ${jobId}: the import thread failed`, err);
      });
      worker.on("exit", () => {
        if (result) return resolve(result);
        // The thread died without reporting (out of memory, a crash in the loader): the job is failed
        // here, as the runner would have failed it, so it is not resumed forever at every start.
        failImportJob(db(), jobId);
        resolve({ outcome: "failed", threadId: worker.threadId });
      });
      worker.postMessage({ type: "run", jobId } satisfies ToThread);
    });
  } finally {
    clearInterval(poll);
    announceWriters(null);
    client.pragma(`wal_autocheckpoint = ${autoCheckpoint}`);
  }
}

function threadMain({ writers }: ThreadData): void {
  const port = parentPort!;
  let stopping = false;
  port.on("message", (m: ToThread) => {
    if (m.type === "stop") {
      stopping = true;
      return;
    }
    void runImportJob(m.jobId, {
      shouldStop: () => stopping,
      beforeWrite: () => yieldToWriters(writers),
      writerWaiting: () => Atomics.load(writers, 0) > 0,
      onChange: (organizationId) =>
        port.postMessage({ type: "changed", organizationId } satisfies FromThread),
    }).then((outcome) => {
      port.postMessage({ type: "done", jobId: m.jobId, outcome, threadId } satisfies FromThread);
    });
  });
}

const data = workerData as Partial<ThreadData> | null;
if (!isMainThread && data?.kind === THREAD_KIND) threadMain(data as ThreadData);
