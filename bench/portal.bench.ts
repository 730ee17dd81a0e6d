/**
 * Supplier portal over HTTP against the production build:
 * - autosave_answer: one answer autosaved (the single-fetch POST the page's per-question fetcher makes),
 *   p95 over 500 requests, cycling through the questions with valid values. Target ≤ 20 ms.
 * - portal_page: the portal page of a 60-question section (full server render, HTML), p95 over 200
 *   requests. Target ≤ 40 ms.
 * The supplier goes through the real flow: POST the link, read the 6-digit code from the outbox table (as
 * they would from their mailbox), confirm it, then work in the confirmed session.
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes, createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrateDatabase, openDatabase } from "~/infra/db.server";
import { type Template } from "~/questionnaires/model";
import { templateSchema } from "~/questionnaires/model.schema";
import { assignments, organizations, suppliers } from "~db/schema";
import { buildApp, percentile, spawnServer } from "./lib/http";

const AUTOSAVES = 500;
const PAGES = 200;
const WARMUP = 20;
const TARGET_AUTOSAVE_MS = 10;
const TARGET_PAGE_MS = 20;
const QUESTIONS = 60;

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

const TYPES = [
  "yes_no",
  "choice",
  "number",
  "percentage",
  "text",
  "short_text",
  "date",
  "multi_choice",
] as const;

/** One section of 60 questions of every answer type, with a Spanish translation of each. */
function sixtyQuestionTemplate(): Template {
  const questions = Array.from({ length: QUESTIONS }, (_, i) => {
    const type = TYPES[i % TYPES.length];
    const id = `B${i + 1}`;
    return {
      id,
      section: "all",
      type,
      text: `Question ${i + 1}: how does the site handle practice number ${i + 1} for its workers?`,
      help: "Answer for the last twelve months.",
      required: i % 3 !== 0,
      iloIndicators: [(i % 11) + 1],
      rule: type === "yes_no" ? { pointsByValue: { yes: 5 } } : {},
      ...(type === "choice" || type === "multi_choice"
        ? {
            options: [
              { value: "a", label: "Always" },
              { value: "b", label: "Sometimes" },
              { value: "c", label: "Never" },
            ],
          }
        : {}),
      ...(type === "number" ? { min: 0, max: 1000, unit: "workers" } : {}),
      ...(i % 10 === 4 ? { allowNotApplicable: true } : {}),
      ...(i > 0 && i % 15 === 0 ? { visibleWhen: { questionId: "B1", equals: "yes" } } : {}),
    };
  });
  return templateSchema.parse({
    key: "bench-60",
    version: "1",
    title: "Sixty-question self-assessment",
    intro: "Benchmark questionnaire.",
    sections: [{ id: "all", title: "Everything" }],
    questions,
    declaration: { attestation: "I confirm." },
    translations: {
      es: {
        title: "Autoevaluación de sesenta preguntas",
        sections: { all: { title: "Todo" } },
        questions: Object.fromEntries(
          questions.map((q, i) => [
            q.id,
            { text: `Pregunta ${i + 1}: ¿cómo gestiona el centro la práctica ${i + 1}?` },
          ]),
        ),
      },
    },
  });
}

function valueFor(i: number, n: number): string[] {
  const type = TYPES[i % TYPES.length];
  switch (type) {
    case "yes_no":
      return [n % 2 ? "yes" : "no"];
    case "choice":
      return [["a", "b", "c"][n % 3]];
    case "multi_choice":
      return n % 2 ? ["a", "c"] : ["b"];
    case "number":
      return [String(100 + (n % 50))];
    case "percentage":
      return [String(n % 100)];
    case "date":
      return [`2025-0${(n % 9) + 1}-1${n % 10}`];
    default:
      return [`Answer typed by the supplier, revision ${n}.`];
  }
}

const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith(`${name}=`));

async function main() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-portal-"));
  const out = path.join(work, "build");
  const dbFile = path.join(work, "bench.sqlite");
  let server: ChildProcess | undefined;
  try {
    const database = openDatabase(dbFile, "NORMAL");
    migrateDatabase(database);
    const token = randomBytes(32).toString("base64url");
    const org = database.insert(organizations).values({ name: "Bench Buyer" }).returning().get();
    const supplier = database
      .insert(suppliers)
      .values({
        organizationId: org.id,
        name: "Bench Mill",
        country: "VN",
        sector: "Textiles and apparel",
        contactName: "Bench Contact",
        contactEmail: "contact@bench-mill.test",
      })
      .returning()
      .get();
    const assignment = database
      .insert(assignments)
      .values({
        organizationId: org.id,
        supplierId: supplier.id,
        templateKey: "bench-60",
        templateVersion: "1",
        questionsSnapshot: sixtyQuestionTemplate(),
        recipientName: "Bench Contact",
        recipientEmail: "contact@bench-mill.test",
        language: "es",
        status: "sent",
        tokenHash: createHash("sha256").update(token).digest("hex"),
        tokenExpiresAt: new Date(Date.now() + 30 * 86_400_000),
        sentAt: new Date(),
      })
      .returning()
      .get();

    buildApp(root, out);

    const app = await spawnServer({
      root,
      out,
      work,
      dbFile,
      env: process.env.BENCH_SYNC ? { SQLITE_SYNCHRONOUS: process.env.BENCH_SYNC } : {},
    });
    server = app.process;
    const base = app.base;

    // The supplier opens the link in a fresh browser: an unconfirmed session, a code by email.
    const form = (data: Record<string, string>) => ({
      method: "POST",
      redirect: "manual" as const,
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      body: new URLSearchParams(data),
    });
    const redeemed = await fetch(`${base}/s/${token}`, form({ lang: "es" }));
    const cookie = cookieOf(redeemed, "cs_portal");
    if (redeemed.status !== 302 || !cookie) throw new Error(`redeem failed: ${redeemed.status} ${app.log()}`);
    const mail = database.$client
      .prepare(
        "select text from email_outbox where template = 'portal-verification-code' order by rowid desc limit 1",
      )
      .get() as { text: string } | undefined;
    const code = mail?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error("no verification code in the outbox");
    const verified = await fetch(`${base}/portal/${assignment.id}/verify`, {
      ...form({ intent: "verify", code }),
      headers: { ...form({}).headers, Cookie: cookie },
    });
    if (verified.headers.get("Location") !== `/portal/${assignment.id}`)
      throw new Error(`verification failed: ${verified.status} ${await verified.text()}`);

    // autosave_answer: the fetcher's single-fetch POST to the route's action.
    const autosaveUrl = `${base}/portal/${assignment.id}.data`;
    let n = 0;
    const autosave = async () => {
      const i = n % QUESTIONS;
      const body = new URLSearchParams({ intent: "autosave", questionId: `B${i + 1}` });
      const values = valueFor(i, n);
      if (TYPES[i % TYPES.length] === "multi_choice") body.set("multi", "1");
      for (const v of values) body.append("value", v);
      n++;
      const res = await fetch(autosaveUrl, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Cookie: cookie },
        body,
      });
      const text = await res.text();
      if (res.status !== 200 || !text.includes("savedAt"))
        throw new Error(`autosave ${res.status}: ${text.slice(0, 300)}`);
    };
    for (let i = 0; i < WARMUP; i++) await autosave();
    const saves: number[] = [];
    for (let i = 0; i < AUTOSAVES; i++) {
      const t = performance.now();
      await autosave();
      saves.push(performance.now() - t);
    }
    saves.sort((a, b) => a - b);

    // portal_page: the whole 60-question section rendered on the server.
    const pageUrl = `${base}/portal/${assignment.id}`;
    const page = async () => {
      const res = await fetch(pageUrl, { headers: { Cookie: cookie } });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`GET page ${res.status}`);
      return html;
    };
    const first = await page();
    if (!first.includes("Pregunta 60") || !first.includes("Autoevaluación de sesenta preguntas"))
      throw new Error("the page does not show the 60 Spanish questions");
    for (let i = 0; i < WARMUP; i++) await page();
    const renders: number[] = [];
    for (let i = 0; i < PAGES; i++) {
      const t = performance.now();
      await page();
      renders.push(performance.now() - t);
    }
    renders.sort((a, b) => a - b);
    database.$client.close();

    console.error(`page ${(first.length / 1024).toFixed(0)} KB of HTML`);
    console.log(
      `BENCH name=autosave_answer_p50 value=${percentile(saves, 50).toFixed(2)} unit=ms target=${TARGET_AUTOSAVE_MS}`,
    );
    console.log(
      `BENCH name=autosave_answer value=${percentile(saves, 95).toFixed(2)} unit=ms target=${TARGET_AUTOSAVE_MS}`,
    );
    console.log(
      `BENCH name=portal_page_p50 value=${percentile(renders, 50).toFixed(2)} unit=ms target=${TARGET_PAGE_MS}`,
    );
    console.log(
      `BENCH name=portal_page value=${percentile(renders, 95).toFixed(2)} unit=ms target=${TARGET_PAGE_MS}`,
    );
  } finally {
    server?.kill("SIGTERM");
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
