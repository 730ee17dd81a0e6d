import { expect, test, type Page } from "@playwright/test";
import { startReceiver, verifyAsReceiver } from "~/webhooks/testing.server";
import { signUpFreshOrg } from "./helpers";

/** Settings-like pages sit under "More" in the header (D47). */
async function fromMore(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByText("More").click();
  await nav.getByRole("link", { name, exact: true }).click();
}

/**
 * The integration path a customer's ERP takes: an admin creates an API key and a webhook endpoint in the
 * UI, a script creates a supplier through /api/v1 with the key, the endpoint (a receiver in this test
 * process) gets the signed event and verifies it the Standard Webhooks way, and the audit log's filters
 * find the key's creation and the create the key made.
 */
test("API key + webhook in the UI, a supplier created through the API, the signed event, the audit log", async ({
  browser,
  request,
}) => {
  const id = Date.now().toString(36);
  const receiver = await startReceiver();
  try {
    const admin = await signUpFreshOrg(browser, {
      organizationName: `Integrations ${id}`,
      name: "Ivy Integrator",
      email: `ivy-${id}@example.test`,
      password: "integrations-e2e-password",
    });

    // An API key that may create suppliers.
    await fromMore(admin, "API keys");
    await expect(admin.getByRole("heading", { name: "API keys" })).toBeVisible();
    await admin.getByLabel("Name").fill(`ERP sync ${id}`);
    await admin.getByRole("checkbox", { name: /suppliers:write/ }).check();
    await admin.getByRole("button", { name: "Create key" }).click();
    await expect(admin.getByText(`Key “ERP sync ${id}” created.`)).toBeVisible();
    const token = await admin.getByLabel("New API key").inputValue();
    expect(token).toMatch(/^cs_live_[0-9a-f]{10}_/);

    // A webhook endpoint for risk level changes (a new supplier gets its first level).
    await fromMore(admin, "Webhooks");
    await admin.getByLabel("Receiver address (URL)").fill(receiver.url);
    await admin.getByRole("checkbox", { name: /supplier\.risk_level_changed/ }).check();
    await admin.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await admin.getByTestId("webhook-secret").innerText()).trim();
    expect(secret).toMatch(/^whsec_/);

    // The ERP's script: no browser, no cookie, the bearer key only.
    const name = `Api Weaving ${id}`;
    const created = await request.post("/api/v1/suppliers", {
      headers: { Authorization: `Bearer ${token}`, "Idempotency-Key": `create-${id}` },
      data: {
        name,
        country: "VN",
        sector: "Textiles and apparel",
        contactName: "Linh Tran",
        contactEmail: `linh-${id}@weaving.example.test`,
      },
    });
    expect(created.status()).toBe(201);
    const supplier = (await created.json()) as { id: string; name: string };
    expect(supplier.name).toBe(name);
    // Without the key the same call is refused as problem+json.
    const anonymous = await request.post("/api/v1/suppliers", { data: { name } });
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["content-type"]).toMatch(/application\/problem\+json/);

    // The receiver gets the event, signed with the endpoint's secret.
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThan(0);
    const delivery = receiver.received.find((r) => r.body.includes(supplier.id));
    expect(delivery, "a delivery about the new supplier").toBeDefined();
    const event = verifyAsReceiver(secret, delivery!) as {
      type: string;
      data: { supplierId: string; from: string | null; to: string };
    };
    expect(event.type).toBe("supplier.risk_level_changed");
    expect(event.data.supplierId).toBe(supplier.id);
    expect(event.data.from).toBeNull();
    expect(() =>
      verifyAsReceiver("whsec_" + Buffer.from("x".repeat(24)).toString("base64"), delivery!),
    ).toThrow();

    // The audit log: the key's creation, then the supplier the key created.
    await fromMore(admin, "Audit log");
    await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await admin.getByLabel("Action", { exact: true }).selectOption("api_key.created");
    await admin.getByRole("button", { name: "Filter" }).click();
    await expect(admin).toHaveURL(/action=api_key\.created/);
    const keyRows = admin.getByRole("table").getByRole("row");
    await expect(keyRows).toHaveCount(2);
    await expect(keyRows.nth(1)).toContainText(`Ivy Integrator`);
    await expect(keyRows.nth(1)).toContainText(`created the API key ERP sync ${id}`);

    await admin.getByLabel("Action", { exact: true }).selectOption("supplier.created");
    await admin.getByLabel("Search names").fill(name);
    await admin.getByRole("button", { name: "Filter" }).click();
    await expect(admin).toHaveURL(/action=supplier\.created/);
    const createRows = admin.getByRole("table").getByRole("row");
    await expect(createRows).toHaveCount(2);
    await expect(createRows.nth(1)).toContainText(`API key “ERP sync ${id}”`);
    await expect(createRows.nth(1)).toContainText(`created supplier ${name}`);
  } finally {
    await receiver.close();
  }
});
