import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";

export const DEMO_PASSWORD = "clearsource-demo";
export const demo = (role: "admin" | "procurement" | "auditor" | "executive") =>
  `${role}@demo.clearsource.test`;

/**
 * React errors in the browser (hydration mismatches, render crashes) seen by pages opened through
 * signIn/watch. A hydration mismatch makes React re-render the page on the client, which can wipe what a
 * user is typing: specs assert this list stays empty.
 */
export const browserErrors: string[] = [];

export function watch(page: Page): Page {
  page.on("console", (m) => {
    if (m.type() === "error" && /React error|Hydration|hydrat|did not match/i.test(m.text())) {
      browserErrors.push(`${page.url()}: ${m.text().slice(0, 300)}`);
    }
  });
  page.on("pageerror", (e) => browserErrors.push(`${page.url()}: ${e.message.slice(0, 300)}`));
  return page;
}

/**
 * Sessions of the demo members, reused by later specs in the same worker: the log-in throttle allows 50
 * log-ins an hour from one address (rate-limit.server.ts), and the suite signs in more often than that.
 * A session that has ended since (a spec logged out) is replaced by a real log-in.
 */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext["storageState"]>>>();

/** A fresh browser context (its own cookies) on the dashboard, signed in as one of the seeded demo members. */
export async function signIn(browser: Browser, email: string): Promise<Page> {
  const saved = sessions.get(email);
  const context = await browser.newContext(saved ? { storageState: saved } : {});
  context.on("page", (p) => watch(p));
  const page = await context.newPage();
  if (saved) {
    await page.goto("/dashboard");
    if (new URL(page.url()).pathname === "/dashboard") return page;
  }
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  sessions.set(email, await context.storageState());
  return page;
}

/** Text extracted from PDF bytes with poppler's pdftotext (installed by `npm test`). */
export function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-pdf-"));
  const file = path.join(dir, "doc.pdf");
  fs.writeFileSync(file, bytes);
  try {
    return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * In the supplier portal, answer every visible question still unanswered with a plausible value (conditional
 * questions appear as earlier ones are answered, so a few passes). Radios take the second choice ("No" on
 * yes/no questions). Each answer autosaves; the last debounced saves are waited for.
 */
export async function answerRemaining(page: Page) {
  for (let pass = 0; pass < 4; pass++) {
    let changed = 0;
    for (const block of await page.locator('section [id^="q-"]').all()) {
      const radios = block.locator('input[type="radio"]');
      if ((await radios.count()) > 0) {
        if ((await block.locator('input[type="radio"]:checked').count()) === 0) {
          await radios.nth(Math.min(1, (await radios.count()) - 1)).check();
          changed++;
        }
        continue;
      }
      const select = block.locator("select");
      if ((await select.count()) > 0) {
        if ((await select.inputValue()) === "") {
          await select.selectOption({ index: 1 });
          changed++;
        }
        continue;
      }
      const boxes = block.locator('input[type="checkbox"]:not([value="n/a"])');
      const typed = block.locator('input[type="text"], textarea, input[type="date"]');
      if ((await boxes.count()) > 0 && (await typed.count()) === 0) {
        if ((await block.locator('input[type="checkbox"]:checked').count()) === 0) {
          await boxes.first().check();
          changed++;
        }
        continue;
      }
      const inputs = block.locator(
        'input[type="text"]:enabled, textarea:enabled, input[type="date"]:enabled',
      );
      for (const input of await inputs.all()) {
        if ((await input.inputValue()) !== "") continue;
        const type = await input.getAttribute("type");
        const numeric = (await input.getAttribute("inputmode")) === "decimal";
        await input.fill(type === "date" ? "2025-01-31" : numeric ? "40" : "None");
        changed++;
      }
    }
    if (changed === 0) break;
  }
  await page.waitForTimeout(1200);
}

/**
 * The text of the newest email to an address, read from the server's outbox table. Mail that belongs to
 * no organisation (sign-up confirmation, password reset) is not in any admin's mailbox; without SMTP the
 * server prints its link to its log, and the e2e run reads it from the database instead.
 */
export async function outboxText(to: string, template: string): Promise<string> {
  const file = path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite");
  for (let i = 0; i < 50; i++) {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const row = db
        .prepare(
          "SELECT text FROM email_outbox WHERE to_address = ? AND template = ? ORDER BY created_at DESC LIMIT 1",
        )
        .get(to, template) as { text: string } | undefined;
      if (row) return row.text;
    } finally {
      db.close();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No ${template} email to ${to}`);
}

/** Sign up through the browser, confirm the emailed link and log in: a new organisation of its own. */
export async function signUpFreshOrg(
  browser: Browser,
  who: { organizationName: string; name: string; email: string; password: string },
): Promise<Page> {
  const context = await browser.newContext();
  context.on("page", (p) => watch(p));
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Organisation name").fill(who.organizationName);
  await page.getByLabel("Your name").fill(who.name);
  await page.getByLabel("Work email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const link = (await outboxText(who.email, "signup-confirmation")).match(
    /https?:\/\/\S+\/verify-email\/[\w-]+/,
  )![0];
  await page.goto(new URL(link).pathname);
  await expect(page.getByText(who.organizationName)).toBeVisible();
  await page.getByRole("button", { name: "Confirm and create the organisation" }).click();
  await expect(page).toHaveURL(/\/login\?verified=1/);
  await expect(page.getByLabel("Email")).toHaveValue(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  return page;
}
