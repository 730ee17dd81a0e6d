import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError } from "~/infra/errors";
import { hasPoppler, PDFTOPPM, pdfText, popplerSkipReason } from "~/infra/pdf/poppler.testing";
import { loader as shortLoader } from "~/routes/r.$code.$lang";
import { loader as posterLoader } from "~/routes/suppliers_.$supplierId.sites_.$siteId.poster[.]pdf";
import { createSite } from "~/suppliers/sites.server";
import { grievanceReportLinks } from "~db/schema";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { defaultPosterLanguages } from "./poster-languages";
import { posterPlan, reportLinkTarget, sitePosterPdf, type QrPlacement } from "./poster.server";

const DPI = 150;

/** Page `page` of a PDF as an 8-bit grey raster (pdftoppm's PGM output). */
function greyRaster(bytes: Uint8Array, page: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "poster-"));
  fs.writeFileSync(path.join(dir, "p.pdf"), bytes);
  const prefix = path.join(dir, "page");
  execFileSync(
    PDFTOPPM,
    ["-gray", "-r", String(DPI), "-f", String(page), "-l", String(page), "-singlefile"].concat([
      path.join(dir, "p.pdf"),
      prefix,
    ]),
  );
  const pgm = fs.readFileSync(`${prefix}.pgm`);
  // Header: "P5\n<w> <h>\n255\n", then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("not a PGM");
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  return { w, h, at: (x: number, y: number) => pixels[Math.round(y) * w + Math.round(x)] };
}

/**
 * Read the QR modules back from the printed page: sample the centre of every module the placement says
 * is there, dark (< 128) or light. Compared with an independent `QRCode.create(url)`, this fails if the
 * code is drawn mirrored, shifted, at the wrong size or for another text.
 */
function readModules(bytes: Uint8Array, page: number, qr: QrPlacement, pageHeightPt: number): boolean[][] {
  const raster = greyRaster(bytes, page);
  const scale = DPI / 72;
  const rows: boolean[][] = [];
  for (let r = 0; r < qr.modules; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < qr.modules; c++) {
      const xPt = qr.left + (c + 0.5) * qr.moduleSize;
      const yPt = qr.top - (r + 0.5) * qr.moduleSize;
      row.push(raster.at(xPt * scale, (pageHeightPt - yPt) * scale) < 128);
    }
    rows.push(row);
  }
  return rows;
}

function expectedModules(url: string): boolean[][] {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  return Array.from({ length: modules.size }, (_, r) =>
    Array.from({ length: modules.size }, (_, c) => !!modules.get(r, c)),
  );
}

async function siteIn(country: string) {
  const org = await createOrg({ name: "Poster Buyer Ltd" });
  const supplier = insertSupplier(org.id, { country });
  const site = createSite(org.members.admin.ctx, supplier.id, { name: "Gazipur Knit Unit 2", country });
  return { org, supplier, site };
}

describe("site poster", () => {
  it("every new site gets a short code (by trigger), which leads to its report page in a language", async () => {
    const { org, site } = await siteIn("BD");
    const link = db()
      .select()
      .from(grievanceReportLinks)
      .where(eq(grievanceReportLinks.siteId, site.id))
      .get();
    expect(link?.code).toMatch(/^[0-9a-f]{12}$/);
    expect(link?.organizationId).toBe(org.id);
    expect(reportLinkTarget(link!.code, "bn")).toBe(`/report/${org.id}/site/${site.id}?lang=bn`);
    expect(reportLinkTarget(link!.code, "xx")).toBe(`/report/${org.id}/site/${site.id}`);
    expect(() => reportLinkTarget("000000000000", "bn")).toThrow(NotFoundError);
    expect(() => reportLinkTarget("'; drop table", "bn")).toThrow(NotFoundError);

    // The public short route redirects without a cookie and sends no referrer to other sites.
    const res = (await shortLoader({
      request: new Request(`http://localhost:3000/r/${link!.code.toUpperCase()}/bn`),
      params: { code: link!.code.toUpperCase(), lang: "bn" },
      context: {},
    }).catch((r: unknown) => r)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/report/${org.id}/site/${site.id}?lang=bn`);
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(res.headers.get("Referrer-Policy")).toBe("same-origin");
  });

  it("defaults to the country's worker languages, and never prints a script it has no font for", () => {
    expect(defaultPosterLanguages("TH")).toEqual(["th", "my", "km", "en"]);
    expect(defaultPosterLanguages("tr")).toEqual(["tr", "ar", "en"]);
    expect(defaultPosterLanguages("ZZ")).toEqual(["en"]);
    // Bengali and Thai need fonts the PDFs do not embed yet; Arabic and Chinese are covered.
    expect(posterPlan("BD")).toEqual({ languages: ["en"], unprintable: ["bn"] });
    expect(posterPlan("TR")).toEqual({ languages: ["tr", "ar", "en"], unprintable: [] });
    expect(posterPlan("CN", ["zh-Hans", "th"])).toEqual({ languages: ["zh-Hans"], unprintable: ["th"] });
  });

  it.skipIf(!hasPoppler)(
    "prints one page per language with the short address, the sentences, and a QR code of that address",
    async () => {
      const { org, supplier, site } = await siteIn("TR");
      const poster = await sitePosterPdf(org.members.procurement.ctx, {
        supplierId: supplier.id,
        siteId: site.id,
      });
      expect(poster.pages.map((p) => p.lang)).toEqual(["tr", "ar", "en"]);
      const code = db()
        .select()
        .from(grievanceReportLinks)
        .where(eq(grievanceReportLinks.siteId, site.id))
        .get()!.code;
      const host = env().publicOrigin.replace(/^https?:\/\//, "");
      // pdftotext marks right-to-left runs with embedding controls (U+202A–U+202E); read past them.
      const text = pdfText(poster.bytes).replace(/[\u202a-\u202e]/g, "");
      for (const lang of ["tr", "ar", "en"]) {
        expect(poster.pages.find((p) => p.lang === lang)?.url).toBe(
          `${env().publicOrigin}/r/${code}/${lang}`,
        );
        expect(text).toContain(`${host}/r/${code}/${lang}`);
      }
      expect(text).toContain("Report a problem at work");
      expect(text).toContain("You do not have to give your name.");
      expect(text).toContain("receipt code");
      expect(text).toContain("İşyerindeki bir sorunu bildirin");
      expect(text).toContain("Adınızı vermek zorunda değilsiniz.");
      // (A phrase without the lam-alef ligature, which pdftotext extracts with its letters swapped.)
      expect(text).toContain("امسح الرمز بكاميرا هاتفك");
      expect(text).toContain("Poster Buyer Ltd");
      expect(text).toContain("Gazipur Knit Unit 2");
      expect(text).not.toMatch(/Page \d of/);

      const pageHeight = 841.89;
      poster.pages.forEach((p, i) => {
        expect(readModules(poster.bytes, i + 1, p.qr, pageHeight)).toEqual(expectedModules(p.url));
        // And not merely equal to any QR code: another page's address reads differently.
        if (i > 0)
          expect(readModules(poster.bytes, i + 1, p.qr, pageHeight)).not.toEqual(
            expectedModules(poster.pages[0].url),
          );
      });
    },
  );
  if (!hasPoppler) it.skip(popplerSkipReason, () => {});

  it.skipIf(!hasPoppler)("a site without a short code prints its full address", async () => {
    const { org, supplier, site } = await siteIn("ES");
    db().delete(grievanceReportLinks).where(eq(grievanceReportLinks.siteId, site.id)).run();
    const poster = await sitePosterPdf(
      org.members.auditor.ctx,
      { supplierId: supplier.id, siteId: site.id },
      ["es"],
    );
    const url = `${env().publicOrigin}/report/${org.id}/site/${site.id}?lang=es`;
    expect(poster.pages).toEqual([expect.objectContaining({ lang: "es", url })]);
    expect(pdfText(poster.bytes).replace(/\s+/g, "")).toContain(url.replace(/^https?:\/\//, ""));
    expect(readModules(poster.bytes, 1, poster.pages[0].qr, 841.89)).toEqual(expectedModules(url));
  });

  it("is tenant-isolated: another organisation's site, or another supplier's, is not found", async () => {
    const { org, supplier, site } = await siteIn("VN");
    const other = await createOrg();
    await expect(
      sitePosterPdf(other.members.admin.ctx, { supplierId: supplier.id, siteId: site.id }),
    ).rejects.toThrow(NotFoundError);
    const otherSupplier = insertSupplier(org.id);
    await expect(
      sitePosterPdf(org.members.admin.ctx, { supplierId: otherSupplier.id, siteId: site.id }),
    ).rejects.toThrow(NotFoundError);

    const url = `/suppliers/${supplier.id}/sites/${site.id}/poster.pdf?lang=vi&lang=en&lang=zz`;
    const call = (member: { cookie: string }) =>
      posterLoader({
        request: requestAs(member, url),
        params: { supplierId: supplier.id, siteId: site.id },
        context: {},
      }).catch((r: unknown) => r as Response);
    const ok = await call(org.members.executive);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/pdf");
    const bytes = new Uint8Array(await ok.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const foreign = await call(other.members.admin);
    expect(foreign.status).toBe(404);
  });
});
