import { degrees, PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";
import { pdfFontkit } from "./fontkit-adapter";
import { fontChain, type FontFace } from "./fonts.server";
import { cleanText, rtlVisualOrder, splitRuns, wrapText } from "./text";

/**
 * A small flowing-document builder over pdf-lib: a cursor moves down the page, and headings, wrapped
 * paragraphs and tables break onto new pages by themselves. All text, including user text, goes through
 * `drawText` with embedded TTF fonts (hex-encoded glyph ids), never into raw PDF strings or link URIs.
 * pdf-lib's origin is bottom-left, so `y` is the baseline measured from the bottom of the page.
 */

export const A4: [number, number] = [595.28, 841.89];

export const COLORS = {
  text: rgb(0.12, 0.14, 0.18),
  muted: rgb(0.4, 0.44, 0.5),
  rule: rgb(0.8, 0.82, 0.86),
  headerFill: rgb(0.94, 0.95, 0.97),
  accent: rgb(0.05, 0.3, 0.55),
  danger: rgb(0.75, 0.1, 0.1),
};

type Margins = { top: number; right: number; bottom: number; left: number };

type FontSet = { fonts: PDFFont[]; charsets: Set<number>[] };

/** The code points each font file covers, built once per file (font data only, shared by every PDF). */
const charsetCache = new WeakMap<Uint8Array, Set<number>>();
function charsetOf(bytes: Uint8Array, font: PDFFont): Set<number> {
  let set = charsetCache.get(bytes);
  if (!set) {
    set = new Set(font.getCharacterSet());
    charsetCache.set(bytes, set);
  }
  return set;
}

export type TextOptions = {
  size?: number;
  face?: FontFace;
  color?: RGB;
  /** Extra left indent in points. */
  indent?: number;
  lineHeight?: number;
  spaceAfter?: number;
  /** Line alignment within the content width (default left; right for a right-to-left paragraph). */
  align?: "left" | "center" | "right";
  /** A right-to-left paragraph (a page in Arabic): runs are ordered by `rtlVisualOrder`. */
  direction?: "ltr" | "rtl";
};

export type TableColumn = { header: string; width: number; align?: "left" | "right" };

export type BuilderOptions = {
  /** Document-info title; keep it to text the app composes (it is stored in the PDF's info dictionary). */
  title: string;
  now: Date;
  pageSize?: [number, number];
  margins?: Partial<Margins>;
  /** Printed at the bottom left of every page, beside "Page n of m". */
  footerText?: string;
  /** Printed at the top left of every page (e.g. the law a statement is made under). */
  headerText?: string;
  /** "Page n of m" at the bottom right of every page (default true; a poster has none). */
  pageNumbers?: boolean;
};

export class PdfDocumentBuilder {
  private page!: PDFPage;
  private y = 0;
  private readonly widthCache = new Map<string, number>();
  private readonly pageFonts = new WeakMap<PDFPage, PDFFont>();

  private constructor(
    readonly doc: PDFDocument,
    private readonly faces: Record<FontFace, FontSet>,
    private readonly pageSize: [number, number],
    private readonly margins: Margins,
    private readonly footerText: string | undefined,
    private readonly headerText: string | undefined,
    private readonly pageNumbers: boolean,
  ) {
    this.addPage();
  }

  static async create(opts: BuilderOptions): Promise<PdfDocumentBuilder> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(pdfFontkit as unknown as Parameters<PDFDocument["registerFontkit"]>[0]);
    doc.setTitle(opts.title);
    doc.setProducer("Clearsource");
    doc.setCreator("Clearsource");
    doc.setCreationDate(opts.now);
    doc.setModificationDate(opts.now);
    const faces = {} as Record<FontFace, FontSet>;
    for (const face of ["regular", "bold"] as const) {
      const fonts: PDFFont[] = [];
      const charsets: Set<number>[] = [];
      for (const bytes of fontChain(face)) {
        const font = await doc.embedFont(bytes, { subset: true });
        fonts.push(font);
        charsets.push(charsetOf(bytes, font));
      }
      faces[face] = { fonts, charsets };
    }
    const margins = { top: 56, right: 56, bottom: 64, left: 56, ...opts.margins };
    return new PdfDocumentBuilder(
      doc,
      faces,
      opts.pageSize ?? A4,
      margins,
      opts.footerText,
      opts.headerText,
      opts.pageNumbers ?? true,
    );
  }

  get contentWidth(): number {
    return this.pageSize[0] - this.margins.left - this.margins.right;
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  /** Width of text at a size, summed over its font runs. Cached: pdf-lib runs full layout per call. */
  measure(text: string, face: FontFace = "regular", size = 10): number {
    const key = `${face}\u0000${size}\u0000${text}`;
    let width = this.widthCache.get(key);
    if (width === undefined) {
      const set = this.faces[face];
      width = 0;
      for (const run of this.runs(text, face))
        width += set.fonts[run.fontIndex].widthOfTextAtSize(run.text, size);
      this.widthCache.set(key, width);
    }
    return width;
  }

  /**
   * Reserve `height` points (on a new page if they do not fit) and hand the page and the block's top-left
   * corner to `draw`, for graphics the builder has no primitive for (a QR code). The cursor moves below.
   */
  block(height: number, draw: (page: PDFPage, box: { x: number; top: number; width: number }) => void): void {
    this.ensureSpace(height);
    draw(this.page, { x: this.margins.left, top: this.y, width: this.contentWidth });
    this.y -= height;
  }

  wrap(text: string, maxWidth: number, face: FontFace = "regular", size = 10): string[] {
    return wrapText(text, maxWidth, (s) => this.measure(s, face, size));
  }

  addPage(): void {
    this.page = this.doc.addPage(this.pageSize);
    this.y = this.pageSize[1] - this.margins.top;
  }

  /** Points left on the current page above the bottom margin. */
  get remaining(): number {
    return this.y - this.margins.bottom;
  }

  /** The height `paragraph(text, opts)` will take, so callers can keep blocks on one page. */
  paragraphHeight(text: string, opts: TextOptions = {}): number {
    const size = opts.size ?? 10;
    const lineHeight = opts.lineHeight ?? size * 1.45;
    const lines = this.wrap(text, this.contentWidth - (opts.indent ?? 0), opts.face ?? "regular", size);
    return lines.length * lineHeight + (opts.spaceAfter ?? 6);
  }

  /** The height of one `signatureFields` row. */
  static readonly SIGNATURE_ROW_HEIGHT = 70;

  /** Start a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y - height < this.margins.bottom) this.addPage();
  }

  spacer(height: number): void {
    this.y -= height;
    if (this.y < this.margins.bottom) this.addPage();
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 20 : level === 2 ? 13.5 : 11;
    const lineHeight = size * 1.3;
    const lines = this.wrap(text, this.contentWidth, "bold", size);
    const before = level === 1 ? 0 : level === 2 ? 14 : 8;
    // Keep a heading with at least a few lines of what follows it.
    this.ensureSpace(before + lines.length * lineHeight + 40);
    if (this.y < this.pageSize[1] - this.margins.top) this.y -= before;
    for (const line of lines) {
      this.y -= size;
      this.drawLine(line, this.margins.left, this.y, "bold", size, level === 1 ? COLORS.text : COLORS.accent);
      this.y -= lineHeight - size;
    }
    this.y -= level === 1 ? 6 : 4;
  }

  paragraph(text: string, opts: TextOptions = {}): void {
    const size = opts.size ?? 10;
    const face = opts.face ?? "regular";
    const lineHeight = opts.lineHeight ?? size * 1.45;
    const indent = opts.indent ?? 0;
    const lines = this.wrap(text, this.contentWidth - indent, face, size);
    for (const line of lines) {
      this.ensureSpace(lineHeight);
      this.y -= size;
      const align = opts.align ?? (opts.direction === "rtl" ? "right" : "left");
      const slack = this.contentWidth - indent - this.measure(line, face, size);
      const x = this.margins.left + indent + (align === "center" ? slack / 2 : align === "right" ? slack : 0);
      if (line)
        this.drawLineOn(this.page, line, x, this.y, face, size, opts.color ?? COLORS.text, {
          rtl: opts.direction === "rtl",
        });
      this.y -= lineHeight - size;
    }
    this.y -= opts.spaceAfter ?? 6;
  }

  rule(color: RGB = COLORS.rule): void {
    this.ensureSpace(8);
    this.y -= 4;
    this.page.drawLine({
      start: { x: this.margins.left, y: this.y },
      end: { x: this.pageSize[0] - this.margins.right, y: this.y },
      thickness: 0.6,
      color,
    });
    this.y -= 6;
  }

  /** A bordered box with a bold first line and optional body: notices such as a draft warning. */
  callout(title: string, body?: string, color: RGB = COLORS.danger): void {
    const pad = 8;
    const width = this.contentWidth - 2 * pad;
    const titleLines = this.wrap(title, width, "bold", 11);
    const bodyLines = body ? this.wrap(body, width, "regular", 9) : [];
    const height = pad * 2 + titleLines.length * 15 + bodyLines.length * 13;
    this.ensureSpace(height + 6);
    const top = this.y;
    this.page.drawRectangle({
      x: this.margins.left,
      y: top - height,
      width: this.contentWidth,
      height,
      borderColor: color,
      borderWidth: 1,
    });
    let y = top - pad;
    for (const line of titleLines) {
      y -= 11;
      this.drawLine(line, this.margins.left + pad, y, "bold", 11, color);
      y -= 4;
    }
    for (const line of bodyLines) {
      y -= 9;
      this.drawLine(line, this.margins.left + pad, y, "regular", 9, COLORS.text);
      y -= 4;
    }
    this.y = top - height - 10;
  }

  /** Two-column label/value rows, e.g. an identification block. */
  keyValueTable(
    rows: { label: string; value: string }[],
    opts: { labelWidth?: number; size?: number } = {},
  ): void {
    const size = opts.size ?? 10;
    const labelWidth = opts.labelWidth ?? Math.min(180, this.contentWidth * 0.35);
    const gap = 10;
    const valueWidth = this.contentWidth - labelWidth - gap;
    const lineHeight = size * 1.4;
    for (const row of rows) {
      const labelLines = this.wrap(row.label, labelWidth, "bold", size);
      const valueLines = this.wrap(row.value || "—", valueWidth, "regular", size);
      const height = Math.max(labelLines.length, valueLines.length) * lineHeight + 4;
      this.ensureSpace(height);
      let y = this.y;
      for (const line of labelLines) {
        this.drawLine(line, this.margins.left, y - size, "bold", size, COLORS.muted);
        y -= lineHeight;
      }
      y = this.y;
      for (const line of valueLines) {
        this.drawLine(line, this.margins.left + labelWidth + gap, y - size, "regular", size, COLORS.text);
        y -= lineHeight;
      }
      this.y -= height;
    }
    this.y -= 6;
  }

  /**
   * A table with a shaded header row, wrapped cells and rows that move whole to the next page (where the
   * header is repeated). Column widths are relative weights.
   */
  table(columns: TableColumn[], rows: string[][], opts: { size?: number; emptyText?: string } = {}): void {
    const size = opts.size ?? 9;
    const pad = 4;
    const lineHeight = size * 1.35;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.contentWidth);
    const layoutRow = (cells: string[], face: FontFace) =>
      cells.map((cell, i) => this.wrap(cell ?? "", widths[i] - 2 * pad, face, size));
    const rowHeight = (lines: string[][]) =>
      Math.max(1, ...lines.map((l) => l.length)) * lineHeight + 2 * pad;

    const header = layoutRow(
      columns.map((c) => c.header),
      "bold",
    );
    const headerHeight = rowHeight(header);
    const drawRow = (lines: string[][], face: FontFace, height: number, fill?: RGB) => {
      if (fill) {
        this.page.drawRectangle({
          x: this.margins.left,
          y: this.y - height,
          width: this.contentWidth,
          height,
          color: fill,
        });
      }
      let x = this.margins.left;
      lines.forEach((cellLines, i) => {
        let y = this.y - pad - size;
        for (const line of cellLines) {
          const lineX =
            columns[i].align === "right" ? x + widths[i] - pad - this.measure(line, face, size) : x + pad;
          this.drawLine(line, lineX, y, face, size, COLORS.text);
          y -= lineHeight;
        }
        x += widths[i];
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: this.margins.left, y: this.y },
        end: { x: this.margins.left + this.contentWidth, y: this.y },
        thickness: 0.5,
        color: COLORS.rule,
      });
    };

    const body =
      rows.length > 0 ? rows : [[opts.emptyText ?? "None recorded.", ...columns.slice(1).map(() => "")]];
    const firstHeight = rowHeight(layoutRow(body[0], "regular"));
    this.ensureSpace(headerHeight + firstHeight);
    drawRow(header, "bold", headerHeight, COLORS.headerFill);
    for (const row of body) {
      const lines = layoutRow(row, "regular");
      const height = rowHeight(lines);
      if (this.y - height < this.margins.bottom) {
        this.addPage();
        drawRow(header, "bold", headerHeight, COLORS.headerFill);
      }
      drawRow(lines, "regular", height);
    }
    this.y -= 10;
  }

  /** Signature fields side by side: the value (if any) written above a line, the label beneath it. */
  signatureFields(fields: { label: string; value?: string }[]): void {
    const gap = 24;
    const width = (this.contentWidth - gap * (fields.length - 1)) / fields.length;
    this.ensureSpace(70);
    const lineY = this.y - 44;
    fields.forEach((field, i) => {
      const x = this.margins.left + i * (width + gap);
      if (field.value) {
        const [first] = this.wrap(field.value, width, "regular", 10);
        this.drawLine(first ?? "", x, lineY + 6, "regular", 10, COLORS.text);
      }
      this.page.drawLine({
        start: { x, y: lineY },
        end: { x: x + width, y: lineY },
        thickness: 0.8,
        color: COLORS.text,
      });
      this.drawLine(field.label, x, lineY - 12, "regular", 8.5, COLORS.muted);
    });
    this.y = lineY - 26;
  }

  /** Footer with page numbers on every page, an optional diagonal watermark, then the PDF bytes. */
  async finish(opts: { watermark?: string; banner?: string } = {}): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const [w, h] = [page.getWidth(), page.getHeight()];
      const footerY = this.margins.bottom / 2 - 4;
      const pageLabel = this.pageNumbers ? `Page ${i + 1} of ${pages.length}` : "";
      if (pageLabel)
        this.drawLineOn(
          page,
          pageLabel,
          w - this.margins.right - this.measure(pageLabel, "regular", 8),
          footerY,
          "regular",
          8,
          COLORS.muted,
        );
      if (this.footerText) {
        const maxWidth = this.contentWidth - this.measure(pageLabel, "regular", 8) - 20;
        const [first] = this.wrap(this.footerText, maxWidth, "regular", 8);
        this.drawLineOn(page, first ?? "", this.margins.left, footerY, "regular", 8, COLORS.muted);
      }
      if (this.headerText) {
        const [first] = this.wrap(this.headerText, this.contentWidth, "regular", 7.5);
        this.drawLineOn(page, first ?? "", this.margins.left, h - 24, "regular", 7.5, COLORS.muted);
      }
      if (opts.banner) {
        const size = 9;
        const x = (w - this.measure(opts.banner, "bold", size)) / 2;
        this.drawLineOn(page, opts.banner, x, h - this.margins.top / 2 - 10, "bold", size, COLORS.danger);
      }
      if (opts.watermark) {
        const size = 54;
        const width = this.measure(opts.watermark, "bold", size);
        const angle = (35 * Math.PI) / 180;
        // Centre the rotated baseline on the page centre.
        const x = w / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size) / 3;
        const y = h / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size) / 3;
        this.drawLineOn(page, opts.watermark, x, y, "bold", size, COLORS.danger, {
          rotate: 35,
          opacity: 0.12,
        });
      }
    });
    return this.doc.save();
  }

  private runs(text: string, face: FontFace) {
    const set = this.faces[face];
    return splitRuns(
      cleanText(text).replace(/\n/g, " "),
      set.charsets.map((chars) => (cp: number) => chars.has(cp)),
    );
  }

  private drawLine(text: string, x: number, y: number, face: FontFace, size: number, color: RGB): void {
    this.drawLineOn(this.page, text, x, y, face, size, color);
  }

  /** Draw one line, switching font per run; rotated runs advance along the rotated baseline. */
  private drawLineOn(
    page: PDFPage,
    text: string,
    x: number,
    y: number,
    face: FontFace,
    size: number,
    color: RGB,
    extra: { rotate?: number; opacity?: number; rtl?: boolean } = {},
  ): void {
    const set = this.faces[face];
    const angle = ((extra.rotate ?? 0) * Math.PI) / 180;
    let advance = 0;
    const runs = this.runs(text, face);
    for (const run of extra.rtl ? rtlVisualOrder(runs) : runs) {
      const font = set.fonts[run.fontIndex];
      // pdf-lib's drawText({ font }) adds two new entries to the page's font resources on every call
      // (thousands per statement, each serialised); set the page's font only when it changes instead.
      if (this.pageFonts.get(page) !== font) {
        page.setFont(font);
        this.pageFonts.set(page, font);
      }
      page.drawText(run.text, {
        x: x + Math.cos(angle) * advance,
        y: y + Math.sin(angle) * advance,
        size,
        color,
        rotate: extra.rotate ? degrees(extra.rotate) : undefined,
        opacity: extra.opacity,
      });
      advance += this.measure(run.text, face, size);
    }
  }
}
