/**
 * api_suppliers_page: GET /api/v1/suppliers over HTTP against the production build, 100 suppliers per
 * page, for an organisation of 100,000 suppliers, filtered by country (30,000 suppliers) and sorted by
 * risk (highest first): the first page and a page 250 pages deep (the API cursor of row 25,000, as a
 * client following `nextCursor` would send it). Each request authenticates its bearer key, counts it
 * against the key's rate limit (one short write transaction) and serialises 100 rows. 200 requests each
 * after a warm-up; p50 and p95 (the target is on the worse p95).
 */
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { buildApp, percentile, spawnServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const TARGET_P95_MS = 20;
const REQUESTS = 200;
const WARMUP = 100;
const SUPPLIERS = 100_000;
const PAGE_SIZE = 100;
const DEEP_PAGES = 250;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-api-suppliers-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  process.env.DATABASE_PATH = dbFile;
  process.env.SQLITE_SYNCHRONOUS = "NORMAL";
  let server: ChildProcess | undefined;
  try {
    const { db, closeDb } = await import("~/infra/db.server");
    const { encodeCursor } = await import("~/suppliers/list.server");
    const { createApiKey } = await import("~/api/keys.server");
    const { encodeApiCursor } = await import("~/api/suppliers.server");
    const t0 = performance.now();
    const org = await seedLargeOrg(db(), { suppliers: SUPPLIERS });
    const user = db().$client.prepare("select id from users where email = ?").get(org.email) as {
      id: string;
    };
    const { token } = createApiKey(
      {
        organizationId: org.organizationId,
        actor: { type: "user", id: user.id, label: "Bench", role: "admin" },
      },
      {
        label: "Bench ERP",
        scopes: ["suppliers:read"],
        expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        ratePerMinute: 6000,
      },
    );
    // The seed's scores stand for current ones: without this, the server would start an organisation-wide
    // recompute of all 100,000 suppliers at boot (a model change), which invalidates the list's memoised
    // totals on every chunk and takes the CPU for minutes; that is the recompute's cost, measured by its
    // own bench, not the API's.
    const { riskFingerprint } = await import("~/risk/recompute-org.server");
    const today = new Date().toISOString().slice(0, 10);
    db()
      .$client.prepare(
        `insert into risk_settings (organization_id, applied_fingerprint, refreshed_on, updated_at) values (?, ?, ?, ?)
         on conflict(organization_id) do update set applied_fingerprint = excluded.applied_fingerprint,
         refreshed_on = excluded.refreshed_on`,
      )
      .run(org.organizationId, riskFingerprint(), today, Date.now());
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    closeDb();
    console.error(`seeded ${SUPPLIERS} suppliers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The cursor after row 25,000 of the filtered, risk-sorted list, as the API would have handed it out.
    const sqlite = new Database(dbFile, { readonly: true });
    const anchor = sqlite
      .prepare(
        `select risk_score, id from suppliers where organization_id = ? and country = ? and risk_score is not null
          order by risk_score desc, id desc limit 1 offset ?`,
      )
      .get(org.organizationId, org.bigCountry, DEEP_PAGES * PAGE_SIZE - 1) as {
      risk_score: number;
      id: string;
    };
    const total = (
      sqlite
        .prepare(`select count(*) as n from suppliers where organization_id = ? and country = ?`)
        .get(org.organizationId, org.bigCountry) as { n: number }
    ).n;
    sqlite.close();
    const query = { country: org.bigCountry, sort: "risk" as const, dir: "desc" as const, limit: PAGE_SIZE };
    const deepCursor = encodeApiCursor(query, encodeCursor([anchor.risk_score, anchor.id]), total);

    buildApp(root, out);
    const app = await spawnServer({ root, out, work, dbFile });
    server = app.process;
    const qs = `country=${org.bigCountry}&sort=risk&dir=desc&limit=${PAGE_SIZE}`;
    const urls = {
      first: `${app.base}/api/v1/suppliers?${qs}`,
      deep: `${app.base}/api/v1/suppliers?${qs}&cursor=${deepCursor}`,
    };
    const get = async (url: string) => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
      const body = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 300)}`);
      return JSON.parse(body) as { data: { id: string }[]; total: number; nextCursor: string | null };
    };
    const first = await get(urls.first);
    const deep = await get(urls.deep);
    if (first.data.length !== PAGE_SIZE || deep.data.length !== PAGE_SIZE || first.total !== total) {
      throw new Error("the pages are wrong");
    }
    if (deep.data[0].id === first.data[0].id) throw new Error("the deep page repeats the first");

    const results: Record<string, number[]> = {};
    // Warm both pages before timing either: the first seconds after boot carry the server's start-up work
    // (scheduler, housekeeping, JIT), which would otherwise land on whichever series ran first.
    for (let i = 0; i < WARMUP; i++) for (const url of Object.values(urls)) await get(url);
    for (const [name, url] of Object.entries(urls)) {
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        const start = performance.now();
        await get(url);
        times.push(performance.now() - start);
      }
      results[name] = times.sort((a, b) => a - b);
    }
    console.error(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
    for (const [name, times] of Object.entries(results)) {
      for (const p of [50, 95]) {
        console.log(
          `BENCH name=api_suppliers_page_${name}_p${p} value=${percentile(times, p).toFixed(2)} unit=ms target=${TARGET_P95_MS}`,
        );
      }
    }
    const p95 = Math.max(percentile(results.first, 95), percentile(results.deep, 95));
    console.log(`BENCH name=api_suppliers_page value=${p95.toFixed(2)} unit=ms target=${TARGET_P95_MS}`);
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
