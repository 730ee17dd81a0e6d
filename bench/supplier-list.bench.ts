/**
 * supplier_list: the supplier list over HTTP against the production build, for an organisation of
 * 100,000 suppliers, filtered by country (China: 30,000 suppliers) and sorted by risk (highest first):
 * the first page and a page 500 pages deep (keyset cursor of row 25,000, as the "Next" link carries it,
 * with the total carried too). 200 requests each after a warm-up; p50 and p95. The request is the
 * single-fetch data request (`/suppliers.data?…`) a browser makes when it navigates to the next page; the
 * full HTML document is reported on stderr for information. Then the same SQL run directly in-process on
 * the same database file, and the ratio HTTP p95 / SQL p95.
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { buildApp, logIn, percentile, spawnServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const TARGET_P95_MS = 10;
const REQUESTS = 200;
const WARMUP = 30;
const SUPPLIERS = 100_000;
const DEEP_PAGES = 500;
const PAGE_SIZE = 50;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function time(n: number, fn: () => Promise<void> | void): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-supplier-list-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  process.env.DATABASE_PATH = dbFile;
  process.env.SQLITE_SYNCHRONOUS = "NORMAL";
  let server: ChildProcess | undefined;
  try {
    const { db, closeDb } = await import("~/infra/db.server");
    const { pageQueries, runPageQueries, encodeCursor } = await import("~/suppliers/list.server");
    const t0 = performance.now();
    const org = await seedLargeOrg(db(), { suppliers: SUPPLIERS });
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    closeDb();
    console.error(`seeded ${SUPPLIERS} suppliers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The cursor of the last row of page 500, built as the list builds it.
    const sqlite = new Database(dbFile, { readonly: true });
    const filter = { country: org.bigCountry, sort: "risk" as const, dir: "desc" as const };
    const anchor = sqlite
      .prepare(
        `select risk_score, id from suppliers where organization_id = ? and country = ? and risk_score is not null
          order by risk_score desc, id desc limit 1 offset ?`,
      )
      .get(org.organizationId, org.bigCountry, DEEP_PAGES * PAGE_SIZE - 1) as {
      risk_score: number;
      id: string;
    };
    const cursor = encodeCursor([anchor.risk_score, anchor.id]);
    const total = (
      sqlite
        .prepare(`select count(*) as n from suppliers where organization_id = ? and country = ?`)
        .get(org.organizationId, org.bigCountry) as { n: number }
    ).n;

    buildApp(root, out);

    const app = await spawnServer({ root, out, work, dbFile });
    server = app.process;
    const base = app.base;
    const cookie = await logIn(base, org.email, org.password, "/suppliers");

    const query = `country=${org.bigCountry}&sort=risk&dir=desc`;
    const urls = {
      first: `${base}/suppliers.data?${query}`,
      deep: `${base}/suppliers.data?${query}&after=${cursor}&count=${total}`,
    };
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { Cookie: cookie } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
      return body;
    };
    // Sanity: the deep page holds rows, and not the first page's.
    const firstBody = await get(urls.first);
    const deepBody = await get(urls.deep);
    if (!deepBody.includes("Supplier ") || deepBody === firstBody) throw new Error("the deep page is wrong");

    const results: Record<string, number[]> = {};
    for (const [name, url] of Object.entries(urls)) {
      for (let i = 0; i < WARMUP; i++) await get(url);
      results[name] = await time(REQUESTS, async () => void (await get(url)));
    }
    // The machine's floor for any request through the server (no database work): context for the figures.
    const floor = await time(REQUESTS, async () => void (await (await fetch(`${base}/healthz`)).text()));
    console.error(
      `GET /healthz floor: p50 ${percentile(floor, 50).toFixed(2)} ms, p95 ${percentile(floor, 95).toFixed(2)} ms; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    const html = await time(50, async () => {
      const res = await fetch(`${base}/suppliers?${query}&after=${cursor}&count=${total}`, {
        headers: { Cookie: cookie },
      });
      await res.text();
    });

    // The same SQL in-process: the statements the loader runs for the deep page (rows + countries).
    const deepFilter = { ...filter, after: cursor, count: total };
    const { segments } = pageQueries(org.organizationId, deepFilter, PAGE_SIZE + 1);
    const sqlDeep = await time(REQUESTS, () => void runPageQueries(sqlite, segments, PAGE_SIZE + 1));
    const firstSegments = pageQueries(org.organizationId, filter, PAGE_SIZE + 1).segments;
    const sqlFirst = await time(REQUESTS, () => void runPageQueries(sqlite, firstSegments, PAGE_SIZE + 1));
    sqlite.close();

    const p95 = Math.max(percentile(results.first, 95), percentile(results.deep, 95));
    const sqlP95 = Math.max(percentile(sqlFirst, 95), percentile(sqlDeep, 95));
    console.error(
      `HTML document (deep page, 50 requests): p50 ${percentile(html, 50).toFixed(2)} ms, p95 ${percentile(html, 95).toFixed(2)} ms`,
    );
    for (const [name, times] of Object.entries(results)) {
      console.log(
        `BENCH name=supplier_list_${name}_p50 value=${percentile(times, 50).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
      );
      console.log(
        `BENCH name=supplier_list_${name}_p95 value=${percentile(times, 95).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
      );
    }
    console.log(`BENCH name=supplier_list value=${p95.toFixed(2)} unit=ms target=${TARGET_P95_MS}`);
    console.log(
      `BENCH name=supplier_list_sql_first_p95 value=${percentile(sqlFirst, 95).toFixed(3)} unit=ms target=${TARGET_P95_MS}`,
    );
    console.log(
      `BENCH name=supplier_list_sql_deep_p95 value=${percentile(sqlDeep, 95).toFixed(3)} unit=ms target=${TARGET_P95_MS}`,
    );
    // No target in the issue for the ratio: 100 only flags an HTTP path that has become pathological.
    console.log(
      `BENCH name=supplier_list_http_sql_ratio value=${(p95 / sqlP95).toFixed(1)} unit=x target=100`,
    );
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
