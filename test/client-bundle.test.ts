import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EMAIL_KEYS, EMAIL_STRINGS } from "~/i18n/email.server";
import { PDF_STRINGS } from "~/i18n/pdf.server";
import { PORTAL_STRINGS } from "~/i18n/portal";
import { productionBuild } from "./server-harness";

/**
 * What reaches the browser. The Remix compiler drops `.server` modules from client chunks, but anything a
 * route or a component imports otherwise is shipped: a table definition brings drizzle's sqlite-core,
 * a shared string table brings every email and PDF sentence in eight languages. This builds the app into
 * a temporary folder and reads every client chunk.
 */
let chunks: { file: string; text: string }[] = [];
let manifest: { routes: Record<string, { module: string; imports?: string[] }> };

function readJs(dir: string, root = dir): { file: string; text: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return readJs(full, root);
    return entry.name.endsWith(".js")
      ? [{ file: path.relative(root, full), text: fs.readFileSync(full, "utf8") }]
      : [];
  });
}

/** Chunks whose text contains the marker. */
function containing(marker: string): string[] {
  return chunks.filter((c) => c.text.includes(marker)).map((c) => c.file);
}

/** The chunks one route loads: its module and what it imports. */
function routeChunks(routeId: string): { file: string; text: string }[] {
  const route = manifest.routes[routeId];
  const files = new Set([route.module, ...(route.imports ?? [])].map((f) => f.replace(/^\/build\//, "")));
  return chunks.filter((c) => files.has(c.file));
}

beforeAll(() => {
  const dir = path.join(productionBuild(), "public/build");
  chunks = readJs(dir);
  const file = fs.readdirSync(dir).find((f) => f.startsWith("manifest-"));
  const text = fs.readFileSync(path.join(dir, file ?? ""), "utf8");
  manifest = JSON.parse(text.replace(/^window\.__remixManifest=/, "").replace(/;\s*$/, ""));
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

/**
 * Strings only the server uses (emails, the PDF copy) stay in `.server` modules. Keys are kept as written
 * by the minifier, so a key in a chunk means the table was shipped; a few English sentences catch a table
 * that was re-keyed.
 */
describe("server-only strings", () => {
  const keys = [...Object.keys(EMAIL_KEYS.en), ...Object.keys(PDF_STRINGS.en)];
  const sentences = [EMAIL_STRINGS.en.newLinkNote, EMAIL_STRINGS.en.pasteLink, PDF_STRINGS.en["pdf.title"]];

  it.each(keys)("no client chunk carries the key %s", (key) => {
    expect(containing(`"${key}"`)).toEqual([]);
  });

  it.each(sentences)("no client chunk carries %j", (sentence) => {
    expect(containing(sentence)).toEqual([]);
  });
});

describe("the supplier portal page", () => {
  it("loads neither zod nor the portal strings of other languages", () => {
    const own = routeChunks("routes/portal.$assignmentId");
    expect(own.length).toBeGreaterThan(0);
    const carrying = (marker: string) => own.filter((c) => c.text.includes(marker)).map((c) => c.file);
    expect(carrying("ZodType")).toEqual([]);
    expect(carrying(PORTAL_STRINGS.es["portal.autosaveNote"])).toEqual([]);
    expect(carrying(PORTAL_STRINGS.tr["portal.autosaveNote"])).toEqual([]);
  });
});
