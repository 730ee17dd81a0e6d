/**
 * `npm run db:backup -- <file>`   online backup of DATABASE_PATH (safe while the app runs)
 * `npm run db:restore -- <file>`  restore it over DATABASE_PATH (stop the app first)
 */
import { backupDatabase, restoreDatabase } from "./backup.server";
import { db } from "./db.server";
import { env } from "./env.server";

const [command, file] = process.argv.slice(2);
if (!file || (command !== "backup" && command !== "restore")) {
  console.error("usage: backup <file> | restore <file>");
  process.exit(2);
}
if (command === "backup") {
  const out = await backupDatabase(db(), file);
  console.log(`Backed up ${env().DATABASE_PATH} to ${out.path} (${out.bytes} bytes), integrity ok`);
} else {
  restoreDatabase(file, env().DATABASE_PATH);
  console.log(`Restored ${file} over ${env().DATABASE_PATH}`);
}
