import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { gatherRiskInputs } from "~/risk/gather.server";
import { recomputeSupplierRisk, riskHistory } from "~/risk/risk.server";
import { storedInputs } from "~/risk/stored-inputs.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import {
  auditLog,
  importJobs,
  importPendingLinks,
  importRowErrors,
  riskAssessments,
  riskInputParts,
  supplierContacts,
  supplierLinks,
  suppliers,
} from "~db/schema";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import { csvErrorMessage } from "./csv-read.server";
import {
  getImportJob,
  importErrorsCsv,
  importProgress,
  listImportJobs,
  retryImportJob,
  saveImportMapping,
} from "./imports.server";
import { runImportJob } from "./runner.server";
import { importCsv, mappingForm, uploadCsv, uploadRequest } from "./testing.server";
import { receiveImportUpload } from "./upload.server";
import { startImportWorker } from "./worker.server";

const HEADER =
  "external_ref,name,trade_name,country,address,sector,goods,annual_spend,currency,status,tags,contact_name,contact_email,parent_external_ref";

function orgSuppliers(orgId: string) {
  return db().select().from(suppliers).where(eq(suppliers.organizationId, orgId)).all();
}
function byRef(orgId: string, ref: string) {
  return db()
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, orgId), eq(suppliers.externalRef, ref)))
    .get();
}
function parentsOf(orgId: string, supplierId: string): (string | null)[] {
  return db()
    .select({ parent: supplierLinks.parentSupplierId })
    .from(supplierLinks)
    .where(and(eq(supplierLinks.organizationId, orgId), eq(supplierLinks.childSupplierId, supplierId)))
    .all()
    .map((r) => r.parent);
}
async function errorCsvText(ctx: TestOrg["members"]["admin"]["ctx"], jobId: string): Promise<string> {
  const { body } = importErrorsCsv(ctx, jobId);
  const chunks: string[] = [];
  for await (const c of body) chunks.push(String(c));
  return chunks.join("");
}

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

describe("messy real-world files", () => {
  it("reads a BOM, semicolons, quoted newlines and separators, surrounding spaces and country forms", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv =
      "\uFEFF Lieferantennummer ; Supplier Name ;Land; E-Mail ;Goods;Spend;Währung\r\n" +
      ' V-1 ;  "Saigon Spinning; Weaving Co."  ; Viet Nam ; Sales@Saigon.vn ; cotton ; "1.234,50" ; eur \r\n' +
      'V-2;"Ankara Tekstil\r\nA.Ş.";Türkiye;info@ankara.tr;;;\r\n' +
      "V-3;Abidjan Cocoa;Côte d'Ivoire;;Cocoa;;\r\n" +
      "V-4;Hanoi Garments;VN;;;;\r\n" +
      "V-5;Leeds Mill;UK;;;;\r\n" +
      "\r\n" +
      "V-6;Izmir Dyeing;Turkey;;;;\r\n" +
      "V-7;Yamoussoukro Farms;Ivory Coast;;;;\r\n";
    const job = await importCsv(ctx, csv);
    expect(job.delimiter).toBe(";");
    expect(job.headers[0]).toBe("Lieferantennummer");
    expect(job).toMatchObject({ status: "done", totalRows: 7, createdCount: 7, errorCount: 0 });
    const rows = Object.fromEntries(orgSuppliers(ctx.organizationId).map((s) => [s.externalRef, s]));
    expect(rows["V-1"]).toMatchObject({
      name: "Saigon Spinning; Weaving Co.",
      country: "VN",
      contactEmail: "sales@saigon.vn",
      goods: ["Cotton"],
      annualSpend: 1234.5,
      currency: "EUR",
      tier: 1,
    });
    expect(rows["V-2"]).toMatchObject({ name: "Ankara Tekstil\r\nA.Ş.", country: "TR" });
    expect(rows["V-3"]).toMatchObject({ country: "CI", goods: ["Cocoa"] });
    expect(rows["V-4"].country).toBe("VN");
    expect(rows["V-5"].country).toBe("GB");
    expect(rows["V-6"].country).toBe("TR");
    expect(rows["V-7"].country).toBe("CI");
  });

  it("detects tab-separated files and accepts a file without BOM", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const job = await importCsv(ctx, "ERP ID\tVendor\tCountry\nT-1\tTab Supplier\tIndia\n");
    expect(job.delimiter).toBe("\t");
    expect(job.createdCount).toBe(1);
    expect(byRef(ctx.organizationId, "T-1")).toMatchObject({ name: "Tab Supplier", country: "IN" });
  });
});

describe("column mapping", () => {
  it("suggests fields from header names and remembers the organisation's choice for the same headers", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = "Vendor,ERP ID,Land,Notes,E-Mail\nAcme,A-1,DE,keep,a@acme.test\n";
    const jobId = await uploadCsv(ctx, csv);
    const job = await getImportJob(ctx, jobId);
    expect(job.status).toBe("mapping");
    expect(job.mapping).toEqual({ name: 0, external_ref: 1, country: 2, contact_email: 4 });
    expect(job.preview).toHaveLength(1);
    expect(job.preview[0].mapped.country).toBe("Germany (DE)");

    // The user maps "Notes" as tags and starts: that choice is remembered for this header row.
    const chosen = { ...job.mapping, tags: 3 };
    saveImportMapping(ctx, { jobId, form: mappingForm(chosen), start: true });
    await runImportJob(jobId);
    expect(byRef(ctx.organizationId, "A-1")?.tags).toEqual(["keep"]);

    // Same headers, other spelling and spacing: the remembered mapping is pre-applied.
    const again = await uploadCsv(ctx, " vendor ,erp_id,LAND,notes,e-mail\nAcme,A-1,DE,keep,a@acme.test\n");
    expect((await getImportJob(ctx, again)).mapping).toEqual(chosen);
    // Another organisation does not see it.
    const foreign = await uploadCsv(other.members.admin.ctx, csv);
    expect((await getImportJob(other.members.admin.ctx, foreign)).mapping.tags).toBeUndefined();
  });

  it("refuses to start without the required fields or with a column used twice", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, "a,b,c\n1,2,3\n");
    expect(() => saveImportMapping(ctx, { jobId, form: mappingForm({ name: 0 }), start: true })).toThrow(
      ValidationError,
    );
    try {
      saveImportMapping(ctx, {
        jobId,
        form: mappingForm({ name: 0, external_ref: 0, country: 2 }),
        start: true,
      });
    } catch (err) {
      expect((err as ValidationError).fieldErrors.name).toMatch(/already used for external reference/);
    }
    expect((await getImportJob(ctx, jobId)).status).toBe("mapping");
    // Saving a draft mapping (preview) is allowed while incomplete.
    saveImportMapping(ctx, { jobId, form: mappingForm({ name: 1 }), start: false });
    expect((await getImportJob(ctx, jobId)).mapping).toEqual({ name: 1 });
  });
});

describe("row validation", () => {
  it("imports valid rows and reports each invalid one with its line number and reason", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    insertSupplier(ctx.organizationId, { name: "Existing parent", externalRef: "EXISTING" });
    const csv = [
      HEADER,
      'OK-1,"Good, Ltd",,Bangladesh,"Line 1\nLine 2",Textiles and apparel,,100,USD,active,,,,',
      "BAD-1,Nowhere Ltd,,Narnia,,,,,,,,,,",
      "BAD-2,,,VN,,,,,,,,,,",
      "OK-1,Second copy,,VN,,,,,,,,,,",
      "BAD-3,Mail Ltd,,VN,,,,,,,,,not-an-email,",
      "BAD-4,Orphan Ltd,,VN,,,,,,,,,,MISSING-PARENT",
      "BAD-5,Spend Ltd,,VN,,,,lots,,,,,,",
      "BAD-6,Status Ltd,,VN,,,,,,dormant,,,,",
      "BAD-7,Money Ltd,,VN,,,,,XYZ,,,,,",
      "OK-2,Child of existing,,VN,,,,,,,,,,EXISTING",
    ].join("\n");
    const job = await importCsv(ctx, csv);
    expect(job).toMatchObject({
      status: "done",
      totalRows: 10,
      createdCount: 3,
      errorCount: 7,
      warningCount: 1,
    });
    const errors = db()
      .select({
        line: importRowErrors.line,
        message: importRowErrors.message,
        severity: importRowErrors.severity,
      })
      .from(importRowErrors)
      .where(eq(importRowErrors.jobId, job.id))
      .all()
      .sort((a, b) => a.line - b.line)
      .map(({ line, message, severity }) =>
        severity === "error" ? { line, message } : { line, message, severity },
      );
    // The quoted newline on line 2 pushes every later row down one line.
    expect(errors).toEqual([
      { line: 4, message: 'unknown country "Narnia"' },
      { line: 5, message: "missing name" },
      { line: 6, message: 'duplicate external reference "OK-1" (first on line 2)' },
      { line: 7, message: 'bad email "not-an-email"' },
      // An unknown parent does not reject the row: it is saved without the link, as a link warning.
      {
        line: 8,
        message:
          'supplier saved, but not linked to parent "MISSING-PARENT": no supplier has that reference, in the file or among your suppliers',
        severity: "warning",
      },
      { line: 9, message: 'annual spend "lots" is not a number' },
      {
        line: 10,
        message: 'unknown status "dormant" (use one of prospect, onboarding, active, suspended, offboarded)',
      },
      { line: 11, message: 'unknown currency "XYZ" (use an ISO 4217 code such as EUR or USD)' },
    ]);
    expect(byRef(ctx.organizationId, "OK-1")).toMatchObject({ name: "Good, Ltd", address: "Line 1\nLine 2" });
    expect(byRef(ctx.organizationId, "BAD-1")).toBeUndefined();
    // Saved, with no link at all: a missing parent does not make it a direct supplier.
    const orphan = byRef(ctx.organizationId, "BAD-4")!;
    expect(orphan.name).toBe("Orphan Ltd");
    expect(parentsOf(ctx.organizationId, orphan.id)).toEqual([]);
    const child = byRef(ctx.organizationId, "OK-2")!;
    expect(parentsOf(ctx.organizationId, child.id)).toEqual([byRef(ctx.organizationId, "EXISTING")!.id]);
    expect(child.tier).toBe(2);

    // The error report: the file's own columns, only the failed rows, plus the reason with its line.
    const text = await errorCsvText(ctx, job.id);
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(`${HEADER},error`);
    expect(lines).toHaveLength(9);
    expect(lines.find((l) => l.startsWith("BAD-4,"))).toContain("line 8: supplier saved, but not linked");
    expect(lines[1]).toBe('BAD-1,Nowhere Ltd,,Narnia,,,,,,,,,,,"line 4: unknown country ""Narnia"""');
    expect(lines[3]).toContain("OK-1,Second copy");
    expect(text).not.toContain("Good, Ltd");
  });

  it("neutralises formula-like cells in the error report, and a fixed report re-imports them as typed", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const job = await importCsv(ctx, `${HEADER}\nF-1,=HYPERLINK(1),,Narnia,,,,,,,,,,\n`);
    const text = await errorCsvText(ctx, job.id);
    expect(text).toContain("'=HYPERLINK(1)");
    const fixed = text.replace("Narnia", "Viet Nam");
    const again = await importCsv(ctx, fixed);
    expect(again).toMatchObject({ createdCount: 1, errorCount: 0 });
    expect(byRef(ctx.organizationId, "F-1")?.name).toBe("=HYPERLINK(1)");
  });
});

describe("idempotent re-import", () => {
  it("updates by external reference: no duplicates, unchanged rows counted as unchanged", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = [
      HEADER,
      "R-1,Root One,,VN,,Textiles and apparel,Cotton;Garments,10,USD,active,a;b,Ann,ann@r1.test,",
      "R-2,Child Two,,BD,,,,,,,,,,R-1",
      "R-3,Grandchild Three,,IN,,,,,,,,,,R-2",
    ].join("\n");
    const first = await importCsv(ctx, csv);
    expect(first).toMatchObject({ createdCount: 3, updatedCount: 0, unchangedCount: 0, linksAdded: 3 });
    const second = await importCsv(ctx, csv);
    expect(second).toMatchObject({
      createdCount: 0,
      updatedCount: 0,
      unchangedCount: 3,
      linksAdded: 0,
      errorCount: 0,
    });
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(3);
    const links = db()
      .select()
      .from(supplierLinks)
      .where(eq(supplierLinks.organizationId, ctx.organizationId))
      .all();
    expect(links).toHaveLength(3);

    const changed = csv.replace("Child Two,,BD", "Child Two Renamed,,BD");
    const third = await importCsv(ctx, changed);
    expect(third).toMatchObject({ createdCount: 0, updatedCount: 1, unchangedCount: 2 });
    expect(byRef(ctx.organizationId, "R-2")?.name).toBe("Child Two Renamed");
    expect(byRef(ctx.organizationId, "R-3")?.tier).toBe(3);
  });

  it("matches suppliers created on the page by their reference and keeps the primary contact in step", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const made = createSupplier(ctx, {
      name: "Made By Hand",
      country: "VN",
      sector: "Other",
      contactName: "Old Contact",
      contactEmail: "old@hand.test",
    });
    db().update(suppliers).set({ externalRef: "H-1" }).where(eq(suppliers.id, made.id)).run();
    const job = await importCsv(
      ctx,
      "external_ref,name,country,contact_name,contact_email\nH-1,Made By Hand,VN,New Contact,New@Hand.test\n",
    );
    expect(job).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const contacts = db()
      .select()
      .from(supplierContacts)
      .where(eq(supplierContacts.supplierId, made.id))
      .all();
    expect(contacts).toEqual([
      expect.objectContaining({ name: "New Contact", email: "new@hand.test", isPrimary: true }),
    ]);
    expect(byRef(ctx.organizationId, "H-1")).toMatchObject({
      contactName: "New Contact",
      contactEmail: "new@hand.test",
    });
  });

  it("an update that changes the country recomputes risk with the full model", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    await importCsv(ctx, `${HEADER}\nC-1,Mover,,GB,,,,,,,,,,\n`);
    const before = byRef(ctx.organizationId, "C-1")!;
    await importCsv(ctx, `${HEADER}\nC-1,Mover,,Turkmenistan,,,,,,,,,,\n`);
    const after = byRef(ctx.organizationId, "C-1")!;
    expect(after.country).toBe("TM");
    const history = riskHistory(db(), ctx, after.id);
    expect(history).toHaveLength(2);
    expect(history[0].factors[0].factor).toContain("Turkmenistan");
    expect(after.riskScore).toBe(history[0].score);
    expect(after.riskScore).not.toBe(before.riskScore);
  });
});

describe("first scores", () => {
  it("store the inputs suppliers share once, by hash, and read back as a recompute would gather them", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    await importCsv(
      ctx,
      `${HEADER}\nF-1,One,,Bangladesh,,Textiles and apparel,Garments,,,,,,,\n` +
        `F-2,Two,,Bangladesh,,Textiles and apparel,Garments,,,,,,,\nF-3,Three,,GB,,,,,,,,,,\n`,
    );
    const rows = db()
      .select()
      .from(riskAssessments)
      .where(eq(riskAssessments.organizationId, ctx.organizationId))
      .all();
    expect(rows).toHaveLength(3);
    const parts = db()
      .select()
      .from(riskInputParts)
      .where(eq(riskInputParts.organizationId, ctx.organizationId))
      .all();
    // F-1 and F-2 have the same country, sector and goods: one part between them.
    expect(parts).toHaveLength(2);
    for (const row of rows) {
      expect(row.sharedInputs).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row.inputs)).not.toContain("editions");
      const gathered = db().transaction((tx) => gatherRiskInputs(tx, ctx, row.supplierId, null));
      expect(JSON.stringify(storedInputs(db(), ctx.organizationId, row))).toBe(JSON.stringify(gathered));
    }
    // Ordered ids (D38): later rows of the file get later ids.
    const ids = ["F-1", "F-2", "F-3"].map((r) => byRef(ctx.organizationId, r)!.id);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe("parent links", () => {
  it("resolves parents further down the file and several parents, and sets tiers", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = [
      HEADER,
      "P-3,Deep,,VN,,,,,,,,,,P-2",
      "P-2,Middle,,VN,,,,,,,,,,P-1;P-1b",
      "P-1,Top,,VN,,,,,,,,,,",
      "P-1b,Top B,,VN,,,,,,,,,,",
    ].join("\n");
    const job = await importCsv(ctx, csv);
    expect(job).toMatchObject({ createdCount: 4, errorCount: 0, linksAdded: 5 });
    const ids = Object.fromEntries(orgSuppliers(ctx.organizationId).map((s) => [s.externalRef, s]));
    expect(ids["P-1"].tier).toBe(1);
    expect(ids["P-2"].tier).toBe(2);
    expect(ids["P-3"].tier).toBe(3);
    expect(new Set(parentsOf(ctx.organizationId, ids["P-2"].id))).toEqual(
      new Set([ids["P-1"].id, ids["P-1b"].id]),
    );
    expect(db().select().from(importPendingLinks).where(eq(importPendingLinks.jobId, job.id)).all()).toEqual(
      [],
    );
  });

  it("reports a link that would close a cycle as a link warning, not a crash", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = [
      HEADER,
      "Y-0,Root,,VN,,,,,,,,,,",
      "Y-1,One,,VN,,,,,,,,,,Y-0;Y-2",
      "Y-2,Two,,VN,,,,,,,,,,Y-1",
    ].join("\n");
    const job = await importCsv(ctx, csv);
    expect(job).toMatchObject({ status: "done", createdCount: 3, errorCount: 0, warningCount: 1 });
    expect(job.errorSample).toEqual([
      {
        line: 4,
        message:
          'supplier saved, but not linked to parent "Y-1": that would create a cycle ("Y-1" is already below this supplier)',
        severity: "warning",
      },
    ]);
    // Rows link in file order: Y-1 got both its parents, so Y-2's link back to Y-1 is the one refused.
    const id = (ref: string) => byRef(ctx.organizationId, ref)!.id;
    expect(new Set(parentsOf(ctx.organizationId, id("Y-1")))).toEqual(new Set([id("Y-0"), id("Y-2")]));
    expect(parentsOf(ctx.organizationId, id("Y-2"))).toEqual([]);
    expect(byRef(ctx.organizationId, "Y-1")!.tier).toBe(2);
  });

  it("a parent whose own row failed is reported on the child", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = [HEADER, "K-1,Kid,,VN,,,,,,,,,,K-0", "K-0,Broken parent,,Atlantis,,,,,,,,,,"].join("\n");
    const job = await importCsv(ctx, csv);
    expect(job).toMatchObject({ createdCount: 1, errorCount: 1, warningCount: 1 });
    expect(job.errorSample.map((e) => [e.line, e.severity])).toEqual([
      [2, "warning"],
      [3, "error"],
    ]);
    expect(job.errorSample[0].message).toMatch(/not linked to parent "K-0": that row has errors/);
  });

  it("keeps the known parents of a row that also names an unknown one, and re-links it once fixed", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const csv = [HEADER, "M-0,Mill,,VN,,,,,,,,,,", "M-1,Maker,,VN,,,,,,,,,,M-0;M-GHOST"].join("\n");
    const job = await importCsv(ctx, csv);
    expect(job).toMatchObject({ createdCount: 2, errorCount: 0, warningCount: 1, linksAdded: 2 });
    expect(job.errorSample[0]).toMatchObject({ line: 3, severity: "warning" });
    expect(job.errorSample[0].message).toMatch(
      /not linked to parent "M-GHOST": no supplier has that reference/,
    );
    const id = (ref: string) => byRef(ctx.organizationId, ref)!.id;
    expect(parentsOf(ctx.organizationId, id("M-1"))).toEqual([id("M-0")]);
    expect(byRef(ctx.organizationId, "M-1")!.tier).toBe(2);

    // An existing supplier named again with only an unknown parent keeps its links as they are.
    const again = await importCsv(ctx, [HEADER, "M-1,Maker,,VN,,,,,,,,,,M-NOWHERE"].join("\n"));
    expect(again).toMatchObject({ unchangedCount: 1, errorCount: 0, warningCount: 1, linksAdded: 0 });
    expect(parentsOf(ctx.organizationId, id("M-1"))).toEqual([id("M-0")]);

    // Once the parent exists, the same file links it.
    const fixed = await importCsv(
      ctx,
      [HEADER, "M-GHOST,Ghost Spinning,,VN,,,,,,,,,,", "M-1,Maker,,VN,,,,,,,,,,M-0;M-GHOST"].join("\n"),
    );
    expect(fixed).toMatchObject({ createdCount: 1, warningCount: 0, linksAdded: 2 });
    expect(new Set(parentsOf(ctx.organizationId, id("M-1")))).toEqual(new Set([id("M-0"), id("M-GHOST")]));
  });
});

describe("preview checks across the whole file", () => {
  it("marks later duplicates as not imported, the first as a warning, and unknown parents as link warnings", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    insertSupplier(ctx.organizationId, { name: "Known parent", externalRef: "KNOWN" });
    const lines = [
      HEADER,
      "D-1,First copy,,VN,,,,,,,,,,",
      "D-2,Child of known,,VN,,,,,,,,,,KNOWN",
      "D-3,Child of later row,,VN,,,,,,,,,,D-LATE",
      "D-4,Orphan,,VN,,,,,,,,,,NOBODY",
    ];
    // Past the ten rows the preview shows: the duplicate of D-1 and the parent D-LATE.
    for (let i = 5; i <= 14; i++) lines.push(`D-${i},Filler ${i},,VN,,,,,,,,,,`);
    lines.push(
      "D-1,Second copy,,VN,,,,,,,,,,",
      "D-LATE,Late parent,,VN,,,,,,,,,,",
      "D-20,Another orphan,,VN,,,,,,,,,,GHOST",
    );
    const jobId = await uploadCsv(ctx, lines.join("\n"));
    const job = await getImportJob(ctx, jobId);
    expect(job.preview).toHaveLength(10);
    const [d1, d2, d3, d4] = job.preview;
    expect(d1.errors).toEqual([]);
    expect(d1.warnings).toEqual(['reference "D-1" appears again on line 16: only this row will be imported']);
    expect(d2).toMatchObject({ errors: [], warnings: [] });
    expect(d3).toMatchObject({ errors: [], warnings: [] });
    expect(d4.errors).toEqual([]);
    expect(d4.warnings).toEqual([
      'parent "NOBODY" not found in the file or among your suppliers: saved without that link',
    ]);
    expect(job.fileCheck).toEqual({ rows: 17, duplicateRows: 1, unknownParentRows: 2 });

    // The later copy, when it is among the first rows, is not imported.
    const small = await uploadCsv(ctx, [HEADER, "E-1,A,,VN,,,,,,,,,,", "E-1,B,,VN,,,,,,,,,,"].join("\n"));
    const [first, second] = (await getImportJob(ctx, small)).preview;
    expect(first.warnings).toHaveLength(1);
    expect(second.errors).toEqual(['duplicate external reference "E-1" (first on line 2)']);
  });
});

describe("background job and restart safety", () => {
  const rows = (n: number) =>
    [
      HEADER,
      ...Array.from(
        { length: n },
        (_, i) => `B-${i + 1},Batch Supplier ${i + 1},,VN,,,,,,,,,,${i >= 3 ? "B-1" : ""}`,
      ),
    ].join("\n");

  it("resumes after a crash from the last committed batch without duplicates", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, rows(11));
    const job = await getImportJob(ctx, jobId);
    saveImportMapping(ctx, { jobId, form: mappingForm(job.mapping), start: true });

    // First worker: commits one batch of 4 rows, then "crashes" (the job object is abandoned).
    expect(await runImportJob(jobId, { batchSize: 4, maxBatches: 1 })).toBe("paused");
    const mid = importProgress(ctx, jobId);
    expect(mid).toMatchObject({ status: "running", phase: "rows", processedRows: 4, createdCount: 4 });
    expect(mid.percent).toBeGreaterThan(0);
    expect(mid.percent).toBeLessThan(100);
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(4);

    // A second worker after the crash: one more batch, then stops again inside the links phase.
    expect(await runImportJob(jobId, { batchSize: 4, maxBatches: 3 })).toBe("paused");
    // A fresh worker, started as at boot, picks the running job up and finishes it (in an import thread,
    // which from source first loads its modules through tsx: seconds on a busy machine).
    const stop = startImportWorker({ log: () => {} });
    try {
      await vi.waitFor(() => expect(importProgress(ctx, jobId).status).toBe("done"), { timeout: 90_000 });
    } finally {
      await stop();
    }
    const done = importProgress(ctx, jobId);
    expect(done).toMatchObject({
      status: "done",
      percent: 100,
      createdCount: 11,
      errorCount: 0,
      linksAdded: 11,
    });
    const all = orgSuppliers(ctx.organizationId);
    expect(all).toHaveLength(11);
    expect(new Set(all.map((s) => s.externalRef)).size).toBe(11);
    const links = db()
      .select()
      .from(supplierLinks)
      .where(eq(supplierLinks.organizationId, ctx.organizationId))
      .all();
    expect(links).toHaveLength(11);
    expect(all.filter((s) => s.tier === 2)).toHaveLength(8);
    const assessments = db()
      .select()
      .from(riskAssessments)
      .where(eq(riskAssessments.organizationId, ctx.organizationId))
      .all();
    expect(assessments).toHaveLength(11);
    const audit = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, ctx.organizationId), eq(auditLog.entityId, jobId)))
      .all()
      .map((a) => a.action);
    expect(audit.filter((a) => a === "import.batch")).toHaveLength(3);
    expect(audit).toContain("import.completed");
  }, 120_000);

  it("a waiting web writer cuts a batch short: the rows so far commit with the cursor, the rest follow", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, rows(10));
    const job = await getImportJob(ctx, jobId);
    saveImportMapping(ctx, { jobId, form: mappingForm(job.mapping), start: true });
    // A writer "arrives" before the 4th and the 7th row of the one 10-row batch.
    let checks = 0;
    const writerWaiting = () => {
      checks++;
      return checks === 3 || checks === 6;
    };
    expect(await runImportJob(jobId, { batchSize: 10, writerWaiting })).toBe("done");
    expect(importProgress(ctx, jobId)).toMatchObject({ status: "done", createdCount: 10, errorCount: 0 });
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(10);
    const batches = db()
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.organizationId, ctx.organizationId),
          eq(auditLog.entityId, jobId),
          eq(auditLog.action, "import.batch"),
        ),
      )
      .all()
      .map((a) => (JSON.parse(a.details!) as { rows: number[] }).rows);
    expect(batches).toEqual([
      [1, 3],
      [4, 6],
      [7, 10],
    ]);
  });

  it("a batch that fails rolls back whole; the job is marked failed and can be retried", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, rows(6));
    const job = await getImportJob(ctx, jobId);
    saveImportMapping(ctx, { jobId, form: mappingForm(job.mapping), start: true });
    // Sabotage: a trigger that refuses the 5th supplier makes the second batch throw mid-way.
    db().$client.exec(
      `CREATE TRIGGER import_test_refuse BEFORE INSERT ON suppliers WHEN NEW.external_ref = 'B-5'
       BEGIN SELECT RAISE(ABORT, 'refused by test'); END`,
    );
    try {
      expect(await runImportJob(jobId, { batchSize: 3 })).toBe("failed");
    } finally {
      db().$client.exec("DROP TRIGGER import_test_refuse");
    }
    const failed = importProgress(ctx, jobId);
    expect(failed).toMatchObject({ status: "failed", processedRows: 3, createdCount: 3 });
    expect(failed.failureMessage).toMatch(/unexpected error/);
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(3);

    retryImportJob(ctx, jobId);
    expect(await runImportJob(jobId, { batchSize: 3 })).toBe("done");
    expect(importProgress(ctx, jobId)).toMatchObject({ status: "done", createdCount: 6 });
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(6);
  });

  it("a file with a broken quote fails before anything is written", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, `${HEADER}\nQ-1,Fine,,VN,,,,,,,,,,\nQ-2,"Broken,,VN,,,,,,,,,,\n`);
    const job = await getImportJob(ctx, jobId);
    saveImportMapping(ctx, { jobId, form: mappingForm(job.mapping), start: true });
    expect(await runImportJob(jobId)).toBe("failed");
    expect(importProgress(ctx, jobId).failureMessage).toMatch(/quote that is never closed/);
    expect(orgSuppliers(ctx.organizationId)).toHaveLength(0);
  });
});

describe("every CSV parser error is a row or file error", () => {
  // The probe's defect: a quote inside an unquoted value raised csv-parse's INVALID_OPENING_QUOTE,
  // which no mapping knew: the upload answered 500 and the job stayed "running" for ever.
  it("keeps a quote inside an unquoted value as a character instead of failing the file", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const job = await importCsv(
      ctx,
      `${HEADER}\nQ-1,Steel 12" pipes,,VN,,,,,,,,,,\nQ-2,Fine,,VN,,,,,,,,,,\n`,
    );
    expect(job).toMatchObject({ status: "done", createdCount: 2, errorCount: 0 });
    expect(byRef(ctx.organizationId, "Q-1")?.name).toBe('Steel 12" pipes');
  });

  it("an upload whose first rows cannot be parsed is a field error, not a 500", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    await expect(uploadCsv(ctx, `${HEADER}\n"Q-1"x,Broken,,VN,,,,,,,,,,\n`)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("names every csv-parse error code, so none can escape as an unexpected error", async () => {
    const { CsvError } = await import("csv-parse");
    const fs = await import("node:fs");
    const source = fs.readFileSync(require.resolve("csv-parse"), "utf8");
    const codes = [...new Set(source.match(/"(?:CSV_[A-Z_]+|INVALID_[A-Z_]+)"/g) ?? [])].map((c) =>
      c.slice(1, -1),
    );
    expect(codes.length).toBeGreaterThan(15);
    for (const code of codes) {
      const message = csvErrorMessage(new CsvError(code as never, "broken", {} as never));
      expect(message, code).toMatch(/\w/);
    }
    expect(csvErrorMessage(new Error("EIO"))).toBeNull();
  });
});

describe("upload limits and garbage", () => {
  const refuse = async (content: string | Uint8Array, limits = {}) => {
    const r = await receiveImportUpload(uploadRequest(content), limits);
    expect(r.ok).toBe(false);
    return r.ok ? "" : r.message;
  };

  it("refuses a file above the size limit, naming the limit", async () => {
    expect(await refuse("a".repeat(3000), { maxBytes: 2048 })).toBe(
      "The file is larger than the 2 KB limit for one import. Split it into smaller files.",
    );
  });

  it("refuses a file above the row limit, naming the limit", async () => {
    const csv = [HEADER, ...Array.from({ length: 6 }, (_, i) => `L-${i},"Name\nwith newline",,VN`)].join(
      "\n",
    );
    expect(await refuse(csv, { maxRows: 5 })).toBe(
      "The file has more than 5 rows, the limit for one import. Split it into smaller files.",
    );
    // Quoted newlines are not rows: exactly at the limit passes.
    const atLimit = [HEADER, ...Array.from({ length: 5 }, (_, i) => `L-${i},"Name\nwith newline",,VN`)].join(
      "\n",
    );
    expect((await receiveImportUpload(uploadRequest(atLimit), { maxRows: 5 })).ok).toBe(true);
  });

  it("fails fast on binary, workbook, UTF-16 and non-UTF-8 files", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    expect(await refuse(png)).toBe("This is a binary file, not a CSV text file.");
    const random = new Uint8Array(4096).map((_, i) => ((i * 7919) % 251) + 1);
    expect(await refuse(random)).toBe("The file does not look like text: it cannot be read as CSV.");
    expect(await refuse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatch(
      /Excel workbook.*CSV UTF-8/,
    );
    expect(await refuse(new Uint8Array([0xff, 0xfe, 0x61, 0x00]))).toMatch(/UTF-16/);
    const latin1 = Buffer.from("external_ref,name,country\nX-1,Caf\xe9 S\xe3o Paulo,BR\n", "latin1");
    expect(await refuse(latin1)).toMatch(/not UTF-8 text.*CSV UTF-8/);
    expect(await refuse("")).toBe("The file is empty.");
  });

  it("refuses a file with a header but no rows", async () => {
    const { ctx } = org.members.procurement;
    await expect(uploadCsv(ctx, `${HEADER}\n\n`)).rejects.toThrow(/header row but no suppliers/);
  });
});

describe("risk of imported suppliers", () => {
  it("is identical to what recomputeSupplierRisk produces for a fresh supplier", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const countries = ["VN", "TM", "GB", "CI", "KP", "ER"];
    await importCsv(ctx, [HEADER, ...countries.map((c) => `RK-${c},Risk ${c},,${c},,,,,,,,,,`)].join("\n"));
    for (const country of countries) {
      const imported = byRef(ctx.organizationId, `RK-${country}`)!;
      const [stored] = riskHistory(db(), ctx, imported.id);
      const manual = createSupplier(ctx, {
        name: `Manual ${country}`,
        country,
        sector: "Other",
        contactName: "X",
        contactEmail: "x@example.test",
      });
      const [expected] = riskHistory(db(), ctx, manual.id);
      expect({
        score: stored.score,
        level: stored.level,
        modelVersion: stored.modelVersion,
        factors: stored.factors,
      }).toEqual({
        score: expected.score,
        level: expected.level,
        modelVersion: expected.modelVersion,
        factors: expected.factors,
      });
      expect(stored.trigger).toBe("supplier.imported");
      expect({ score: imported.riskScore, level: imported.riskLevel }).toEqual({
        score: expected.score,
        level: expected.level,
      });
      // And recomputing it with the full model changes nothing.
      const again = writeTx((tx) => recomputeSupplierRisk(tx, ctx, imported.id, "test"));
      expect({ score: again.score, level: again.level }).toEqual({
        score: stored.score,
        level: stored.level,
      });
    }
  });
});

describe("tenancy", () => {
  it("another organisation's import is not found", async () => {
    const { ctx } = org.members.procurement;
    const jobId = await uploadCsv(ctx, `${HEADER}\nT-1,Tenant,,VN,,,,,,,,,,\n`);
    const foreign = other.members.admin.ctx;
    await expect(getImportJob(foreign, jobId)).rejects.toThrow(NotFoundError);
    expect(() => importProgress(foreign, jobId)).toThrow(NotFoundError);
    expect(() => importErrorsCsv(foreign, jobId)).toThrow(NotFoundError);
    expect(() => saveImportMapping(foreign, { jobId, form: {}, start: true })).toThrow(NotFoundError);
    expect(() => retryImportJob(foreign, jobId)).toThrow(NotFoundError);
    expect(listImportJobs(foreign).map((j) => j.id)).not.toContain(jobId);
    expect(listImportJobs(ctx).map((j) => j.id)).toContain(jobId);
    const row = db().select().from(importJobs).where(eq(importJobs.id, jobId)).get();
    expect(row?.organizationId).toBe(ctx.organizationId);
  });
});
