// Shared helpers for the two top-level commands (npm start, npm test). Node built-ins only, so they run
// before dependencies are installed.
import { execSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

export function run(cmd, opts = {}) {
  console.log(`\n$ ${cmd}`);
  const r = spawnSync(cmd, { stdio: "inherit", shell: true, ...opts });
  if (r.status !== 0) {
    console.error(`\nCommand failed (exit ${r.status}): ${cmd}`);
    process.exit(r.status ?? 1);
  }
}

/** npm ci when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale =
    !fs.existsSync(marker) || fs.statSync("package-lock.json").mtimeMs > fs.statSync(marker).mtimeMs + 1000;
  if (stale) run("npm ci --no-audit --no-fund");
}

function has(bin) {
  return spawnSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" }).status === 0;
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;
const isDebian = () => fs.existsSync("/etc/debian_version") && has("apt-get");

let aptUpdated = false;
function aptInstall(pkgs) {
  if (!aptUpdated) {
    run("apt-get update -qq", { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    aptUpdated = true;
  }
  run(`apt-get install -y -qq --no-install-recommends ${pkgs.join(" ")}`, {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/**
 * A browser for Playwright and poppler (pdftotext) for the PDF tests: Debian's packages when running as
 * root on Debian (no browser downloads are possible there), otherwise Playwright's own download.
 */
export function ensureTestTools() {
  const missing = [];
  if (!fs.existsSync("/usr/bin/chromium")) missing.push("chromium");
  if (!has("pdftotext")) missing.push("poppler-utils");
  if (missing.length && isRoot() && isDebian()) aptInstall(missing);
  if (!fs.existsSync("/usr/bin/chromium")) run("npx playwright install chromium");
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export function gitRoot() {
  try {
    return execSync("git rev-parse --show-toplevel", { encoding: "utf8" }).trim();
  } catch {
    return process.cwd();
  }
}
