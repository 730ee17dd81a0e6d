import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { productionBuild } from "./server-harness";

/**
 * What reaches the browser. The Remix compiler drops `.server` modules from client chunks, but anything a
 * route or a component imports otherwise is shipped: a table definition brings drizzle's sqlite-core,
 * a shared string table brings every email and PDF sentence in eight languages. This builds the app into
 * a temporary folder and reads every client chunk.
 */
let chunks: { file: string; text: string }[] = [];

function readJs(dir: string): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readJs(full);
    return entry.name.endsWith(".js")
      ? [{ file: path.relative(dir, full), text: fs.readFileSync(full, "utf8") }]
      : [];
  });
}

/** Chunks whose text contains the marker. */
function containing(marker: string): string[] {
  return chunks.filter((c) => c.text.includes(marker)).map((c) => c.file);
}

beforeAll(() => {
  chunks = readJs(path.join(productionBuild(), "public/build"));
}, 180_000);

describe("client chunks", () => {
  it("were built", () => {
    expect(chunks.length).toBeGreaterThan(20);
    expect(containing("react.element").length).toBeGreaterThan(0);
  });

  it.each([
    ["drizzle's entity marker", "drizzle:entityKind"],
    ["drizzle's sqlite-core tables", '"SQLiteTable"'],
    ["a table definition", "drizzle:IsDrizzleTable"],
    ["SQL text", "CREATE TABLE"],
    ["the S3 client", "S3Client"],
    ["nodemailer", "nodemailer"],
    ["pdf-lib", "PDFDocument"],
    ["server settings", "DATABASE_PATH"],
    ["server settings", "S3_SECRET_ACCESS_KEY"],
  ])("contain no %s (%s)", (_what, marker) => {
    expect(containing(marker)).toEqual([]);
  });
});
