// `npm start`: install what is missing, build, and run the app with embedded defaults
// (SQLite under ./data, embedded S3, email outbox + dev mailbox, seeded demo organisation).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ensureDependencies, run } from "./lib.mjs";

process.chdir(new URL("..", import.meta.url).pathname);
ensureDependencies();
run("npx remix build");
const env = { ...process.env, NODE_ENV: process.env.NODE_ENV ?? "production" };
if (env.NODE_ENV === "production" && !env.TOTP_ENCRYPTION_KEY) env.TOTP_ENCRYPTION_KEY = localTotpKey();
run("node --enable-source-maps server.mjs", { env });

/**
 * Production requires TOTP_ENCRYPTION_KEY. So that `npm start` works as is, a random key is made once
 * beside the database (owner-only) and reused; a database copied without it keeps its TOTP secrets sealed.
 */
function localTotpKey() {
  const dir = path.dirname(env.DATABASE_PATH ?? "./data/clearsource.db");
  const file = path.join(dir, "totp-encryption.key");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
    console.log(`\nTOTP_ENCRYPTION_KEY is not set: made a new key in ${file}. Keep it with your backups,`);
    console.log("apart from the database; without it two-factor sign-in cannot be checked.");
  } else {
    console.log(`\nTOTP_ENCRYPTION_KEY is not set: using the key in ${file}.`);
  }
  return fs.readFileSync(file, "utf8").trim();
}
