import { expect, test, type Page } from "@playwright/test";
import { answerRemaining, browserErrors, demo, signIn } from "./helpers";

/**
 * Issue 4's "done when" chain as one connected flow: an admin clones the built-in self-assessment, rewords a
 * question and publishes it; procurement sends THAT published version in a campaign to one supplier (created
 * here, so no other spec depends on it) in Spanish; the supplier opens the emailed link, confirms the emailed
 * code, answers in Spanish with autosave and an upload, submits; procurement returns one question with a
 * comment; the supplier fixes it; procurement accepts; the supplier's risk explanation names the answer.
 */
test.describe.serial("questionnaire chain: template → campaign → portal → review → risk", () => {
  test.setTimeout(240_000);
  test.afterEach(() => {
    expect(browserErrors, "no React errors (hydration mismatches, crashes) in the browser").toEqual([]);
  });

  const run = Date.now().toString(36);
  const templateName = `Chain SAQ ${run}`;
  const reworded = `Do any workers live in housing arranged by you or an agent (${run})?`;
  const supplierName = `Textiles Andinos ${run}`;
  const contact = `rrhh.${run}@textiles-andinos.test`;
  let templateOption = "";
  let supplierUrl = "";
  let assignmentUrl = "";
  let portalUrl = "";
  let supplierPage: Page;

  /** The newest email to `to` whose subject matches, from the development mailbox (its text body). */
  async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
    const row = page
      .getByRole("row", { name: new RegExp(to.replace(/[.]/g, "\\.")) })
      .filter({ hasText: subject });
    // The outbox delivers in the background: reload until the email is there.
    await expect(async () => {
      await page.goto("/dev/mailbox");
      await expect(row.first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await row.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/dev\/mailbox\/.+/);
    return page.locator("main pre").innerText();
  }

  test("a. admin clones the built-in SAQ, rewords a question and publishes it", async ({ browser }) => {
    const page = await signIn(browser, demo("admin"));
    await page.goto("/templates");
    await page.locator("#name-builtin").fill(templateName);
    await page.getByRole("button", { name: "Clone and edit" }).click();
    await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: templateName })).toBeVisible();

    await page.getByRole("link", { name: "Edit W4" }).click();
    await page.locator("#q-W4-text").fill(reworded);
    await page.getByRole("button", { name: "Save question" }).click();
    await expect(page.locator("#q-W4")).toContainText(reworded);

    await page.getByRole("button", { name: "Publish version 1" }).click();
    await expect(page.getByText("Version 1 is published.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit W4" })).toHaveCount(0);
  });

  test("b. procurement adds the supplier and sends the published template in a Spanish campaign", async ({
    browser,
  }) => {
    const page = await signIn(browser, demo("procurement"));
    await page.goto("/suppliers/new");
    await page.getByLabel("Legal name").fill(supplierName);
    await page.getByLabel("Country").selectOption("PE");
    await page.getByLabel("Sector").selectOption("Textiles and apparel");
    await page.getByLabel("Contact name").fill("Rosa Mamani");
    await page.getByLabel("Contact email").fill(contact);
    await page.getByRole("button", { name: "Add supplier" }).click();
    await expect(page).toHaveURL(/\/suppliers\/[0-9a-f-]{36}/);
    await expect(page.getByRole("heading", { name: supplierName })).toBeVisible();
    supplierUrl = new URL(page.url()).pathname;

    await page.goto(`/campaigns/new?q=${encodeURIComponent(supplierName)}`);
    const boxes = page.getByRole("checkbox", { name: /^Choose / });
    await expect(boxes).toHaveCount(1);
    await page.getByRole("checkbox", { name: `Choose ${supplierName}` }).check();
    const option = page.locator("#f-templateId option", { hasText: `${templateName} · version 1` });
    await expect(option).toHaveCount(1);
    templateOption = (await option.getAttribute("value")) ?? "";
    await page.locator("#f-templateId").selectOption(templateOption);
    await page.getByLabel("Campaign name (optional)").fill(`Chain campaign ${run}`);
    await page.locator("#f-language").selectOption("es");
    await page.getByRole("button", { name: "Send to the ticked suppliers" }).click();

    await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
    const bar = page.getByRole("progressbar", { name: "Sending progress" });
    await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 20_000 });
    const row = page.getByTestId("campaign-supplier").filter({ hasText: supplierName });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Spanish");
    await expect(row).toContainText("Sent");
    await row.getByRole("link", { name: supplierName }).click();
    await expect(page).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}/);
    assignmentUrl = new URL(page.url()).pathname;
    // The assignment carries the exact published version, with the reworded question.
    await expect(page.getByText(/self-assessment v1 · sent to Rosa Mamani/)).toBeVisible();
    await expect(page.locator("#q-W4")).toContainText(reworded);
  });

  test("c. the supplier opens the emailed link, confirms the code, answers in Spanish with autosave and an upload, submits", async ({
    browser,
  }) => {
    // Mail is not sent by SMTP here: an admin of the organisation reads its outbox.
    const mailbox = await signIn(browser, demo("admin"));
    const invitation = await readMail(mailbox, contact, /./);
    const link = invitation.match(/https?:\/\/[^\s"<>]+\/s\/[A-Za-z0-9_-]{43,}/)![0];

    const context = await browser.newContext({
      locale: "es-ES",
      extraHTTPHeaders: { "Accept-Language": "es-ES,es" },
    });
    supplierPage = await context.newPage();
    const page = supplierPage;
    await page.goto(link);
    await expect(page.getByRole("link", { name: "Español" })).toHaveAttribute("aria-current", "true");
    await page.getByRole("button", { name: "Empezar" }).click();
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}\/verify$/);

    const codeMail = await readMail(mailbox, contact, /código|code/i);
    const code = codeMail.match(/\b(\d{6})\b/)![1];
    await page.getByLabel("Código de 6 dígitos").fill(code);
    await page.getByRole("button", { name: "Confirmar" }).click();
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}$/);
    portalUrl = page.url();
    await expect(page.getByText("Sus respuestas se guardan automáticamente")).toBeVisible();

    // Autosave: the typed answer is saved on its own and is still there after a reload.
    await page.locator('input[name="q.H1"]').fill("50");
    await expect(page.locator('[data-save-status="H1"]')).toContainText("Guardado");
    await page.reload();
    await expect(page.locator('input[name="q.H1"]')).toHaveValue("50");

    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({
        name: "política de contratación.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
      });
    await page
      .locator('form[enctype="multipart/form-data"]')
      .first()
      .getByRole("button", { name: "Subir un archivo" })
      .click();
    await expect(page.getByText("política de contratación.pdf")).toBeVisible();

    await answerRemaining(page);
    await page.locator("#declarationTitle").fill("Jefa de Recursos Humanos");
    await page.locator('input[name="attest"]').check();
    await page.getByRole("button", { name: "Enviar respuestas" }).click();
    await expect(page.getByText(/Enviado el/).first()).toBeVisible();
  });

  test("d. procurement returns one question with a comment", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(assignmentUrl);
    await expect(buyer.getByText("Spanish").first()).toBeVisible();
    await expect(buyer.getByText("política de contratación.pdf").first()).toBeVisible();
    const h1 = buyer.locator("#q-H1");
    await h1.getByRole("button", { name: "Return with a comment" }).click();
    await h1.getByRole("textbox").fill("Indique las horas de la semana de mayor actividad, con horas extra.");
    await h1.getByRole("button", { name: "Mark to return with this comment" }).click();
    await buyer.getByRole("button", { name: "Return to supplier (1)" }).click();
    await expect(buyer.getByText(/Returned to the supplier/).first()).toBeVisible();
  });

  test("e. the supplier fixes the returned question and resubmits", async () => {
    const page = supplierPage;
    await page.goto(portalUrl);
    await expect(page.getByText(/devuelto algunas preguntas/)).toBeVisible();
    await expect(page.getByText("Indique las horas de la semana de mayor actividad")).toBeVisible();
    await expect(page.locator('input[name="q.H2"]')).toHaveCount(0);
    await page.locator('input[name="q.H1"]').fill("66");
    await expect(page.locator('[data-save-status="H1"]')).toContainText("Guardado");
    await page.locator('input[name="attest"]').check();
    await page.getByRole("button", { name: "Enviar cambios" }).click();
    await expect(page.getByText(/Enviado el/).first()).toBeVisible();
  });

  test("f. procurement accepts; the supplier's risk explanation names the answer", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(assignmentUrl);
    await expect(buyer.locator("#q-W4")).toContainText(reworded);
    await buyer.getByRole("button", { name: "Accept answers" }).click();
    await expect(buyer.getByText("Answers accepted").first()).toBeVisible();
    await buyer.goto(supplierUrl);
    await expect(buyer.getByText(/question H1/).first()).toBeVisible();
    await expect(buyer.getByRole("row", { name: /66 hours per week/ }).first()).toBeVisible();
  });
});
