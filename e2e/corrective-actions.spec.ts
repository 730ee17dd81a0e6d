import { expect, test, type Page } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * From finding to verified remedy (issue 10, Done when): an auditor records a SMETA audit with findings
 * in SMETA's words; procurement shares the actions with the supplier in Spanish; the supplier opens the
 * emailed link, confirms the emailed code, disputes one finding and submits a plan for the other;
 * procurement returns the plan once, then accepts it; the supplier uploads evidence and submits it; a
 * second person (the auditor) verifies by desk review and closes; the finding closes and the supplier's
 * risk explanation no longer counts it; a remedy (fees repaid to 40 workers) appears on the dashboard.
 */
test.describe.serial("corrective actions from finding to verified remedy", () => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const fees = `Recruitment fees paid by migrant workers ${run}`;
  const overtime = `Overtime above 60 hours a week ${run}`;
  const contact = `calidad.${run}@textiles-andinos.test`;
  let auditUrl = "";
  let supplierUrl = "";
  let feesActionUrl = "";
  let supplier: Page;

  async function readMail(page: Page, to: string, subject: RegExp): Promise<string> {
    await page.goto("/dev/mailbox");
    const row = page
      .getByRole("row", { name: new RegExp(to.replace(/[.]/g, "\\.")) })
      .filter({ hasText: subject });
    await row.first().getByRole("link").first().click();
    await expect(page).toHaveURL(/\/dev\/mailbox\/.+/);
    return page.locator("main pre").innerText();
  }

  const card = (page: Page, title: string) => page.locator("section", { hasText: title });

  test("the auditor records a SMETA audit in SMETA's words", async ({ browser }) => {
    const auditor = await signIn(browser, demo("auditor"));
    await auditor.goto("/audits/new");
    await auditor.getByLabel("Supplier").selectOption({ label: "Saigon Garment Co. (VN, tier 1)" });
    await auditor.getByLabel("Scheme").selectOption("SMETA");
    await auditor.getByLabel("Audit date").fill("2026-03-10");
    await auditor.getByRole("button", { name: "Record audit" }).click();
    await expect(auditor).toHaveURL(/\/audits\/[0-9a-f-]{36}/);
    auditUrl = new URL(auditor.url()).pathname;

    for (const [title, word, ilo] of [
      [fees, "Critical", "9"],
      [overtime, "Major", "11"],
    ]) {
      await auditor.getByLabel("Title").fill(title);
      await auditor.getByLabel(/Grade \(SMETA words\)/).selectOption(word);
      await auditor.getByLabel(/forced-labour indicator/).selectOption(ilo);
      await auditor.getByRole("button", { name: "Add finding" }).click();
      await expect(auditor.getByRole("cell", { name: new RegExp(title) })).toBeVisible();
    }
    await expect(auditor.getByText("“Critical”")).toBeVisible();
    await auditor.getByRole("link", { name: "Supplier profile" }).click();
    await expect(auditor).toHaveURL(/\/suppliers\/[0-9a-f-]{36}/);
    supplierUrl = new URL(auditor.url()).pathname;
    // The open critical finding is a line of the risk explanation.
    await expect(auditor.getByRole("cell", { name: `Open critical finding: ${fees}` })).toBeVisible();
  });

  test("procurement shares the actions with the supplier, in Spanish", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(auditUrl);
    await buyer
      .getByRole("row", { name: new RegExp(fees) })
      .getByRole("link", { name: "Open — plan due" })
      .click();
    await expect(buyer).toHaveURL(/\/remediation\/[0-9a-f-]{36}/);
    feesActionUrl = new URL(buyer.url()).pathname;
    await buyer.getByLabel("Contact name").fill("Lucía Quispe");
    await buyer.getByLabel("Contact email").fill(contact);
    await buyer.getByLabel("Language").selectOption("es");
    await buyer.getByRole("button", { name: "Email the link" }).click();
    await expect(buyer.getByText(`Link emailed to ${contact}.`)).toBeVisible();
  });

  test("the supplier confirms the code, disputes one finding and sends a plan for the other", async ({
    browser,
  }) => {
    const mailbox = await signIn(browser, demo("admin"));
    const invitation = await readMail(mailbox, contact, /acciones correctivas/);
    const link = invitation.match(/https?:\/\/[^\s"<>]+\/a\/[A-Za-z0-9_-]{43,}/)![0];
    const context = await browser.newContext({ locale: "es-ES" });
    supplier = await context.newPage();
    await supplier.goto(link);
    await supplier.getByRole("button", { name: "Abrir las acciones correctivas" }).click();
    await expect(supplier).toHaveURL(/\/supplier-actions\/verify/);
    const codeMail = await readMail(mailbox, contact, /es su código/);
    await supplier.getByLabel("Código").fill(/\b(\d{6})\b/.exec(codeMail)![1]);
    await supplier.getByRole("button", { name: "Confirmar" }).click();
    await expect(supplier).toHaveURL(/\/supplier-actions$/);
    await expect(
      supplier.getByRole("heading", { name: /Acciones correctivas de Saigon Garment Co\./ }),
    ).toBeVisible();

    const disputed = card(supplier, overtime);
    await disputed.getByLabel("Lo discuto").check();
    await disputed.getByLabel(/Motivo/).fill("Las horas extra son voluntarias y se pagan con recargo.");
    await disputed.getByRole("button", { name: "Enviar respuesta" }).click();
    await expect(card(supplier, overtime).getByText(/Usted discute este hallazgo/)).toBeVisible();

    const plan = card(supplier, fees);
    await plan.getByRole("button", { name: "Enviar plan" }).click();
    // Bad input re-renders in the supplier's language, beside the right action.
    await expect(
      card(supplier, fees)
        .getByText(/Complete este campo/)
        .first(),
    ).toBeVisible();
    await plan
      .getByLabel("Causa raíz")
      .fill("Las agencias en Nepal cobraban comisiones que nadie verificaba.");
    await plan.getByLabel("Acción correctiva").fill("Devolver a cada trabajador las comisiones pagadas.");
    await plan
      .getByLabel("Acción preventiva")
      .fill("Cláusula de pago por el empleador en cada contrato de agencia.");
    await plan.getByLabel("Fecha de finalización").fill("2099-06-30");
    await plan.getByLabel("Persona responsable").fill("Jefa de RR. HH.");
    await plan.getByRole("button", { name: "Enviar plan" }).click();
    await expect(card(supplier, fees).getByText("Su plan se ha enviado para revisión.")).toBeVisible();
  });

  test("procurement returns the plan once, the supplier revises it, procurement accepts", async ({
    browser,
  }) => {
    const buyer = await signIn(browser, demo("procurement"));
    await buyer.goto(feesActionUrl);
    await expect(buyer.getByText("Supplier's response to the finding")).toBeVisible();
    await buyer.getByLabel("What the plan is missing").fill("Indiquen cuántos trabajadores y qué importe.");
    await buyer.getByRole("button", { name: "Return plan to supplier" }).click();
    await expect(buyer.getByText("Plan returned to the supplier.")).toBeVisible();

    await supplier.reload();
    const plan = card(supplier, fees);
    await expect(plan.getByText(/Indiquen cuántos trabajadores/)).toBeVisible();
    await plan
      .getByLabel("Causa raíz")
      .fill("Las agencias en Nepal cobraban comisiones que nadie verificaba.");
    await plan.getByLabel("Acción correctiva").fill("Devolver 600 USD a cada uno de los 40 trabajadores.");
    await plan
      .getByLabel("Acción preventiva")
      .fill("Cláusula de pago por el empleador en cada contrato de agencia.");
    await plan.getByLabel("Fecha de finalización").fill("2099-06-30");
    await plan.getByRole("button", { name: "Enviar plan" }).click();
    await expect(card(supplier, fees).getByText("Su plan se ha enviado para revisión.")).toBeVisible();

    await buyer.reload();
    await buyer.getByRole("button", { name: "Accept plan" }).click();
    await expect(buyer.getByText("Plan accepted.").first()).toBeVisible();
  });

  test("the supplier uploads evidence and submits it for verification", async () => {
    await supplier.reload();
    const item = card(supplier, fees);
    await item.getByLabel("Archivo de evidencia").setInputFiles({
      name: "transferencias.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"),
    });
    await item.getByRole("button", { name: "Subir" }).click();
    await expect(card(supplier, fees).getByText("Archivo subido.")).toBeVisible();
    await card(supplier, fees)
      .getByLabel("Qué muestra la evidencia")
      .fill("Recibos de transferencia de los 40.");
    await card(supplier, fees).getByRole("button", { name: "Enviar evidencias para verificación" }).click();
    await expect(
      card(supplier, fees).getByText("Sus evidencias se han enviado para verificación."),
    ).toBeVisible();
  });

  test("a second person verifies by desk review and closes; the finding and its risk points go", async ({
    browser,
  }) => {
    const auditor = await signIn(browser, demo("auditor"));
    await auditor.goto(feesActionUrl);
    await expect(auditor.getByRole("link", { name: "transferencias.pdf" })).toBeVisible();
    await auditor
      .getByLabel("What was checked")
      .fill("Bank transfer receipts for all 40 workers match the payroll.");
    await auditor.getByRole("button", { name: "Verify", exact: true }).click();
    await expect(auditor.getByText("Verified. Close the action to close its finding.")).toBeVisible();
    await auditor.getByRole("button", { name: "Close action and finding" }).click();
    await expect(auditor.getByText(/Closed\. The finding is closed/)).toBeVisible();

    await auditor.goto(auditUrl);
    await expect(
      auditor
        .getByRole("row", { name: new RegExp(fees) })
        .getByText(/^Closed/)
        .first(),
    ).toBeVisible();
    await auditor.goto(supplierUrl);
    await expect(auditor.getByRole("cell", { name: `Open major finding: ${overtime}` })).toBeVisible();
    await expect(auditor.getByRole("cell", { name: `Open critical finding: ${fees}` })).toHaveCount(0);
  });

  test("a remedy of fees repaid to 40 workers appears on the dashboard", async ({ browser }) => {
    const buyer = await signIn(browser, demo("procurement"));
    const feesLine = /Recruitment fees repaid: (\d+) workers/;
    const workersRepaid = async () => {
      await buyer.goto("/dashboard");
      const text = await buyer.locator("section", { hasText: "Remedy to workers" }).innerText();
      return Number(feesLine.exec(text)?.[1] ?? 0);
    };
    const before = await workersRepaid();
    await buyer.goto(feesActionUrl);
    await buyer.getByLabel("What was remedied").selectOption("recruitment_fees_repaid");
    await buyer.getByLabel("Number of workers").fill("40");
    await buyer.getByLabel("Date of the remedy").fill("2026-03-20");
    await buyer.getByLabel("Amount paid (optional)").fill("24000");
    await buyer.getByLabel("Currency", { exact: true }).selectOption("USD");
    await buyer.getByLabel("Evidence file", { exact: true }).selectOption({ label: "transferencias.pdf" });
    await buyer.getByRole("button", { name: "Record remedy" }).click();
    await expect(buyer.getByText("Remedy to workers recorded.")).toBeVisible();
    expect(await workersRepaid()).toBe(before + 40);
    await expect(buyer.locator("section", { hasText: "Remedy to workers" }).getByText(/USD/)).toBeVisible();
  });
});
