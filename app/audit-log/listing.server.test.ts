import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { transitionCase } from "~/grievances/cases.server";
import { submitReport } from "~/grievances/intake.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { loader as pageLoader } from "~/routes/audit-log";
import { loader as exportLoader } from "~/routes/audit-log.export[.]csv";
import { createSite, updateSite } from "~/suppliers/sites.server";
import { createSupplier, updateSupplier } from "~/suppliers/suppliers.server";
import { memberships, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, requestAs, type TestOrg } from "../../test/factories";
import { recordAudit } from "./audit-log.server";
import { listAuditPage, parseAuditFilter, type AuditLogPage } from "./listing.server";

const args = (request: Request) => ({ request, params: {}, context: {} }) as never;
const text = (r: AuditLogPage["rows"][number]) => r.sentence.map((s) => s.text).join("");
const base = {
  country: "CN",
  sector: "Electronics",
  contactName: "Li Wei",
  contactEmail: "li@bright.example",
};

async function page(member: { cookie: string }, query = ""): Promise<AuditLogPage> {
  const out = (await pageLoader(args(requestAs(member, `/audit-log${query}`)))) as { page: AuditLogPage };
  return out.page;
}

async function csv(member: { cookie: string }, query = ""): Promise<string[]> {
  const res = (await exportLoader(args(requestAs(member, `/audit-log/export.csv${query}`)))) as Response;
  expect(res.headers.get("Content-Type")).toMatch(/text\/csv/);
  return (await res.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
}

let n = 0;
async function addMember(org: TestOrg, role: Role): Promise<Ctx> {
  const passwordHash = await hash("correct horse battery staple");
  return writeTx((tx) => {
    const user = tx
      .insert(users)
      .values({ email: `${role}-${Date.now()}-${n++}@example.test`, name: `${role} person`, passwordHash })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role }).run();
    return { organizationId: org.id, actor: { type: "user", id: user.id, label: `${role} person`, role } };
  });
}

/** A supplier with an audit, a finding and its corrective action closed (the row the verb writes). */
function story(org: TestOrg, name: string) {
  const admin = org.members.admin.ctx;
  const s = createSupplier(admin, { ...base, name });
  updateSupplier(admin, s.id, { ...base, name: `${name} Ltd` });
  const audit = createAudit(org.members.auditor.ctx, {
    supplierId: s.id,
    scheme: "SMETA",
    auditDate: "2026-02-20",
  });
  const { taskId } = addFinding(org.members.auditor.ctx, {
    auditId: audit.id,
    title: "Passport retention",
    grade: "critical",
  });
  writeTx((tx) =>
    recordAudit(tx, org.members.procurement.ctx, {
      action: "remediation.close",
      entityType: "remediation_task",
      entityId: taskId!,
      details: { supplierId: s.id, from: "verified", to: "closed" },
    }),
  );
  return { supplierId: s.id, taskId: taskId!, auditId: audit.id };
}

describe("the audit log page", () => {
  it("says each row as a sentence with names, links and what changed", async () => {
    const org = await createOrg();
    const { supplierId, taskId } = story(org, "Shenzhen Bright Electronics");
    const rows = (await page(org.members.admin)).rows;

    const closed = rows.find((r) => r.action === "remediation.close")!;
    expect(closed.actor).toEqual({ label: "procurement user", role: "procurement", type: "user" });
    expect(text(closed)).toBe(
      "closed corrective action ‘Critical finding: Passport retention’ at Shenzhen Bright Electronics Ltd",
    );
    expect(closed.sentence.find((s) => s.href)?.href).toBe(`/remediation/${taskId}`);
    expect(closed.changes).toEqual([{ field: "State", from: "Verified", to: "Closed" }]);

    const updated = rows.find((r) => r.action === "supplier.updated")!;
    expect(text(updated)).toBe("edited supplier Shenzhen Bright Electronics Ltd");
    expect(updated.sentence.find((s) => s.href)?.href).toBe(`/suppliers/${supplierId}`);
    expect(updated.changes).toContainEqual({
      field: "Name",
      from: "Shenzhen Bright Electronics",
      to: "Shenzhen Bright Electronics Ltd",
    });

    const site = createSite(org.members.admin.ctx, supplierId, {
      name: "Dye house",
      country: "CN",
      workersTotal: "300",
    });
    updateSite(org.members.admin.ctx, site.id, {
      name: "Dye house",
      country: "CN",
      workersTotal: "450",
      dormitories: "yes",
    });
    const siteRow = (await page(org.members.admin, "?action=site.updated")).rows[0];
    expect(text(siteRow)).toBe("edited site Dye house at Shenzhen Bright Electronics Ltd");
    expect(siteRow.changes).toEqual([
      { field: "Workers total", from: "300", to: "450" },
      { field: "Dormitories", from: "—", to: "yes" },
    ]);

    const audit = rows.find((r) => r.action === "audit.created")!;
    expect(text(audit)).toBe("recorded audit SMETA of 2026-02-20 at Shenzhen Bright Electronics Ltd");
    // Sentences are never raw codes, and nothing is left as a placeholder.
    for (const r of rows) expect(text(r)).not.toMatch(/[{}]|recorded “/);
  });

  it("links only to the pages the reader may open", async () => {
    const org = await createOrg();
    const m = db()
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.userId, org.members.procurement.userId))
      .get()!;
    writeTx((tx) =>
      recordAudit(tx, org.members.admin.ctx, {
        action: "member.role_changed",
        entityType: "membership",
        entityId: m.id,
        details: { email: org.members.procurement.email, from: "auditor", to: "procurement" },
      }),
    );
    const asAdmin = (await page(org.members.admin)).rows[0];
    const asExecutive = (await page(org.members.executive)).rows[0];
    expect(text(asAdmin)).toBe("changed the role of member procurement user");
    expect(asAdmin.sentence.find((s) => s.href)?.href).toBe("/settings/members");
    // Executives read the log but do not manage members: the name, without a link.
    expect(text(asExecutive)).toBe(text(asAdmin));
    expect(asExecutive.sentence.some((s) => s.href)).toBe(false);
    writeTx((tx) =>
      recordAudit(tx, org.members.admin.ctx, {
        action: "template.published",
        entityType: "template_version",
        entityId: "gone",
      }),
    );
    const gone = (await page(org.members.admin)).rows[0];
    expect(text(gone)).toBe("published a questionnaire template no longer on record");
    expect(gone.sentence.some((s) => s.href)).toBe(false);
  });

  it("filters by actor, action, area, subject type, date range and names, from the URL", async () => {
    const org = await createOrg();
    story(org, "Shenzhen Bright Electronics");
    story(org, "Hanoi Weaving");
    const old: Ctx = { ...org.members.executive.ctx, now: () => new Date("2025-01-15T12:00:00Z") };
    writeTx((tx) =>
      recordAudit(tx, old, { action: "risk.settings_updated", entityType: "organization", entityId: org.id }),
    );
    const admin = org.members.admin;

    const byActor = await page(admin, `?actor=${org.members.procurement.userId}`);
    expect(byActor.rows.map((r) => r.action)).toEqual(["remediation.close", "remediation.close"]);
    expect((await page(admin, "?action=supplier.updated")).rows).toHaveLength(2);
    expect(new Set((await page(admin, "?action=supplier.*")).rows.map((r) => r.action))).toEqual(
      new Set(["supplier.created", "supplier.updated"]),
    );
    expect((await page(admin, "?subject=finding")).rows.map((r) => r.action)).toEqual([
      "finding.added",
      "finding.added",
    ]);
    expect((await page(admin, "?subject=organization")).rows.map((r) => r.action)).toEqual([
      "risk.settings_updated",
    ]);
    expect((await page(admin, "?from=2025-01-15&to=2025-01-15")).rows.map((r) => r.action)).toEqual([
      "risk.settings_updated",
    ]);
    expect((await page(admin, "?to=2025-01-14")).rows).toEqual([]);

    // The search finds the supplier's own rows and those of what belongs to it, and nothing of the other.
    const found = await page(admin, "?q=shenzhen");
    expect(found.rows.length).toBeGreaterThanOrEqual(5);
    for (const r of found.rows) expect(text(r)).toMatch(/Shenzhen Bright/);
    expect(found.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "supplier.created",
        "audit.created",
        "finding.added",
        "remediation.raised",
        "remediation.close",
      ]),
    );
    expect((await page(admin, "?q=Passport")).rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(["remediation.close", "finding.added"]),
    );
    expect((await page(admin, "?q=%25")).rows).toEqual([]);
    // Actors are found by name too; filters combine.
    expect((await page(admin, "?q=procurement+user&subject=remediation_task")).rows).toHaveLength(2);
    // Nonsense parameters are no filter rather than an error.
    expect((await page(admin, "?from=yesterday&before=abc")).rows.length).toBeGreaterThan(0);
  });

  it("pages by keyset: older and newer cursors walk the filtered log without gaps or repeats", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    for (let i = 0; i < 8; i++)
      writeTx((tx) =>
        recordAudit(tx, ctx, {
          action: "user.logged_in",
          entityType: "user",
          entityId: org.members.admin.userId,
        }),
      );
    writeTx((tx) =>
      recordAudit(tx, ctx, { action: "risk.recompute_done", entityType: "organization", entityId: org.id }),
    );
    const filter = parseAuditFilter(new URLSearchParams("action=user.logged_in"));
    const seen: number[] = [];
    let p = listAuditPage(ctx, "admin", filter, 3);
    const first = p.rows.map((r) => r.seq);
    expect(p.newer).toBeNull();
    for (;;) {
      seen.push(...p.rows.map((r) => r.seq));
      if (p.older === null) break;
      p = listAuditPage(ctx, "admin", { ...filter, before: p.older }, 3);
    }
    expect(seen).toHaveLength(8);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    expect(new Set(seen).size).toBe(8);
    const second = listAuditPage(ctx, "admin", { ...filter, before: first[2] }, 3);
    const back = listAuditPage(ctx, "admin", { ...filter, after: second.newer! }, 3);
    expect(back.rows.map((r) => r.seq)).toEqual(first);
    expect(back.newer).toBeNull();
    expect(text(p.rows[0])).toBe("signed in");
  });

  it("shows another tenant nothing, and never names another tenant's records", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const { supplierId } = story(a, "Tenant A Textiles");
    expect((await page(b.members.admin)).rows).toEqual([]);
    expect((await page(b.members.admin, "?q=Tenant+A")).rows).toEqual([]);
    expect(await csv(b.members.admin)).toHaveLength(1);
    // A row of B that names A's supplier id (as a forged or stale id would) does not resolve it.
    writeTx((tx) =>
      recordAudit(tx, b.members.admin.ctx, {
        action: "supplier.updated",
        entityType: "supplier",
        entityId: supplierId,
      }),
    );
    const rows = (await page(b.members.admin)).rows;
    expect(rows.map(text)).toEqual(["edited a supplier no longer on record"]);
    expect(JSON.stringify(rows)).not.toMatch(/Tenant A/);
  });

  it("does not show grievance case content to readers without a grievance role", async () => {
    const org = await createOrg();
    const handler = await addMember(org, "grievance_handler");
    const { caseId } = submitReport({ orgId: org.id, siteId: null }, "my", {
      whatHappened: "The agent keeps our passports",
      place: null,
      since: "months",
      howMany: "many",
      ongoing: "yes",
      indicators: ["retention_of_identity_documents"],
      contact: null,
    });
    transitionCase(handler, caseId, { event: "acknowledge", note: "Spoke to the reporter in Yangon" });
    const rows = (await page(org.members.admin)).rows.filter((r) => r.action.startsWith("grievance."));
    expect(rows.map(text)).toEqual(["acknowledged a grievance case"]);
    expect(rows[0].redacted).toBe(true);
    expect(rows[0].changes).toEqual([]);
    expect(JSON.stringify(rows)).not.toMatch(/Yangon|#\d|\/grievances\//);
    expect((await page(org.members.admin, "?q=Yangon")).rows).toEqual([]);
    const lines = await csv(org.members.admin, "?action=grievance.*");
    expect(lines).toHaveLength(2);
    expect(lines.join("\n")).not.toMatch(/Yangon|#\d/);
    // The grievance roles see which case it was.
    const own = listAuditPage(
      handler,
      "grievance_handler",
      parseAuditFilter(new URLSearchParams("action=grievance.*")),
    );
    expect(text(own.rows[0])).toMatch(/^acknowledged grievance case #\d+$/);
    expect(own.rows[0].sentence.find((s) => s.href)?.href).toBe(`/grievances/${caseId}`);
  });

  it("exports the filtered log as CSV, every row, newest first", async () => {
    const org = await createOrg();
    story(org, "Shenzhen Bright Electronics");
    story(org, "Hanoi Weaving");
    const ctx = org.members.admin.ctx;
    for (let i = 0; i < 1200; i++)
      writeTx((tx) =>
        recordAudit(tx, ctx, {
          action: "user.logged_in",
          entityType: "user",
          entityId: org.members.admin.userId,
        }),
      );
    const lines = await csv(org.members.admin, "?q=shenzhen");
    expect(lines[0]).toBe("seq,time_utc,actor,actor_role,actor_type,action,sentence,changes,hash");
    const onPage = (await page(org.members.admin, "?q=shenzhen")).rows;
    expect(lines).toHaveLength(onPage.length + 1);
    expect(
      lines.some((l) =>
        l.includes(
          "procurement user closed corrective action ‘Critical finding: Passport retention’ at Shenzhen Bright Electronics Ltd",
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) => l.includes("Name: Shenzhen Bright Electronics → Shenzhen Bright Electronics Ltd")),
    ).toBe(true);
    expect(lines.join("\n")).not.toMatch(/Hanoi/);
    // Batches of 500 rows: all 1,200 sign-ins come out once, in descending order.
    const all = (await csv(org.members.admin, "?action=user.logged_in"))
      .slice(1)
      .map((l) => Number(l.split(",")[0]));
    expect(all).toHaveLength(1200);
    expect([...all].sort((x, y) => y - x)).toEqual(all);
  });
});
