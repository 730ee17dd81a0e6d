import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { browserErrors, demo, signIn } from "./helpers";

/**
 * Issue 9's "done when" in a browser: a zero-tolerance finding on a tier-2 supplier makes its tier-1 buyer
 * show upstream exposure with the path, on the supplier page and in the graph; an override is refused
 * without a justification, requested, approved by a second person, shown beside the computed score, and
 * expires.
 */
const stamp = Date.now().toString(36);
const buyerName = `Anadolu Iplik ${stamp}`;
const ginName = `Ahal Cotton Gin ${stamp}`;
const findingTitle = "Workers mobilised for the state cotton harvest";
let buyerUrl = "";
let ginUrl = "";

test.describe.serial("risk: upstream exposure and overrides", () => {
  test("a zero-tolerance finding on tier 2 shows on its tier-1 buyer, with the path", async ({ browser }) => {
    const page = await signIn(browser, demo("procurement"));
    await page.goto("/suppliers/new");
    await page.getByLabel("Legal name").fill(buyerName);
    await page.getByLabel("Country").selectOption("DE");
    await page.getByLabel("Sector").selectOption("Professional services");
    await page.getByLabel("Contact name").fill("Deniz Kaya");
    await page.getByLabel("Contact email").fill(`deniz-${stamp}@anadolu.test`);
    await page.getByRole("button", { name: "Add supplier" }).click();
    await expect(page.getByRole("heading", { name: buyerName })).toBeVisible();
    buyerUrl = new URL(page.url()).pathname;
    // Never assessed: never low, and says so.
    await expect(page.getByText("Not assessed").first()).toBeVisible();

    await page.getByRole("link", { name: "Add new sub-supplier" }).click();
    await page.getByLabel("Legal name").fill(ginName);
    await page.getByLabel("Country").selectOption("TM");
    await page.getByLabel("Sector").selectOption("Agriculture");
    await page.getByLabel(/Goods and commodities/).fill("cotton");
    await page.getByLabel("Contact name").fill("Batyr Orazov");
    await page.getByLabel("Contact email").fill(`batyr-${stamp}@ahal.test`);
    await page.getByRole("button", { name: "Add supplier" }).click();
    await expect(page.getByRole("heading", { name: ginName })).toBeVisible();
    ginUrl = new URL(page.url()).pathname;
    // Turkmen cotton: on the ILAB list for forced and child labour, at least high before anything else.
    await expect(page.getByTestId("factors-inherent-risk")).toContainText('Good "Cotton" in Turkmenistan');

    const auditor = await signIn(browser, demo("auditor"));
    await auditor.goto(ginUrl);
    await auditor.getByRole("link", { name: "Record audit" }).first().click();
    await auditor.getByLabel("Scheme").selectOption("SMETA");
    await auditor.getByLabel("Audit date").fill("2026-10-15");
    await auditor.getByRole("button", { name: "Record audit" }).click();
    await auditor.getByLabel("Title").fill(findingTitle);
    // In the scheme's words: SMETA's "Business critical" is zero tolerance.
    await auditor.getByLabel(/Grade/).selectOption("Business critical");
    await auditor.getByRole("button", { name: "Add finding" }).click();
    await expect(auditor.getByRole("cell", { name: new RegExp(findingTitle) })).toBeVisible();

    await page.goto(buyerUrl);
    const path_ = page.getByTestId("exposure-path");
    await expect(path_).toContainText(
      `via ${ginName}, TM, tier 2: open zero-tolerance finding: ${findingTitle}`,
    );
    await expect(page.getByTestId("computed-score")).not.toContainText("low");

    await page.goto(`${buyerUrl}/graph`);
    const node = page.locator(`[data-node]`, { hasText: buyerName.slice(0, 20) }).first();
    await expect(node).toHaveAttribute("data-exposure", new RegExp(`via ${ginName}, TM, tier 2`));
    await expect(node).toHaveAccessibleDescription(/upstream exposure \d+ via/);
  });

  test("an override: refused without a justification, requested, approved by a second person, expires", async ({
    browser,
  }) => {
    const exec = await signIn(browser, demo("executive"));
    await exec.goto(buyerUrl);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await exec.getByLabel("Level", { exact: true }).selectOption("medium");
    await exec.getByLabel("Last day it applies").fill(tomorrow);
    await exec.getByRole("button", { name: "Request override" }).click();
    await expect(exec.getByText(/at least 20 characters/)).toBeVisible();

    await exec
      .getByLabel("Justification")
      .fill("The tier-2 gin is being replaced; our own audit of the buyer found no issue.");
    await exec.getByRole("button", { name: "Request override" }).click();
    await expect(exec.getByText("Awaiting a second person")).toBeVisible();
    // The requester cannot approve their own request.
    await expect(exec.getByRole("button", { name: "Approve override" })).toHaveCount(0);

    const admin = await signIn(browser, demo("admin"));
    await admin.goto(buyerUrl);
    await admin.getByRole("button", { name: "Approve override" }).click();
    const shown = admin.getByTestId("override-shown");
    await expect(shown).toContainText("medium");
    await expect(shown).toContainText(`until ${tomorrow}`);
    // The computed score stays visible beside it.
    await expect(admin.getByTestId("computed-score")).toContainText(/high|critical/);
    await admin.goto(`/suppliers?q=${encodeURIComponent(buyerName)}`);
    await expect(admin.getByRole("row", { name: new RegExp(buyerName) })).toContainText("override");

    // Time passes: the day after its last day, the override no longer applies.
    const file = path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite");
    const sqlite = new Database(file);
    sqlite.pragma("busy_timeout = 5000");
    const id = buyerUrl.split("/").pop();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    sqlite.prepare("update risk_overrides set expires_on = ? where supplier_id = ?").run(yesterday, id);
    sqlite.prepare("update suppliers set override_expires_on = ? where id = ?").run(yesterday, id);
    sqlite.close();
    await admin.goto(buyerUrl);
    await expect(admin.getByTestId("override-shown")).toHaveCount(0);
    await expect(admin.getByText(`Expired ${yesterday}`)).toBeVisible();
    expect(browserErrors).toEqual([]);
  });
});
