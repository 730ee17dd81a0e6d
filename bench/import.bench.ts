/**
 * import_100k: a 100,000-row supplier CSV imported end to end, against a baseline in the same process.
 *
 * The file is realistic: Unicode names (some quoted with commas), addresses with quoted newlines, countries
 * in mixed forms ("Viet Nam", "VN", "Türkiye", "Ivory Coast", "UK" …), goods and tags lists, spend with
 * decimals, and a third of the suppliers below others (tiers 2–4, some with two parents), in shuffled order
 * so parents often come after their children.
 *
 *   baseline: the same csv-parse settings, every row inserted with ONE raw better-sqlite3 prepared statement
 *             in one transaction into a fresh migrated database (no validation, links, tiers or risk).
 *   import:   the real path into another fresh migrated database: the upload checks (sniff, UTF-8, row
 *             count, hash), the job with its mapping, then the import thread: scan, validate, upsert in
 *             batches sized to the transaction budget, risk, two-phase parent links with cycle checks, and
 *             the tier and exposure passes.
 *
 * Prints import_100k_baseline (s), import_100k (s), import_100k_ratio (x, target 2.0),
 * event_loop_during_import (p99 event-loop delay of the web thread while the job runs, ms, target 50) with
 * the latency of a health check and of a one-row write polled meanwhile, and import_100k_peak_rss (MB,
 * target 300: the whole process, import thread included).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { parse } from "csv-parse";

const ROWS = 100_000;
const TARGET_RATIO = 2.0;
const TARGET_RSS_MB = 300;
const BASELINE_CEILING_S = 60;
/** p99 event-loop delay while the import runs: how long any other request can wait behind it. */
const TARGET_LOOP_P99_MS = 50;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "clearsource-import-bench-"));
// Every app module reads its settings lazily: this process's database is the import's fresh one.
process.env.DATABASE_PATH = path.join(work, "import", "clearsource.db");
process.env.SQLITE_SYNCHRONOUS = "NORMAL";
process.env.NODE_ENV = "production";

const { migrateDatabase, openDatabase, db } = await import("~/infra/db.server");
const { csvOptions } = await import("~/imports/csv-read.server");
const { createImportJob, getImportJob, saveImportMapping } = await import("~/imports/imports.server");
const { runImportJobInThread } = await import("~/imports/thread.server");
const { writeTx } = await import("~/infra/db.server");
const { receiveFileStream } = await import("~/imports/upload.server");
const { mappingForm } = await import("~/imports/testing.server");
const { detectDelimiter, firstLine } = await import("~/imports/sniff");
const { memberships, organizations, supplierLinks, suppliers, users } = await import("~db/schema");
const { eq, count } = await import("drizzle-orm");

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const COUNTRY_FORMS = [
  "Viet Nam",
  "Vietnam",
  "VN",
  "Türkiye",
  "Turkey",
  "TR",
  "Côte d'Ivoire",
  "Ivory Coast",
  "China",
  "CN",
  "CHN",
  "India",
  "IN",
  "Bangladesh",
  "BD",
  "UK",
  "United Kingdom",
  "USA",
  "United States",
  "Brazil",
  "Brasil",
  "Cambodia",
  "KH",
  "Pakistan",
  "Indonesia",
  "Czechia",
  "Czech Republic",
  "South Korea",
  "Korea, Republic of",
  "Mexico",
  "Ethiopia",
  "Uzbekistan",
];
const NAME_PARTS = [
  ["Nhà máy Dệt", "Công ty May", "Xưởng Giày"],
  ["Çukurova Tekstil", "İzmir Örme", "Ankara Deri"],
  ["Fábrica São Paulo", "Têxtil Ceará", "Calçados Franca"],
  ["Shenzhen 电子", "广州 纺织", "Ningbo Hardware"],
  ["Dhaka Knit", "Chittagong Garments", "Gazipur Denim"],
  ["Société Ivoirienne de Cacao", "Coopérative Abengourou", "Plantation Soubré"],
];
const GOODS = [
  "Cotton",
  "Garments",
  "Cocoa",
  "Electronics",
  "Footwear",
  "Bricks",
  "Gold",
  "Polysilicon",
  "Rubber gloves",
];
const SECTORS = [
  "Textiles and apparel",
  "Electronics",
  "Agriculture",
  "Footwear and leather",
  "Mining",
  "Manufacturing",
];
const STATUSES = ["active", "active", "active", "onboarding", "prospect", "suspended"];
const CURRENCIES = ["USD", "EUR", "GBP", "CNY", "VND"];

const csvQuote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes the CSV; returns how many rows have parents. */
function generate(file: string): number {
  const rand = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  // Tiers: two thirds direct, the rest spread over tiers 2–4, each parent from the tier above.
  const tierOf = (i: number) =>
    i < (ROWS * 2) / 3 ? 1 : i < (ROWS * 7) / 9 ? 2 : i < (ROWS * 8) / 9 ? 3 : 4;
  const byTier: number[][] = [[], [], [], [], []];
  for (let i = 0; i < ROWS; i++) byTier[tierOf(i)].push(i);
  const order = Array.from({ length: ROWS }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const fd = fs.openSync(file, "w");
  let buffer =
    "\uFEFFexternal_ref,name,trade_name,country,address,sector,goods,annual_spend,currency,status,tags,contact_name,contact_email,parent_external_ref\r\n";
  let withParents = 0;
  for (const i of order) {
    const tier = tierOf(i);
    let parents = "";
    if (tier > 1) {
      withParents++;
      const above = byTier[tier - 1];
      const first = above[Math.floor(rand() * above.length)];
      parents = `ERP-${first}`;
      if (rand() < 0.1) {
        const second = above[Math.floor(rand() * above.length)];
        if (second !== first) parents += `;ERP-${second}`;
      }
    }
    const group = pick(NAME_PARTS);
    const name = `${pick(group)} ${i}${rand() < 0.3 ? ", Ltd" : ""}`;
    const address =
      rand() < 0.2 ? `${i} Industrial Road\nBlock ${i % 40}` : `${i} Industrial Road, Zone ${i % 40}`;
    const row = [
      `ERP-${i}`,
      name,
      rand() < 0.3 ? `Brand ${i}` : "",
      ` ${pick(COUNTRY_FORMS)} `,
      address,
      pick(SECTORS),
      `${pick(GOODS)};${pick(GOODS)}`,
      (rand() * 5_000_000).toFixed(2),
      pick(CURRENCIES),
      pick(STATUSES),
      `region-${i % 7};${rand() < 0.5 ? "strategic" : "tail"}`,
      `Contact ${i}`,
      `buyer${i}@supplier-${i % 977}.example`,
      parents,
    ];
    buffer += `${row.map(csvQuote).join(",")}\r\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = "";
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return withParents;
}

async function baseline(file: string): Promise<number> {
  const database = openDatabase(path.join(work, "baseline", "clearsource.db"), "NORMAL");
  migrateDatabase(database);
  const sqlite = database.$client;
  const orgId = crypto.randomUUID();
  sqlite
    .prepare("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)")
    .run(orgId, "Baseline", Date.now());
  const started = performance.now();
  const head = Buffer.alloc(64 * 1024);
  const fd = fs.openSync(file, "r");
  fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const parser = fs
    .createReadStream(file, { highWaterMark: 256 * 1024 })
    .pipe(parse(csvOptions(detectDelimiter(firstLine(head.toString("utf8"))))));
  const insert = sqlite.prepare(
    `INSERT INTO suppliers (id, organization_id, external_ref, name, trade_name, country, address, sector, goods,
       annual_spend, currency, status, tags, contact_name, contact_email, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // One transaction around the streamed parse (better-sqlite3's transaction() cannot span awaits).
  const now = Date.now();
  let header = true;
  sqlite.exec("BEGIN IMMEDIATE");
  for await (const { record: r } of parser as AsyncIterable<{ record: string[] }>) {
    if (header) {
      header = false;
      continue;
    }
    insert.run(
      crypto.randomUUID(),
      orgId,
      r[0],
      r[1],
      r[2],
      r[3],
      r[4],
      r[5],
      r[6],
      Number(r[7]),
      r[8],
      r[9],
      r[10],
      r[11],
      r[12],
      now,
      now,
    );
  }
  sqlite.exec("COMMIT");
  const seconds = (performance.now() - started) / 1000;
  const n = sqlite.prepare("SELECT count(*) AS n FROM suppliers").get() as { n: number };
  if (n.n !== ROWS) throw new Error(`baseline inserted ${n.n} rows`);
  database.$client.close();
  return seconds;
}

type Latency = { p95: number; max: number; n: number };
let loopStats: { p99: number; max: number; health: Latency; write: Latency; failures: number } = {
  p99: 0,
  max: 0,
  health: { p95: 0, max: 0, n: 0 },
  write: { p95: 0, max: 0, n: 0 },
  failures: 0,
};

async function realImport(file: string): Promise<{ seconds: number; summary: string }> {
  const database = db();
  const org = database.insert(organizations).values({ name: "Bench Imports" }).returning().get();
  const user = database
    .insert(users)
    .values({ email: "bench@imports.test", name: "Bench", passwordHash: "not-a-login" })
    .returning()
    .get();
  database.insert(memberships).values({ organizationId: org.id, userId: user.id, role: "procurement" }).run();
  const ctx = {
    organizationId: org.id,
    actor: { type: "user" as const, id: user.id, label: "Bench", role: "procurement" as const },
  };

  const started = performance.now();
  const upload = await receiveFileStream(
    fs.createReadStream(file, { highWaterMark: 256 * 1024 }),
    "suppliers.csv",
  );
  const { id } = await createImportJob(ctx, upload);
  const job = await getImportJob(ctx, id);
  saveImportMapping(ctx, { jobId: id, form: mappingForm(job.mapping), start: true });
  // While the job runs (in its worker thread, as in the app), this process answers a health check (one
  // SQLite read, like /healthz) and a small write (one transaction, like an autosave) to a client polling
  // them back to back: their latency is what any other user's request would wait.
  const health = http.createServer((req, res) => {
    if (req.url === "/write") {
      writeTx((tx) => {
        tx.update(organizations).set({ name: "Bench Imports" }).where(eq(organizations.id, org.id)).run();
      });
    } else database.$client.prepare("select 1").get();
    res.end("ok");
  });
  await new Promise<void>((resolve) => health.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(health.address() as AddressInfo).port}`;
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const times: Record<"/healthz" | "/write", number[]> = { "/healthz": [], "/write": [] };
  let failures = 0;
  let running = true;
  const poll = async (route: "/healthz" | "/write", pauseMs: number) => {
    while (running) {
      const t = performance.now();
      try {
        await fetch(base + route).then((r) => r.text());
        times[route].push(performance.now() - t);
      } catch {
        failures++;
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const pollers = [poll("/healthz", 5), poll("/write", 50)];
  loop.enable();
  const { outcome } = await runImportJobInThread(id);
  loop.disable();
  running = false;
  await Promise.all(pollers);
  health.close();
  const seconds = (performance.now() - started) / 1000;
  const summary = (xs: number[]) => {
    xs.sort((a, b) => a - b);
    return {
      p95: xs[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)] ?? 0,
      max: xs.at(-1) ?? 0,
      n: xs.length,
    };
  };
  loopStats = {
    p99: loop.percentile(99) / 1e6,
    max: loop.max / 1e6,
    health: summary(times["/healthz"]),
    write: summary(times["/write"]),
    failures,
  };

  const done = await getImportJob(ctx, id);
  if (outcome !== "done" || done.status !== "done")
    throw new Error(`import ended ${outcome}: ${done.failureMessage}`);
  const total = database
    .select({ n: count() })
    .from(suppliers)
    .where(eq(suppliers.organizationId, org.id))
    .get()!.n;
  const links = database
    .select({ n: count() })
    .from(supplierLinks)
    .where(eq(supplierLinks.organizationId, org.id))
    .get()!.n;
  const deepest = database.$client
    .prepare(
      "SELECT tier, count(*) AS n FROM suppliers WHERE organization_id = ? GROUP BY tier ORDER BY tier",
    )
    .all(org.id) as { tier: number; n: number }[];
  if (done.createdCount !== ROWS || done.errorCount !== 0 || total !== ROWS) {
    throw new Error(
      `expected ${ROWS} created, got ${done.createdCount} created, ${done.errorCount} errors: ${JSON.stringify(done.errorSample.slice(0, 3))}`,
    );
  }
  return {
    seconds,
    summary: `created=${done.createdCount} errors=${done.errorCount} links=${links} tiers=${deepest.map((t) => `${t.tier}:${t.n}`).join(",")}`,
  };
}

const file = path.join(work, "suppliers-100k.csv");
const withParents = generate(file);
console.log(
  `# ${ROWS} rows, ${withParents} with parents, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`,
);

const cpu0 = process.cpuUsage();
const base = await baseline(file);
const cpuBase = process.cpuUsage(cpu0);
global.gc?.();
const cpu1 = process.cpuUsage();
const real = await realImport(file);
const cpuReal = process.cpuUsage(cpu1);
const cpuSeconds = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
// CPU time is printed too: on a busy machine wall times swing, the CPU ratio much less.
console.log(
  `# cpu: baseline ${cpuSeconds(cpuBase).toFixed(2)} s, import ${cpuSeconds(cpuReal).toFixed(2)} s, ratio ${(cpuSeconds(cpuReal) / cpuSeconds(cpuBase)).toFixed(2)}`,
);
console.log(`# ${real.summary}`);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);

const ratio = real.seconds / base;
console.log(`BENCH name=import_100k_baseline value=${base.toFixed(2)} unit=s target=${BASELINE_CEILING_S}`);
console.log(
  `BENCH name=import_100k value=${real.seconds.toFixed(2)} unit=s target=${(base * TARGET_RATIO).toFixed(2)}`,
);
console.log(`BENCH name=import_100k_ratio value=${ratio.toFixed(2)} unit=x target=${TARGET_RATIO}`);
const latency = (l: Latency) => `p95 ${l.p95.toFixed(1)} ms (max ${l.max.toFixed(0)} ms, ${l.n} requests)`;
console.log(
  `# during the import: event-loop delay p99 ${loopStats.p99.toFixed(1)} ms (max ${loopStats.max.toFixed(0)} ms); ` +
    `/healthz ${latency(loopStats.health)}; one-row write ${latency(loopStats.write)}; ${loopStats.failures} failed requests`,
);
console.log(
  `BENCH name=event_loop_during_import value=${loopStats.p99.toFixed(1)} unit=ms target=${TARGET_LOOP_P99_MS}`,
);
console.log(
  `BENCH name=import_100k_peak_rss value=${(peakRss / 1024 / 1024).toFixed(0)} unit=MB target=${TARGET_RSS_MB}`,
);

fs.rmSync(work, { recursive: true, force: true });
process.exit(0);
