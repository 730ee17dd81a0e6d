import { expect, test, type Page } from "@playwright/test";
import { answerRemaining, demo, pdfText, signIn } from "./helpers";

/**
 * The supplier portal and the review, end to end: procurement sends the self-assessment in Spanish; the
 * supplier opens the emailed link, confirms the emailed code, answers in Spanish (autosave, an upload),
 * submits; procurement returns one question; the supplier fixes only that one; procurement accepts; the
 * supplier's risk explanation names the answer.
 */
test.describe.serial("supplier portal and review", () => {
  test.setTimeout(240_000);
  const contact = `compras.${Date.now()}@hilados-del-sur.test`;
  let assignmentUrl = "";
  let supplierUrl = "";
  let portalUrl = "";
  let supplierPage: Page;

  /** The newest email to `to` whose subject matches, from the development mailbox (its text body). */
  async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
    await page.goto("/dev/mailbox");
    const row = page
      .getByRole("row", { name: new RegExp(to.replace(/[.]/g, "\\.")) })
      .filter({ hasText: subject });
    await row.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/dev\/mailbox\/.+/);
    return page.locator("main pre").innerText();
  }

  test("procurement sends the self-assessment in Spanish", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    // A seeded supplier, with a contact address of this run's own (so its emails are easy to find).
    await buyer.goto("/questionnaires/send");
    await buyer.getByLabel("Supplier").selectOption({ index: 0 });
    await buyer.getByRole("button", { name: "Continue" }).click();
    await buyer.getByLabel("Contact name").fill("Lucía Quispe");
    await buyer.getByLabel("Contact email").fill(contact);
    await buyer.getByLabel("Language").selectOption("es");
    await buyer.getByRole("button", { name: "Send questionnaire" }).click();
    await expect(buyer).toHaveURL(/\/questionnaires\/[0-9a-f-]{36}/);
    assignmentUrl = new URL(buyer.url()).pathname;
    await buyer.getByRole("link", { name: "Supplier page" }).click();
    await expect(buyer).toHaveURL(/\/suppliers\/[0-9a-f-]{36}/);
    supplierUrl = new URL(buyer.url()).pathname;
  });

  test("the supplier opens the link, confirms the code and answers in Spanish with autosave and an upload", async ({
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
    await expect(page.getByRole("heading", { name: "Confirme que es usted" })).toBeVisible();

    // A wrong code is counted; the right one, read from the mailbox, opens the questionnaire.
    await page.getByLabel("Código de 6 dígitos").fill("000000");
    await page.getByRole("button", { name: "Confirmar" }).click();
    await expect(page.getByText(/Intentos restantes: 4|Attempts left/)).toBeVisible();
    const codeMail = await readMail(mailbox, contact, /código|code/i);
    const code = codeMail.match(/\b(\d{6})\b/)![1];
    await page.getByLabel("Código de 6 dígitos").fill(code);
    await page.getByRole("button", { name: "Confirmar" }).click();
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}$/);
    portalUrl = page.url();
    await expect(page.getByText("Sus respuestas se guardan automáticamente")).toBeVisible();

    // Autosave: one typed answer saves on its own, and is there after a reload.
    const hours = page.locator('input[name="q.H1"]');
    await hours.fill("50");
    await expect(page.locator('[data-save-status="H1"]')).toContainText("Guardado");
    await page.reload();
    await expect(page.locator('input[name="q.H1"]')).toHaveValue("50");

    // A field error shows inline, in Spanish, and nothing is lost.
    await page.locator('input[name="q.H2"]').fill("muchas");
    await expect(page.getByText("Introduzca un número, por ejemplo 48 o 12,5.").first()).toBeVisible();

    // An upload to the first question that takes files.
    const fileInput = page.locator('input[type="file"]').first();
    await fileInput.setInputFiles({
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
    await page.locator('input[name="q.H2"]').fill("55");
    await expect(page.locator('[data-save-status="H2"]')).toContainText("Guardado");

    await page.locator("#declarationTitle").fill("Jefa de Recursos Humanos");
    await page.locator('input[name="attest"]').check();
    await page.getByRole("button", { name: "Enviar respuestas" }).click();
    await expect(page.getByText(/Enviado el/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Descargar una copia en PDF" })).toBeVisible();

    const pdf = await page.request.get(`${new URL(portalUrl).pathname}/pdf`);
    expect(pdf.status()).toBe(200);
    const text = pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain("Copia de sus respuestas");
    expect(text).toContain("Jefa de Recursos Humanos");
  });

  test("procurement returns one question with a comment, in the supplier's language", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(assignmentUrl);
    await expect(buyer.getByText("Spanish").first()).toBeVisible();
    const h1 = buyer.locator("#q-H1");
    await h1.getByRole("button", { name: "Return with a comment" }).click();
    await h1.getByRole("textbox").fill("Indique las horas de la semana de mayor actividad, con horas extra.");
    await h1.getByRole("button", { name: "Mark to return with this comment" }).click();
    await expect(buyer.getByRole("button", { name: "Return to supplier (1)" })).toBeEnabled();
    await buyer.getByRole("button", { name: "Return to supplier (1)" }).click();
    await expect(buyer.getByText(/Returned to the supplier/).first()).toBeVisible();
  });

  test("the supplier changes only the returned question and resubmits", async () => {
    const page = supplierPage;
    await page.goto(portalUrl);
    await expect(page.getByText(/devuelto algunas preguntas/)).toBeVisible();
    await expect(page.getByText("Indique las horas de la semana de mayor actividad")).toBeVisible();
    // Other questions are read-only.
    await expect(page.locator('input[name="q.H2"]')).toHaveCount(0);
    await page.locator('input[name="q.H1"]').fill("66");
    await expect(page.locator('[data-save-status="H1"]')).toContainText("Guardado");
    await page.locator('input[name="attest"]').check();
    await page.getByRole("button", { name: "Enviar cambios" }).click();
    await expect(page.getByText(/Enviado el/).first()).toBeVisible();
  });

  test("procurement accepts; risk names the answer", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(assignmentUrl);
    await buyer.locator("#q-H1 details summary").click();
    await expect(buyer.locator("#q-H1 details")).toContainText("Round 2");
    await buyer.getByRole("button", { name: "Accept answers" }).click();
    await expect(buyer.getByText("Answers accepted").first()).toBeVisible();
    await buyer.goto(supplierUrl);
    await expect(buyer.getByText(/question H1/).first()).toBeVisible();
    await expect(buyer.getByRole("row", { name: /66 hours per week/ }).first()).toBeVisible();
  });
});
