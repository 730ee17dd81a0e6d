import { expect, test, type Page } from "@playwright/test";
import { browserErrors, demo, pdfText, signIn } from "./helpers";

/**
 * Issue 11's done-when: the executive drafts a UK and an Australian statement for the same year, the
 * checker flags a missing criterion, it is fixed, the statements are approved, signed and published,
 * and the public page and PDF open without login.
 */
const PERIOD = { start: "2023-07-01", end: "2024-06-30" };

async function draft(page: Page, regime: string, skip: number): Promise<string> {
  await page.goto("/statements/new");
  await page.getByLabel("Law the statement is made under").selectOption(regime);
  await page.getByLabel("First day of the financial year").fill(PERIOD.start);
  await page.getByLabel("Last day of the financial year").fill(PERIOD.end);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/statements\/[0-9a-f-]{36}$/);
  const areas = page.locator('textarea[name^="n."]');
  // The redirect may land before the new document has rendered: wait for the areas, then count.
  await expect(areas.first()).toBeVisible();
  const n = await areas.count();
  for (let i = 0; i < n; i++) {
    await areas
      .nth(i)
      .fill(i === skip ? "" : `What Northwind did in ${PERIOD.end.slice(0, 4)} on item ${i + 1}. `.repeat(8));
  }
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Statement saved.")).toBeVisible();
  return page.url();
}

async function approveSignPublish(page: Page) {
  await page.getByLabel("Date of approval").fill("2024-09-15");
  await page.getByRole("button", { name: "Record approval" }).click();
  await expect(page.getByText("Approval recorded.")).toBeVisible();
  await page.getByLabel(/Date signed by/).fill("2024-09-16");
  await page.getByRole("button", { name: "Record signature" }).click();
  await expect(page.getByText("Signature recorded.")).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Published.")).toBeVisible();
}

test("UK and Australian statements for one year: checker, fix, approval, signature, public page and PDF", async ({
  browser,
}) => {
  const page = await signIn(browser, demo("executive"));

  // UK: training (f) left empty — s.54(5) areas are recommended ("may include"): the checker flags it as
  // missing with a warning, and the organisation fills it in before approval.
  await draft(page, "uk_msa_s54", 5);
  const training = page.locator('[data-criterion="training"]');
  await expect(training).toHaveAttribute("data-status", "missing");
  await expect(training).toContainText("Recommended, not required by the law");
  await expect(page.getByTestId("checker-note")).toContainText("may include");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await page
    .getByLabel("(f) Training about slavery and human trafficking")
    .fill(
      "All 24 buyers and merchandisers completed a two-hour course on forced labour risks in apparel supply " +
        "chains this year, delivered by an external specialist; new starters take it within three months.",
    );
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Statement saved.")).toBeVisible();
  await expect(training).toHaveAttribute("data-status", "present");
  await approveSignPublish(page);
  const publicUrl = await page.getByTestId("public-url").getAttribute("href");
  // The address is the organisation's slug, not its id.
  expect(publicUrl).toMatch(/^\/transparency\/[a-z0-9]+(-[a-z0-9]+)*\/2024$/);
  expect(publicUrl).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

  // Australia, same year: every criterion its own section; criterion 7 (s.16(1)(g)) is mandatory too, so
  // leaving it empty is flagged and approval is refused with the reason until it is written.
  await draft(page, "au_msa_s16", 6);
  const other = page.locator('[data-criterion="other"]');
  await expect(other).toHaveAttribute("data-status", "missing");
  await expect(page.locator('[data-criterion="consultation"]')).toHaveAttribute("data-status", "present");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await page.getByLabel("Date of approval").fill("2024-09-15");
  await page.getByRole("button", { name: "Record approval" }).click();
  await expect(
    page.getByText(/Not approved: mandatory items are missing — Criterion 7: Any other relevant information/),
  ).toBeVisible();
  await page
    .getByLabel("Criterion 7: Any other relevant information")
    .fill("Northwind considers that there is no other relevant information for this reporting period.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Statement saved.")).toBeVisible();
  await expect(other).toHaveAttribute("data-status", "present");
  await approveSignPublish(page);

  // Without login: the public page lists both, and each PDF opens.
  const anon = await browser.newContext();
  const visitor = await anon.newPage();
  const res = await visitor.goto(publicUrl!);
  expect(res?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "Northwind Apparel Ltd" })).toBeVisible();
  await expect(visitor.locator('[data-regime="uk_msa_s54"]')).toBeVisible();
  await expect(visitor.locator('[data-regime="au_msa_s16"]')).toBeVisible();
  for (const [regime, heading] of [
    ["uk_msa_s54", "(f) Training about slavery and human trafficking"],
    ["au_msa_s16", "Criterion 6: Consultation with owned or controlled entities"],
  ]) {
    const link = visitor
      .locator(`[data-regime="${regime}"]`)
      .getByRole("link", { name: "Download the signed PDF" });
    const pdf = await visitor.request.get((await link.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const text = pdfText(Buffer.from(await pdf.body())).replace(/\s+/g, " ");
    expect(text).toContain(heading);
    expect(text).toContain("Ayşe Kowalczyk-Nguyễn");
    expect(text).not.toContain("DRAFT");
  }
  const json = await visitor.request.get(`${publicUrl}/facts.json`);
  expect(json.status()).toBe(200);
  expect((await json.json()).statements).toHaveLength(2);
  expect((await visitor.request.get(publicUrl!.replace("2024", "2019"))).status()).toBe(404);
  await anon.close();
  expect(browserErrors).toEqual([]);
});
