import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * Campaigns through the browser: procurement sends the self-assessment to three suppliers, watches the
 * progress bar reach 100 % while the background job queues the invitations, sees each supplier's status,
 * and revokes one link.
 */
test("campaign to three suppliers: progress to 100%, statuses, revoke one", async ({ browser }) => {
  const page = await signIn(browser, demo("procurement"));
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "New campaign" }).first().click();
  await expect(page).toHaveURL(/\/campaigns\/new/);

  // Bad input first: nothing ticked → the form says so and nothing is sent.
  await page.getByRole("button", { name: "Send to the ticked suppliers" }).click();
  await expect(page.getByText("Choose at least one supplier.")).toBeVisible();

  const boxes = page.getByRole("checkbox", { name: /^Choose / });
  expect(await boxes.count()).toBeGreaterThanOrEqual(3);
  const names: string[] = [];
  for (let i = 0; i < 3; i++) {
    const box = boxes.nth(i);
    names.push(((await box.getAttribute("aria-label")) ?? "").replace(/^Choose /, ""));
    await box.check();
  }
  await page.getByLabel("Campaign name (optional)").fill("E2E campaign");
  await page.getByRole("button", { name: "Send to the ticked suppliers" }).click();

  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: "E2E campaign" })).toBeVisible();
  const bar = page.getByRole("progressbar", { name: "Sending progress" });
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 20_000 });
  await expect(page.getByText("All invitations queued")).toBeVisible();

  const rows = page.getByTestId("campaign-supplier");
  await expect(rows).toHaveCount(3);
  for (const name of names) await expect(rows.filter({ hasText: name })).toContainText("Sent");

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke ${names[0]}` }).click();
  await expect(page.getByText("The link was revoked")).toBeVisible();
  await expect(rows.filter({ hasText: names[0] })).toContainText("Revoked");
  await expect(page.getByRole("button", { name: `Revoke ${names[0]}` })).toHaveCount(0);
  await expect(page.getByText("Revoked · 1")).toBeVisible();

  // The overview lists the campaign with its response rate.
  await page.goto("/campaigns");
  await expect(page.getByRole("link", { name: "E2E campaign" })).toBeVisible();
});
