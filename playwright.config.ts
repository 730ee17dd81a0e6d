import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * e2e against the production build (`remix build` first) with the embedded S3 and the email outbox,
 * in a throw-away data directory. Debian's Chromium when present (no browser downloads here),
 * Playwright's own browser otherwise.
 */
const port = Number(process.env.E2E_PORT ?? 3917);
process.env.E2E_PORT = String(port);
process.env.E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "clearsource-e2e-"));
const dataDir = process.env.E2E_DATA_DIR;
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: fs.existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node server.mjs",
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "production",
      // Production requires it; a fixed, public key for the test server only.
      TOTP_ENCRYPTION_KEY: Buffer.from("clearsource e2e key, not secret!").toString("base64"),
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
      DATABASE_PATH: path.join(dataDir, "e2e.sqlite"),
      EMBEDDED_S3_DIR: path.join(dataDir, "s3"),
      DEV_MAILBOX: "true",
      SEED_DEMO: "true",
      // The e2e specs' own identity provider and webhook receiver listen on http://127.0.0.1.
      SSO_ALLOW_INSECURE_ISSUERS: "true",
      WEBHOOK_ALLOW_HTTP: "true",
      WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    },
  },
});
