/**
 * load_mixed_50: 50 signed-in users at once for 60 s against the production server (autocannon, 50
 * connections, each with its own buyer session and its own supplier portal session), every connection
 * cycling through the supplier list, a supplier page, the dashboard, a questionnaire autosave and the
 * creation of a supplier. Seeded with 20,000 suppliers.
 *
 * Prints load_mixed_50 (p95 latency, ms, target 150; autocannon's p97.5, the next percentile it keeps),
 * load_mixed_50_rps (requests/s, printed for information; the runner's only "bigger is better" unit is
 * rows/s, so it carries that unit with target 1), load_mixed_50_errors (socket errors, timeouts and unexpected statuses,
 * target 0) and load_mixed_50_sqlite_busy (SQLITE_BUSY in the server log, target 0).
 */
import type { ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildApp, spawnServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const USERS = 50;
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const SUPPLIERS = 20_000;
const TARGET_P95_MS = 150;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
/** autocannon reports fixed percentiles; p95 lies between p90 and p97.5 (taken as p97.5, the stricter). */
function p95(r: autocannon.Result): number {
  return r.latency.p97_5;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-load-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  let server: ChildProcess | undefined;
  try {
    process.env.DATABASE_PATH = dbFile;
    process.env.SQLITE_SYNCHRONOUS = "FULL";
    const { db, closeDb } = await import("~/infra/db.server");
    const { sendQuestionnaire } = await import("~/questionnaires/send.server");
    const { loadAssignment } = await import("~/questionnaires/assignments.server");
    const org = await seedLargeOrg(db(), { suppliers: SUPPLIERS });
    const c = db().$client;
    const userId = (c.prepare("select id from users where email = ?").get(org.email) as { id: string }).id;
    const ctx = {
      organizationId: org.organizationId,
      actor: { type: "user" as const, id: userId, label: "Bench", role: "procurement" as const },
    };
    const supplierIds = org.byTier.flat();
    // One buyer session and one confirmed supplier portal session per simulated user.
    const users: { cookie: string; assignmentId: string; questionId: string }[] = [];
    const now = Date.now();
    for (let i = 0; i < USERS; i++) {
      const buyer = randomBytes(32).toString("base64url");
      c.prepare(
        "insert into sessions (id, user_id, organization_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?)",
      ).run(sha256(buyer), userId, org.organizationId, now, now, now + 86_400_000);
      const sent = await sendQuestionnaire(ctx, {
        supplierId: supplierIds[i * 7],
        recipientName: `Load Contact ${i}`,
        recipientEmail: `load-${i}@supplier.test`,
        dueDate: "2099-01-31",
      });
      const portal = randomBytes(32).toString("base64url");
      c.prepare(
        "insert into supplier_portal_sessions (id, organization_id, assignment_id, created_at, expires_at, verified_at) values (?, ?, ?, ?, ?, ?)",
      ).run(sha256(portal), org.organizationId, sent.assignmentId, now, now + 86_400_000, now);
      users.push({
        cookie: `cs_session=${buyer}; cs_portal=${portal}`,
        assignmentId: sent.assignmentId,
        // A free-text question of the built-in questionnaire: any text is a valid answer.
        questionId: loadAssignment(db(), org.organizationId, sent.assignmentId).template.questions.find(
          (q) => q.type === "text" && !q.visibleWhen,
        )!.id,
      });
    }
    c.pragma("wal_checkpoint(TRUNCATE)");
    closeDb();

    buildApp(root, out);
    const app = await spawnServer({ root, out, work, dbFile });
    server = app.process;
    const base = app.base;

    // Sanity: each kind of request works for one user before the load starts.
    const probe = users[0];
    const check = async (url: string, init: RequestInit, ok: number[]) => {
      const res = await fetch(`${base}${url}`, { redirect: "manual", ...init });
      const body = await res.text();
      if (!ok.includes(res.status)) throw new Error(`${url}: ${res.status} ${body.slice(0, 300)}`);
    };
    const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: base };
    await check("/suppliers.data", { headers: { Cookie: probe.cookie } }, [200]);
    await check(`/suppliers/${supplierIds[1]}.data`, { headers: { Cookie: probe.cookie } }, [200]);
    await check("/dashboard.data", { headers: { Cookie: probe.cookie } }, [200]);
    await check(
      `/portal/${probe.assignmentId}.data`,
      {
        method: "POST",
        headers: { ...form, Cookie: probe.cookie },
        body: new URLSearchParams({ intent: "autosave", questionId: probe.questionId, value: "cash" }),
      },
      [200],
    );

    let unexpected = 0;
    let created = 0;
    const expect = (ok: number[]) => (status: number) => {
      if (!ok.includes(status)) unexpected++;
    };
    let seq = 0;
    let nextUser = 0;
    type User = (typeof users)[number];
    /** Each pass through the five requests is one user's (contexts start empty on every pass). */
    const userOf = (context: object): User => {
      const ctx = context as Partial<User>;
      if (!ctx.cookie) Object.assign(ctx, users[nextUser++ % USERS]);
      return ctx as User;
    };
    const result = await autocannon({
      url: base,
      connections: USERS,
      duration: SECONDS,
      timeout: 10,
      requests: [
        {
          method: "GET",
          setupRequest: (req, context) => ({
            ...req,
            path: `/suppliers.data?sort=name&dir=asc&q=${["", "a", "mill", "tex"][seq++ % 4]}`,
            headers: { Cookie: userOf(context).cookie },
          }),
          onResponse: (status) => expect([200])(status),
        },
        {
          method: "GET",
          setupRequest: (req, context) => ({
            ...req,
            path: `/suppliers/${supplierIds[seq++ % supplierIds.length]}.data`,
            headers: { Cookie: userOf(context).cookie },
          }),
          onResponse: (status) => expect([200])(status),
        },
        {
          method: "GET",
          setupRequest: (req, context) => ({
            ...req,
            path: "/dashboard.data",
            headers: { Cookie: userOf(context).cookie },
          }),
          onResponse: (status) => expect([200])(status),
        },
        {
          method: "POST",
          setupRequest: (req, context) => {
            const u = userOf(context);
            return {
              ...req,
              path: `/portal/${u.assignmentId}.data`,
              headers: { ...form, Cookie: u.cookie },
              body: new URLSearchParams({
                intent: "autosave",
                questionId: u.questionId,
                value: `Answer revision ${seq++}`,
              }).toString(),
            };
          },
          onResponse: (status) => expect([200])(status),
        },
        {
          method: "POST",
          setupRequest: (req, context) => {
            const n = seq++;
            return {
              ...req,
              path: "/suppliers/new",
              headers: { ...form, Cookie: userOf(context).cookie },
              body: new URLSearchParams({
                name: `Load Supplier ${n}`,
                country: ["VN", "BD", "TR", "CN"][n % 4],
                sector: "Textiles and apparel",
                contactName: `Contact ${n}`,
                contactEmail: `contact-${n}@load.test`,
              }).toString(),
            };
          },
          onResponse: (status) => {
            if (status === 302) created++;
            expect([302])(status);
          },
        },
      ],
    });
    const log = app.log();
    const busy = (log.match(/SQLITE_BUSY/g) ?? []).length;
    const errors = result.errors + result.timeouts + unexpected;
    console.log(
      `# ${result.requests.total} requests in ${SECONDS} s by ${USERS} users: p50 ${result.latency.p50} ms, ` +
        `p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
        `${created} suppliers created; errors ${result.errors}, timeouts ${result.timeouts}, unexpected statuses ${unexpected}`,
    );
    console.log(`BENCH name=load_mixed_50 value=${p95(result).toFixed(1)} unit=ms target=${TARGET_P95_MS}`);
    console.log(
      `BENCH name=load_mixed_50_rps value=${result.requests.average.toFixed(1)} unit=rows/s target=1`,
    );
    console.log(`BENCH name=load_mixed_50_errors value=${errors} unit=x target=0`);
    console.log(`BENCH name=load_mixed_50_sqlite_busy value=${busy} unit=x target=0`);
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
