import { expect, test } from "@playwright/test";
import { signUpFreshOrg } from "./helpers";

/**
 * Sites import through the browser: a supplier added by hand with an ERP reference, then a CSV of its
 * factories (plus a row naming an unknown supplier). The columns map from their headers, the preview says
 * what each row will do, the summary counts what happened, and the supplier's risk reads the new
 * workforce facts.
 */
test("import sites: preview, summary with the refused row, workforce risk on the supplier", async ({
  browser,
}) => {
  const id = Date.now().toString(36);
  const page = await signUpFreshOrg(browser, {
    organizationName: `Sites Import ${id}`,
    name: "Sita Importer",
    email: `sites-${id}@example.test`,
    password: "sites-e2e-password",
  });

  await page.goto("/suppliers/new");
  await page.getByLabel("Legal name").fill("Ashulia Knit Composite");
  await page.getByLabel("Your reference (optional)").fill("ERP-77");
  await page.getByLabel("Country").selectOption("BD");
  await page.getByLabel("Sector").selectOption("Textiles and apparel");
  await page.getByLabel("Contact name").fill("Rahim Uddin");
  await page.getByLabel("Contact email").fill("rahim@ashulia.test");
  await page.getByRole("button", { name: "Add supplier" }).click();
  await expect(page).toHaveURL(/\/suppliers\/[0-9a-f-]{36}/);
  const supplierUrl = new URL(page.url()).pathname;
  // Before any site: the workforce is unknown, and the page says so.
  await expect(page.getByRole("cell", { name: /no sites recorded/ }).first()).toBeVisible();

  await page.goto("/imports");
  await page.getByRole("link", { name: "Import sites" }).click();
  await expect(page).toHaveURL(/\/imports\/sites$/);
  await expect(page.getByRole("heading", { name: "Import sites" })).toBeVisible();
  const csv = [
    "Vendor ID,Factory name,Country,Workers,Migrant workers,Agency workers,Dormitories,Seasonal,Xinjiang",
    "ERP-77,Ashulia dyeing unit,Bangladesh,850,60 %,45 %,yes,no,no",
    "ERP-77,Ashulia sewing unit,Bangladesh,1200,10 %,5 %,no,no,no",
    "ERP-404,Nowhere mill,Bangladesh,100,0 %,0 %,no,no,no",
  ].join("\n");
  await page.getByLabel("CSV or Excel (.xlsx) file").setInputFiles({
    name: "factories.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv, "utf8"),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page).toHaveURL(/\/imports\/sites\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "factories.csv" })).toBeVisible();

  // Mapped from the header names.
  await expect(page.getByLabel(/Supplier reference/)).toHaveValue("0");
  await expect(page.getByLabel(/Site name/)).toHaveValue("1");
  await expect(page.getByLabel(/Migrant workers/)).toHaveValue("4");
  const preview = page.getByTestId("site-import-preview");
  await expect(preview.getByRole("row", { name: /Ashulia dyeing unit/ })).toContainText("OK: adds the site");
  await expect(preview.getByRole("row", { name: /Ashulia dyeing unit/ })).toContainText(
    "Ashulia Knit Composite",
  );
  await expect(preview.getByRole("row", { name: /^4 / })).toContainText(
    'No supplier has the reference "ERP-404"',
  );

  await page.getByRole("button", { name: "Import sites" }).click();
  const summary = page.getByTestId("site-import-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/Sites added\s*2/);
  await expect(summary).toContainText(/Rows with errors\s*1/);
  await expect(page.getByRole("link", { name: "Download rows with errors (CSV)" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download rows with errors (CSV)" }).click(),
  ]);
  const errors = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(errors).toString("utf8")).toContain("ERP-404");

  // The supplier now has both sites, and its risk names the dyeing unit's migrant share.
  await page.goto(supplierUrl);
  await expect(page.getByText("Ashulia dyeing unit").first()).toBeVisible();
  await expect(page.getByText("Ashulia sewing unit").first()).toBeVisible();
  await expect(page.getByText("Migrant workers 60 % at Ashulia dyeing unit").first()).toBeVisible();
  // The factor table no longer says the workforce is unknown (the change log still shows it removed).
  await expect(page.getByRole("cell", { name: /no sites recorded/ })).toHaveCount(0);
});
