import path from "node:path";
import { expect, test } from "@playwright/test";
import Database from "better-sqlite3";
import { demo, outboxText, signIn, watch } from "./helpers";

/**
 * The README's pictures of the seeded demo organisation: the dashboard, a supplier's page, a statement,
 * and the supplier portal in Chinese. Run only when asked, with the folder to write to:
 *
 *   PICTURES_SCREENSHOTS=docs/screenshots npx playwright test e2e/screenshots.spec.ts e2e/pictures.spec.ts
 *
 * (pictures.spec.ts adds the map and the supply-chain graph). The Chinese page needs a CJK font on the
 * machine taking the pictures (Debian: fonts-noto-cjk); the committed pictures are what CI shows, so CI
 * needs no font. Each picture is also a check: the page it shows must hold what the caption says.
 */
const shots = process.env.PICTURES_SCREENSHOTS;

test.describe("README screenshots", () => {
  test.skip(!shots, "set PICTURES_SCREENSHOTS to a folder to take the README's pictures");
  test.use({ viewport: { width: 1400, height: 900 } });

  test("dashboard, supplier page and statement as the demo's executive and auditor", async ({ browser }) => {
    const exec = await signIn(browser, demo("executive"));
    await exec.setViewportSize({ width: 1400, height: 900 });
    await exec.goto("/dashboard");
    await expect(exec.getByRole("heading", { level: 1 })).toBeVisible();
    await exec.screenshot({ path: `${shots}/dashboard.png`, fullPage: true });

    // Last year's approved and published statement.
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite"), { readonly: true });
    const statement = db
      .prepare(`SELECT id FROM statements WHERE status = 'published' ORDER BY period_end DESC LIMIT 1`)
      .get() as { id: string };
    db.close();
    await exec.goto(`/statements/${statement.id}`);
    await expect(exec.getByRole("heading", { level: 1 })).toBeVisible();
    await exec.screenshot({ path: `${shots}/statement.png`, fullPage: true });

    const auditor = await signIn(browser, demo("auditor"));
    await auditor.setViewportSize({ width: 1400, height: 900 });
    await auditor.goto("/suppliers");
    await auditor.getByRole("link", { name: "Dhaka Knitwear Ltd" }).click();
    await expect(auditor.getByRole("heading", { name: "Dhaka Knitwear Ltd" })).toBeVisible();
    await auditor.screenshot({ path: `${shots}/supplier.png`, fullPage: true });
  });

  test("the supplier portal in Chinese", async ({ browser }) => {
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite"), { readonly: true });
    const { email } = db
      .prepare(
        `SELECT recipient_email AS email FROM questionnaire_assignments WHERE status IN ('sent', 'in_progress')
          ORDER BY status DESC, id LIMIT 1 OFFSET 1`,
      )
      .get() as { email: string };
    db.close();
    const invitation = await outboxText(email, "questionnaire-invitation");
    const link = new URL(invitation.match(/https?:\/\/[^\s"<>]+\/s\/[A-Za-z0-9_-]{43,}/)![0]).pathname;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = watch(await context.newPage());
    await page.goto(`${link}?lang=zh-Hans`);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hans");
    await page.locator('main form button[type="submit"]').first().click();
    const code = (await outboxText(email, "portal-verification-code")).match(/\b(\d{6})\b/)![1];
    await page.locator('input[autocomplete="one-time-code"]').fill(code);
    await page.locator('main button[type="submit"]').first().click();
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}$/);
    await page.screenshot({ path: `${shots}/portal-zh.png` });
    await context.close();
  });
});
