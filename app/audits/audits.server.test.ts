import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { FINDING_POINTS } from "~/risk/model";
import { riskHistory } from "~/risk/risk.server";
import * as auditPage from "~/routes/audits.$auditId";
import * as auditsIndex from "~/routes/audits._index";
import * as newAudit from "~/routes/audits.new";
import { createSite } from "~/suppliers/sites.server";
import { audits, auditLog, findings, remediationTasks, sites, suppliers } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { addFinding, createAudit, getAudit, listAudits } from "./audits.server";

let org: TestOrg;
let other: TestOrg;
let supplierId: string;
let n = 0;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

// Each test gets its own supplier: findings change the supplier's risk, so a shared one made each test's
// expectations depend on what the tests before it had left open.
beforeEach(() => {
  supplierId = insertSupplier(org.id, { country: "MY", name: `Penang Gloves Sdn Bhd ${++n}` }).id;
});

const auditor = () => org.members.auditor;
const procurement = () => org.members.procurement;

function auditRows(entityId: string) {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, entityId)))
    .all();
}

describe("createAudit / addFinding", () => {
  it("records an audit and a finding, each with an audit-log row", () => {
    const site = createSite(procurement().ctx, supplierId, { name: "Line 3", country: "VN" });
    const audit = createAudit(auditor().ctx, {
      supplierId,
      scheme: "SMETA",
      auditDate: "2025-03-14",
      siteId: site.id,
    });
    expect(audit).toMatchObject({
      organizationId: org.id,
      supplierId,
      scheme: "SMETA",
      siteId: site.id,
      siteName: "Line 3",
    });
    expect(audit.auditorUserId).toBe(auditor().userId);
    expect(auditRows(audit.id).map((r) => r.action)).toEqual(["audit.created"]);

    const { finding, taskId, risk } = addFinding(auditor().ctx, {
      auditId: audit.id,
      title: "Overtime above 60 hours in peak season",
      grade: "major",
      iloIndicator: "11",
    });
    expect(finding).toMatchObject({ grade: "major", iloIndicator: "11", status: "open", supplierId });
    // Every finding has its corrective action, a major one too.
    expect(taskId).toBeTruthy();
    // The supplier's risk was recomputed in the same step, and the open finding is one of its reasons.
    const [latest] = riskHistory(db(), auditor().ctx, supplierId, 1);
    expect(latest.score).toBe(risk.score);
    expect(db().select().from(suppliers).where(eq(suppliers.id, supplierId)).get()!.riskScore).toBe(
      risk.score,
    );
    expect(latest.factors).toContainEqual(
      expect.objectContaining({
        factor: "Open major finding: Overtime above 60 hours in peak season",
        points: FINDING_POINTS.major,
      }),
    );
    expect(auditRows(finding.id).map((r) => r.action)).toEqual(["finding.added"]);
  });

  it("a zero-tolerance finding opens a remediation task and raises the supplier's risk, in one go", () => {
    const audit = createAudit(auditor().ctx, { supplierId, scheme: "RBA", auditDate: "2025-04-01" });
    const before = db().select().from(suppliers).where(eq(suppliers.id, supplierId)).get()!;
    const { finding, taskId } = addFinding(auditor().ctx, {
      auditId: audit.id,
      title: "Passports held in the HR safe",
      grade: "zero_tolerance",
      iloIndicator: "7",
    });
    expect(taskId).toBeTruthy();
    const task = db().select().from(remediationTasks).where(eq(remediationTasks.id, taskId!)).get()!;
    expect(task).toMatchObject({
      organizationId: org.id,
      supplierId,
      sourceType: "finding",
      sourceRef: finding.id,
      iloIndicator: "7",
      status: "open",
    });
    expect(task.title).toContain("Passports held in the HR safe");
    const after = db().select().from(suppliers).where(eq(suppliers.id, supplierId)).get()!;
    expect(after.riskScore).not.toBeNull();
    expect(after.riskScore!).toBeGreaterThan(before.riskScore ?? -1);
  });

  it("every grade opens a corrective action with deadlines from the grade table", () => {
    const ctx = { ...auditor().ctx, now: () => new Date("2025-05-02T10:00:00Z") };
    const audit = createAudit(ctx, { supplierId, scheme: "amfori BSCI", auditDate: "2025-05-02" });
    const add = (grade: "critical" | "minor" | "observation") => {
      const { taskId } = addFinding(ctx, { auditId: audit.id, title: `A ${grade} finding`, grade });
      return db().select().from(remediationTasks).where(eq(remediationTasks.id, taskId)).get()!;
    };
    expect(add("critical")).toMatchObject({
      grade: "critical",
      planDueDate: "2025-05-09",
      dueDate: "2025-07-31",
    });
    expect(add("minor")).toMatchObject({ grade: "minor", planDueDate: "2025-05-16", dueDate: "2026-01-27" });
    expect(add("observation")).toMatchObject({ grade: "observation", state: "open" });
  });

  it("records a finding in the scheme's words and maps it onto the organisation's scale", () => {
    const audit = createAudit(auditor().ctx, { supplierId, scheme: "RBA", auditDate: "2025-06-10" });
    const { finding, taskId } = addFinding(auditor().ctx, {
      auditId: audit.id,
      title: "Recruitment fees charged to migrant workers",
      schemeGrade: "priority",
      clause: "RBA A1",
      iloIndicator: "9",
    });
    expect(finding).toMatchObject({ grade: "critical", schemeGrade: "priority", clause: "RBA A1" });
    expect(db().select().from(remediationTasks).where(eq(remediationTasks.id, taskId)).get()).toMatchObject({
      grade: "critical",
      clause: "RBA A1",
    });
    expect(() =>
      addFinding(auditor().ctx, {
        auditId: audit.id,
        title: "Not an RBA word",
        schemeGrade: "Business critical",
      }),
    ).toThrow(/not a RBA grade/);
  });

  it("refuses another tenant's supplier, audit and finding as not found", () => {
    const audit = createAudit(auditor().ctx, { supplierId, scheme: "Internal", auditDate: "2025-01-20" });
    const { finding } = addFinding(auditor().ctx, {
      auditId: audit.id,
      title: "Minor thing",
      grade: "minor",
    });
    const stranger = other.members.auditor.ctx;
    expect(() => createAudit(stranger, { supplierId, scheme: "SMETA", auditDate: "2025-01-01" })).toThrow(
      NotFoundError,
    );
    expect(() => addFinding(stranger, { auditId: audit.id, title: "Injected", grade: "minor" })).toThrow(
      NotFoundError,
    );
    expect(() => getAudit(stranger, audit.id)).toThrow(NotFoundError);
    expect(listAudits(stranger)).toEqual([]);
    expect(db().select().from(findings).where(eq(findings.id, finding.id)).get()!.status).toBe("open");
  });

  it.each([
    [{ scheme: "SMETA", auditDate: "2025-02-30" }, "auditDate"],
    [{ scheme: "SMETA", auditDate: "14/03/2025" }, "auditDate"],
    [{ scheme: "Made-up scheme", auditDate: "2025-02-01" }, "scheme"],
    [
      {
        scheme: "SMETA",
        auditDate: "2025-02-01",
        siteId: "new",
        newSiteName: "x".repeat(201),
        newSiteCountry: "VN",
      },
      "newSiteName",
    ],
    [
      { scheme: "SMETA", auditDate: "2025-02-01", siteId: "new", newSiteName: "", newSiteCountry: "VN" },
      "newSiteName",
    ],
    [{ scheme: "SMETA", auditDate: "2025-02-01", siteId: "new", newSiteName: "Gate 2" }, "newSiteCountry"],
    [{ scheme: "SMETA", auditDate: "2025-02-01", siteId: "not-a-site" }, "siteId"],
  ])("createAudit rejects %j with a field error on %s", (input, field) => {
    try {
      createAudit(auditor().ctx, { supplierId, ...(input as { scheme: "SMETA"; auditDate: string }) });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fieldErrors)).toContain(field);
    }
  });

  it("lists audits with findings counted by grade", () => {
    const s2 = insertSupplier(org.id, { name: "Counting Co" }).id;
    const audit = createAudit(auditor().ctx, { supplierId: s2, scheme: "SMETA", auditDate: "2024-12-01" });
    for (const grade of ["major", "major", "observation"] as const)
      addFinding(auditor().ctx, { auditId: audit.id, title: `${grade} finding`, grade });
    const [row] = listAudits(auditor().ctx, { supplierId: s2 });
    expect(row).toMatchObject({
      supplierName: "Counting Co",
      totalFindings: 3,
      openFindings: 3,
      findingsByGrade: { zero_tolerance: 0, critical: 0, major: 2, minor: 0, observation: 1 },
    });
  });
});

describe("the audited site, from the supplier's recorded sites", () => {
  const sitesOf = (id: string) => db().select().from(sites).where(eq(sites.supplierId, id)).all();

  it("adds a new site to the supplier in the audit's transaction, both in the audit log", () => {
    const audit = createAudit(auditor().ctx, {
      supplierId,
      scheme: "SMETA",
      auditDate: "2025-05-02",
      siteId: "new",
      newSiteName: "  Dormitory block B ",
      newSiteCountry: "my",
      newSiteAddress: "Bayan Lepas",
    });
    const [site] = sitesOf(supplierId);
    expect(site).toMatchObject({ name: "Dormitory block B", country: "MY", address: "Bayan Lepas" });
    expect(audit).toMatchObject({ siteId: site.id, siteName: "Dormitory block B" });
    expect(auditRows(site.id).map((r) => r.action)).toEqual(["site.created"]);
    expect(JSON.parse(String(auditRows(audit.id)[0].details))).toMatchObject({
      siteId: site.id,
      siteName: "Dormitory block B",
    });
  });

  it("an audit refused for another field adds no site", () => {
    expect(() =>
      createAudit(auditor().ctx, {
        supplierId,
        scheme: "SMETA",
        auditDate: "2025-02-30",
        siteId: "new",
        newSiteName: "Gate 2",
        newSiteCountry: "MY",
      }),
    ).toThrow(ValidationError);
    expect(() =>
      createAudit(auditor().ctx, {
        supplierId: "no-such-supplier",
        scheme: "SMETA",
        auditDate: "2025-02-01",
        siteId: "new",
        newSiteName: "Gate 2",
        newSiteCountry: "MY",
      }),
    ).toThrow(NotFoundError);
    expect(sitesOf(supplierId)).toEqual([]);
  });

  it("refuses a site of another supplier or another organisation as a field error", () => {
    const elsewhere = insertSupplier(org.id, { name: "Another supplier" }).id;
    const theirs = createSite(procurement().ctx, elsewhere, { name: "Not this one", country: "VN" });
    const foreignSupplier = insertSupplier(other.id).id;
    const foreign = createSite(other.members.procurement.ctx, foreignSupplier, {
      name: "Foreign",
      country: "VN",
    });
    for (const siteId of [theirs.id, foreign.id]) {
      try {
        createAudit(auditor().ctx, { supplierId, scheme: "SMETA", auditDate: "2025-02-01", siteId });
        expect.unreachable();
      } catch (err) {
        expect((err as ValidationError).fieldErrors).toEqual({
          siteId: "Choose one of this supplier's sites, or add a new one.",
        });
      }
    }
    expect(db().select().from(audits).where(eq(audits.supplierId, supplierId)).all()).toEqual([]);
  });

  it("keeps the audit and its site name when the site is deleted later; free text from before shows as written", () => {
    const site = createSite(procurement().ctx, supplierId, { name: "Old wing", country: "MY" });
    const audit = createAudit(auditor().ctx, {
      supplierId,
      scheme: "SMETA",
      auditDate: "2025-02-01",
      siteId: site.id,
    });
    db().delete(sites).where(eq(sites.id, site.id)).run();
    expect(getAudit(auditor().ctx, audit.id).audit).toMatchObject({ siteId: null, siteName: "Old wing" });
    // An audit recorded before sites were chosen: free text, no site id.
    db().update(audits).set({ siteName: "Gate 2, as typed" }).where(eq(audits.id, audit.id)).run();
    expect(getAudit(auditor().ctx, audit.id).audit).toMatchObject({
      siteId: null,
      siteName: "Gate 2, as typed",
    });
  });

  it("the form lists every site of the organisation's suppliers, and no other tenant's", async () => {
    createSite(procurement().ctx, supplierId, { name: "Listed site", country: "MY" });
    const foreignSupplier = insertSupplier(other.id).id;
    createSite(other.members.procurement.ctx, foreignSupplier, { name: "Zq9 foreign site", country: "VN" });
    const data = (await newAudit.loader({
      request: requestAs(auditor(), "/audits/new"),
      params: {},
      context: {},
    } as never)) as { sites: { supplierId: string; name: string }[] };
    expect(data.sites).toContainEqual(expect.objectContaining({ supplierId, name: "Listed site" }));
    expect(data.sites.map((s) => s.name)).not.toContain("Zq9 foreign site");
  });
});

describe("audit routes", () => {
  const actionArgs = (request: Request, params: Record<string, string> = {}) =>
    ({ request, params, context: {} }) as never;

  it("an auditor records an audit through the form and is redirected to it", async () => {
    const res = (await newAudit.action(
      actionArgs(
        requestAs(auditor(), "/audits/new", {
          form: { supplierId, scheme: "SMETA", auditDate: "2025-07-01", siteId: "", summary: "" },
        }),
      ),
    )) as Response;
    expect(res.status).toBe(302);
    const auditId = res.headers.get("Location")!.split("/").pop()!;
    const detail = getAudit(auditor().ctx, auditId);
    expect(detail.audit).toMatchObject({ scheme: "SMETA", siteId: null, siteName: null, summary: null });
  });

  it("re-renders with field errors and the values typed, never a 500", async () => {
    const res = (await newAudit.action(
      actionArgs(
        requestAs(auditor(), "/audits/new", {
          form: { supplierId, scheme: "Nope", auditDate: "", siteId: "new", newSiteName: "Gate 2" },
        }),
      ),
    )) as unknown as {
      data: { fieldErrors: Record<string, string>; values: Record<string, string> };
      init: ResponseInit;
    };
    expect(res.init.status).toBe(400);
    expect(Object.keys(res.data.fieldErrors).sort()).toEqual(["auditDate", "scheme"]);
    expect(res.data.values.newSiteName).toBe("Gate 2");
  });

  it("refuses unexpected form fields", async () => {
    const res = (await newAudit.action(
      actionArgs(
        requestAs(auditor(), "/audits/new", {
          form: { supplierId, scheme: "SMETA", auditDate: "2025-07-01", organizationId: other.id },
        }),
      ),
    )) as unknown as { init: ResponseInit };
    expect(res.init.status).toBe(400);
  });

  it("an executive can read audits but cannot record one (403)", async () => {
    const list = await auditsIndex.loader(actionArgs(requestAs(org.members.executive, "/audits")));
    expect(list.canWrite).toBe(false);
    await expect(
      newAudit.loader(actionArgs(requestAs(org.members.executive, "/audits/new"))),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      newAudit.action(
        actionArgs(
          requestAs(org.members.executive, "/audits/new", {
            form: { supplierId, scheme: "SMETA", auditDate: "2025-07-01" },
          }),
        ),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("anonymous visitors are sent to log in", async () => {
    await expect(auditsIndex.loader(actionArgs(requestAs(null, "/audits")))).rejects.toMatchObject({
      status: 302,
    });
  });

  it("only preselects a supplier of the member's own tenant", async () => {
    const mine = await newAudit.loader(
      actionArgs(requestAs(auditor(), `/audits/new?supplierId=${supplierId}`)),
    );
    expect(mine.selectedSupplierId).toBe(supplierId);
    const theirs = await newAudit.loader(
      actionArgs(requestAs(other.members.auditor, `/audits/new?supplierId=${supplierId}`)),
    );
    expect(theirs.selectedSupplierId).toBeNull();
    expect(theirs.suppliers.find((s) => s.id === supplierId)).toBeUndefined();
  });

  it("adds findings through the audit page (no one-click close); another tenant gets 404", async () => {
    const audit = createAudit(auditor().ctx, { supplierId, scheme: "RBA", auditDate: "2025-08-08" });
    const params = { auditId: audit.id };
    const added = (await auditPage.action(
      actionArgs(
        requestAs(auditor(), `/audits/${audit.id}`, {
          form: {
            intent: "add-finding",
            title: "Workers cannot leave the dormitory at night",
            grade: "critical",
            iloIndicator: "3",
            description: "",
          },
        }),
        params,
      ),
    )) as { ok: boolean; notice: string };
    expect(added).toMatchObject({ ok: true, intent: "add-finding" });
    expect(added.notice).toContain("corrective action");

    const page = await auditPage.loader(actionArgs(requestAs(auditor(), `/audits/${audit.id}`), params));
    expect(page.findings).toHaveLength(1);
    expect(page.canWrite && page.canUpload).toBe(true);
    expect(page.findings[0].action).toMatchObject({ state: "open" });

    const bad = (await auditPage.action(
      actionArgs(
        requestAs(auditor(), `/audits/${audit.id}`, {
          form: { intent: "add-finding", title: "x", grade: "" },
        }),
        params,
      ),
    )) as unknown as { data: { intent: string; fieldErrors: Record<string, string> }; init: ResponseInit };
    expect(bad.init.status).toBe(400);
    expect(bad.data.intent).toBe("add-finding");
    expect(Object.keys(bad.data.fieldErrors).sort()).toEqual(["grade", "title"]);

    const closeAttempt = (await auditPage.action(
      actionArgs(
        requestAs(auditor(), `/audits/${audit.id}`, {
          form: { intent: "close-finding", findingId: page.findings[0].id },
        }),
        params,
      ),
    )) as unknown as { init: ResponseInit };
    expect(closeAttempt.init.status).toBe(400);

    await expect(
      auditPage.loader(actionArgs(requestAs(other.members.admin, `/audits/${audit.id}`), params)),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      auditPage.action(
        actionArgs(
          requestAs(other.members.admin, `/audits/${audit.id}`, {
            form: { intent: "add-finding", title: "Cross-tenant", grade: "minor" },
          }),
          params,
        ),
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      auditPage.action(
        actionArgs(
          requestAs(org.members.executive, `/audits/${audit.id}`, {
            form: { intent: "add-finding", title: "Executive finding", grade: "minor" },
          }),
          params,
        ),
      ),
    ).rejects.toMatchObject({ status: 403 });
  });
});
