import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * The pictures: the world map (countries coloured by supplier count or highest risk, each a link into
 * the filtered supplier list) and the supply-chain graphs (one supplier's chain, the whole organisation).
 * Runs against the seeded demo organisation.
 */
const shots = process.env.PICTURES_SCREENSHOTS;

test("the world map colours countries and opens the filtered supplier list", async ({ browser }) => {
  const page = await signIn(browser, demo("procurement"));
  await page.getByRole("navigation").getByRole("link", { name: "Map", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Supplier map" })).toBeVisible();
  await expect(page.getByRole("group", { name: /World map of [\d,]+ suppliers? by country/ })).toBeVisible();

  // Every country has a tooltip; those with suppliers are links with their count and highest level.
  const turkey = page.locator('a[data-country="TR"]');
  await expect(turkey).toHaveAttribute("aria-label", /Türkiye: \d+ suppliers?, highest risk \w+/);
  await expect(page.locator('path[data-country="BR"] title')).toHaveText("Brazil: no suppliers");
  const fillByCount = await turkey.locator("path").getAttribute("fill");

  await page.getByRole("button", { name: "Highest risk level" }).click();
  await expect(page.getByRole("button", { name: "Highest risk level" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByLabel("Legend")).toContainText("Critical");
  await expect(turkey.locator("path")).not.toHaveAttribute("fill", fillByCount ?? "");
  if (shots) await page.screenshot({ path: `${shots}/map-risk.png`, fullPage: true });

  await turkey.click();
  await expect(page).toHaveURL(/\/suppliers\?country=TR$/);
  await expect(page.getByRole("link", { name: "Łódź Tekstil Sanayi A.Ş." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Saigon Garment Co." })).toHaveCount(0);
});

test("a supplier's graph shows its chain and each node opens that supplier", async ({ browser }) => {
  const page = await signIn(browser, demo("auditor"));
  await page.goto("/suppliers");
  await page.getByRole("link", { name: "Dhaka Knitwear Ltd" }).click();
  await page.getByRole("link", { name: "View graph" }).click();
  await expect(page.getByRole("heading", { name: "Dhaka Knitwear Ltd: supply chain" })).toBeVisible();

  // Downstream to the buyer through its tier-1 parent, upstream to its tier-3 sub-supplier.
  const graph = page.getByRole("group", { name: /Supply-chain graph/ });
  await expect(graph.getByText("Your organisation", { exact: true })).toBeVisible();
  await expect(graph.getByText("Tier 3", { exact: true })).toBeVisible();
  await expect(graph.locator("a[data-node]")).toHaveCount(3);
  if (shots) await page.screenshot({ path: `${shots}/supplier-graph.png`, fullPage: true });

  // A card's name is the text it shows (name, country, risk); its tier and exposure are its description.
  const gin = graph.getByRole("link", { name: /^Golden Fibre Cotton Gin\b/ });
  await expect(gin).toHaveAccessibleDescription(/^Tier 3/);
  await gin.click();
  await expect(page.getByRole("heading", { name: "Golden Fibre Cotton Gin" })).toBeVisible();
  await expect(page).toHaveURL(/\/suppliers\/[0-9a-f-]{36}$/);
});

test("the organisation graph draws down to a chosen tier and narrows by filters", async ({ browser }) => {
  const page = await signIn(browser, demo("executive"));
  await page.goto("/graph");
  await page.getByLabel("Down to").selectOption("4");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/tier=4/);
  const graph = page.getByRole("group", { name: /Supply-chain graph/ });
  await expect(graph.getByText("Tier 3", { exact: true })).toBeVisible();
  const all = await graph.locator("a[data-node]").count();
  expect(all).toBeGreaterThanOrEqual(6);
  if (shots) await page.screenshot({ path: `${shots}/org-graph.png`, fullPage: true });

  await page.getByLabel("Country", { exact: true }).selectOption("TM");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(graph.locator("a[data-node]")).toHaveCount(1);
  await expect(page.getByText(/1 supplier at tiers 1–4 matching the filters/)).toBeVisible();
});
