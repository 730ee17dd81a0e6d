import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signUpFreshOrg } from "./helpers";

/**
 * Supplier import through the browser: a messy semicolon file with a BOM, quoted separators and newlines,
 * padded cells and countries in several forms, plus enough rows for several batches. Map the columns
 * (one by hand), watch the progress bar reach 100 %, read the summary, download the error report.
 */
function messyCsv(): string {
  const rows = [
    "\uFEFF Supplier Name ;ERP ID; Land ;E-Mail;Notes;Parent",
    ' "Saigon Spinning; Weaving" ;E2E-1; Viet Nam ;sales@saigon.example;"cotton\nyarn";',
    "Ankara Tekstil A.Ş.;E2E-2;Türkiye;info@ankara.example;;E2E-1",
    "Abidjan Cocoa;E2E-3;Ivory Coast;;;E2E-2",
    "Nowhere Trading;E2E-4;Atlantis;;;",
    "No Mail Ltd;E2E-5;UK;not-an-email;;",
    "Orphan Ltd;E2E-6;VN;;;E2E-MISSING",
  ];
  for (let i = 7; i <= 4500; i++) rows.push(`Batch Supplier ${i};E2E-${i};${i % 2 ? "VN" : "Bangladesh"};;;`);
  return rows.join("\r\n");
}

/**
 * A new organisation of its own: thousands of imported suppliers must not change what the other specs
 * (run against the same server, one after another) see in the demo organisation.
 */
async function freshImportOrg(browser: Browser): Promise<Page> {
  const id = Date.now().toString(36);
  return signUpFreshOrg(browser, {
    organizationName: `Import Test ${id}`,
    name: "Imogen Importer",
    email: `importer-${id}@example.test`,
    password: "import-e2e-password",
  });
}

test("import a messy CSV: map columns, progress to 100%, summary, error report", async ({ browser }) => {
  const page = await freshImportOrg(browser);
  await page.goto("/suppliers");
  await page.getByRole("link", { name: "Import CSV" }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole("heading", { name: "Import suppliers" })).toBeVisible();

  await page.getByLabel("CSV or Excel (.xlsx) file").setInputFiles({
    name: "erp-export.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(messyCsv(), "utf8"),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "erp-export.csv" })).toBeVisible();
  await expect(page.getByText("separated by semicolons")).toBeVisible();

  // Suggested from the header names.
  await expect(page.getByLabel("Legal name")).toHaveValue("0");
  await expect(page.getByLabel("External reference (ERP id)")).toHaveValue("1");
  await expect(page.getByLabel("Country")).toHaveValue("2");
  await expect(page.getByLabel("Contact email")).toHaveValue("3");
  await expect(page.getByLabel("Parent reference(s)")).toHaveValue("5");
  // "Notes" is not a known header: map it to goods by hand; the preview follows.
  await page.getByLabel("Goods (separated by ;)").selectOption({ label: "Notes" });
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("columnheader", { name: "Goods (separated by ;)" })).toBeVisible();
  await expect(preview).toContainText("Saigon Spinning; Weaving");
  await expect(preview).toContainText("Vietnam (VN)");
  await expect(preview).toContainText("Türkiye (TR)");
  await expect(preview).toContainText("Côte d’Ivoire (CI)");
  await expect(preview).toContainText("Cotton");
  await expect(preview).toContainText('unknown country "Atlantis"');
  await expect(preview).toContainText('bad email "not-an-email"');
  // An unknown parent is a warning, not OK and not an error: the row is imported without that link.
  const orphan = preview.getByRole("row").filter({ hasText: "Orphan Ltd" });
  await expect(orphan).toContainText(
    'Warning: parent "E2E-MISSING" not found in the file or among your suppliers: saved without that link',
  );
  await expect(orphan).not.toContainText("OK");
  await expect(page.getByTestId("import-file-check")).toContainText(
    "References checked across all 4,500 rows of the file:",
  );
  await expect(page.getByTestId("import-file-check")).toContainText("No reference is used twice.");
  await expect(page.getByTestId("import-file-check")).toContainText(
    "1 row names a parent that is neither in the file nor among your suppliers",
  );

  await page.getByRole("button", { name: "Start import" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 30_000 });
  await expect(page.getByText("Import finished")).toBeVisible();
  await expect(page.getByTestId("import-rows")).toHaveText("4,500 / 4,500 rows");

  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("Created4,498");
  await expect(summary).toContainText("Rows with errors2");
  await expect(summary).toContainText("Link warnings1");
  const warning = page.getByRole("row").filter({ hasText: 'not linked to parent "E2E-MISSING"' });
  await expect(warning).toContainText("Link warning");
  await expect(warning).toContainText(
    'supplier saved, but not linked to parent "E2E-MISSING": no supplier has that reference, in the file or among your suppliers',
  );

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download rows with errors or warnings (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("erp-export-errors.csv");
  const text = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("Supplier Name;ERP ID;Land;E-Mail;Notes;Parent;error");
  expect(lines).toHaveLength(4);
  expect(lines[1]).toBe('Nowhere Trading;E2E-4;Atlantis;;;;"line 6: unknown country ""Atlantis"""');
  expect(lines[2]).toContain('line 7: bad email ""not-an-email""');
  expect(lines[3]).toContain("line 8: supplier saved, but not linked");

  // The imported suppliers are in the list, with tiers from the parent column.
  await page.getByRole("link", { name: "Go to the supplier list" }).click();
  await page.getByLabel("Search name, trade name or reference").fill("E2E-3");
  await page.getByLabel("Search name, trade name or reference").press("Enter");
  // Wait for the search to land: Abidjan Cocoa also heads the unfiltered list, sorted by name.
  await expect(page).toHaveURL(/[?&]q=E2E-3(&|$)/);
  await expect(page.getByRole("link", { name: "Abidjan Cocoa" })).toBeVisible();
  await page.getByLabel("Search name, trade name or reference").fill("Orphan");
  await page.getByLabel("Search name, trade name or reference").press("Enter");
  await expect(page).toHaveURL(/[?&]q=Orphan(&|$)/);
  await expect(page.getByRole("link", { name: "Orphan Ltd" })).toBeVisible();
});
