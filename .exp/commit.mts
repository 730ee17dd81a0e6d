import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
const work = fs.mkdtempSync("/tmp/i8exp/db-");
const { openDatabase, migrateDatabase } = await import("~/infra/db.server");
const N = 100_000;
const batchSizes = (process.argv[2] ?? "10000,2000,500").split(",").map(Number);
const ordered = process.argv[3] === "v7";
const sync = (process.argv[4] ?? "NORMAL") as "NORMAL" | "FULL";
let seq = 0;
function uuid7() {
  const t = Date.now();
  const b = crypto.getRandomValues(new Uint8Array(16));
  const ts = BigInt(t) * 4096n + BigInt(seq++ % 4096);
  const h = ts.toString(16).padStart(15, "0");
  const rnd = Buffer.from(b).toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(12, 15)}-${rnd.slice(0, 4)}-${rnd.slice(4, 16)}`;
}
const order = Array.from({ length: N }, (_, i) => i).sort(() => Math.random() - 0.5);
for (const B of batchSizes) {
  const database = openDatabase(path.join(work, `b${B}.db`), sync);
  migrateDatabase(database);
  const c = database.$client;
  c.pragma("cache_size = -32768");
  c.pragma("wal_autocheckpoint = 0");
  const org = crypto.randomUUID();
  c.prepare("INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)").run(org, "x", Date.now());
  const ins =
    c.prepare(`INSERT INTO suppliers (id, organization_id, name, trade_name, external_ref, address, goods, annual_spend,
         currency, status, tags, country, sector, contact_name, contact_email, tier, risk_score, risk_level,
         created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`);
  const t0 = performance.now();
  let maxCommit = 0,
    maxTx = 0;
  for (let s = 0; s < N; s += B) {
    const a = performance.now();
    c.exec("BEGIN IMMEDIATE");
    const now = Date.now();
    for (let k = s; k < Math.min(N, s + B); k++) {
      const i = order[k];
      ins.run(
        ordered ? uuid7() : crypto.randomUUID(),
        org,
        `Name ${Math.random().toString(36).slice(2)} ${i}`,
        null,
        `ERP-${i}`,
        `${i} Road`,
        "[]",
        Math.random() * 5e6,
        "USD",
        "active",
        "[]",
        ["VN", "CN", "IN", "BD", "TR"][i % 5],
        "Other",
        `C ${i}`,
        `c${i}@x.example`,
        40 + (i % 3) * 10,
        "medium",
        now,
        now,
      );
    }
    const b = performance.now();
    c.exec("COMMIT");
    const e = performance.now();
    maxCommit = Math.max(maxCommit, e - b);
    maxTx = Math.max(maxTx, e - a);
    if (fs.statSync(path.join(work, `b${B}.db-wal`)).size > 256 * 1024 * 1024)
      c.pragma("wal_checkpoint(PASSIVE)");
  }
  const total = performance.now() - t0;
  const wal = fs.statSync(path.join(work, `b${B}.db-wal`)).size;
  c.pragma("wal_checkpoint(TRUNCATE)");
  console.log(
    `batch=${B} ids=${ordered ? "v7" : "v4"} sync=${sync} total=${(total / 1000).toFixed(2)}s maxTx=${maxTx.toFixed(0)}ms maxCommit=${maxCommit.toFixed(0)}ms wal=${(wal / 1e6).toFixed(0)}MB`,
  );
  c.close();
}
fs.rmSync(work, { recursive: true, force: true });
