import { expect, test } from "@playwright/test";
import { demo, signIn } from "./helpers";

/**
 * The template editor through the browser: an admin clones the built-in self-assessment, rewords a question,
 * adds a conditional follow-up, previews it in Spanish (the follow-up appears only after the answer that
 * triggers it), publishes, finds the published version frozen, and sees it offered when starting a campaign.
 */
test("admin clones the built-in SAQ, edits, adds a conditional question, previews in Spanish, publishes", async ({
  browser,
}) => {
  const page = await signIn(browser, demo("admin"));
  const name = `E2E SAQ ${Date.now().toString(36)}`;

  // Settings-like pages sit under "More" in the header (D41).
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByText("More").click();
  await nav.getByRole("link", { name: "Templates" }).click();
  await expect(page).toHaveURL(/\/templates$/);
  await expect(page.getByRole("heading", { name: "Questionnaire templates" })).toBeVisible();

  // Bad input: an empty name is refused with a field error.
  await page.getByRole("button", { name: "Clone and edit" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();

  await page.locator("#name-builtin").fill(name);
  await page.getByRole("button", { name: "Clone and edit" }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const editorUrl = page.url();

  // Reword a question (W4: housing).
  await page.getByRole("link", { name: "Edit W4" }).click();
  const w4 = page.locator("#q-W4-text");
  await w4.fill("Do any workers live in housing that you or a labour provider arrange?");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.locator("#q-W4")).toContainText("housing that you or a labour provider arrange");

  // Add a conditional follow-up to the workforce section, shown only when W4 = yes.
  await page.locator("#s-workforce-type").selectOption("short_text");
  await page.getByRole("button", { name: "Add question to Workforce vulnerability" }).click();
  await expect(page).toHaveURL(/\?q=Q61/);
  await page.locator("#q-Q61-text").fill("Where is the housing located?");
  // A condition on a value the source question cannot have is refused with a field error.
  await page.locator("#q-Q61-visibleWhenQuestion").selectOption("W4");
  await page.locator("#q-Q61-visibleWhenValues").fill("maybe");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.getByText("Use answer values of W4: yes, no, n/a.")).toBeVisible();
  await page.locator("#q-Q61-visibleWhenValues").fill("yes");
  await page.getByRole("button", { name: "Save question" }).click();
  await expect(page.locator("#q-Q61")).toContainText("shown when W4 = yes");

  // Translate the new question into Spanish; the editor flagged it as missing.
  await page.getByRole("link", { name: "Translations" }).click();
  await expect(page).toHaveURL(/\/translate$/);
  const q61 = page.locator('[id="f-question.Q61.text"]');
  await expect(q61).toHaveValue("");
  await q61.fill("¿Dónde está ubicado el alojamiento?");
  await page.getByRole("button", { name: "Save Spanish translations" }).click();
  await expect(page.getByText("Spanish translations saved.")).toBeVisible();
  await expect(q61).toHaveValue("¿Dónde está ubicado el alojamiento?");

  // Preview in Spanish: the follow-up appears only once W4 is answered Yes (Sí).
  await page.getByRole("link", { name: "Preview in Español" }).click();
  await expect(page).toHaveURL(/\/preview\?lang=es$/);
  await expect(page.getByRole("heading", { name: "Autoevaluación sobre trabajo forzoso" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vulnerabilidad de la plantilla" })).toBeVisible();
  const followUp = page.getByText("¿Dónde está ubicado el alojamiento?");
  await expect(followUp).toHaveCount(0);
  const housing = page.locator('[data-question="W4"]');
  await housing.getByLabel("Sí").check();
  await expect(followUp).toBeVisible();
  await housing.getByLabel("No", { exact: true }).check();
  await expect(followUp).toHaveCount(0);

  // Publish; the version becomes read-only.
  await page.goto(editorUrl);
  await page.getByRole("button", { name: "Publish version 1" }).click();
  await expect(page.getByText("Version 1 is published.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit W4" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Start a new draft" })).toBeVisible();

  // Listed as sendable: the campaign form offers the published version.
  await page.goto("/campaigns/new");
  await expect(page.locator("#f-templateId option", { hasText: `${name} · version 1` })).toHaveCount(1);
});
