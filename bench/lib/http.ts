/**
 * Shared harness for the HTTP benchmarks: a free port, a production build in its own folder, waiting for
 * the server, logging in, percentiles.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** `remix build` into `out` (REMIX_OUT) and link node_modules so the external server bundle resolves. */
export function buildApp(root: string, out: string): void {
  const build = spawnSync("npx", ["remix", "build"], {
    cwd: root,
    env: { ...process.env, REMIX_OUT: out, NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`remix build failed:\n${build.stdout}\n${build.stderr}`);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(out, "node_modules"), "dir");
}

export async function waitForHealth(base: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

/** POST /login like a browser form; returns the `cs_session=…` cookie pair. */
export async function logIn(
  base: string,
  email: string,
  password: string,
  redirectTo = "/dashboard",
): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
    body: new URLSearchParams({ email, password, redirectTo }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.startsWith("cs_session="));
  if (res.status !== 302 || !cookie) throw new Error(`log-in failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type BenchServer = { base: string; process: ChildProcess; log: () => string; stop: () => void };

/**
 * The one way a benchmark starts the production server: `server.mjs` from the build in `out`, on a free
 * port on 127.0.0.1, against `dbFile`, no demo seed, no mailbox; resolves once /healthz answers.
 */
export async function spawnServer(opts: {
  root: string;
  out: string;
  work: string;
  dbFile: string;
  env?: Record<string, string>;
}): Promise<BenchServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = "";
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: opts.root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      REMIX_OUT: opts.out,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_ORIGIN: base,
      DATABASE_PATH: opts.dbFile,
      EMBEDDED_S3_DIR: path.join(opts.work, "s3"),
      SEED_DEMO: "false",
      DEV_MAILBOX: "false",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  await waitForHealth(base, child, () => log);
  return { base, process: child, log: () => log, stop: () => child.kill("SIGTERM") };
}
