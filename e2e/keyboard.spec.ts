import path from "node:path";
import { expect, test, type Locator, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { outboxText, signUpFreshOrg, watch } from "./helpers";

/**
 * Keyboard only (issue 13, Deliver 3): the supplier answers, saves, signs the declaration and submits the
 * questionnaire, and a buyer uploads, maps, previews and commits a supplier import, pressing only Tab,
 * Shift+Tab, Enter, Space, arrow keys and typing. Every control reached shows where the focus is. Set-up
 * that is not the walk (reading the emailed link and code) goes through the outbox, as a person would read
 * their mail.
 */

type Focus = { tag: string; type: string; name: string; text: string; checked: boolean; value: string };

async function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return null;
    return {
      tag: el.tagName.toLowerCase(),
      type: (el.getAttribute("type") ?? "").toLowerCase(),
      name: el.getAttribute("name") ?? "",
      text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 80),
      checked: !!el.checked,
      value: el.value ?? "",
    };
  });
}

/** The focused element shows a focus indicator: an outline or a ring (box-shadow), not nothing. */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const style = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
  });
  const outlined = style.outline !== "none" && style.width !== "0px";
  expect(
    outlined || style.shadow !== "none",
    `visible focus on ${await target.evaluate((e) => e.outerHTML.slice(0, 120))}`,
  ).toBe(true);
}

/** Tab (or Shift+Tab) until `target` has the focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) break;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  await expectVisibleFocus(target);
}

function demoDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite"), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

test.describe("keyboard only", () => {
  test.setTimeout(240_000);

  test("a supplier answers, saves, signs and submits the questionnaire", async ({ browser }) => {
    // A questionnaire the demo sent and nobody has opened yet.
    const assignment = demoDb(
      (db) =>
        db
          .prepare(
            `SELECT a.recipient_email AS email FROM questionnaire_assignments a
              JOIN memberships m ON m.organization_id = a.organization_id
              JOIN users u ON u.id = m.user_id AND u.email = 'admin@demo.clearsource.test'
             WHERE a.status = 'sent' ORDER BY a.id DESC LIMIT 1`,
          )
          .get() as { email: string },
    );
    const invitation = await outboxText(assignment.email, "questionnaire-invitation");
    const link = new URL(invitation.match(/https?:\/\/[^\s"<>]+\/s\/[A-Za-z0-9_-]{43,}/)![0]).pathname;
    const context = await browser.newContext();
    const page = watch(await context.newPage());
    await page.goto(`${link}?lang=en`);

    // The skip link comes first and is visible when focused.
    await page.keyboard.press("Tab");
    const first = page.locator(":focus");
    await expectVisibleFocus(first);

    await tabTo(page, page.locator('main form button[type="submit"]').first());
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}\/verify$/);
    const code = (await outboxText(assignment.email, "portal-verification-code")).match(/\b(\d{6})\b/)![1];
    const codeInput = page.locator('input[autocomplete="one-time-code"]');
    await tabTo(page, codeInput);
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}$/);

    // Walk the form in Tab order: each unanswered question is answered from the keyboard as it is
    // reached (conditional questions appear after the answer that opens them), up to the submit button.
    const submit = page.getByRole("button", { name: "Submit answers" });
    const seenRadioGroups = new Set<string>();
    let answered = 0;
    for (let i = 0; i < 1500; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      if (!f) continue;
      if (f.tag === "button" && f.text === "Submit answers") break;
      if (f.type === "radio" && !seenRadioGroups.has(f.name)) {
        seenRadioGroups.add(f.name);
        // Arrow keys move within a group and select; Space selects the focused one.
        await page.keyboard.press("Space");
        answered++;
      } else if (f.type === "checkbox" && !f.checked && (f.name === "attest" || f.value !== "n/a")) {
        const group = f.name;
        const anyChecked = await page.locator(`input[type="checkbox"][name="${group}"]:checked`).count();
        if (group === "attest" || anyChecked === 0) {
          await page.keyboard.press("Space");
          answered++;
        }
      } else if (f.tag === "select" && f.value === "") {
        await page.keyboard.press("ArrowDown");
        answered++;
      } else if (
        (f.tag === "textarea" || (f.tag === "input" && ["text", "", "date", "email"].includes(f.type))) &&
        f.value === ""
      ) {
        if (f.name === "declarationName") await page.keyboard.type("Lan Nguyen");
        else if (f.name === "declarationTitle") await page.keyboard.type("HR manager");
        else if (f.type === "date") await page.keyboard.type("01312025");
        else {
          const numeric = await page.evaluate(
            () => document.activeElement?.getAttribute("inputmode") === "decimal",
          );
          await page.keyboard.type(numeric ? "40" : "None");
        }
        answered++;
      }
    }
    expect(answered).toBeGreaterThan(20);
    await expectVisibleFocus(submit);
    // Autosave shows "Saved" for answers; the declaration is saved too.
    await expect(page.locator("[data-save-status]").filter({ hasText: /Saved/ }).first()).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/Submitted on/).first()).toBeVisible({ timeout: 20_000 });
    await context.close();
  });

  test("a buyer uploads, maps, previews and commits a supplier import", async ({ browser }) => {
    const id = Date.now().toString(36);
    const page = await signUpFreshOrg(browser, {
      organizationName: `Keyboard Import ${id}`,
      name: "Kim Keys",
      email: `keys-${id}@example.test`,
      password: "keyboard-e2e-password",
    });
    await page.goto("/suppliers");
    await tabTo(page, page.getByRole("link", { name: "Import CSV" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/imports$/);

    // The file input opens the file chooser on Space, as a button does.
    const fileInput = page.getByLabel("CSV or Excel (.xlsx) file");
    await tabTo(page, fileInput);
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
    await chooser.setFiles({
      name: "keyboard.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "Name,ERP,Country,Notes,Parent\nKey Mills,K-1,VN,Cotton,\nKey Sewing,K-2,BD,Garments,K-1\nKey Orphan,K-3,IN,,K-404\n",
      ),
    });
    await tabTo(page, page.getByRole("button", { name: "Upload and map columns" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);

    // Map "ERP" to the reference and "Notes" to goods with the arrow keys; the preview follows each choice.
    for (const [label, header] of [
      ["External reference (ERP id)", "ERP"],
      ["Goods (separated by ;)", "Notes"],
    ] as const) {
      const select = page.getByLabel(label);
      await tabTo(page, select);
      for (let i = 0; i < 10 && (await select.locator("option:checked").innerText()) !== header; i++)
        await page.keyboard.press("ArrowDown");
      await expect(select.locator("option:checked")).toHaveText(header);
    }
    const preview = page.getByTestId("import-preview");
    await expect(preview.getByRole("columnheader", { name: "Goods (separated by ;)" })).toBeVisible();
    await expect(preview).toContainText('Warning: parent "K-404" not found');

    // Past Start import to Update preview, then back with Shift+Tab.
    await tabTo(page, page.getByRole("button", { name: "Update preview" }));
    await tabTo(page, page.getByRole("button", { name: "Start import" }), { back: true, max: 3 });
    await page.keyboard.press("Enter");
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute(
      "aria-valuenow",
      "100",
      { timeout: 30_000 },
    );
    await expect(page.getByTestId("import-summary")).toContainText("Created3");
    await expect(page.getByTestId("import-summary")).toContainText("Link warnings1");
    await tabTo(page, page.getByRole("link", { name: "Go to the supplier list" }));
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/suppliers$/);
    await expect(page.getByRole("link", { name: "Key Orphan" })).toBeVisible();
    await page.context().close();
  });
});
