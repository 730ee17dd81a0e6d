import { expect, type Browser, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const DEMO_PASSWORD = "clearsource-demo";
export const demo = (role: "admin" | "procurement" | "auditor" | "executive") =>
  `${role}@demo.clearsource.test`;

/** A fresh browser context (its own cookies) signed in as one of the seeded demo members. */
export async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
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
