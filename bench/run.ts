/**
 * `npm run bench`: runs every bench/*.bench.ts in its own process (so one benchmark's memory does not
 * colour another's), echoes their output, and exits non-zero when any printed BENCH line missed its target
 * or a benchmark crashed. Lines look like:
 *   BENCH name=<id> value=<number> unit=<ms|s|MB|rows/s|x> target=<number>
 * For units where bigger is better (rows/s) the value must be ≥ target; otherwise ≤ target.
 * `npm run bench -- supplier` runs only files whose name contains "supplier".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const filter = process.argv[2];
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!filter || f.includes(filter)))
  .sort();

const BENCH = /^BENCH name=(\S+) value=([\d.eE+-]+) unit=(ms|s|MB|rows\/s|x) target=([\d.eE+-]+)/;
const missed: string[] = [];
let results = 0;

for (const file of files) {
  console.log(`\n# ${file}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", path.join(dir, file)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      // Production requires it; a fixed, public key unless one is given.
      TOTP_ENCRYPTION_KEY:
        process.env.TOTP_ENCRYPTION_KEY ?? Buffer.from("clearsource bench key not secret").toString("base64"),
    },
  });
  process.stdout.write(r.stdout ?? "");
  if (r.status !== 0) missed.push(`${file} exited with ${r.status}`);
  for (const line of (r.stdout ?? "").split("\n")) {
    const m = BENCH.exec(line.trim());
    if (!m) continue;
    results++;
    const [, name, value, unit, target] = m;
    const ok = unit === "rows/s" ? Number(value) >= Number(target) : Number(value) <= Number(target);
    if (!ok) missed.push(`${name}: ${value} ${unit} (target ${target})`);
  }
}

console.log(`\n${results} results from ${files.length} benchmark files`);
if (missed.length) {
  console.error(`Missed:\n  ${missed.join("\n  ")}`);
  process.exit(1);
}
