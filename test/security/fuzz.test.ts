import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { processCampaignSend } from "~/campaigns/campaign-send.server";
import { createCampaign } from "~/campaigns/campaigns.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { uploadCsv } from "~/imports/testing.server";
import { db, writeTx } from "~/infra/db.server";
import { bodyKind, bodyLimit, FORM_MAX_BYTES } from "~/infra/request-guard.server";
import { inviteMember } from "~/orgs/invitations.server";
import { createSession } from "~/orgs/session.server";
import { openPortal } from "~/questionnaires/portal.testing";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import { BUILTIN_FORCED_LABOUR_ID, createTemplate } from "~/questionnaires/templates.server";
import { createStatement, generateStatementPdf } from "~/statements/statements.server";
import { createSite } from "~/suppliers/sites.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { createCourse } from "~/training/training.server";
import { createEndpoint } from "~/webhooks/endpoints.server";
import { assignments, emailOutbox } from "~db/schema";
import { createOrg, type TestOrg } from "../factories";
import { productionBuild, startServer, type RunningServer } from "../server-harness";

/**
 * Every action in the built route manifest, sent every kind of malformed input a probe sends, through
 * the real HTTP server: no answer may be a 5xx, and the server must stay up. A probe of 3,253 such
 * requests found 188 answers of 500 (request.formData() on JSON, text/plain, no Content-Type or broken
 * multipart; filenames with ; = " or CRLF; a quote inside an unquoted CSV value).
 */

type ManifestRoute = { id: string; parentId?: string; path?: string; index?: boolean; hasAction: boolean };

function manifestRoutes(): ManifestRoute[] {
  const dir = path.join(productionBuild(), "public/build");
  const file = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f))!;
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
    routes: Record<string, ManifestRoute>;
  };
  return Object.values(manifest.routes);
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

type Fixture = {
  org: TestOrg;
  params: Record<string, string>;
  portalCookie: string;
  inviteToken: string;
  adminUserId: string;
};

let server: RunningServer;
let fx: Fixture;

/** A fresh admin session per route: an action that ends the session (log out) spoils no other route. */
function adminCookie(): string {
  return writeTx((tx) =>
    createSession(tx, { userId: fx.adminUserId, organizationId: fx.org.id }),
  ).cookie.split(";")[0];
}

beforeAll(async () => {
  const org = await createOrg({ name: "Fuzz Apparel" });
  const { admin, procurement, auditor, executive } = org.members;
  const supplier = createSupplier(procurement.ctx, {
    name: "Fuzz Mill",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Fuzz Contact",
    contactEmail: "contact@fuzz.test",
  });
  const sent = await sendQuestionnaire(procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Fuzz Recipient",
    recipientEmail: "recipient@fuzz.test",
    dueDate: "2099-01-31",
  });
  const token = /\/s\/([A-Za-z0-9_-]+)/.exec(
    db().select().from(emailOutbox).where(eq(emailOutbox.id, sent.emailId)).get()!.text,
  )![1];
  const portal = await openPortal(token);
  const campaign = createCampaign(procurement.ctx, {
    name: "Fuzz campaign",
    templateId: BUILTIN_FORCED_LABOUR_ID,
    dueDate: "2099-01-31",
    reminderDays: [7],
    overdueWeekly: false,
    language: "contact",
    selection: "some",
    supplierIds: [supplier.id],
  });
  await processCampaignSend(campaign.campaignId, org.id);
  const audit = createAudit(auditor.ctx, {
    supplierId: supplier.id,
    scheme: "SMETA",
    auditDate: "2026-01-15",
    siteId: "new",
    newSiteName: "Site",
    newSiteCountry: "VN",
    summary: "Summary",
  });
  const { finding, taskId } = addFinding(auditor.ctx, {
    auditId: audit.id,
    title: "Passports retained",
    grade: "zero_tolerance",
    iloIndicator: "8",
  });
  const evidence = await uploadEvidence(auditor.ctx, {
    auditId: audit.id,
    findingId: finding.id,
    file: new File([PDF], "e.pdf"),
  });
  const statement = createStatement(executive.ctx, { periodStart: "2025-01-01", periodEnd: "2025-12-31" });
  await generateStatementPdf(executive.ctx, statement.id);
  const template = createTemplate(admin.ctx, { source: "blank", name: "Fuzz template" });
  const jobId = await uploadCsv(procurement.ctx, "external_ref,name,country\nF-1,Fuzz Imported,VN\n");
  await inviteMember(admin.ctx, { email: "invitee@fuzz.test", role: "auditor" });
  const invitation = db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "member-invitation"), eq(emailOutbox.toAddress, "invitee@fuzz.test")))
    .get()!;
  const campaignAssignment = db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(eq(assignments.campaignId, campaign.campaignId))
    .get()!;
  expect(campaignAssignment).toBeTruthy();
  fx = {
    org,
    adminUserId: admin.userId,
    portalCookie: portal.cookie,
    inviteToken: /\/invite\/([A-Za-z0-9_-]+)/.exec(invitation.text)![1],
    params: {
      supplierId: supplier.id,
      assignmentId: sent.assignmentId,
      campaignId: campaign.campaignId,
      auditId: audit.id,
      evidenceId: evidence.id,
      taskId: taskId!,
      statementId: statement.id,
      jobId,
      versionId: template.versionId,
      token,
      orgId: org.id,
      caseId: "00000000-0000-4000-8000-000000000000",
      courseId: createCourse(admin.ctx, {
        title: "Fuzz course",
        audience: "staff",
        language: "en",
        durationMinutes: 5,
      }).id,
      siteId: createSite(procurement.ctx, supplier.id, { name: "Fuzz Site", country: "VN" }).id,
      endpointId: createEndpoint(admin.ctx, {
        url: "https://fuzz.example.com/h",
        eventTypes: ["finding.raised"],
      }).endpointId,
    },
  };
  // The server shares this test file's database and bucket, so it sees the fixture.
  server = await startServer({
    DATABASE_PATH: process.env.DATABASE_PATH!,
    S3_BUCKET: process.env.S3_BUCKET!,
    SEED_DEMO: "false",
    PUBLIC_ORIGIN: "https://clearsource.example",
  });
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

// ---------------------------------------------------------------------------------------------------------
// Payloads
// ---------------------------------------------------------------------------------------------------------

type Payload = { kind: string; headers: Record<string, string>; body?: Buffer };

const BOUNDARY = "----clearsourcefuzz7MA4YWxkTrZu0gW";

function urlencoded(kind: string, pairs: [string, string][]): Payload {
  return {
    kind,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: Buffer.from(new URLSearchParams(pairs).toString()),
  };
}

/** A multipart body written by hand, so the part headers can be anything a probe sends. */
function multipart(kind: string, fields: [string, string][], files: { disposition: string; body: Buffer }[]) {
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${file.disposition}\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file.body,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    kind,
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: Buffer.concat(parts),
  };
}

const ODD_FILENAMES = [
  'form-data; name="file"; filename="Invoice; March.pdf"',
  'form-data; name="file"; filename="a=b;c=d.pdf"',
  'form-data; name="file"; filename="quote\\"inside.pdf"',
  'form-data; name="file"; filename="line\r\nbreak.pdf"',
  "form-data; name=\"file\"; filename*=UTF-8''%C5%81%C3%B3d%C5%BA%20%E6%B7%B1%E5%9C%B3.pdf",
  'form-data; name="file"; filename="../../../etc/passwd"',
  `form-data; name="file"; filename="${"x".repeat(1000)}.pdf"`,
  'form-data; name="file"; filename=""',
  'form-data; name="file"; filename=unquoted; March.pdf',
];

const APP = path.resolve(__dirname, "../../app");

/**
 * The route file and what it renders or dispatches to, followed through imports: capability `ui/`
 * components (and theirs), the shared `app/ui/` parts and the intent modules (`*intents*.server.ts`).
 * A route's forms mostly live there (ARCHITECTURE: thin routes), so reading the route alone misses them.
 */
function sourcesOf(routeId: string): { file: string; text: string; dispatches: boolean }[] {
  const resolve = (spec: string, from: string): string | null => {
    const base = spec.startsWith("~/")
      ? path.join(APP, spec.slice(2))
      : spec.startsWith(".")
        ? path.resolve(path.dirname(from), spec)
        : null;
    if (!base) return null;
    for (const ext of ["", ".tsx", ".ts"]) {
      if (fs.existsSync(base + ext) && fs.statSync(base + ext).isFile()) return base + ext;
    }
    return null;
  };
  const route = path.join(APP, `${routeId}.tsx`);
  const seen = new Map<string, string>([[route, fs.readFileSync(route, "utf8")]]);
  const queue = [route];
  while (queue.length) {
    const from = queue.shift()!;
    for (const m of seen.get(from)!.matchAll(/from "([^"]+)"/g)) {
      const file = resolve(m[1], from);
      if (!file || seen.has(file) || !/[/\\]ui[/\\]|intents[^/\\]*\.server\.ts$/.test(file)) continue;
      seen.set(file, fs.readFileSync(file, "utf8"));
      queue.push(file);
    }
  }
  return [...seen].map(([file, text]) => ({
    file,
    text,
    // Only the route and intent modules switch on the intent; a `case` in a component is something else.
    dispatches: file === route || /intents[^/\\]*\.server\.ts$/.test(file),
  }));
}

const MAX_FIELDS = 40;

/**
 * Each intent with the field names to send it: those of the files that name the intent (a form
 * component and its fields) and of the form components that name none (they take the intent as a
 * prop), else every field found. Fields come from inputs (name="…"), IntentButton
 * fields={{ … }} and form.get("…"); intents from `case "…"` in dispatchers and from intent="…",
 * intent: "…" and name="intent" value="…" anywhere.
 */
function formsOf(routeId: string): { intent: string; fields: string[] }[] {
  const all = new Set<string>();
  const unnamed = new Set<string>();
  const byIntent = new Map<string, Set<string>>([["", new Set()]]);
  for (const { text, dispatches } of sourcesOf(routeId)) {
    const fields = new Set<string>();
    for (const m of text.matchAll(/name="([A-Za-z_][\w.[\]-]*)"/g)) fields.add(m[1]);
    for (const m of text.matchAll(/\.get(?:All)?\("([A-Za-z_][\w.-]*)"\)/g)) fields.add(m[1]);
    for (const m of text.matchAll(/fields=\{\{([^}]*)\}\}/g)) {
      for (const k of m[1].matchAll(/([A-Za-z_]\w*)\s*:/g)) fields.add(k[1]);
    }
    fields.delete("intent");
    const intents = new Set<string>();
    if (dispatches) for (const m of text.matchAll(/case "([a-z][\w-]*)"/g)) intents.add(m[1]);
    for (const m of text.matchAll(/\bintent(?:="|: ")([a-z][\w-]*)"/g)) intents.add(m[1]);
    for (const m of text.matchAll(/name="intent"\s+value="([\w-]+)"/g)) intents.add(m[1]);
    for (const m of text.matchAll(/value="([\w-]+)"\s+name="intent"/g)) intents.add(m[1]);
    for (const f of fields) all.add(f);
    if (!intents.size) for (const f of fields) unnamed.add(f);
    for (const intent of intents) {
      const set = byIntent.get(intent) ?? new Set<string>();
      for (const f of fields) set.add(f);
      byIntent.set(intent, set);
    }
  }
  return [...byIntent].map(([intent, fields]) => {
    const chosen = intent ? new Set([...fields, ...unnamed]) : all;
    return { intent, fields: [...(chosen.size ? chosen : all)].slice(0, MAX_FIELDS) };
  });
}

function valuePayloads(fields: string[], intent: string): Payload[] {
  const withIntent = (pairs: [string, string][]): [string, string][] =>
    intent ? [["intent", intent], ...pairs] : pairs;
  const all = (value: string) => withIntent(fields.map((f) => [f, value]));
  const invalidUtf8 = Buffer.concat([
    Buffer.from(intent ? `intent=${intent}&` : ""),
    Buffer.from(fields.map((f) => `${f}=%FF%FE%C3%28%ED%A0%80`).join("&") || "x=%FF"),
  ]);
  return [
    urlencoded("blank values", all("")),
    urlencoded("100k characters", all("A".repeat(100_000 / Math.max(1, fields.length)))),
    urlencoded("NUL bytes", all("bad\u0000value\u0000")),
    {
      kind: "invalid UTF-8",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: invalidUtf8,
    },
    urlencoded("RTL and emoji", all("\u202Eevil\u202C مرحبا 👩‍👩‍👧‍👦 \uFEFF\u200D")),
    urlencoded("huge numbers", all("1e309")),
    urlencoded("negative and long numbers", all("-99999999999999999999999999999999.999")),
    urlencoded("wrong enums", all("definitely-not-a-valid-choice")),
    urlencoded(
      "duplicate fields",
      withIntent(
        fields.flatMap((f): [string, string][] => [
          [f, "first"],
          [f, "second"],
        ]),
      ),
    ),
    urlencoded(
      "unknown fields only",
      withIntent([
        ["__proto__", "x"],
        ["constructor", "y"],
        ["zz", "z"],
      ]),
    ),
    multipart("multipart text", withIntent(fields.map((f) => [f, "value"])), []),
    ...ODD_FILENAMES.map((disposition, i) =>
      multipart(`odd filename ${i + 1}`, withIntent([]), [{ disposition, body: PDF }]),
    ),
  ];
}

const BODY_PAYLOADS: Payload[] = [
  { kind: "no body, no content type", headers: {} },
  { kind: "JSON", headers: { "Content-Type": "application/json" }, body: Buffer.from('{"email":"a@b.c"}') },
  { kind: "text/plain", headers: { "Content-Type": "text/plain" }, body: Buffer.from("email=a@b.c") },
  { kind: "body without content type", headers: {}, body: Buffer.from("email=a@b.c") },
  {
    kind: "multipart without boundary",
    headers: { "Content-Type": "multipart/form-data" },
    body: Buffer.from("--x\r\n"),
  },
  {
    kind: "malformed multipart",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name\r\n\r\ngarbage`),
  },
  {
    kind: "truncated multipart",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}` },
    body: Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4`,
    ),
  },
  {
    kind: "multipart with a boundary that never appears",
    headers: { "Content-Type": "multipart/form-data; boundary=nothere" },
    body: Buffer.from("just some bytes\r\n"),
  },
];

type Answer = { status: number; error?: string };

/** One raw HTTP request (no client-side normalisation), with a timeout. */
function send(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: Buffer,
  opts: { declaredLength?: number; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve) => {
    let status = 0;
    const h: Record<string, string> = { ...headers };
    if (opts.chunked) h["Transfer-Encoding"] = "chunked";
    else h["Content-Length"] = String(opts.declaredLength ?? body?.length ?? 0);
    const req = http.request(
      `${server.base}${url}`,
      { method, headers: h, timeout: 20_000, agent: false },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0 }));
        res.on("error", (err) => resolve({ status: res.statusCode ?? 0, error: err.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    // The server may close the connection right after refusing a body it will not read.
    req.on("error", (err) => resolve({ status, error: status ? undefined : err.message }));
    if (opts.declaredLength !== undefined) {
      // Declare a huge body but send only its start: the server must answer from the headers alone.
      req.write(Buffer.alloc(1024));
      return;
    }
    if (body) req.write(body);
    req.end();
  });
}

function urlOf(route: ManifestRoute, routes: Map<string, ManifestRoute>): string {
  const segments: string[] = [];
  for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? routes.get(r.parentId) : undefined) {
    if (r.path) segments.unshift(r.path);
  }
  const filled = `/${segments.join("/")}`.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === "token" && route.id.includes("invite")) return fx.inviteToken;
    const value = fx.params[name];
    if (!value) throw new Error(`No fixture value for :${name} (${route.id})`);
    return value;
  });
  return route.index ? `${filled}?index` : filled;
}

function dataUrl(url: string): string {
  const [pathname, query] = url.split("?");
  return `${pathname}.data${query ? `?${query}` : ""}`;
}

function cookieFor(routeId: string): string | null {
  if (routeId.includes("portal.")) return fx.portalCookie;
  if (/routes\/(login|signup|invite|s\.|forgot|reset|verify-email|signup\.)/.test(routeId)) return null;
  return adminCookie();
}

const CONCURRENCY = 4;

async function inParallel<T>(items: T[], width: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

// Routes that sign in or count failed attempts run last, so their rate limits cannot spoil the others.
const LAST = /routes\/(login|signup|invite|logout|forgot|reset|two-factor)/;

describe("fuzz: every action in the route manifest", () => {
  it("answers every malformed input with 2xx, 3xx or 4xx, never 5xx, and the server stays up", async () => {
    const routes = manifestRoutes();
    const byId = new Map(routes.map((r) => [r.id, r]));
    // FUZZ_ROUTES=portal narrows a local run to matching route ids.
    const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
    const actions = routes
      .filter((r) => r.hasAction && (!only || only.test(r.id)))
      .sort((x, y) => Number(LAST.test(x.id)) - Number(LAST.test(y.id)));
    expect(actions.length).toBeGreaterThan(only ? 0 : 25);
    const failures: string[] = [];
    let sent = 0;
    for (const route of actions) {
      const url = urlOf(route, byId);
      const forms = formsOf(route.id);
      const own = cookieFor(route.id);
      const visitors = own ? [own, null] : [null];
      for (const cookie of visitors) {
        const auth: Record<string, string> = cookie ? { Cookie: cookie } : {};
        const values = forms.flatMap((f) => valuePayloads(f.fields, f.intent));
        // Anonymous visitors stop at the guard: the body kinds are enough there.
        const payloads =
          cookie === null && visitors[0] !== null ? BODY_PAYLOADS : [...BODY_PAYLOADS, ...values];
        // Remix single-fetch posts to <path>.data; its error path differs, so the body kinds go there too.
        const jobs = payloads.flatMap((p) =>
          (BODY_PAYLOADS.includes(p) ? [url, dataUrl(url)] : [url]).map((target) => ({ p, target })),
        );
        // A few at a time (as a probe sends them): the server must cope, and the run stays short.
        await inParallel(jobs, CONCURRENCY, async ({ p, target }) => {
          const answer = await send("POST", target, { ...auth, ...p.headers }, p.body);
          sent++;
          if (answer.status >= 500 || answer.status === 0) {
            failures.push(`${answer.status} POST ${target} [${p.kind}] ${answer.error ?? ""}`);
          }
        });
        const oversized = await send(
          "POST",
          url,
          { ...auth, "Content-Type": "application/x-www-form-urlencoded" },
          undefined,
          {
            declaredLength: bodyLimit(bodyKind(url.split("?")[0])) + 1,
          },
        );
        if (oversized.status !== 413)
          failures.push(`${oversized.status} POST ${url} [oversized] expected 413`);
        const chunked = await send(
          "POST",
          url,
          { ...auth, "Content-Type": "application/x-www-form-urlencoded" },
          Buffer.from("5\r\na=b&c\r\n0\r\n\r\n"),
          {
            chunked: true,
          },
        );
        // A chunked body is read like any other (counted as it arrives): a clear answer, never a 5xx.
        if (chunked.status === 0 || chunked.status >= 500)
          failures.push(`${chunked.status} POST ${url} [chunked] ${chunked.error ?? ""}`);
        sent += 2;
        // ... and cut at the route's limit with a 413, unless the route refused it from the headers first
        // (a redirect to log in, a 404 for someone without access): never read whole and accepted (2xx),
        // never a 5xx. Form routes only: the upload limits are tested in http-server.test.ts, without
        // sending tens of megabytes to every route.
        if (bodyKind(url.split("?")[0]) === "form") {
          const cut = await send(
            "POST",
            url,
            { ...auth, "Content-Type": "application/x-www-form-urlencoded" },
            Buffer.alloc(FORM_MAX_BYTES + 64 * 1024, 0x61),
            { chunked: true },
          );
          if (cut.status < 300 || cut.status >= 500)
            failures.push(`${cut.status} POST ${url} [chunked over the limit] expected 413 or a refusal`);
          sent++;
        }
      }
    }
    expect(failures, `${failures.length} of ${sent} requests failed`).toEqual([]);
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  }, 600_000);

  it("routes that read an upload get the upload body limit (the rest get the form limit)", () => {
    const routes = manifestRoutes();
    const byId = new Map(routes.map((r) => [r.id, r]));
    for (const route of routes.filter((r) => r.hasAction)) {
      const source = fs.readFileSync(path.resolve(__dirname, "../../app", `${route.id}.tsx`), "utf8");
      // A route may hand its whole action to an intent module (`~/x/y-intent.server`) or a page edge
      // (`~/x/y-pages.server`), which then reads the upload: read those too.
      const intents = [...source.matchAll(/from "~\/([^"]+-(?:intents?|pages)\.server)"/g)].map((m) =>
        fs.readFileSync(path.resolve(__dirname, "../../app", `${m[1]}.ts`), "utf8"),
      );
      const readsUpload = [source, ...intents].some((s) =>
        /withUploadForm|receiveImportUpload|parseMultipart|readIntakeForm/.test(s),
      );
      const pathname = urlOf(route, byId).split("?")[0];
      // The REST API reads JSON itself (its own kind); everything else is a form or an upload.
      if (bodyKind(pathname) === "api") continue;
      expect(bodyKind(pathname) !== "form", route.id).toBe(readsUpload);
      expect(bodyKind(`${pathname}.data`), `${route.id} (single fetch)`).toBe(bodyKind(pathname));
    }
  });
});
