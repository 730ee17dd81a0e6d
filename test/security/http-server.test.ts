import fs from "node:fs";
import http from "node:http";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { s3 } from "~/infra/storage.server";
import { openPortal } from "~/questionnaires/portal.testing";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { emailOutbox, evidenceFiles } from "~db/schema";
import { createOrg, type TestOrg } from "../factories";
import { startServer, type RunningServer } from "../server-harness";

/**
 * What the HTTP server itself guarantees, seen from outside: body limits before parsing, content
 * types, security headers (each sent once), and the probe's findings at this level.
 */

type Raw = { status: number; headers: string[]; body: string };

/** A raw request; `rawHeaders` keeps repeated header lines, which fetch() would merge. */
function raw(
  base: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string; declare?: number } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...init.headers };
    const body = typeof init.body === "string" ? Buffer.from(init.body) : init.body;
    if (init.declare !== undefined) headers["Content-Length"] = String(init.declare);
    else if (body) headers["Content-Length"] = String(body.length);
    const req = http.request(
      `${base}${path}`,
      { method: init.method ?? "GET", headers, agent: false },
      (res) => {
        let text = "";
        res.on("data", (d) => (text += String(d)));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.rawHeaders, body: text }));
      },
    );
    req.on("error", (err) => (err.message.includes("ECONNRESET") ? undefined : reject(err)));
    if (init.declare !== undefined) req.write(Buffer.alloc(64 * 1024));
    else {
      if (body) req.write(body);
      req.end();
    }
  });
}

function header(r: Raw, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < r.headers.length; i += 2) {
    if (r.headers[i].toLowerCase() === name.toLowerCase()) out.push(r.headers[i + 1]);
  }
  return out;
}

function duplicated(r: Raw): string[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < r.headers.length; i += 2) {
    const name = r.headers[i].toLowerCase();
    if (name !== "set-cookie") seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

function rssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

let org: TestOrg;
let https: RunningServer;
let plain: RunningServer;
let paths: { supplier: string; portal: string; landing: string; evidence: string; audit: string };
let auditId: string;
const UPLOAD_LIMIT = 2 * 1024 * 1024;
let portalCookie: string;

beforeAll(async () => {
  org = await createOrg({ name: "Headers Ltd" });
  const { procurement, auditor } = org.members;
  const supplier = createSupplier(procurement.ctx, {
    name: "Header Mill",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Contact",
    contactEmail: "contact@headers.test",
  });
  const sent = await sendQuestionnaire(procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Recipient",
    recipientEmail: "recipient@headers.test",
    dueDate: "2099-01-31",
  });
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(
    db().select().from(emailOutbox).where(eq(emailOutbox.id, sent.emailId)).get()!.text,
  )![1];
  portalCookie = (await openPortal(token)).cookie;
  const audit = createAudit(auditor.ctx, {
    supplierId: supplier.id,
    scheme: "SMETA",
    auditDate: "2026-01-15",
    siteId: "new",
    newSiteName: "Site",
    newSiteCountry: "VN",
    summary: "Summary",
  });
  const evidence = await uploadEvidence(auditor.ctx, {
    auditId: audit.id,
    file: new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "report.pdf"),
  });
  paths = {
    supplier: `/suppliers/${supplier.id}`,
    portal: `/portal/${sent.assignmentId}`,
    landing: `/s/${token}`,
    evidence: `/evidence/${evidence.id}/download`,
    audit: `/audits/${audit.id}`,
  };
  auditId = audit.id;
  const shared = {
    DATABASE_PATH: process.env.DATABASE_PATH!,
    S3_BUCKET: process.env.S3_BUCKET!,
    SEED_DEMO: "false",
    UPLOAD_MAX_BYTES: String(UPLOAD_LIMIT),
  };
  [https, plain] = await Promise.all([
    startServer({ ...shared, PUBLIC_ORIGIN: "https://clearsource.example" }),
    startServer({ ...shared, PUBLIC_ORIGIN: "http://localhost:3000" }),
  ]);
}, 180_000);

afterAll(async () => {
  await Promise.all([https?.stop(), plain?.stop()]);
});

describe("request bodies", () => {
  // The probe's defect: an anonymous 400 MB POST /login took RSS from 485 to 1,359 MB.
  it("refuses a 400 MB POST /login from its headers (413) without reading it into memory", async () => {
    const before = rssKb(https.process.pid!);
    const started = Date.now();
    const r = await raw(https.base, "/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      declare: 400 * 1024 * 1024,
    });
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/larger than 1 MB/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(rssKb(https.process.pid!) - before).toBeLessThan(50 * 1024);
  });

  it.each([
    ["application/json", '{"email":"a@b.c","password":"x"}', 415],
    ["text/plain", "email=a@b.c", 415],
    ["", "email=a@b.c", 415],
    ["multipart/form-data", "--x\r\n", 400],
    ["multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name\r\n\r\n", 400],
  ])("answers %j on /login with a clear %s-class error, never 500", async (type, body, status) => {
    const r = await raw(https.base, "/login", {
      method: "POST",
      headers: type ? { "Content-Type": type } : {},
      body,
    });
    expect(r.status).toBe(status);
    expect(r.body.length).toBeGreaterThan(10);
  });

  it("reads a chunked body under the limit like any other", async () => {
    const r = await chunked(https.base, "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      chunks: (function* () {
        yield Buffer.from("email=nobody%40example.com&password=wrong-password");
      })(),
    });
    expect(r.status).not.toBe(411);
    expect(r.status).not.toBe(413);
    expect(r.status).toBeLessThan(500);
  });

  it("cuts a chunked form body at the limit: 413, connection closed, the rest never read", async () => {
    const before = rssKb(https.process.pid!);
    const r = await chunked(https.base, "/login", {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      chunks: endless(64 * 1024, 400 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/larger than 1 MB/);
    // The client offered 400 MB; the server stopped reading at the limit (plus what TCP buffers hold).
    expect(r.written).toBeLessThan(32 * 1024 * 1024);
    expect(rssKb(https.process.pid!) - before).toBeLessThan(50 * 1024);
  });

  it("refuses an upload's declared Content-Length over the file limit (plus its fields) up front", async () => {
    const r = await raw(https.base, paths.audit, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=x", Cookie: org.members.auditor.cookie },
      declare: UPLOAD_LIMIT + 1024 * 1024 + 1,
    });
    expect(r.status).toBe(413);
    expect(r.body).toMatch(/upload is larger than/);
  });

  it("cuts a chunked upload at the limit: 413, and no evidence row or stored object is left", async () => {
    const count = () =>
      db().select().from(evidenceFiles).where(eq(evidenceFiles.auditId, auditId)).all().length;
    const rows = count();
    const objects = (await keysUnder(`org/${org.id}/`)).length;
    const boundary = "cs-chunked-upload";
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const r = await chunked(https.base, paths.audit, {
      headers: {
        "Content-Type": `multipart/form-data; boundary=${boundary}`,
        Cookie: org.members.auditor.cookie,
      },
      chunks: (function* () {
        yield head;
        yield* endless(64 * 1024, 200 * 1024 * 1024);
      })(),
    });
    expect(r.status).toBe(413);
    expect(r.written).toBeLessThan(UPLOAD_LIMIT + 32 * 1024 * 1024);
    // The upload handler aborts its multipart upload when the connection goes.
    await expect
      .poll(async () => (await keysUnder(`org/${org.id}/`)).length, { timeout: 10_000 })
      .toBe(objects);
    expect(count()).toBe(rows);
  });
});

/** `size` bytes in chunks of `chunk` (zeros: a form value or a file's contents, it does not matter). */
function* endless(chunk: number, size: number) {
  const block = Buffer.alloc(chunk, 0x30);
  for (let sent = 0; sent < size; sent += chunk) yield block;
}

/**
 * A chunked POST (no Content-Length) written as fast as the server takes it, until it answers or the
 * connection closes; `written` is how much of the body got out before that.
 */
function chunked(
  base: string,
  path: string,
  init: { headers: Record<string, string>; chunks: Iterable<Buffer> },
): Promise<{ status: number; body: string; written: number }> {
  return new Promise((resolve, reject) => {
    let written = 0;
    let answered: { status: number; body: string } | null = null;
    let stopped = false;
    const req = http.request(`${base}${path}`, {
      method: "POST",
      agent: false,
      headers: { ...init.headers, "Transfer-Encoding": "chunked" },
    });
    const finish = () => {
      stopped = true;
      if (answered) resolve({ ...answered, written });
    };
    // The connection went without an answer (a reset): say so instead of waiting for the test's timeout.
    const closed = () => {
      stopped = true;
      setTimeout(() => resolve({ ...(answered ?? { status: 0, body: "" }), written }), 200);
    };
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d) => (text += String(d)));
      res.on("end", () => {
        answered = { status: res.statusCode ?? 0, body: text };
        finish();
        req.destroy();
      });
    });
    req.on("error", (err) => {
      if (/ECONNRESET|EPIPE|socket hang up/.test(err.message)) return finish();
      reject(err);
    });
    req.on("close", closed);
    const it = init.chunks[Symbol.iterator]();
    const pump = () => {
      while (!stopped) {
        const next = it.next();
        if (next.done) {
          req.end();
          return;
        }
        written += next.value.length;
        if (!req.write(next.value)) {
          req.once("drain", pump);
          return;
        }
      }
    };
    pump();
  });
}

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: env().S3_BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

describe("security headers", () => {
  it("sends HSTS only when the public origin is https", async () => {
    expect(header(await raw(https.base, "/login"), "Strict-Transport-Security")).toEqual([
      "max-age=31536000; includeSubDomains",
    ]);
    expect(header(await raw(plain.base, "/login"), "Strict-Transport-Security")).toEqual([]);
  });

  it("marks authenticated and portal pages Cache-Control: no-store, each header once", async () => {
    const pages: [string, Record<string, string>][] = [
      ["/login", {}],
      ["/dashboard", { Cookie: org.members.admin.cookie }],
      [paths.supplier, { Cookie: org.members.admin.cookie }],
      [`${paths.supplier}.data`, { Cookie: org.members.admin.cookie }],
      [paths.portal, { Cookie: portalCookie }],
      [paths.landing, {}],
      [paths.evidence, { Cookie: org.members.admin.cookie }],
    ];
    for (const [path, headers] of pages) {
      const r = await raw(https.base, path, { headers });
      expect(r.status, path).toBeLessThan(400);
      expect(duplicated(r), path).toEqual([]);
      expect(header(r, "Cache-Control")[0], path).toMatch(/no-store/);
      expect(header(r, "X-Content-Type-Options"), path).toEqual(["nosniff"]);
    }
    // A token page's own Referrer-Policy replaces the default instead of adding a second one.
    expect(header(await raw(https.base, paths.landing), "Referrer-Policy")).toEqual(["no-referrer"]);
    // A download gets the sandboxing CSP instead of the page CSP.
    const download = await raw(https.base, paths.evidence, { headers: { Cookie: org.members.admin.cookie } });
    expect(header(download, "Content-Security-Policy")).toEqual(["sandbox; default-src 'none'"]);
    expect(header(download, "Content-Disposition")[0]).toMatch(/^attachment;/);
  });

  it("never points the browser at the storage server (connect-src 'self')", async () => {
    const csp = header(await raw(https.base, "/login"), "Content-Security-Policy")[0];
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain("127.0.0.1");
  });
});

describe("found by probing, at the HTTP level", () => {
  it("does not redirect off-site after log-in: /.//evil.example goes to the dashboard", async () => {
    const r = await raw(https.base, "/login", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: org.members.executive.email,
        password: org.members.executive.password,
        redirectTo: "/.//evil.example",
      }).toString(),
    });
    expect(r.status).toBe(302);
    expect(header(r, "Location")).toEqual(["/dashboard"]);
  });

  it("keeps the mailbox from anonymous visitors", async () => {
    const r = await raw(https.base, "/dev/mailbox");
    expect(r.status).toBe(302);
    expect(header(r, "Location")[0]).toMatch(/^\/login\?redirectTo=/);
    expect(r.body).not.toContain("recipient@headers.test");
  });
});

describe("S3 unreachable at start", () => {
  it("starts anyway: pages that need no storage work, a download answers 503, the log says why", async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = http.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = await startServer({
      DATABASE_PATH: process.env.DATABASE_PATH!,
      S3_BUCKET: process.env.S3_BUCKET!,
      SEED_DEMO: "false",
      S3_ENDPOINT: `http://127.0.0.1:${closed}`,
      S3_TIMEOUT_MS: "300",
    });
    try {
      expect(down.log()).toMatch(/File storage \(S3 at .*\) is unreachable: .*ECONNREFUSED/);
      expect((await raw(down.base, "/login")).status).toBe(200);
      const cookie = { Cookie: org.members.admin.cookie };
      expect((await raw(down.base, "/dashboard", { headers: cookie })).status).toBe(200);
      expect((await raw(down.base, paths.supplier, { headers: cookie })).status).toBe(200);
      const download = await raw(down.base, paths.evidence, { headers: cookie });
      expect(download.status).toBe(503);
      expect(download.body).toMatch(/File storage is unavailable/);
    } finally {
      await down.stop();
    }
  }, 60_000);
});
