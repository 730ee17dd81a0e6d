import fs from "node:fs";
import http from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { db } from "~/infra/db.server";
import { openPortal } from "~/questionnaires/portal.testing";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { emailOutbox } from "~db/schema";
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
let paths: { supplier: string; portal: string; landing: string; evidence: string };
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
    siteName: "Site",
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
  };
  const shared = {
    DATABASE_PATH: process.env.DATABASE_PATH!,
    S3_BUCKET: process.env.S3_BUCKET!,
    SEED_DEMO: "false",
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

  it("asks for a Content-Length instead of reading a chunked body of unknown size (411)", async () => {
    const r = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${https.base}/signup`, {
        method: "POST",
        agent: false,
        headers: { "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
      });
      req.on("response", (res) => resolve(res.statusCode ?? 0));
      req.on("error", reject);
      req.write("a=b");
    });
    expect(r).toBe(411);
  });
});

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
