/**
 * country_map: the world map's data request (`GET /map.data`, the single-fetch request the page makes on
 * client navigation: one GROUP BY country over the tenant's suppliers joined onto the cached outlines)
 * over HTTP against the production build, for an organisation of 100,000 suppliers
 * (links to tier 4, sites for a third of them, most with coordinates). p50 and p95 over 200 requests.
 * The organisation comes from the shared seed (bench/seed-100k.ts).
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildApp, logIn, percentile, spawnServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const TARGET_P95_MS = 25;
const REQUESTS = 200;
const WARMUP = 20;
const SUPPLIERS = 100_000;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-country-map-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  let server: ChildProcess | undefined;
  try {
    process.env.DATABASE_PATH = dbFile;
    process.env.SQLITE_SYNCHRONOUS = "NORMAL";
    const { db, closeDb } = await import("~/infra/db.server");
    const t0 = performance.now();
    const org = await seedLargeOrg(db(), { suppliers: SUPPLIERS });
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    closeDb();
    console.error(`seeded ${SUPPLIERS} suppliers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    buildApp(root, out);

    const app = await spawnServer({ root, out, work, dbFile });
    server = app.process;
    const base = app.base;

    const cookie = await logIn(base, org.email, org.password, "/map");
    const url = `${base}/map.data`;
    let bytes = 0;
    const request = async () => {
      const res = await fetch(url, { headers: { Cookie: cookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET /map.data: ${res.status}`);
      bytes = body.byteLength;
    };
    const first = await fetch(url, { headers: { Cookie: cookie } }).then((r) => r.text());
    if (!first.includes("China") || !first.includes("maxCount")) {
      throw new Error(`the map data does not hold the seeded countries: ${first.slice(0, 300)}`);
    }
    for (let i = 0; i < WARMUP; i++) await request();
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const start = performance.now();
      await request();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.error(`payload ${(bytes / 1024).toFixed(0)} KB per request`);

    // For information: the site dots the page loads after painting (about 27,000 located sites here).
    const siteTimes: number[] = [];
    for (let i = 0; i < 40; i++) {
      const start = performance.now();
      const res = await fetch(`${base}/map/sites`, { headers: { Cookie: cookie } });
      const dots = (await res.json()) as { located: number };
      if (res.status !== 200 || dots.located === 0) throw new Error(`GET /map/sites: ${res.status}`);
      siteTimes.push(performance.now() - start);
    }
    siteTimes.sort((a, b) => a - b);
    console.error(
      `site dots (/map/sites, not targeted): p50 ${percentile(siteTimes, 50).toFixed(1)} ms, p95 ${percentile(siteTimes, 95).toFixed(1)} ms`,
    );
    console.log(
      `BENCH name=country_map_p50 value=${percentile(times, 50).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
    );
    console.log(
      `BENCH name=country_map value=${percentile(times, 95).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
    );
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
