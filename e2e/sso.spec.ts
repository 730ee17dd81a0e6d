import { expect, test, type Browser } from "@playwright/test";
import { startTestProvider, type TestProvider } from "~/sso/testing.server";
import { signUpFreshOrg, watch } from "./helpers";

/**
 * Single sign-on through the browser against an OpenID Provider running in this test process: an admin
 * connects it on Settings → SSO, a new colleague signs in with it and joins with the default role, and a
 * tampered answer (wrong nonce) shows why it was refused and opens no session.
 */
let idp: TestProvider;
test.beforeAll(async () => {
  idp = await startTestProvider();
});
test.afterAll(async () => {
  await idp.close();
});

async function ssoSignIn(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = watch(await context.newPage());
  await page.goto("/login");
  await page.getByRole("link", { name: "Sign in with SSO" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with SSO" })).toBeVisible();
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue" }).click();
  return page;
}

test("an admin connects the provider; a colleague signs in with it; a tampered answer is refused", async ({
  browser,
}) => {
  const id = Date.now().toString(36);
  const domain = `sso-${id}.example.test`;
  const admin = await signUpFreshOrg(browser, {
    organizationName: `SSO Test ${id}`,
    name: "Ada Admin",
    email: `ada@${domain}`,
    password: "sso-e2e-password",
  });

  // Settings-like pages sit under "More" in the header (D47).
  const nav = admin.getByRole("navigation", { name: "Main" });
  await nav.getByText("More").click();
  await nav.getByRole("link", { name: "SSO", exact: true }).click();
  await expect(admin.getByRole("heading", { name: "Single sign-on" })).toBeVisible();
  await expect(admin.getByTestId("sso-callback-url")).toHaveText(/\/login\/sso\/callback$/);
  await admin.getByLabel("Issuer URL").fill(idp.issuer);
  await admin.getByLabel("Client id").fill(idp.clientId);
  await admin.getByLabel("Client secret").fill(idp.clientSecret);
  // A domain nobody in the organisation has an address at is refused (what was typed stays in the form).
  await admin.getByLabel("Allowed email domains").fill("someone-else.example.test");
  await admin.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(admin.getByText(/No member of this organisation has a confirmed address/)).toBeVisible();
  await expect(admin.getByLabel("Issuer URL")).toHaveValue(idp.issuer);

  await admin.getByLabel("Allowed email domains").fill(domain);
  await admin.getByLabel("Role for people signing in the first time").selectOption("auditor");
  await admin.getByRole("button", { name: "Turn on single sign-on" }).click();
  await expect(admin.getByText("Single sign-on is set up.")).toBeVisible();
  await expect(admin.getByText(/A secret is stored .* it is never shown again/)).toBeVisible();
  // Saved: the form starts afresh and the secret is never sent back to the browser.
  await expect(admin.getByLabel("Client secret")).toHaveValue("");
  await admin.reload();
  expect(await admin.content()).not.toContain(idp.clientSecret);

  // A colleague who has no account yet: the provider vouches for them, they join as an auditor.
  idp.signIn({ sub: `ben-${id}`, email: `ben@${domain}`, name: "Ben Buyer" });
  const ben = await ssoSignIn(browser, `ben@${domain}`);
  await expect(ben).toHaveURL(/\/dashboard/);
  await expect(ben.getByText("Ben Buyer").first()).toBeVisible();
  await expect(ben.getByText(`SSO Test ${id}`).first()).toBeVisible();
  // Auditors do not manage members: the settings page is closed to Ben.
  const denied = await ben.goto("/settings/sso");
  expect(denied?.status()).toBe(403);

  // A tampered answer: the ID token's nonce is not the one this browser's sign-in sent.
  idp.signIn({ sub: `cleo-${id}`, email: `cleo@${domain}`, name: "Cleo Mallory" });
  idp.tamper({ nonce: "not-the-one-we-sent" });
  const cleo = await ssoSignIn(browser, `cleo@${domain}`);
  await expect(cleo.getByRole("heading", { name: "Single sign-on did not work" })).toBeVisible();
  await expect(cleo.getByRole("alert")).toHaveText(/nonce mismatch/);
  await cleo.goto("/dashboard");
  await expect(cleo).toHaveURL(/\/login\?redirectTo=/);

  // An address at a domain the organisation did not allow gets a clear page, and no session either.
  idp.signIn({ sub: `eve-${id}`, email: `eve@elsewhere-${id}.example.test` });
  const eve = watch(await (await browser.newContext()).newPage());
  await eve.goto(
    `/login/sso?org=${new URL(await admin.getByTestId("sso-sign-in-url").innerText()).searchParams.get("org")}`,
  );
  await expect(eve.getByText(`Continue to SSO Test ${id}'s identity provider.`)).toBeVisible();
  await eve.getByRole("button", { name: "Continue" }).click();
  await expect(eve.getByRole("alert")).toHaveText(/may not sign in to this organisation/);

  // The admin finds both refusals and Ben's arrival in the audit log.
  await admin.goto("/audit-log?action=sso.*");
  await expect(admin.getByText(/refused a single sign-on: .*nonce mismatch/)).toBeVisible();
  await expect(admin.getByText(/refused a single sign-on of eve@.*may not sign in/)).toBeVisible();
  await expect(admin.getByText(`set up single sign-on with ${idp.issuer}`)).toBeVisible();
  await admin.goto("/audit-log?action=member.added");
  await expect(admin.getByText(/added .*Ben Buyer.* as Auditor \(via single sign-on\)/)).toBeVisible();
});
