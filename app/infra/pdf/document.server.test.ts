import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { PdfDocumentBuilder } from "./document.server";
import { hasPoppler, pdfPagePng, pdfText, popplerSkipReason } from "./poppler.testing";

const NAMES = ["Łódź Tekstil Sanayi A.Ş.", "深圳市工厂", "Ярославль Текстиль ООО", "Công ty May Việt Nam"];

async function sampleDoc() {
  const b = await PdfDocumentBuilder.create({
    title: "Test",
    now: new Date("2026-01-01T00:00:00Z"),
    footerText: "Footer",
  });
  b.heading("Suppliers and 供应商", 1);
  b.paragraph(`Mixed text: ${NAMES.join(", ")}. `.repeat(3));
  b.table(
    [
      { header: "Supplier", width: 3 },
      { header: "Country", width: 1 },
      { header: "Tier", width: 1, align: "right" },
    ],
    NAMES.map((n, i) => [n, "TR", String(i + 1)]),
  );
  b.keyValueTable([{ label: "Organisation", value: "深圳市工厂 Holdings" }]);
  // Enough paragraphs to force several page breaks.
  for (let i = 0; i < 60; i++) b.paragraph(`Paragraph ${i} about due diligence in the supply chain.`);
  b.signatureFields([{ label: "Director", value: "Zoë Łukasiewicz" }, { label: "Date" }]);
  return b;
}

describe("PdfDocumentBuilder", () => {
  it("embeds subset fonts, breaks pages and numbers them", async () => {
    const b = await sampleDoc();
    expect(b.pageCount).toBeGreaterThan(1);
    const bytes = await b.finish({ watermark: "DRAFT — not approved" });
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe("%PDF-");
    // Subsetting keeps a 10 MB CJK font from bloating the file.
    expect(bytes.length).toBeLessThan(200_000);
  });

  it.skipIf(!hasPoppler)(
    "renders Polish, Turkish, Cyrillic, Vietnamese and Chinese text extractably",
    async () => {
      const bytes = await (await sampleDoc()).finish({ watermark: "DRAFT", banner: "DRAFT — not approved" });
      const text = pdfText(bytes);
      for (const name of NAMES) expect(text).toContain(name);
      expect(text).toContain("Page 1 of");
      expect(text).toContain("DRAFT — not approved");
      const png = pdfPagePng(bytes);
      expect(fs.statSync(png).size).toBeGreaterThan(1000);
      if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, bytes);
    },
  );

  it.skipIf(hasPoppler)(popplerSkipReason, () => {});
});
