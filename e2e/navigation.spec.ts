import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * The signed-in navigation (issue 13, Deliver 4): the main links stay on one line at the common laptop widths
 * for the roles with the most links, the rest sit under "More"; on a phone one "Menu" button, which opens
 * and is used with the keyboard alone; every control shows where the focus is.
 */
async function mainLinkRows(page: Page): Promise<number> {
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  const tops = await nav
    .locator(":scope > ul > li, :scope > details")
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
  return new Set(tops).size;
}

test.describe("navigation", () => {
  for (const role of ["executive", "admin"] as const) {
    for (const width of [1280, 1400]) {
      test(`${role}: one line at ${width} px, the rest under More`, async ({ browser }) => {
        const page = await signIn(browser, demo(role));
        await page.setViewportSize({ width, height: 800 });
        await page.goto("/suppliers");
        expect(await mainLinkRows(page)).toBe(1);
        const header = await page.locator("header").boundingBox();
        expect(header!.height).toBeLessThan(72);
        // Nothing of the header is pushed out of the window.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBe(0);

        const nav = page.getByRole("navigation", { name: "Main" });
        await expect(nav.getByRole("link", { name: "Audit log" })).toBeHidden();
        await nav.getByText("More").click();
        await nav.getByRole("link", { name: "Audit log" }).click();
        await expect(page).toHaveURL(/\/audit-log$/);
        // The disclosure closes once the page has changed.
        await expect(nav.getByRole("link", { name: "Audit log" })).toBeHidden();
        await page.context().close();
      });
    }
  }

  test("on a phone: one Menu button, opened and used with the keyboard", async ({ browser }) => {
    const page = await signIn(browser, demo("executive"));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/dashboard");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await expect(page.getByRole("link", { name: "Suppliers", exact: true })).toBeHidden();

    // Skip link, logo, then the menu button; its focus is visible (a ring, not the browser's default).
    const menu = page.locator("summary", { hasText: "Menu" });
    for (let i = 0; i < 6 && !(await menu.evaluate((e) => e === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    await expect(menu).toBeFocused();
    const ring = await menu.evaluate((e) => getComputedStyle(e).boxShadow);
    expect(ring).not.toBe("none");
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Suppliers", exact: true })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();

    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Dashboard" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(nav.getByRole("link", { name: "Suppliers", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/suppliers$/);
    await expect(nav).toBeHidden();
    await page.context().close();
  });

  test("on a phone without JavaScript the menu still opens", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(demo("executive"));
    await page.getByLabel("Password").fill("clearsource-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await page.locator("summary", { hasText: "Menu" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statements" }).click();
    await expect(page).toHaveURL(/\/statements$/);
    await context.close();
  });
});
