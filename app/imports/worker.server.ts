import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "~/infra/db.server";
import { importJobs } from "~db/schema";
import { runImportJobInThread } from "./thread.server";
import { importsDir } from "./upload.server";

/**
 * One loop runs import jobs one after another, oldest first, each in its own worker thread
 * (thread.server.ts). Started at boot, it first picks
 * up jobs left queued or running by a previous process (a restart mid-import resumes after the last
 * committed batch); afterwards starting an import wakes it. State lives on globalThis so a dev-server
 * reload does not start a second loop.
 */
type WorkerState = {
  started: boolean;
  stopping: boolean;
  loop: Promise<void> | null;
  again: boolean;
  log: (line: string) => void;
};

const g = globalThis as unknown as { __clearsourceImportWorker?: WorkerState };

function state(): WorkerState {
  g.__clearsourceImportWorker ??= {
    started: false,
    stopping: false,
    loop: null,
    again: false,
    log: (line) => console.log(line),
  };
  return g.__clearsourceImportWorker;
}

function nextJobId(): string | undefined {
  return (
    db()
      .select({ id: importJobs.id })
      .from(importJobs)
      // Only supplier files run in the background; a sites file commits in its own request (app/imports/sites/).
      .where(and(inArray(importJobs.status, ["running", "queued"]), eq(importJobs.kind, "suppliers")))
      .orderBy(asc(importJobs.createdAt))
      .limit(1)
      .get()?.id
  );
}

async function drain(s: WorkerState): Promise<void> {
  do {
    s.again = false;
    for (;;) {
      if (s.stopping) return;
      const id = nextJobId();
      if (!id) break;
      const { outcome } = await runImportJobInThread(id, { shouldStop: () => s.stopping });
      s.log(`Import ${id}: ${outcome}`);
      if (outcome === "paused") return;
    }
  } while (s.again && !s.stopping);
}

/** Run queued imports now (no-op until the worker was started at boot). */
export function wakeImportWorker(): void {
  const s = state();
  if (!s.started || s.stopping) return;
  if (s.loop) {
    s.again = true;
    return;
  }
  s.loop = drain(s)
    .catch((err) => s.log(`Import worker error: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => {
      s.loop = null;
    });
}

/** Uploads cut off by a crash leave partial files behind; anything older than an hour is not in flight. */
function removeStaleUploads(): void {
  const dir = path.join(importsDir(), "tmp");
  if (!fs.existsSync(dir)) return;
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (name.endsWith(".part") && fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
  }
}

/** Boot hook: start the worker and return how to stop it (after the batch in flight commits). */
export function startImportWorker({ log }: { log: (line: string) => void }): () => Promise<void> {
  const s = state();
  removeStaleUploads();
  s.log = log;
  s.started = true;
  s.stopping = false;
  wakeImportWorker();
  return async () => {
    s.stopping = true;
    await s.loop;
    s.started = false;
  };
}
