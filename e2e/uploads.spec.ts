import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { browserErrors, demo, signIn } from "./helpers";

/**
 * Uploads with a progress bar and Cancel (app/evidence/ui/UploadForm.tsx), in a real browser: the
 * upload is throttled (Chromium's network emulation), so the bar is seen moving, reaching 100 %, and a
 * Cancel lands mid-file. A cancelled upload leaves nothing listed, after a reload too.
 */

/** A PDF header and `size` bytes that do not compress. */
function bigPdf(size: number): Buffer {
  const out = Buffer.alloc(size);
  out.write("%PDF-1.7\n", "latin1");
  let x = 2463534242;
  for (let i = 16; i + 4 <= size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  return out;
}

/** Every value the page's <progress> elements take, recorded as the DOM changes. */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { progressSeen: number[] };
    w.progressSeen = [];
    new MutationObserver(() => {
      for (const p of document.querySelectorAll("progress")) w.progressSeen.push(p.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);

async function throttleUpload(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

/** Every file the embedded S3 holds (objects, their metadata, multipart parts in progress). */
function storedFiles(): string[] {
  const root = path.join(process.env.E2E_DATA_DIR!, "s3");
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

async function openAnAudit(page: Page) {
  await page.goto("/audits");
  await page
    .locator('main a[href^="/audits/"]:not([href="/audits/new"]):not([href="/audits/import"])')
    .first()
    .click();
  await expect(page).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
}

test("an evidence upload shows its progress to 100 % and the file is listed", async ({ browser }) => {
  const page = await signIn(browser, demo("auditor"));
  await openAnAudit(page);
  await recordProgress(page);
  await throttleUpload(page, 2 * 1024 * 1024);
  const name = `site-photos-${Date.now()}.pdf`;
  await page.locator('input[type="file"][name="file"]').setInputFiles({
    name,
    mimeType: "application/pdf",
    buffer: bigPdf(6 * 1024 * 1024),
  });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  const bar = page.getByRole("progressbar", { name: "Upload progress" });
  await expect(bar).toBeVisible();
  await expect(page.getByTestId("upload-sent")).toContainText(/\d+% · [\d.]+ MB of 6\.0 MB/);
  await expect(page.getByText(`Uploaded ${name}.`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name })).toBeVisible();
  const seen = await progressSeen(page);
  expect(seen.some((v) => v > 0 && v < 100)).toBe(true);
  expect(Math.max(...seen)).toBe(100);
  expect(browserErrors).toEqual([]);
});

test("Cancel mid-upload stops it, and nothing is listed", async ({ browser }) => {
  const page = await signIn(browser, demo("auditor"));
  await openAnAudit(page);
  await throttleUpload(page, 1024 * 1024);
  const name = `cancelled-${Date.now()}.pdf`;
  await page.locator('input[type="file"][name="file"]').setInputFiles({
    name,
    mimeType: "application/pdf",
    // Under the e2e server's 10 MB limit: the form now refuses a larger file before sending it.
    buffer: bigPdf(9 * 1024 * 1024),
  });
  const before = storedFiles();
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  // Some megabytes in (a multipart upload is under way on the server), not all of them.
  await expect(page.getByTestId("upload-sent")).toContainText(/[3-7]\.\d MB of 9\.0 MB/, {
    timeout: 20_000,
  });
  await page.getByRole("button", { name: "Cancel upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Upload cancelled." })).toBeAttached();
  await expect(page.getByRole("progressbar")).toHaveCount(0);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  // The server aborted its multipart upload: no object, no parts left behind.
  await expect.poll(storedFiles, { timeout: 15_000 }).toEqual(before);
  await page.reload();
  await expect(page.getByRole("heading", { name: /Evidence/ })).toBeVisible();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect(browserErrors).toEqual([]);
});
