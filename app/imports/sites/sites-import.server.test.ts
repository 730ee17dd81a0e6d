import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { riskHistory } from "~/risk/risk.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { auditLog, importRowErrors, sites } from "~db/schema";
import { createOrg, type TestOrg } from "../../../test/factories";
import { importErrorsCsv, listImportJobs } from "../imports.server";
import { commitSiteImport, getSiteImport, listSiteImportJobs, saveSiteMapping } from "./sites-import.server";
import { siteMappingForm, uploadSitesCsv } from "./testing.server";

let org: TestOrg;
let other: TestOrg;
const ctx = () => org.members.procurement.ctx;
let mill: { id: string };
let tannery: { id: string };

const FILE = [
  "Vendor ID;Factory name;Country;Migrant workers;Agency workers;Dormitories;Seasonal;Xinjiang",
  "S-1;Dongguan Plant 1;China;60 %;20;Yes;no;",
  "S-1;dongguan  plant 1;CN;70;20;yes;N;no",
  "S-2;Atlantis Works;Atlantis;10;;;;",
  "S-9;Ghost Mill;Vietnam;;;;;",
  "S-2;Sialkot Stitching;Pakistan;150;;;;",
  "S-2;Lahore Tannery;PK;12,5;;maybe;;",
  "S-2;Kasur Tannery;Pakistan;35;40;no;yes;",
].join("\n");

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  let out = "";
  for await (const chunk of stream) out += chunk;
  return out;
}

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  mill = createSupplier(ctx(), {
    name: "Pearl River Garments",
    externalRef: "S-1",
    country: "CN",
    sector: "Textiles and apparel",
    contactName: "Li Wei",
    contactEmail: "li@pearl.test",
  });
  tannery = createSupplier(ctx(), {
    name: "Punjab Leather",
    externalRef: "S-2",
    country: "PK",
    sector: "Footwear and leather",
    contactName: "Ayesha Khan",
    contactEmail: "ayesha@punjab.test",
  });
});

describe("sites import", () => {
  it("maps the headers, previews each row with its supplier and its problems, and imports in one step", async () => {
    const jobId = await uploadSitesCsv(ctx(), FILE, "sites.csv");
    // Kept apart from the supplier imports.
    expect(listImportJobs(ctx()).map((j) => j.id)).not.toContain(jobId);
    expect(listSiteImportJobs(ctx()).map((j) => j.id)).toContain(jobId);

    const job = await getSiteImport(ctx(), jobId);
    expect(job.mapping).toEqual({
      supplier_ref: 0,
      site_name: 1,
      country: 2,
      migrant_workers_pct: 3,
      agency_workers_pct: 4,
      housing: 5,
      seasonal_work: 6,
      xinjiang_nexus: 7,
    });
    const [first, second, atlantis, ghost, over, maybe] = job.preview;
    expect(first).toMatchObject({
      line: 2,
      supplier: { id: mill.id, name: "Pearl River Garments" },
      action: "create",
      errors: [],
    });
    expect(first.mapped).toMatchObject({
      country: "China (CN)",
      migrant_workers_pct: "60 %",
      housing: "yes",
    });
    expect(second.errors).toEqual([]);
    expect(atlantis.errors).toEqual([
      'Country "Atlantis" is not a country we know (use a name or ISO code).',
    ]);
    expect(ghost.errors).toEqual(['No supplier has the reference "S-9" (import or add the supplier first).']);
    expect(over.errors).toEqual(["Migrant workers (%): Enter a share from 0 to 100 %."]);
    expect(maybe.errors).toEqual([
      'Employer-provided housing (yes/no): "maybe" is not yes or no (leave it blank when unknown).',
    ]);

    const before = riskHistory(db(), ctx(), tannery.id).length;
    const result = await commitSiteImport(ctx(), { jobId, form: siteMappingForm(job.mapping) });
    // Row 3 names row 2's site again (case and spacing aside): it updates it.
    expect(result).toEqual({ created: 2, updated: 1, unchanged: 0, errors: 4, rescored: 2 });

    const stored = db().select().from(sites).where(eq(sites.organizationId, org.id)).all();
    expect(stored.map((s) => s.name).sort()).toEqual(["Kasur Tannery", "dongguan  plant 1"]);
    const plant = stored.find((s) => s.supplierId === mill.id)!;
    expect(plant).toMatchObject({
      country: "CN",
      migrantWorkersPct: 70,
      agencyWorkersPct: 20,
      dormitories: true,
      seasonalWork: false,
      xinjiangNexus: false,
    });
    const kasur = stored.find((s) => s.supplierId === tannery.id)!;
    expect(kasur).toMatchObject({ migrantWorkersPct: 35, agencyWorkersPct: 40, seasonalWork: true });

    // The suppliers were rescored from their new sites, in the same step.
    const latest = riskHistory(db(), ctx(), tannery.id);
    expect(latest.length).toBe(before + 1);
    expect(latest[0].trigger).toBe("import.sites");
    expect(latest[0].factors.map((f) => f.factor)).toContain(
      "Agency or contract workers 40 % at Kasur Tannery",
    );
    expect(riskHistory(db(), ctx(), mill.id)[0].factors.map((f) => f.factor)).toContain(
      "Migrant workers 70 % at dongguan  plant 1",
    );

    // Each row's problems, by line, in the report to fix and re-upload.
    const errors = db()
      .select({ line: importRowErrors.line, message: importRowErrors.message })
      .from(importRowErrors)
      .where(eq(importRowErrors.jobId, jobId))
      .all();
    expect(errors.map((e) => e.line)).toEqual([4, 5, 6, 7]);
    const report = await text(importErrorsCsv(ctx(), jobId, "sites").body);
    expect(report).toContain('S-9;Ghost Mill;Vietnam;;;;;;"line 5: No supplier has the reference ""S-9""');

    // One audit row per site written and one for the import, in the same transaction.
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .all()
      .map((a) => a.action);
    expect(actions.filter((a) => a === "site.created")).toHaveLength(2);
    expect(actions.filter((a) => a === "site.updated")).toHaveLength(1);
    expect(actions).toContain("import.sites_committed");

    const done = await getSiteImport(ctx(), jobId);
    expect(done).toMatchObject({ status: "done", createdCount: 2, updatedCount: 1, errorCount: 4 });
    await expect(commitSiteImport(ctx(), { jobId, form: siteMappingForm(job.mapping) })).rejects.toThrow(
      ConflictError,
    );
  });

  it("re-importing the same file changes nothing and rescores no one; the mapping is remembered", async () => {
    const jobId = await uploadSitesCsv(ctx(), FILE, "sites-again.csv");
    const job = await getSiteImport(ctx(), jobId);
    expect(job.preview[0].action).toBe("update");
    const before = riskHistory(db(), ctx(), tannery.id).length;
    const result = await commitSiteImport(ctx(), { jobId, form: siteMappingForm(job.mapping) });
    // Row 2 renames the site back to its spelling, row 3 again: the file's last word stands.
    expect(result.created).toBe(0);
    expect(result.errors).toBe(4);
    expect(riskHistory(db(), ctx(), tannery.id).length).toBe(before);
  });

  it("refuses a mapping without the required columns with field errors, and keeps the draft", async () => {
    const jobId = await uploadSitesCsv(ctx(), "site,land\nA,VN\n", "partial.csv");
    const job = await getSiteImport(ctx(), jobId);
    saveSiteMapping(ctx(), { jobId, form: siteMappingForm({ site_name: 0, country: 1 }) });
    const err = await commitSiteImport(ctx(), {
      jobId,
      form: siteMappingForm({ site_name: 0, country: 1 }),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({
      supplier_ref: "Choose the column that holds the supplier reference (external ref).",
    });
    expect((await getSiteImport(ctx(), jobId)).status).toBe(job.status);
  });

  it("another organisation's import is not found", async () => {
    const jobId = await uploadSitesCsv(ctx(), FILE, "mine.csv");
    await expect(getSiteImport(other.members.procurement.ctx, jobId)).rejects.toThrow(NotFoundError);
    await expect(
      commitSiteImport(other.members.procurement.ctx, { jobId, form: siteMappingForm({}) }),
    ).rejects.toThrow(NotFoundError);
    expect(
      db()
        .select()
        .from(sites)
        .where(and(eq(sites.organizationId, other.id)))
        .all(),
    ).toEqual([]);
  });

  it("refuses a file too large for one transaction, and a header with no rows", async () => {
    const big = [
      "supplier_ref,site,country",
      ...Array.from({ length: 20_001 }, (_, i) => `S-1,Site ${i},CN`),
    ];
    await expect(uploadSitesCsv(ctx(), big.join("\n"))).rejects.toThrow(/up to 20,000 rows/);
    await expect(uploadSitesCsv(ctx(), "supplier_ref,site,country\n")).rejects.toThrow(
      "The file has a header row but no sites below it.",
    );
  });
});
