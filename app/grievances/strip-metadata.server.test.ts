import { crc32, deflateSync, inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { stripJpeg, stripPdf, stripPng, stripWebp, UnreadableFile } from "./strip-metadata.server";

const ascii = (s: string) => Buffer.from(s, "latin1");
const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "latin1"));

/** EXIF as a phone writes it, reduced to what matters here: GPS, make, model, serial, owner. */
const EXIF = segment(
  0xe1,
  ascii(
    "Exif\0\0MM\0*GPSLatitude 23.8103N GPSLongitude 90.4125E Make Apple Model iPhone 14 SerialNumber F2LX OwnerName Rahim",
  ),
);
const XMP = segment(
  0xe1,
  ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Rahim</dc:creator></x:xmpmeta>"),
);
const IPTC = segment(0xed, ascii("Photoshop 3.0\x008BIM\x04\x04 By-line Rahim City Dhaka"));
const JFIF = segment(0xe0, ascii("JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
const ICC = segment(0xe2, ascii("ICC_PROFILE\0\x01\x01sRGB-profile-bytes"));
const COMMENT = segment(0xfe, ascii("Taken by Rahim at Dhaka EPZ"));
const DQT = segment(0xdb, Buffer.alloc(65, 1));
const SOF = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
const DHT = segment(0xc4, Buffer.alloc(20, 2));
const SOS_HEADER = segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
// Entropy-coded data with a stuffed 0xFF00 and a restart marker, which belong to the scan.
const SCAN = Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56, 0x78]);
const jpeg = (...parts: Buffer[]) => Buffer.concat([Buffer.from([0xff, 0xd8]), ...parts]);
const EOI = Buffer.from([0xff, 0xd9]);

describe("stripJpeg", () => {
  it("drops EXIF (GPS, camera), XMP, IPTC and comments and keeps the picture byte for byte", () => {
    const input = jpeg(JFIF, EXIF, XMP, IPTC, ICC, COMMENT, DQT, SOF, DHT, SOS_HEADER, SCAN, EOI);
    const out = stripJpeg(input);
    for (const text of [
      "Exif",
      "GPS",
      "iPhone",
      "Apple",
      "SerialNumber",
      "Rahim",
      "Dhaka",
      "xmpmeta",
      "8BIM",
    ])
      expect(has(out, text), text).toBe(false);
    expect(Buffer.from(out)).toEqual(jpeg(JFIF, ICC, DQT, SOF, DHT, SOS_HEADER, SCAN, EOI));
  });

  it("also drops metadata between the scans of a progressive JPEG and anything after the end", () => {
    const input = jpeg(SOF, DHT, SOS_HEADER, SCAN, EXIF, DHT, SOS_HEADER, SCAN, COMMENT, EOI, EXIF);
    expect(Buffer.from(stripJpeg(input))).toEqual(
      jpeg(SOF, DHT, SOS_HEADER, SCAN, DHT, SOS_HEADER, SCAN, EOI),
    );
  });

  it("drops an APP0 or APP2 that is not JFIF or an ICC profile", () => {
    const fakeJfif = segment(0xe0, ascii("JFXX\0Rahim thumbnail"));
    const fakeIcc = segment(0xe2, ascii("MPF\0Rahim"));
    expect(Buffer.from(stripJpeg(jpeg(fakeJfif, fakeIcc, SOF, SOS_HEADER, SCAN, EOI)))).toEqual(
      jpeg(SOF, SOS_HEADER, SCAN, EOI),
    );
  });

  it("refuses a broken file rather than passing it through", () => {
    expect(() => stripJpeg(ascii("not a jpeg"))).toThrow(UnreadableFile);
    expect(() => stripJpeg(jpeg(SOF, SOS_HEADER, SCAN))).toThrow(UnreadableFile);
    expect(() => stripJpeg(Buffer.concat([jpeg(), Buffer.from([0xff, 0xe1, 0x40, 0x00, 1, 2])]))).toThrow(
      UnreadableFile,
    );
  });
});

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([ascii(type), data])));
  return Buffer.concat([len, ascii(type), data, crc]);
}

/** A real RGB PNG (8-bit, filter 0 on every row), so the round trip can be decoded again. */
function rgbPng(width: number, height: number, pixel: (x: number, y: number) => number[]) {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(...pixel(x, y));
  }
  const raw = Buffer.from(rows);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
  return { png, raw };
}

/** The pixel rows of a PNG made by rgbPng: every IDAT joined and inflated. */
function pngPixels(png: Uint8Array): Buffer {
  const b = Buffer.from(png);
  const idat: Buffer[] = [];
  for (let i = 8; i < b.length;) {
    const len = b.readUInt32BE(i);
    if (b.toString("latin1", i + 4, i + 8) === "IDAT") idat.push(b.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  return inflateSync(Buffer.concat(idat));
}

describe("stripPng", () => {
  it("drops text, eXIf and tIME chunks and still decodes to the same pixels", () => {
    const { png: clean, raw } = rgbPng(3, 2, (x, y) => [x * 80, y * 120, (x + y) * 40]);
    // Insert metadata chunks after IHDR (8 + 25 bytes), as cameras and editors do.
    const withMeta = Buffer.concat([
      clean.subarray(0, 33),
      pngChunk("tEXt", ascii("Author\0Rahim")),
      pngChunk("iTXt", ascii("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>GPS 23.81,90.41</x:xmpmeta>")),
      pngChunk("zTXt", ascii("Comment\0\0xx")),
      pngChunk("eXIf", ascii("MM\0*GPSLatitude Make Apple")),
      pngChunk("tIME", Buffer.from([7, 234, 12, 4, 21, 30, 5])),
      pngChunk("caBX", ascii("c2pa manifest Rahim")),
      clean.subarray(33),
    ]);
    const out = stripPng(withMeta);
    for (const text of ["Rahim", "GPS", "Apple", "tEXt", "iTXt", "zTXt", "eXIf", "tIME", "caBX"])
      expect(has(out, text), text).toBe(false);
    expect(Buffer.from(out)).toEqual(clean);
    expect(pngPixels(out)).toEqual(raw);
  });

  it("refuses an unknown critical chunk and a truncated file", () => {
    const { png: clean } = rgbPng(1, 1, () => [0, 0, 0]);
    expect(() =>
      stripPng(Buffer.concat([clean.subarray(0, 33), pngChunk("ZZZZ", Buffer.alloc(1)), clean.subarray(33)])),
    ).toThrow(UnreadableFile);
    expect(() => stripPng(clean.subarray(0, clean.length - 12))).toThrow(UnreadableFile);
  });
});

describe("stripWebp", () => {
  it("drops EXIF and XMP chunks and clears their VP8X flags", () => {
    const chunk = (fourcc: string, data: Buffer) => {
      const size = Buffer.alloc(4);
      size.writeUInt32LE(data.length);
      return Buffer.concat([ascii(fourcc), size, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = chunk("VP8X", Buffer.from([0x0c | 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const image = chunk("VP8L", Buffer.from([0x2f, 1, 2, 3, 4]));
    const riff = (...chunks: Buffer[]) => {
      const body = Buffer.concat([ascii("WEBP"), ...chunks]);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(body.length);
      return Buffer.concat([ascii("RIFF"), size, body]);
    };
    const out = Buffer.from(
      stripWebp(
        riff(vp8x, image, chunk("EXIF", ascii("MM\0*GPS Apple")), chunk("XMP ", ascii("<x:xmpmeta>Rahim"))),
      ),
    );
    expect(has(out, "GPS") || has(out, "Rahim") || has(out, "EXIF")).toBe(false);
    const expectedVp8x = Buffer.from(vp8x);
    expectedVp8x[8] = 0x10; // the alpha flag stays
    expect(out).toEqual(riff(expectedVp8x, image));
  });
});

describe("stripPdf", () => {
  it("removes the information dictionary and XMP metadata, keeping the pages", async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawText("Wages were not paid in March");
    doc.setAuthor("Rahim Uddin");
    doc.setTitle("complaint");
    doc.setCreator("Rahim's laptop");
    doc.setProducer("WordProcessor 7 (Rahim)");
    doc.setKeywords(["Dhaka"]);
    const xmp = doc.context.stream("<x:xmpmeta><dc:creator>Rahim Uddin</dc:creator></x:xmpmeta>", {
      Type: "Metadata",
      Subtype: "XML",
    });
    doc.catalog.set(PDFName.of("Metadata"), doc.context.register(xmp));
    doc.getPage(0).node.set(PDFName.of("PieceInfo"), doc.context.obj({ App: PDFString.of("Rahim") }));
    const input = await doc.save({ useObjectStreams: false });
    expect(has(input, "Rahim")).toBe(true);

    const out = await stripPdf(input);
    expect(has(out, "Rahim")).toBe(false);
    expect(has(out, "xmpmeta")).toBe(false);
    expect(has(out, "Dhaka")).toBe(false);
    const back = await PDFDocument.load(out, { updateMetadata: false });
    expect(back.getPageCount()).toBe(1);
    expect(back.getAuthor()).toBeUndefined();
    expect(back.getTitle()).toBeUndefined();
    expect(back.getProducer()).toBeUndefined();
    expect(back.catalog.get(PDFName.of("Metadata"))).toBeUndefined();
  });

  it("refuses what is not a readable PDF", async () => {
    await expect(stripPdf(ascii("%PDF-1.7 garbage"))).rejects.toThrow(UnreadableFile);
  });
});
