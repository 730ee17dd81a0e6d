import path from "node:path";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import { demo, pdfText, signIn } from "./helpers";

/**
 * The worker channel end to end (issue 12, Done when): procurement prints the poster of the demo's Dhaka
 * site; a worker on a small phone with JavaScript switched off opens the poster's address, switches to
 * Bengali, reports retained passports and writes down the receipt code, with no cookie set at any point;
 * the Arabic page is laid out right to left; the grievance handler finds the case, acknowledges it and
 * replies; the worker returns with the code and reads the reply; the handler substantiates the case and a
 * corrective action and a risk line appear on the supplier.
 */
const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
/** The structure of a phone JPEG (EXIF with GPS and a serial number), enough for the intake's checks. */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(0xe1, Buffer.from("Exif\0\0MM\0*GPSLatitude 23.8103 Make Apple BodySerial F2LX9", "latin1")),
  segment(0xdb, Buffer.alloc(65, 3)),
  segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
  segment(0xc4, Buffer.alloc(20, 2)),
  segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
  Buffer.from([0x12, 0x34, 0xff, 0xd9]),
]);

test.describe.serial("worker channel", () => {
  test.setTimeout(180_000);
  const HANDLER = "grievances@demo.clearsource.test";
  const words = `The agent keeps our passports in the office (${Date.now().toString(36)})`;
  const reply = "আমরা আপনার অভিযোগ পেয়েছি এবং কারখানায় যাব।";
  let site: { siteId: string; supplierId: string; orgId: string };
  let posterUrl = "";
  let receiptCode = "";
  let caseUrl = "";
  let caseNumber = "";

  /** The demo's Dhaka site: the one the seeded reports came through. */
  function dhakaSite() {
    const db = new Database(path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite"), { readonly: true });
    try {
      return db
        .prepare(
          `SELECT s.id AS siteId, s.supplier_id AS supplierId, s.organization_id AS orgId FROM sites s
           WHERE s.id IN (SELECT intake_site_id FROM grievance_cases) LIMIT 1`,
        )
        .get() as { siteId: string; supplierId: string; orgId: string };
    } finally {
      db.close();
    }
  }

  async function workerPhone(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
      userAgent: "Mozilla/5.0 (Linux; Android 8.1; basic phone) Mobile",
    });
    return { context, page: await context.newPage() };
  }

  test("procurement prints the site's poster: it carries the short address", async ({ browser }) => {
    site = dhakaSite();
    const page = await signIn(browser, demo("procurement"));
    await page.goto(`/suppliers/${site.supplierId}/sites`);
    // The supplier may have more sites (the demo's sites import adds one): take this site's poster.
    const link = page.locator(`a[href*="/sites/${site.siteId}/poster"]`);
    await expect(link).toBeVisible();
    // Bengali needs a font the PDFs do not embed yet: the page says so instead of printing boxes.
    await expect(page.getByText(/Not printable yet .*Bengali/).first()).toBeVisible();
    const res = await page.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    const text = pdfText(await res.body());
    expect(text).toContain("Report a problem at work");
    expect(text).toContain("You do not have to give your name.");
    const printed = /127\.0\.0\.1:\d+\/r\/[0-9a-f]{12}\/en/.exec(text);
    expect(printed).not.toBeNull();
    posterUrl = `http://${printed![0]}`;
    await page.context().close();
  });

  test("a worker reports in Bengali on a phone without JavaScript, and no cookie is ever set", async ({
    browser,
  }) => {
    const { context, page } = await workerPhone(browser);
    await page.goto(posterUrl);
    await expect(page).toHaveURL(new RegExp(`/report/${site.orgId}/site/${site.siteId}\\?lang=en$`));
    await page.getByRole("link", { name: "বাংলা" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "bn");
    await expect(page.getByRole("heading", { name: "কাজের জায়গার কোনো সমস্যা জানান" })).toBeVisible();
    // One column that fits the phone: nothing wider than the screen.
    // (Playwright's evaluate runs in its own world, so it works with the page's JavaScript switched off.)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A blank report is refused in Bengali, and nothing is kept.
    await page.getByLabel("কী ঘটেছে?").fill("   ");
    await page.getByRole("button", { name: "অভিযোগ পাঠান" }).click();
    await expect(page.locator("#whatHappened-error")).toHaveText("অনুগ্রহ করে লিখুন কী ঘটেছে।");

    await page.getByLabel("কী ঘটেছে?").fill(words);
    await page.getByLabel("আমার পাসপোর্ট বা পরিচয়পত্র মালিক বা দালালের কাছে রাখা আছে").check();
    // A phone photo with its GPS position and camera serial, sent with the plain (no JavaScript) form.
    await page.getByLabel("একটি ছবি বা নথি (খালি রাখতে পারেন)").setInputFiles({
      name: "IMG_20261204_143012.jpg",
      mimeType: "image/jpeg",
      buffer: PHOTO,
    });
    await page.getByRole("button", { name: "অভিযোগ পাঠান" }).click();
    await expect(page.getByRole("heading", { name: "আপনার অভিযোগ পাঠানো হয়েছে" })).toBeVisible();
    receiptCode = (await page.getByTestId("receipt-code").innerText()).trim();
    expect(receiptCode).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(await context.cookies()).toEqual([]);

    // The same phone checks the report with the code: received, no reply yet.
    await page.getByRole("link", { name: /\/status\?lang=bn/ }).click();
    await page.getByLabel("রসিদ কোড (১৬ সংখ্যা)").fill(receiptCode);
    await page.getByRole("button", { name: "খুলুন" }).click();
    await expect(page.getByText("গ্রহণ করা হয়েছে").first()).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  test("the Arabic page is laid out right to left", async ({ browser }) => {
    const { context, page } = await workerPhone(browser);
    await page.goto(`/report/${site.orgId}/site/${site.siteId}?lang=ar`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  test("the grievance handler finds the case, acknowledges it and replies", async ({ browser }) => {
    const page = await signIn(browser, HANDLER);
    await page.goto("/grievances");
    // The newest case is the worker's: its number is the highest on the list.
    const numbers = (await page.getByRole("link", { name: /^#\d+$/ }).allInnerTexts()).map((n) =>
      Number(n.slice(1)),
    );
    caseNumber = String(Math.max(...numbers));
    await page.getByRole("link", { name: `#${caseNumber}`, exact: true }).click();
    await expect(page).toHaveURL(/\/grievances\/[0-9a-f-]{36}$/);
    caseUrl = new URL(page.url()).pathname;
    await expect(page.getByText(words)).toBeVisible();
    await expect(page.getByText(/retention of identity documents/i).first()).toBeVisible();
    // The photo is on the case, without its metadata and without the phone's file name.
    const attachment = page.getByRole("link", { name: "attachment-1.jpg" });
    await expect(attachment).toBeVisible();
    const file = await page.request.get((await attachment.getAttribute("href"))!);
    expect(file.status()).toBe(200);
    const stored = await file.body();
    expect(stored.includes(Buffer.from("GPSLatitude"))).toBe(false);
    expect(stored.includes(Buffer.from("F2LX9"))).toBe(false);
    expect(stored.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    await page.getByRole("button", { name: "Acknowledge receipt" }).click();
    await expect(page.getByText("Case is now acknowledged.")).toBeVisible();
    await page.getByLabel(/^Reply/).fill(reply);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByText("Reply sent.")).toBeVisible();
    await page.context().close();
  });

  test("the worker returns with the code and reads the reply", async ({ browser }) => {
    const { context, page } = await workerPhone(browser);
    await page.goto(`/report/${site.orgId}/status?lang=bn`);
    await page.getByLabel("রসিদ কোড (১৬ সংখ্যা)").fill(receiptCode);
    await page.getByRole("button", { name: "খুলুন" }).click();
    await expect(page.getByText(reply)).toBeVisible();
    await expect(page.getByText("গ্রহণ ও নিশ্চিত করা হয়েছে").first()).toBeVisible();
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  test("substantiating the case raises a corrective action and a risk line on the supplier", async ({
    browser,
  }) => {
    const page = await signIn(browser, HANDLER);
    await page.goto(caseUrl);
    await page.getByRole("button", { name: "Start investigation" }).click();
    await expect(page.getByText("Case is now under investigation.")).toBeVisible();
    const substantiate = page.locator("form", {
      has: page.getByRole("button", { name: "Substantiated", exact: true }),
    });
    await substantiate.getByLabel(/Why/).fill("Passports found in the agent's office on a visit.");
    await substantiate.getByRole("button", { name: "Substantiated", exact: true }).click();
    await expect(page.getByText("Case is now substantiated.")).toBeVisible();
    await page.context().close();

    const procurement = await signIn(browser, demo("procurement"));
    await procurement.goto(`/suppliers/${site.supplierId}`);
    await expect(
      procurement.getByText(new RegExp(`Substantiated worker grievance #${caseNumber}\\b`)).first(),
    ).toBeVisible();
    await expect(
      procurement.getByText(new RegExp(`substantiated worker grievance #${caseNumber}\\b`)).first(),
    ).toBeVisible();
    // Procurement reads the action and the risk line, never what the worker wrote.
    await expect(procurement.getByText(words)).toHaveCount(0);
    await procurement.context().close();
  });
});
