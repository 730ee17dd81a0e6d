import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { inject } from "vitest";

/**
 * The production build and the real HTTP server (server.mjs: headers, CSRF check, body limits), for
 * tests that must see what a browser or a probe sees. One build per test run, shared by every test
 * file that asks (a lock folder keeps parallel files from building twice).
 */
const root = path.resolve(__dirname, "..");

export function productionBuild(): string {
  const out = path.join(inject("tmpRoot"), "build");
  const done = path.join(out, ".done");
  const lock = `${out}.lock`;
  if (fs.existsSync(done)) return out;
  try {
    fs.mkdirSync(lock);
  } catch {
    // Another test file is building: wait for it.
    const deadline = Date.now() + 180_000;
    while (!fs.existsSync(done)) {
      if (Date.now() > deadline) throw new Error("timed out waiting for the shared build");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    return out;
  }
  execFileSync(process.execPath, [path.join(root, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", REMIX_OUT: out },
    stdio: "pipe",
  });
  // The server bundle keeps npm packages external: they resolve from the build folder.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(out, "node_modules"), "dir");
  fs.writeFileSync(done, "");
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export type RunningServer = {
  base: string;
  dataDir: string;
  databasePath: string;
  process: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
};

/** Start server.mjs on the shared build with a fresh database (seeded demo organisation). */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const out = productionBuild();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(inject("tmpRoot"), "server-"));
  const databasePath = path.join(dataDir, "app.sqlite");
  let output = "";
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      // Production requires it; a fixed, public key for test servers only.
      TOTP_ENCRYPTION_KEY: Buffer.from("clearsource test key, not secret").toString("base64"),
      REMIX_OUT: out,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SQLITE_SYNCHRONOUS: "NORMAL",
      S3_ENDPOINT: inject("s3Endpoint"),
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_BUCKET: `srv-${path.basename(dataDir).slice(-6).toLowerCase()}`,
      S3_TIMEOUT_MS: "2000",
      SEED_DEMO: "true",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    base,
    dataDir,
    databasePath,
    process: child,
    log: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** POST /login like the browser form; returns the `cs_session=…` cookie pair. */
export async function logIn(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/dashboard" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("cs_session="));
  if (res.status !== 302 || !cookie) throw new Error(`log-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}
