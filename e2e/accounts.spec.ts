import { generateTOTP } from "@epic-web/totp";
import { expect, test } from "@playwright/test";
import { outboxText, signUpFreshOrg } from "./helpers";

/**
 * Accounts through the browser: sign-up confirmed by email, two-factor set-up with an authenticator code,
 * log-in with the second step, a recovery code, and a password reset by emailed link.
 */
test("sign-up by email, two-factor sign-in with recovery codes, password reset", async ({ browser }) => {
  // The last step waits for the authenticator's next 30-second code (a used code is never accepted twice).
  test.setTimeout(120_000);
  const id = Date.now().toString(36);
  const who = {
    organizationName: `Accounts Test ${id}`,
    name: "Tess Two-Factor",
    email: `accounts-${id}@example.test`,
    password: "accounts-e2e-password",
  };
  const page = await signUpFreshOrg(browser, who);

  // Set up two-factor sign-in from the key the page shows (what an authenticator app reads from the QR).
  // Settings-like pages sit under "More" in the header (D41).
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByText("More").click();
  await nav.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.locator("code").innerText()).trim();
  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  const totp = async () => (await generateTOTP({ secret, period: 30, digits: 6, algorithm: "SHA-1" })).otp;
  await page.getByLabel("Code from the app").fill(await totp());
  const setupStep = Math.floor(Date.now() / 30_000);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().innerText()).trim();

  // Require it for the organisation (the admin has it now).
  await page.getByRole("button", { name: "Require two-factor sign-in for everyone" }).click();
  await expect(page.getByRole("button", { name: "Stop requiring two-factor sign-in" })).toBeVisible();

  // Log out; the password alone now leads to the code step; a recovery code completes it.
  await page.getByRole("button", { name: "Log out" }).click();
  // Wait for the logout to land: a goto racing it keeps the old session.
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await page.getByLabel("Code").fill("111111");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("Code").fill(recovery);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.getByRole("button", { name: "Log out" }).click();
  // Wait for the logout to land: a goto racing it keeps the old session.
  await expect(page).toHaveURL(/\/login$/);

  // Forgotten password: an emailed link, used once; every session ends; the second factor still applies.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("Email").fill(who.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`We sent an email to ${who.email}`);
  const link = (await outboxText(who.email, "password-reset")).match(/\/reset-password\/[\w-]+/)![0];
  await page.goto(link);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await page.getByLabel("New password").fill("a brand new e2e passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill("a brand new e2e passphrase");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor/);
  while (Math.floor(Date.now() / 30_000) <= setupStep) await page.waitForTimeout(500);
  await page.getByLabel("Code").fill(await totp());
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  const reused = await page.goto(link);
  expect(reused?.status()).toBe(410);
});
