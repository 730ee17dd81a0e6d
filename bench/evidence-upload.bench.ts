/**
 * evidence_upload_500mb: a 500 MB PDF posted as a browser would (multipart/form-data with a
 * Content-Length) to a corrective action's page on the production build, streamed through the app into
 * the embedded S3 (s3rver). Measured against a direct lib-storage upload of the same bytes to the same
 * S3 in the same run, so the figure is the app's own cost on this machine:
 * - evidence_upload_500mb: seconds through the app; target: within 2× of the direct upload.
 * - evidence_upload_500mb_rss: the server's peak resident memory during the upload minus just before
 *   it (sampled every 20 ms from /proc). Target ≤ 64 MB: the file is never held in memory.
 * - evidence_upload_500mb_ratio: app time / direct time. Target ≤ 2.
 * The stored row's SHA-256 and size are checked against the bytes sent.
 */
import { randomUUID, createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Readable } from "node:stream";
import { S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { buildApp, freePort, logIn, spawnServer, type BenchServer } from "./lib/http";
import { seedLargeOrg } from "./seed-100k";

const SIZE = 500 * 1024 * 1024;
const CHUNK = 64 * 1024;
const TARGET_RSS_MB = 64;
const TARGET_RATIO = 2;
const PART_BYTES = 5 * 1024 * 1024;
const QUEUE = 2;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** `size` bytes of a PDF: the header, then a fixed 1 MB block of pseudo-random bytes over and over. */
function* pdfBytes(size: number): Generator<Buffer> {
  const block = Buffer.alloc(1024 * 1024);
  let x = 88172645;
  for (let i = 0; i < block.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block.writeUInt32LE(x >>> 0, i);
  }
  block.write("%PDF-1.7\n", 0, "latin1");
  for (let sent = 0; sent < size; sent += CHUNK) {
    const offset = sent % block.length;
    yield block.subarray(offset, offset + Math.min(CHUNK, size - sent));
  }
}

function sha256Of(size: number): string {
  const hash = createHash("sha256");
  for (const chunk of pdfBytes(size)) hash.update(chunk);
  return hash.digest("hex");
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

/** POST the file as multipart/form-data with an exact Content-Length (the app refuses chunked bodies). */
function postFile(app: BenchServer, cookie: string, url: string, size: number): Promise<number> {
  const boundary = `----bench${randomUUID().replace(/-/g, "")}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="site-audit-scan.pdf"\r\n` +
      `Content-Type: application/pdf\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { hostname, port } = new URL(app.base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname,
        port,
        path: url,
        method: "POST",
        headers: {
          Cookie: cookie,
          Origin: app.base,
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": head.length + size + tail.length,
        },
      },
      (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => {
          if ((res.statusCode ?? 0) >= 400)
            reject(new Error(`upload: ${res.statusCode} ${body.slice(0, 300)}`));
          else resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on("error", reject);
    Readable.from(
      (function* () {
        yield head;
        yield* pdfBytes(size);
        yield tail;
      })(),
    ).pipe(req);
  });
}

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-evidence-upload-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  process.env.DATABASE_PATH = dbFile;
  let app: BenchServer | undefined;
  try {
    const { db, closeDb } = await import("~/infra/db.server");
    const org = await seedLargeOrg(db(), { suppliers: 10 });
    const actionId = randomUUID();
    const now = Date.now();
    db()
      .$client.prepare(
        `insert into remediation_tasks (id, organization_id, supplier_id, source_type, source_ref, title, grade,
           state, plan_due_date, due_date, status, created_at, updated_at)
         values (?, ?, ?, 'answer', 'bench:upload', 'Wage records', 'major', 'in_progress', '2027-01-01',
           '2027-02-01', 'open', ?, ?)`,
      )
      .run(actionId, org.organizationId, org.byTier.flat()[0], now, now);
    closeDb();

    buildApp(root, out);
    const s3Port = await freePort();
    app = await spawnServer({
      root,
      out,
      work,
      dbFile,
      env: { UPLOAD_MAX_BYTES: String(SIZE + 1024 * 1024), EMBEDDED_S3_PORT: String(s3Port) },
    });
    const pid = app.process.pid!;
    const cookie = await logIn(app.base, org.email, org.password, `/remediation/${actionId}`);
    const url = `/remediation/${actionId}`;
    // Warm up: the upload path's modules loaded and its first sockets open before the baseline.
    for (let i = 0; i < 2; i++) await postFile(app, cookie, url, 12 * 1024 * 1024);

    const before = rssOf(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20);
    const t0 = performance.now();
    await postFile(app, cookie, url, SIZE);
    const appSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssOf(pid));

    const { default: Database } = await import("better-sqlite3");
    const check = new Database(dbFile, { readonly: true });
    const row = check
      .prepare(
        "select sha256, size_bytes as size from evidence_files where action_id = ? order by created_at desc limit 1",
      )
      .get(actionId) as { sha256: string; size: number };
    check.close();
    if (row.size !== SIZE || row.sha256 !== sha256Of(SIZE))
      throw new Error(`stored ${row.size} bytes, sha256 ${row.sha256}: not the file sent`);

    const client = new S3Client({
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${s3Port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      requestChecksumCalculation: "WHEN_REQUIRED",
    });
    const t1 = performance.now();
    await new Upload({
      client,
      params: {
        Bucket: "clearsource",
        Key: `bench/direct-${randomUUID()}.pdf`,
        Body: Readable.from(pdfBytes(SIZE), { objectMode: false }),
        ContentType: "application/pdf",
      },
      partSize: PART_BYTES,
      queueSize: QUEUE,
    }).done();
    const directSeconds = (performance.now() - t1) / 1000;

    const extraMb = (peak - before) / (1024 * 1024);
    console.error(
      `500 MB through the app: ${appSeconds.toFixed(1)} s (${(500 / appSeconds).toFixed(0)} MB/s); ` +
        `direct lib-storage upload: ${directSeconds.toFixed(1)} s (${(500 / directSeconds).toFixed(0)} MB/s); ` +
        `server RSS ${(before / 1048576).toFixed(0)} → peak ${(peak / 1048576).toFixed(0)} MB; ` +
        `load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`,
    );
    console.log(
      `BENCH name=evidence_upload_500mb value=${appSeconds.toFixed(2)} unit=s target=${(TARGET_RATIO * directSeconds).toFixed(2)}`,
    );
    console.log(
      `BENCH name=evidence_upload_500mb_ratio value=${(appSeconds / directSeconds).toFixed(2)} unit=x target=${TARGET_RATIO}`,
    );
    console.log(
      `BENCH name=evidence_upload_500mb_rss value=${extraMb.toFixed(1)} unit=MB target=${TARGET_RSS_MB}`,
    );
  } catch (err) {
    if (app) console.error(`server log (last lines):\n${app.log().slice(-4000)}`);
    throw err;
  } finally {
    app?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
