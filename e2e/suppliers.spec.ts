import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * The supplier map through the browser as procurement: the list with its state in the URL, a site and a
 * contact added, a link that puts a supplier at tier 3, a refused cycle, and the CSV export.
 */
test("suppliers: browse, sites, contacts, links, cycles and export", async ({ browser }) => {
  const page = await signIn(browser, demo("procurement"));

  // Filters live in the URL: a shared link shows the same list.
  await page.goto("/suppliers?country=BD&tier=2");
  await expect(page.getByRole("link", { name: "Dhaka Knitwear Ltd" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Saigon Garment Co." })).toHaveCount(0);
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("BD");
  await page.getByRole("link", { name: "Clear", exact: true }).click();
  await expect(page.getByRole("link", { name: "Saigon Garment Co." })).toBeVisible();
  await page.getByRole("link", { name: /^Risk/ }).click();
  await expect(page).toHaveURL(/sort=risk&dir=desc/);
  await page.getByLabel("Search name, trade name or reference").fill("saigon");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=saigon/);
  await expect(page.getByRole("table").getByRole("link", { name: "Saigon Garment Co." })).toBeVisible();
  await expect(page.getByText("1 supplier ·")).toBeVisible();

  // A site, first with a half-entered location (refused, values kept), then complete.
  await page.getByRole("table").getByRole("link", { name: "Saigon Garment Co." }).click();
  await page.getByRole("link", { name: "Manage sites" }).click();
  await page.getByLabel("Site name").fill("Thu Duc factory");
  await page.getByLabel("Latitude (optional)").fill("10.85");
  await page.getByLabel("Workers", { exact: true }).fill("850");
  await page.getByLabel("Migrant workers %").fill("40");
  await page.getByLabel("Employer-provided housing").selectOption("yes");
  await page.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByText("Enter both latitude and longitude, or neither.")).toBeVisible();
  await expect(page.getByLabel("Site name")).toHaveValue("Thu Duc factory");
  await page.getByLabel("Longitude (optional)").fill("106.77");
  await page.getByRole("button", { name: "Add site" }).click();
  await expect(page.getByText("Site added.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Thu Duc factory" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "10.85, 106.77" })).toBeVisible();

  // A second contact, made primary: the supplier's contact follows.
  await page.getByRole("link", { name: "Back to supplier" }).click();
  await expect(page.getByText("850 workers · 40% migrant · employer-provided housing")).toBeVisible();
  await page.getByRole("link", { name: "Manage contacts" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Trần Văn Minh");
  await page.getByLabel("Email", { exact: true }).fill("minh@saigon-garment.example");
  await page.getByLabel("Make this the primary contact").check();
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("Contact added.")).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Trần Văn Minh" }).getByText("Primary"),
  ).toBeVisible();
  await page.getByRole("link", { name: "Back to supplier" }).click();
  await expect(page.getByRole("link", { name: "minh@saigon-garment.example" }).first()).toBeVisible();

  // Sialkot also sells to Dhaka (tier 2); without its direct link it becomes tier 3.
  await page.goto("/suppliers?q=Sialkot");
  await page.getByRole("table").getByRole("link", { name: "Sialkot Leather Works" }).click();
  await page.getByLabel("Link an existing supplier").fill("Dhaka");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("button", { name: "+ Sialkot Leather Works sells to it" }).click();
  await expect(page.getByText("Link added: now tier 1.")).toBeVisible();
  await page
    .getByRole("listitem")
    .filter({ hasText: "Your organisation (direct)" })
    .getByRole("button", { name: "Remove" })
    .click();
  await expect(page.getByText("Link removed: now tier 3.")).toBeVisible();
  await expect(page.getByText("Tier 3", { exact: true })).toBeVisible();

  // Łódź → Dhaka → Sialkot already: Sialkot supplying Łódź would close a loop.
  await page.goto("/suppliers?q=%C5%81%C3%B3d%C5%BA");
  await page.getByRole("table").getByRole("link", { name: "Łódź Tekstil Sanayi A.Ş." }).click();
  await page.getByLabel("Link an existing supplier").fill("Sialkot");
  await page.getByRole("button", { name: "Find" }).click();
  await page.getByRole("button", { name: "+ Łódź Tekstil Sanayi A.Ş. sells to it" }).click();
  await expect(
    page.getByText(
      "This link would create a cycle: Sialkot Leather Works → Łódź Tekstil Sanayi A.Ş. → Dhaka Knitwear Ltd → Sialkot Leather Works.",
    ),
  ).toBeVisible();

  // The export: the import's columns, with the parent reference column.
  await page.goto("/suppliers");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^suppliers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  expect(csv.split("\r\n")[0]).toBe(
    "external_ref,name,trade_name,country,address,sector,goods,annual_spend,currency,status,tags,contact_name,contact_email,parent_external_ref," +
      "risk_level,risk_score,inherent_score,residual_score,coverage,upstream_exposure,upstream_path,computed_level,override_until",
  );
  expect(csv).toContain("Sialkot Leather Works,,PK");
  expect(csv).toContain("minh@saigon-garment.example");
});
