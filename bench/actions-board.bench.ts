/**
 * actions_board: the corrective-actions board over HTTP against the production build, for an
 * organisation with 100,000 actions (20,000 suppliers, five each, every state and grade), filtered by
 * status ("open") and sorted by due date: the first page and a page 100 pages deep (row 5,000 of the 10,000 open actions) (keyset cursor, as the
 * "Next" link carries it). 200 single-fetch data requests each after a warm-up; p50 and p95.
 */
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp, logIn, percentile, spawnServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const TARGET_P95_MS = 25;
const REQUESTS = 200;
const WARMUP = 30;
const SUPPLIERS = 20_000;
const ACTIONS = 100_000;
const DEEP_PAGES = 100;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const STATES = [
  "open",
  "plan_submitted",
  "plan_returned",
  "plan_accepted",
  "in_progress",
  "evidence_submitted",
  "verified",
  "closed",
  "escalated",
  "reopened",
];
const GRADES = ["zero_tolerance", "critical", "major", "minor", "observation"];

async function time(n: number, fn: () => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-actions-board-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  process.env.DATABASE_PATH = dbFile;
  process.env.SQLITE_SYNCHRONOUS = "NORMAL";
  let server: ChildProcess | undefined;
  try {
    const { db, closeDb } = await import("~/infra/db.server");
    const t0 = performance.now();
    const org = await seedLargeOrg(db(), { suppliers: SUPPLIERS });
    const suppliers = org.byTier.flat();
    const sqlite = db().$client;
    const insert = sqlite.prepare(
      `insert into remediation_tasks (id, organization_id, supplier_id, source_type, source_ref, title, grade, state,
         plan_due_date, due_date, status, created_at, updated_at)
       values (?, ?, ?, 'answer', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const base = Date.UTC(2025, 0, 1);
    sqlite.transaction(() => {
      for (let i = 0; i < ACTIONS; i++) {
        const state = STATES[i % STATES.length];
        const created = base + (i % 365) * 86_400_000;
        const day = (d: number) => new Date(created + d * 86_400_000).toISOString().slice(0, 10);
        insert.run(
          randomUUID(),
          org.organizationId,
          suppliers[i % suppliers.length],
          `bench:${i}`,
          `Corrective action ${i}`,
          GRADES[i % GRADES.length],
          state,
          day(7),
          day(30 + (i % 300)),
          state === "closed" ? "completed" : "open",
          created,
          created,
        );
      }
    })();
    sqlite.pragma("optimize");
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    const open = sqlite
      .prepare(
        "select due_date, id from remediation_tasks where organization_id = ? and state = 'open' order by due_date, id limit 1 offset ?",
      )
      .get(org.organizationId, DEEP_PAGES * 50 - 1) as { due_date: string; id: string };
    const { encodeCursor } = await import("~/remediation/board.server");
    const cursor = encodeCursor([open.due_date, open.id]);
    closeDb();
    console.error(
      `seeded ${SUPPLIERS} suppliers and ${ACTIONS} actions in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    buildApp(root, out);
    const app = await spawnServer({ root, out, work, dbFile });
    server = app.process;
    const origin = app.base;
    const cookie = await logIn(origin, org.email, org.password, "/remediation");
    const urls = {
      first: `${origin}/remediation.data?state=open`,
      deep: `${origin}/remediation.data?state=open&after=${cursor}`,
    };
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { Cookie: cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
      return body;
    };
    const first = await get(urls.first);
    const deep = await get(urls.deep);
    if (!first.includes("Corrective action") || !deep.includes("Corrective action") || first === deep)
      throw new Error("the board pages are wrong");
    const results: Record<string, number[]> = {};
    for (const [name, url] of Object.entries(urls)) {
      for (let i = 0; i < WARMUP; i++) await get(url);
      results[name] = await time(REQUESTS, async () => void (await get(url)));
    }
    const floor = await time(REQUESTS, async () => void (await (await fetch(`${origin}/healthz`)).text()));
    console.error(
      `GET /healthz floor: p50 ${percentile(floor, 50).toFixed(2)} ms, p95 ${percentile(floor, 95).toFixed(2)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    for (const [name, times] of Object.entries(results)) {
      console.log(
        `BENCH name=actions_board_${name}_p50 value=${percentile(times, 50).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
      );
      console.log(
        `BENCH name=actions_board_${name}_p95 value=${percentile(times, 95).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
      );
    }
    const p95 = Math.max(percentile(results.first, 95), percentile(results.deep, 95));
    console.log(`BENCH name=actions_board value=${p95.toFixed(2)} unit=ms target=${TARGET_P95_MS}`);
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
