import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { action as reportAction, loader as reportLoader } from "~/routes/report.$orgId";
import { action as siteAction, loader as siteLoader } from "~/routes/report.$orgId_.site.$siteId";
import { action as statusAction } from "~/routes/report.$orgId_.status";
import { createSite } from "~/suppliers/sites.server";
import { auditLog, grievanceCases, grievanceMessages, rateLimits, scheduledJobs } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { intakeMessages } from "./intake-i18n.server";
import { openWithReceipt, submitReport } from "./intake.server";
import { normaliseReceiptCode } from "./receipt";
import { openContact } from "./secrets.server";
import { ReportForm } from "./ui/ReportForm";

const IP = "203.0.113.77";
const UA = "Mozilla/5.0 (Linux; Android 9; TestPhone-ZQ9) Mobile";

function post(path: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
  return new Request(`http://localhost:3000${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "User-Agent": UA,
      "X-Forwarded-For": IP,
      ...headers,
    },
    body,
  });
}

type Result = { data: Record<string, unknown>; status: number; headers: Headers };
function unwrap(out: unknown): Result {
  if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = out as { data: Record<string, unknown>; init: ResponseInit | null };
    return { data, status: init?.status ?? 200, headers: new Headers(init?.headers) };
  }
  return { data: out as Record<string, unknown>, status: 200, headers: new Headers() };
}
const ctx = { clientIp: IP };

/** Every text value in every row of every table, for "is this string stored anywhere?". */
function everyStoredValue(): string[] {
  const sqlite = db().$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  const values: string[] = [];
  for (const { name } of tables) {
    for (const row of sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const v of Object.values(row)) if (v != null) values.push(String(v));
    }
  }
  return values;
}

describe("anonymous intake", () => {
  it("stores nothing identifying: every column of the report, and no trace anywhere else", async () => {
    const org = await createOrg();
    // The organisation's own rows were written a moment ago; let the clock move past their millisecond
    // so that only a timestamp taken while the report is sent can fall inside [before, after].
    const written = Date.now();
    while (Date.now() <= written) await new Promise((r) => setTimeout(r, 1));
    const before = Date.now();
    const out = unwrap(
      await reportAction({
        request: post(`/report/${org.id}?lang=bn`, {
          whatHappened: "Our passports were taken on arrival",
          indicators: ["retention_of_identity_documents", "debt_bondage"],
          place: "Dormitory B",
          since: "months",
          howMany: "many",
          ongoing: "yes",
          contact: "+880 1711 000000",
        }),
        params: { orgId: org.id },
        context: ctx,
      } as never),
    );
    const after = Date.now();
    expect(out.status).toBe(200);
    expect(out.headers.get("Set-Cookie")).toBeNull();
    const code = out.data.code as string;
    expect(code).toMatch(/^\d{16}$/);

    const rows = db()
      .$client.prepare("SELECT * FROM grievance_cases WHERE organization_id = ?")
      .all(org.id) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    const row = rows[0];
    // Every column written, named: a new column must be added here on purpose.
    expect(Object.keys(row).sort()).toEqual(
      [
        "acknowledged_on",
        "action_id",
        "channel",
        "closed_on",
        "contact_sealed",
        "decided_on",
        "decision_note",
        "feedback_on",
        "how_many",
        "id",
        "indicators",
        "intake_site_id",
        "language",
        "number",
        "ongoing",
        "organization_id",
        "place",
        "receipt_hash",
        "received_on",
        "since",
        "site_id",
        "state",
        "supplier_id",
        "what_happened",
      ].sort(),
    );
    expect(row).toMatchObject({
      channel: "web",
      language: "bn",
      what_happened: "Our passports were taken on arrival",
      place: "Dormitory B",
      since: "months",
      how_many: "many",
      ongoing: "yes",
      state: "received",
      acknowledged_on: null,
      intake_site_id: null,
    });
    expect(JSON.parse(row.indicators as string)).toEqual(["retention_of_identity_documents", "debt_bondage"]);
    // The day only, never a time of day.
    expect(row.received_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The receipt code only as a keyed hash; the contact only sealed, bound to this case.
    expect(row.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(String(row.receipt_hash)).not.toContain(code);
    expect(String(row.contact_sealed)).toMatch(/^v1:/);
    expect(String(row.contact_sealed)).not.toContain("1711");
    expect(openContact(row.id as string, row.contact_sealed as string)).toBe("+880 1711 000000");

    // Nowhere in the whole database: the address, the user agent, the code, the contact in clear, or a
    // millisecond timestamp from the moment of sending.
    const stored = everyStoredValue();
    for (const needle of [IP, UA, "TestPhone-ZQ9", code, "1711 000000"]) {
      expect(
        stored.filter((v) => v.includes(needle)),
        needle,
      ).toEqual([]);
    }
    const moments = stored.filter((v) => /^\d{13}$/.test(v) && Number(v) >= before && Number(v) <= after);
    expect(moments).toEqual([]);
    // No audit row (its time would date the report), no limiter row for a report.
    expect(db().select().from(auditLog).where(eq(auditLog.organizationId, org.id)).all()).toEqual([]);
    expect(
      db()
        .select()
        .from(rateLimits)
        .all()
        .filter((r) => r.key.includes(org.id)),
    ).toEqual([]);
    // The clocks' jobs run at 08:00 UTC of days derived from the day of the report.
    const jobs = db().select().from(scheduledJobs).where(eq(scheduledJobs.organizationId, org.id)).all();
    expect(jobs.map((j) => j.payload.kind).sort()).toEqual(
      ["acknowledge_overdue", "acknowledge_soon", "feedback_overdue", "feedback_soon"].sort(),
    );
    for (const j of jobs) {
      expect(j.runAt.toISOString()).toMatch(/T08:00:00\.000Z$/);
      expect(j.createdAt.getTime()).toBe(j.runAt.getTime());
    }
  });

  it("refuses a report of only white space, in the reporter's language, and keeps what was typed", async () => {
    const org = await createOrg();
    const out = unwrap(
      await reportAction({
        request: post(`/report/${org.id}?lang=bn`, {
          whatHappened: " \n\t  ",
          place: "Line 3",
          contact: "secret",
        }),
        params: { orgId: org.id },
        context: ctx,
      } as never),
    );
    expect(out.status).toBe(400);
    expect((out.data.errors as Record<string, string>).whatHappened).toBe(intakeMessages("bn")["err.empty"]);
    expect((out.data.values as Record<string, string>).place).toBe("Line 3");
    expect((out.data.values as Record<string, string>).contact).toBeUndefined();
    expect(db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all()).toEqual(
      [],
    );
  });

  it("serves the page in the asked language, right to left for Arabic, and 404 for unknown places", async () => {
    const org = await createOrg();
    const ar = (await reportLoader({
      request: new Request(`http://localhost/report/${org.id}?lang=ar`),
      params: { orgId: org.id },
      context: {},
    } as never)) as { html: { lang: string; dir: string }; m: Record<string, string> };
    expect(ar.html).toEqual({ lang: "ar", dir: "rtl" });
    const np = (await reportLoader({
      request: new Request(`http://localhost/report/${org.id}`, {
        headers: { "Accept-Language": "ne-NP,en;q=0.5" },
      }),
      params: { orgId: org.id },
      context: {},
    } as never)) as { html: { lang: string; dir: string } };
    expect(np.html).toEqual({ lang: "ne", dir: "ltr" });

    const other = await createOrg();
    const supplier = insertSupplier(other.id);
    const site = await createSite(other.members.admin.ctx, supplier.id, {
      name: "Other site",
      country: "BD",
    });
    const status = async (fn: () => unknown) => {
      try {
        await fn();
        return 200;
      } catch (r) {
        return (r as Response).status;
      }
    };
    const get = (orgId: string, siteId: string) =>
      siteLoader({
        request: new Request("http://localhost/x"),
        params: { orgId, siteId },
        context: {},
      } as never);
    expect(await status(() => get(org.id, site.id))).toBe(404);
    expect(await status(() => get(other.id, site.id))).toBe(200);
    expect(await status(() => get("nope", site.id))).toBe(404);
  });

  it("a site page files the report against its site and supplier", async () => {
    const org = await createOrg();
    const supplier = insertSupplier(org.id);
    const site = await createSite(org.members.admin.ctx, supplier.id, { name: "Dhaka plant", country: "BD" });
    const out = unwrap(
      await siteAction({
        request: post(`/report/${org.id}/site/${site.id}?lang=en`, { whatHappened: "Wages held back" }),
        params: { orgId: org.id, siteId: site.id },
        context: ctx,
      } as never),
    );
    expect(out.status).toBe(200);
    const row = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).get()!;
    expect(row).toMatchObject({ intakeSiteId: site.id, siteId: site.id, supplierId: supplier.id, number: 1 });
  });

  it("renders the form without any script-dependent control", () => {
    const html = renderToString(
      <ReportForm
        m={intakeMessages("bn")}
        postTo="/report/x?lang=bn"
        organisation="Acme"
        site={null}
        file={{ maxMb: 10, accept: "image/jpeg" }}
      />,
    );
    expect(html).toContain('method="post"');
    expect(html).toContain('action="/report/x?lang=bn"');
    expect(html).toContain(intakeMessages("bn")["sign.retention_of_identity_documents"]);
    expect(html).not.toMatch(/<script|onclick|https?:\/\//i);
  });
});

describe("returning with the receipt code", () => {
  it("shows status and replies, adds information, and answers unknown and wrong codes alike", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const { code, caseId } = submitReport(
      { orgId: org.id, siteId: null },
      "bn",
      {
        whatHappened: "x",
        place: null,
        since: "unknown",
        howMany: "unknown",
        ongoing: "unknown",
        indicators: [],
        contact: null,
      },
      { now: new Date("2026-03-02T15:31:07Z") },
    );
    const theirs = submitReport({ orgId: other.id, siteId: null }, "en", {
      whatHappened: "y",
      place: null,
      since: "unknown",
      howMany: "unknown",
      ongoing: "unknown",
      indicators: [],
      contact: null,
    });
    const grouped = code.replace(/(\d{4})(?=\d)/g, "$1 ");
    const open = unwrap(
      await statusAction({
        request: post(`/report/${org.id}/status?lang=bn`, { intent: "open", code: grouped }),
        params: { orgId: org.id },
        context: ctx,
      } as never),
    );
    expect(open.status).toBe(200);
    expect(open.data).toMatchObject({
      ok: true,
      view: { receivedOn: "2026-03-02", state: "received", messages: [] },
    });

    const add = unwrap(
      await statusAction({
        request: post(`/report/${org.id}/status?lang=bn`, {
          intent: "add",
          code,
          message: "  More: the gate is locked  ",
        }),
        params: { orgId: org.id },
        context: ctx,
      } as never),
    );
    expect(add.data).toMatchObject({ ok: true, added: true });
    const msgs = db().select().from(grievanceMessages).where(eq(grievanceMessages.caseId, caseId)).all();
    expect(msgs).toMatchObject([{ author: "reporter", body: "More: the gate is locked", seq: 1 }]);
    expect(msgs[0].sentOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const wrong = (c: string) =>
      statusAction({
        request: post(`/report/${org.id}/status?lang=bn`, { intent: "open", code: c }),
        params: { orgId: org.id },
        context: { clientIp: "198.51.100.9" },
      } as never).then(unwrap);
    const unknown = await wrong("1234 5678 9012 3456");
    const foreign = await wrong(theirs.code);
    const malformed = await wrong("12");
    for (const r of [unknown, foreign, malformed]) {
      expect(r.status).toBe(404);
      expect(r.data).toEqual({ ok: false, error: intakeMessages("bn")["status.wrong"] });
    }
  });

  it("pauses an address after 10 wrong codes, without storing the address", async () => {
    const org = await createOrg();
    const { code } = submitReport({ orgId: org.id, siteId: null }, "en", {
      whatHappened: "z",
      place: null,
      since: "unknown",
      howMany: "unknown",
      ongoing: "unknown",
      indicators: [],
      contact: null,
    });
    const ip = "192.0.2.201";
    const now = new Date("2026-05-01T10:00:00Z");
    for (let i = 0; i < 10; i++) {
      expect(openWithReceipt(org.id, `0000 0000 0000 ${String(i).padStart(4, "0")}`, { ip, now }).ok).toBe(
        false,
      );
    }
    expect(() => openWithReceipt(org.id, code, { ip, now })).toThrow(/Too many attempts/);
    // Another address is not paused, and the right code still opens there.
    expect(openWithReceipt(org.id, code, { ip: "192.0.2.202", now }).ok).toBe(true);
    // After the window the first address may try again.
    expect(openWithReceipt(org.id, code, { ip, now: new Date(now.getTime() + 16 * 60_000) }).ok).toBe(true);
    expect(
      db()
        .select()
        .from(rateLimits)
        .all()
        .filter((r) => r.key.includes(ip)),
    ).toEqual([]);

    // Through the page, on the real clock: the 429 is in the reporter's language.
    for (let i = 0; i < 10; i++) openWithReceipt(org.id, "9".repeat(16), { ip });
    const blocked = unwrap(
      await statusAction({
        request: post(`/report/${org.id}/status?lang=th`, { intent: "open", code }),
        params: { orgId: org.id },
        context: { clientIp: ip },
      } as never),
    );
    expect(blocked.status).toBe(429);
    expect(String(blocked.data.error)).toContain("กรุณารอ");
    expect(blocked.headers.get("Retry-After")).toMatch(/^\d+$/);
  });

  it("normalises codes typed with local digits and separators", () => {
    expect(normaliseReceiptCode("৪৮২১ ০৯৩৭-৫৫১৬.২২৮০")).toBe("4821093755162280");
    expect(normaliseReceiptCode("٤٨٢١٠٩٣٧٥٥١٦٢٢٨٠")).toBe("4821093755162280");
    expect(normaliseReceiptCode("4821 0937 5516 228")).toBeNull();
    expect(normaliseReceiptCode("abcd")).toBeNull();
  });
});
