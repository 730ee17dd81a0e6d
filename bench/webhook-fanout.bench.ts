/**
 * webhook_fanout: 1,000 events to 10 endpoints (10,000 deliveries) on a local receiver, each written in
 * its own transaction as a domain verb writes it, delivered by the worker started at boot (woken by the
 * events), signed, and verified by the receiver with the Standard Webhooks library. Measured from the
 * first event's commit until the receiver has verified all 10,000 and the database shows every delivery
 * as delivered. Target ≤ 5 s. SQLite with synchronous=NORMAL, as the other write-heavy benches: with FULL
 * the 1,000 separate commits of the events themselves dominate on a slow disk (an fsync each).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";

const EVENTS = 1000;
const ENDPOINTS = 10;
const TARGET_S = 5;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-webhooks-"));
process.env.DATABASE_PATH = path.join(work, "bench.sqlite");
process.env.SQLITE_SYNCHRONOUS = "NORMAL";
// The receiver is on 127.0.0.1 over http: allowed here by configuration, refused by default in production.
process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";
process.env.WEBHOOK_ALLOW_HTTP = "true";

try {
  const { db, writeTx } = await import("~/infra/db.server");
  const { systemCtx } = await import("~/infra/context");
  const { organizations, webhookDeliveries } = await import("~db/schema");
  const { createEndpoint } = await import("~/webhooks/endpoints.server");
  const { emitEvent } = await import("~/webhooks/events.server");
  const { startWebhookWorker } = await import("~/webhooks/worker.server");
  const { eq, sql } = await import("drizzle-orm");

  const org = db().insert(organizations).values({ name: "Bench Buyer" }).returning().get();
  const ctx = systemCtx(org.id, "bench");

  const verifiers = new Map<string, Webhook>();
  const seen = new Set<string>();
  let verified = 0;
  let rejected = 0;
  let allDone: () => void = () => {};
  const finished = new Promise<void>((resolve) => (allDone = resolve));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const wh = verifiers.get(req.url ?? "");
      try {
        wh!.verify(Buffer.concat(chunks).toString("utf8"), req.headers as Record<string, string>);
        const key = `${req.url} ${req.headers["webhook-id"]}`;
        if (seen.has(key)) throw new Error(`delivered twice: ${key}`);
        seen.add(key);
        verified++;
        res.statusCode = 204;
      } catch (err) {
        if (rejected < 5) console.error(`rejected: ${err instanceof Error ? err.message : String(err)}`);
        rejected++;
        res.statusCode = 400;
      }
      res.end();
      if (verified === EVENTS * ENDPOINTS) allDone();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  for (let i = 0; i < ENDPOINTS; i++) {
    const p = `/hooks/${i}`;
    const { secret } = createEndpoint(ctx, {
      url: `http://127.0.0.1:${port}${p}`,
      eventTypes: ["supplier.risk_level_changed"],
    });
    verifiers.set(p, new Webhook(secret));
  }

  const stop = startWebhookWorker({ log: (l) => console.error(l), intervalMs: 1000 });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < EVENTS; i++) {
    writeTx((tx) =>
      emitEvent(tx, org.id, "supplier.risk_level_changed", {
        supplierId: `bench-${i}`,
        from: "medium",
        to: "high",
        score: 61,
      }),
    );
    // A domain verb's transactions come from requests, not one tight loop: let the worker run between them.
    if (i % 10 === 9) await new Promise((r) => setImmediate(r));
  }
  const emittedMs = performance.now() - t0;
  const timeout = setTimeout(() => allDone(), 60_000);
  await finished;
  clearTimeout(timeout);
  // The database agrees: every delivery recorded as delivered (the last records may trail the answers).
  let delivered = 0;
  for (let tries = 0; tries < 200; tries++) {
    delivered = db()
      .select({ n: sql<number>`count(*)` })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.status, "delivered"))
      .get()!.n;
    if (delivered === EVENTS * ENDPOINTS) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const totalS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `webhook_fanout: process CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms in ${totalS.toFixed(2)} s wall (load ${os.loadavg()[0].toFixed(1)})`,
  );
  await stop();
  server.close();
  console.log(
    `webhook_fanout: ${EVENTS} events × ${ENDPOINTS} endpoints; emitted in ${Math.round(emittedMs)} ms; ` +
      `${verified} verified, ${rejected} rejected, ${delivered} recorded delivered`,
  );
  if (verified !== EVENTS * ENDPOINTS || delivered !== EVENTS * ENDPOINTS || rejected > 0) {
    console.log(`BENCH name=webhook_fanout value=999 unit=s target=${TARGET_S}`);
    process.exit(1);
  }
  console.log(`BENCH name=webhook_fanout value=${totalS.toFixed(2)} unit=s target=${TARGET_S}`);
  if (totalS > TARGET_S) process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
