import { and, eq } from "drizzle-orm";
import { rgb, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { nowOf, type Ctx } from "~/infra/context";
import { db, type DbOrTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { NotFoundError } from "~/infra/errors";
import { COLORS, PdfDocumentBuilder } from "~/infra/pdf/document.server";
import { fontsCover } from "~/infra/pdf/fonts.server";
import { grievanceReportLinks, organizations, sites } from "~db/schema";
import { intakeTranslator } from "./intake-i18n.server";
import {
  directionOf,
  INTAKE_LANGUAGES,
  intakeLanguageName,
  isIntakeLanguage,
  type IntakeLanguage,
} from "./languages";
import { POSTER_MESSAGES, posterTranslator } from "./poster-i18n.server";
import { defaultPosterLanguages } from "./poster-languages";

/**
 * A site's poster: one A4 page per language with the page title, the organisation and workplace, a QR
 * code and the short address (`/r/<code>/<lang>`, which opens the site's report page in that language),
 * and three plain sentences (how to report, that it is anonymous, what the receipt code is for).
 * Generated on request and never stored; reading it writes nothing (the short code exists from the
 * site's creation, see `grievanceReportLinks`).
 */

export type PosterSite = {
  organisation: string;
  siteId: string;
  siteName: string;
  country: string;
  /** The short code of the site's address, or null (its code collided): the full address is printed. */
  code: string | null;
};

/** One site of the tenant's supplier, with its short code; anyone else's site is "not found". */
export function posterSite(ctx: Ctx, supplierId: string, siteId: string, tx: DbOrTx = db()): PosterSite {
  const row = tx
    .select({
      organisation: organizations.name,
      siteId: sites.id,
      siteName: sites.name,
      country: sites.country,
      code: grievanceReportLinks.code,
    })
    .from(sites)
    .innerJoin(organizations, eq(organizations.id, sites.organizationId))
    .leftJoin(grievanceReportLinks, eq(grievanceReportLinks.siteId, sites.id))
    .where(
      and(
        eq(sites.id, siteId),
        eq(sites.supplierId, supplierId),
        eq(sites.organizationId, ctx.organizationId),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("Site not found.");
  return row;
}

/** The address a poster page prints and encodes in its QR code. */
export function posterUrl(ctx: Ctx, site: PosterSite, lang: IntakeLanguage): string {
  const origin = env().publicOrigin;
  return site.code
    ? `${origin}/r/${site.code}/${lang}`
    : `${origin}/report/${ctx.organizationId}/site/${site.siteId}?lang=${encodeURIComponent(lang)}`;
}

/**
 * Whether a language's poster can be printed with the fonts the PDFs embed (DejaVu Sans and Noto Sans
 * SC cover Latin, Vietnamese, Turkish, Chinese and Arabic; Bengali, Devanagari, Myanmar, Khmer and Thai
 * need fonts that are not installed). A poster never prints a language as empty boxes: it leaves it out
 * and says so.
 */
export function posterPrintable(lang: IntakeLanguage): boolean {
  const t = intakeTranslator(lang);
  return [...Object.values(POSTER_MESSAGES[lang]), t("page.title"), t("page.site", { site: "" })].every((s) =>
    fontsCover(s),
  );
}

export type PosterPlan = { languages: IntakeLanguage[]; unprintable: IntakeLanguage[] };

/** Which of the wanted languages (default: the site country's) the poster prints, and which it cannot. */
export function posterPlan(country: string, wanted: readonly IntakeLanguage[] = []): PosterPlan {
  const langs = wanted.length ? wanted : defaultPosterLanguages(country);
  return {
    languages: langs.filter(posterPrintable),
    unprintable: langs.filter((l) => !posterPrintable(l)),
  };
}

/**
 * The site page's "Poster PDF" link for a site and what it will print: the languages by name, and a
 * sentence naming those it cannot print, so nobody hangs up a poster believing it is in Bengali.
 */
export function posterLink(supplierId: string, site: { id: string; country: string }) {
  const plan = posterPlan(site.country);
  return {
    href: `/suppliers/${supplierId}/sites/${site.id}/poster.pdf`,
    languages: plan.languages.map(intakeLanguageName).join(", "),
    missing: plan.unprintable.length
      ? `Not printable yet (no font for the script installed): ${plan.unprintable.map(intakeLanguageName).join(", ")}.`
      : null,
  };
}

/** Where the QR symbol (quiet zone excluded) sits on its page: its top-left corner in points from the
 * page's bottom-left, the module size and the modules per side. For tests that read the code back. */
export type QrPlacement = { left: number; top: number; moduleSize: number; modules: number };

export type Poster = {
  bytes: Uint8Array;
  fileName: string;
  plan: PosterPlan;
  pages: { lang: IntakeLanguage; url: string; qr: QrPlacement }[];
};

const QR_SIZE = 210;

export async function sitePosterPdf(
  ctx: Ctx,
  place: { supplierId: string; siteId: string },
  wanted: readonly IntakeLanguage[] = [],
): Promise<Poster> {
  const site = posterSite(ctx, place.supplierId, place.siteId);
  const plan = posterPlan(site.country, wanted);
  // Always a page: when none of the wanted languages can be printed, English (the page offers all).
  const languages = plan.languages.length ? plan.languages : (["en"] as IntakeLanguage[]);
  const builder = await PdfDocumentBuilder.create({
    title: `Report a problem at work · ${site.siteName}`,
    now: nowOf(ctx),
    pageNumbers: false,
    margins: { top: 48, bottom: 40 },
  });
  const pages: Poster["pages"] = [];
  languages.forEach((lang, i) => {
    if (i > 0) builder.addPage();
    const url = posterUrl(ctx, site, lang);
    pages.push({ lang, url, qr: drawPage(builder, site, lang, url) });
  });
  const bytes = await builder.finish();
  return { bytes, fileName: `report-poster-${slug(site.siteName)}.pdf`, plan, pages };
}

function drawPage(builder: PdfDocumentBuilder, site: PosterSite, lang: IntakeLanguage, url: string) {
  const page = intakeTranslator(lang);
  const t = posterTranslator(lang);
  const center = { align: "center", direction: directionOf(lang) } as const;
  builder.paragraph(page("page.title"), {
    ...center,
    size: 28,
    face: "bold",
    lineHeight: 36,
    spaceAfter: 10,
  });
  builder.paragraph(site.organisation, { ...center, size: 15, face: "bold", spaceAfter: 2 });
  builder.paragraph(page("page.site", { site: site.siteName }), { ...center, size: 13, spaceAfter: 16 });
  builder.paragraph(t("how"), { ...center, size: 14, lineHeight: 20, spaceAfter: 10 });
  let placement: QrPlacement | undefined;
  builder.block(QR_SIZE + 12, (pdfPage, box) => {
    placement = drawQr(pdfPage, url, box.x + (box.width - QR_SIZE) / 2, box.top - QR_SIZE, QR_SIZE);
  });
  builder.paragraph(url.replace(/^https?:\/\//, ""), {
    align: "center",
    size: url.length > 60 ? 10 : 16,
    face: "bold",
    color: COLORS.accent,
    spaceAfter: 18,
  });
  for (const key of ["anonymous", "receipt", "anyLanguage"] as const) {
    builder.paragraph(t(key), { ...center, size: 13, lineHeight: 19, spaceAfter: 12 });
  }
  builder.paragraph(INTAKE_LANGUAGES.find((l) => l.code === lang)?.nativeName ?? lang, {
    ...center,
    size: 9,
    color: COLORS.muted,
    spaceAfter: 0,
  });
  return placement!;
}

/**
 * The QR code of `text` as filled squares (vector, so it prints sharp at any size), error correction
 * level M, in a square of `size` points whose bottom-left corner is (x, y). The square includes the
 * four-module quiet zone the standard asks for, left white.
 */
export function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): QrPlacement {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = modules.size;
  const moduleSize = size / (n + 8);
  const left = x + 4 * moduleSize;
  const top = y + size - 4 * moduleSize;
  for (let row = 0; row < n; row++) {
    // One rectangle per horizontal run of dark modules keeps the content stream small.
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      page.drawRectangle({
        x: left + start * moduleSize,
        y: top - (row + 1) * moduleSize,
        width: (col - start) * moduleSize,
        // A hair taller than a module so adjacent rows print without a seam.
        height: moduleSize + 0.05,
        color: rgb(0, 0, 0),
      });
    }
  }
  return { left, top, moduleSize, modules: n };
}

/**
 * Where a poster's short address leads: the site's report page, in the poster page's language. Public,
 * like the report pages; an unknown code is "not found".
 */
export function reportLinkTarget(code: string, lang: string | undefined): string {
  const row = /^[0-9a-f]{12}$/.test(code)
    ? db()
        .select({ orgId: grievanceReportLinks.organizationId, siteId: grievanceReportLinks.siteId })
        .from(grievanceReportLinks)
        .where(eq(grievanceReportLinks.code, code))
        .get()
    : undefined;
  if (!row) throw new NotFoundError("No reporting page here.");
  const query = lang && isIntakeLanguage(lang) ? `?lang=${encodeURIComponent(lang)}` : "";
  return `/report/${row.orgId}/site/${row.siteId}${query}`;
}

function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "site"
  );
}
