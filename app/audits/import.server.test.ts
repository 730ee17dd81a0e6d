import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { importsDir } from "~/imports/upload.server";
import { buildXlsx } from "~/imports/xlsx.testing";
import * as importPage from "~/routes/audits.import";
import { audits, auditLog, findings, remediationTasks, riskAssessments } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

const CAPR = [
  "Clause,Finding,Description,Grade,Due date,ILO indicator",
  'ETI 1.1,Recruitment fees paid by migrant workers,"12 of 20 workers paid agents 90,000 NPR.",Critical,2026-07-31,9',
  "ETI 1.2,Passports kept in the HR office,,Business critical,,7",
  "ETI 3.1,Fire exit blocked by cartons,,minor,,",
].join("\n");

type Failure = {
  init: ResponseInit;
  data: {
    formError: string;
    fieldErrors: Record<string, string>;
    values: Record<string, string>;
    rowErrors?: { line: number; messages: string[] }[];
    rowErrorCount?: number;
  };
};

function post(member: TestOrg["members"]["auditor"], fields: Record<string, string>, file: File | null) {
  const form: Record<string, string | File> = { ...fields };
  if (file) form.file = file;
  return settle(
    importPage.action(
      routeArgs(requestAs(member, "/audits/import", { form: form as Record<string, string> })),
    ),
  );
}

const csv = (text: string, name = "capr.csv") =>
  // An extra heading no field is read from marks the file, so the test can find what stays on disk.
  new File([text.replace(/^([^\n]*)/, `$1,${MARKER}`)], name, { type: "text/csv" });
const auditsOf = (supplierId: string) =>
  db().select().from(audits).where(eq(audits.supplierId, supplierId)).all();
/** Upload files of this test file still on disk (other test files share the folder): none may stay. */
const MARKER = "audit-import-test-marker";
const leftovers = () => {
  const dir = path.join(importsDir(), "tmp");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => {
    try {
      return fs.readFileSync(path.join(dir, f), "utf8").includes(MARKER);
    } catch {
      return false;
    }
  });
};

describe("importing an audit from its corrective action report", () => {
  it("creates the audit, its findings in the scheme's words and their actions, in one go", async () => {
    const supplierId = insertSupplier(org.id, { country: "NP" }).id;
    const res = (await post(
      org.members.auditor,
      {
        supplierId,
        scheme: "SMETA",
        auditDate: "2026-03-10",
        siteId: "new",
        newSiteName: "Unit 2",
        newSiteCountry: "NP",
      },
      csv(CAPR),
    )) as Response;
    expect(res.status).toBe(302);
    const [audit] = auditsOf(supplierId);
    expect(res.headers.get("Location")).toBe(`/audits/${audit.id}?imported=3`);
    expect(audit).toMatchObject({ scheme: "SMETA", auditDate: "2026-03-10", siteName: "Unit 2" });
    const rows = db().select().from(findings).where(eq(findings.auditId, audit.id)).all();
    expect(rows.map((f) => [f.title, f.schemeGrade, f.grade, f.clause, f.iloIndicator]).sort()).toEqual([
      ["Fire exit blocked by cartons", "Minor", "minor", "ETI 3.1", null],
      ["Passports kept in the HR office", "Business critical", "zero_tolerance", "ETI 1.2", "7"],
      ["Recruitment fees paid by migrant workers", "Critical", "critical", "ETI 1.1", "9"],
    ]);
    const actions = db()
      .select()
      .from(remediationTasks)
      .where(eq(remediationTasks.supplierId, supplierId))
      .all();
    expect(actions).toHaveLength(3);
    const fees = actions.find((a) => a.title.includes("Recruitment fees"))!;
    // The report's own due date wins over the grade table's 90 days.
    expect(fees).toMatchObject({ state: "open", grade: "critical", dueDate: "2026-07-31" });
    const logged = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .all()
      .map((r) => r.action);
    expect(logged).toContain("audit.imported");
    const risk = db()
      .select({ trigger: riskAssessments.trigger })
      .from(riskAssessments)
      .where(and(eq(riskAssessments.organizationId, org.id), eq(riskAssessments.supplierId, supplierId)))
      .all()
      .map((r) => r.trigger);
    expect(risk).toContain("audit.imported");
    expect(leftovers()).toEqual([]);
  });

  it("reads an Excel workbook through the same checks", async () => {
    const supplierId = insertSupplier(org.id).id;
    const book = buildXlsx([
      {
        name: "CAP",
        rows: [
          ["Reference", "Non-compliance", "Rating", "Deadline"],
          ["A1", "Workers not free to resign", "Priority", { date: "2026-05-15" }],
        ],
      },
    ]);
    const res = (await post(
      org.members.auditor,
      { supplierId, scheme: "RBA", auditDate: "2026-04-01" },
      new File([Buffer.from(book)], "cap.xlsx"),
    )) as Response;
    expect(res.status).toBe(302);
    const action = db()
      .select()
      .from(remediationTasks)
      .where(eq(remediationTasks.supplierId, supplierId))
      .get()!;
    expect(action).toMatchObject({ grade: "critical", dueDate: "2026-05-15", clause: "A1" });
  });

  it("imports nothing when a row is wrong, and names each row's problems and the accepted words", async () => {
    const supplierId = insertSupplier(org.id).id;
    const bad = `${CAPR}\nETI 6,Overtime,,Priority,,\nETI 8,Wages late,,Major,soon,`;
    const res = (await post(
      org.members.auditor,
      { supplierId, scheme: "SMETA", auditDate: "2026-03-10" },
      csv(bad),
    )) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.formError).toBe(
      "2 of 5 rows cannot be imported; nothing was imported. Fix those rows and upload the file again.",
    );
    expect(res.data.rowErrors).toEqual([
      {
        line: 5,
        messages: [
          "“Priority” is not a SMETA grade: use one of Business critical, Critical, Major, Minor, Observation.",
        ],
      },
      { line: 6, messages: ["The due date “soon” is not a date written YYYY-MM-DD."] },
    ]);
    expect(res.data.values).toMatchObject({ supplierId, scheme: "SMETA", auditDate: "2026-03-10" });
    expect(auditsOf(supplierId)).toEqual([]);
    expect(db().select().from(findings).where(eq(findings.supplierId, supplierId)).all()).toEqual([]);
    expect(leftovers()).toEqual([]);

    const data = await importPage.loader(routeArgs(requestAs(org.members.auditor, "/audits/import")));
    const html = await renderPage(importPage.default, data, "/audits/import", "/audits/import", res.data);
    expect(html).toContain("Rows that cannot be imported (2)");
    expect(html).toContain("“Priority” is not a SMETA grade");
    expect(html).toContain('value="2026-03-10"');
  });

  it("refuses a file without a grade column, an empty file, a PDF, and form errors, leaving nothing", async () => {
    const supplierId = insertSupplier(org.id).id;
    const fields = { supplierId, scheme: "SMETA", auditDate: "2026-03-10" };
    const noGrade = (await post(
      org.members.auditor,
      fields,
      csv("Clause,Finding\nETI 1,Fees\n"),
    )) as unknown as Failure;
    expect(noGrade.init.status).toBe(400);
    expect(noGrade.data.fieldErrors.file).toMatch(/no a “Grade” column.*Headings found: Clause, Finding/);
    const headerOnly = (await post(
      org.members.auditor,
      fields,
      csv("Finding,Grade\n"),
    )) as unknown as Failure;
    expect(headerOnly.data.fieldErrors.file).toBe("The file has a header row but no findings below it.");
    const pdf = (await post(
      org.members.auditor,
      fields,
      new File([Buffer.from("%PDF-1.4\n")], "capr.csv"),
    )) as unknown as Failure;
    expect(pdf.data.fieldErrors.file).toBe("This is a PDF, not a CSV file.");
    const noFile = (await post(org.members.auditor, fields, null)) as unknown as Failure;
    expect(noFile.data.fieldErrors.file).toMatch(/Choose a CSV or XLSX file/);
    const noScheme = (await post(
      org.members.auditor,
      { supplierId, auditDate: "2026-03-10" },
      csv(CAPR),
    )) as unknown as Failure;
    expect(noScheme.init.status).toBe(400);
    expect(noScheme.data.fieldErrors.scheme).toBeTruthy();
    expect(auditsOf(supplierId)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it("refuses another tenant's supplier (404) and members who cannot record audits (403)", async () => {
    const supplierId = insertSupplier(org.id).id;
    const fields = { supplierId, scheme: "SMETA", auditDate: "2026-03-10" };
    const foreign = (await post(other.members.auditor, fields, csv(CAPR))) as Response;
    expect(foreign.status).toBe(404);
    const executive = (await post(org.members.executive, fields, csv(CAPR))) as Response;
    expect(executive.status).toBe(403);
    expect(auditsOf(supplierId)).toEqual([]);
    expect(leftovers()).toEqual([]);
  });
});
