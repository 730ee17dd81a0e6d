import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { suppliers } from "~db/schema";
import { createOrg } from "../../test/factories";
import { createImportJob, getImportJob, saveImportMapping } from "./imports.server";
import { runImportJob } from "./runner.server";
import { mappingForm } from "./testing.server";
import { receiveImportUpload } from "./upload.server";
import { cellText, NOT_A_WORKBOOK } from "./xlsx.server";
import { buildXlsx, buildZip, type XlsxCell } from "./xlsx.testing";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function uploadForm(bytes: Uint8Array, fileName: string, fields: Record<string, string> = {}): Request {
  const form = new FormData();
  form.set("file", new File([Buffer.from(bytes)], fileName, { type: XLSX_TYPE }));
  // After the file, as a browser sends a field placed below the file input.
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return new Request("http://localhost:3000/imports", { method: "POST", body: form });
}

async function importFile(
  ctx: Ctx,
  bytes: Uint8Array,
  fileName: string,
  fields: Record<string, string> = {},
) {
  const received = await receiveImportUpload(uploadForm(bytes, fileName, fields));
  if (!received.ok) throw new Error(received.message);
  const { id } = await createImportJob(ctx, received.upload);
  const job = await getImportJob(ctx, id);
  saveImportMapping(ctx, { jobId: id, form: mappingForm(job.mapping), start: true });
  await runImportJob(id);
  return { job: await getImportJob(ctx, id), mappingJob: job, upload: received.upload };
}

async function refusal(bytes: Uint8Array, fileName = "book.xlsx", fields: Record<string, string> = {}) {
  const r = await receiveImportUpload(uploadForm(bytes, fileName, fields));
  return r.ok ? null : r.message;
}

const imported = (orgId: string) =>
  db()
    .select({
      externalRef: suppliers.externalRef,
      name: suppliers.name,
      tradeName: suppliers.tradeName,
      country: suppliers.country,
      goods: suppliers.goods,
      annualSpend: suppliers.annualSpend,
      currency: suppliers.currency,
      tags: suppliers.tags,
      contactEmail: suppliers.contactEmail,
      tier: suppliers.tier,
    })
    .from(suppliers)
    .where(eq(suppliers.organizationId, orgId))
    .orderBy(asc(suppliers.externalRef))
    .all();

const HEADER = [
  "Vendor ID",
  "Supplier Name",
  "Trade name",
  "Country",
  "Goods",
  "Spend",
  "Currency",
  "Tags",
  "Email",
  "Parent",
];
const ROWS: XlsxCell[][] = [
  [
    "V-1",
    "Saigon Spinning, Weaving Co.",
    "Saigon Spin",
    "Viet Nam",
    "cotton",
    1234.5,
    "eur",
    "tier-a",
    "Sales@Saigon.vn",
    null,
  ],
  // The spend is a formula: its cached value is read, never the formula text.
  [
    "V-2",
    "Ankara Tekstil A.Ş.",
    null,
    "Türkiye",
    "Cotton; Garments",
    { formula: "F2*2", cached: 2469 },
    "EUR",
    null,
    null,
    "V-1",
  ],
  [],
  ["V-3", "Abidjan Cocoa", "Cacao d'Abidjan", "Côte d'Ivoire", "Cocoa", 1e6, "XOF", null, null, null],
  [
    { formula: 'CONCAT("V-","4")', cached: "V-4" },
    "Leeds Mill",
    null,
    "UK",
    null,
    0.1,
    "GBP",
    "wool; uk",
    null,
    null,
  ],
];

/** The same table as its CSV twin, written as a person would type it. */
const CSV =
  `${HEADER.join(",")}\r\n` +
  'V-1,"Saigon Spinning, Weaving Co.",Saigon Spin,Viet Nam,cotton,1234.5,eur,tier-a,Sales@Saigon.vn,\r\n' +
  "V-2,Ankara Tekstil A.Ş.,,Türkiye,Cotton; Garments,2469,EUR,,,V-1\r\n" +
  "\r\n" +
  "V-3,Abidjan Cocoa,Cacao d'Abidjan,Côte d'Ivoire,Cocoa,1000000,XOF,,,\r\n" +
  "V-4,Leeds Mill,,UK,,0.1,GBP,wool; uk,,\r\n";

describe("XLSX import", () => {
  it("imports the same suppliers as the CSV twin, through the same mapping, preview and commit", async () => {
    const fromXlsx = await createOrg();
    const fromCsv = await createOrg();
    const xlsx = buildXlsx([{ name: "Suppliers", rows: [HEADER, ...ROWS], merges: ["H6:I6"] }]);
    const x = await importFile(fromXlsx.members.procurement.ctx, xlsx, "erp-export.xlsx");
    const c = await importFile(
      fromCsv.members.procurement.ctx,
      new TextEncoder().encode(CSV),
      "erp-export.csv",
    );

    expect(x.upload).toMatchObject({ fileName: "erp-export.xlsx", sheet: "Suppliers", approxRows: 5 });
    expect(x.mappingJob.headers).toEqual(c.mappingJob.headers);
    expect(x.mappingJob.mapping).toEqual(c.mappingJob.mapping);
    expect(x.mappingJob.preview.map((p) => p.mapped)).toEqual(c.mappingJob.preview.map((p) => p.mapped));
    expect(x.job).toMatchObject({ status: "done", totalRows: 4, createdCount: 4, errorCount: 0 });
    expect(c.job).toMatchObject({ status: "done", totalRows: 4, createdCount: 4, errorCount: 0 });
    expect(imported(fromXlsx.id)).toEqual(imported(fromCsv.id));
    expect(imported(fromXlsx.id)).toMatchObject([
      {
        externalRef: "V-1",
        name: "Saigon Spinning, Weaving Co.",
        country: "VN",
        annualSpend: 1234.5,
        currency: "EUR",
      },
      { externalRef: "V-2", annualSpend: 2469, tier: 2 },
      { externalRef: "V-3", tradeName: "Cacao d'Abidjan", country: "CI", annualSpend: 1000000 },
      { externalRef: "V-4", country: "GB", annualSpend: 0.1 },
    ]);
  });

  it("reads a chosen sheet by name or number, and names the sheets when the choice is not one", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const book = buildXlsx([
      { name: "Read me", rows: [["This workbook lists our vendors."]] },
      { name: "Vendors", rows: [HEADER, ["S-1", "Second Sheet Ltd", null, "India"]] },
    ]);
    const byName = await importFile(ctx, book, "book.xlsx", { sheet: "vendors" });
    expect(byName.upload.sheet).toBe("Vendors");
    expect(byName.job).toMatchObject({ createdCount: 1, errorCount: 0 });
    const byNumber = await receiveImportUpload(uploadForm(book, "book.xlsx", { sheet: "2" }));
    expect(byNumber.ok && byNumber.upload.sheet).toBe("Vendors");
    const first = await receiveImportUpload(uploadForm(book, "book.xlsx"));
    expect(first.ok && first.upload.sheet).toBe("Read me");
    expect(await refusal(book, "book.xlsx", { sheet: "Sheet9" })).toBe(
      "The workbook has no sheet “Sheet9”. Its sheets: “Read me”, “Vendors”.",
    );
  });

  it("refuses a ZIP that is not a workbook, a damaged one, and one past the limits, with the reason", async () => {
    expect(await refusal(buildZip({ "suppliers.csv": "a,b\n1,2\n" }), "suppliers.zip")).toBe(NOT_A_WORKBOOK);
    // A Word document is a ZIP with the OOXML parts too, but not a spreadsheet.
    const docx = buildXlsx([{ name: "S", rows: [["x"]] }], {
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    });
    expect(await refusal(docx, "letter.docx")).toBe(NOT_A_WORKBOOK);
    expect(await refusal(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]))).toMatch(/Excel workbook.*damaged/);
    expect(
      await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), "old.xls"),
    ).toMatch(/\.xls\b.*password-protected/);
    const big = buildXlsx([
      { name: "S", rows: [HEADER, ...Array.from({ length: 6 }, (_, i) => [`R-${i}`, "N", null, "FR"])] },
    ]);
    const tooMany = await receiveImportUpload(uploadForm(big, "big.xlsx"), { maxRows: 5 });
    expect(tooMany.ok ? null : tooMany.message).toMatch(/more than 5 rows/);
    const tooLarge = await receiveImportUpload(uploadForm(big, "big.xlsx"), { maxBytes: 200 });
    expect(tooLarge.ok ? null : tooLarge.message).toMatch(/larger than the/);
  });
});

describe("cellText", () => {
  it("writes cells as the CSV path reads them", () => {
    expect(cellText(null)).toBe("");
    expect(cellText("  text ")).toBe("  text ");
    expect(cellText(1234.5)).toBe("1234.5");
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1e21)).toBe("1000000000000000000000");
    expect(cellText(1e-7)).toBe("0.0000001");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(new Date("2026-03-01T00:00:00Z"))).toBe("2026-03-01");
    expect(cellText(new Date("2026-03-01T14:30:00Z"))).toBe("2026-03-01 14:30");
  });
});
