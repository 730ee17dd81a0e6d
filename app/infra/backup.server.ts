import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { DB } from "./db.server";

/**
 * Online backup through SQLite's backup API (never a file copy of a live WAL database, which can capture
 * a torn state). Safe while the app is serving; the copy is checked with integrity_check before it is
 * reported as done.
 */
export async function backupDatabase(
  database: DB,
  destination: string,
): Promise<{ path: string; bytes: number }> {
  const dest = path.resolve(destination);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  await database.$client.backup(dest);
  const copy = new Database(dest, { readonly: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`Backup failed integrity_check: ${String(result)}`);
  } finally {
    copy.close();
  }
  return { path: dest, bytes: fs.statSync(dest).size };
}

/**
 * Restore = replace the database file with a checked backup while the app is stopped. Refuses to run
 * over a database that is open in this process.
 */
export function restoreDatabase(backupFile: string, target: string): void {
  const src = new Database(path.resolve(backupFile), { readonly: true });
  try {
    const result = src.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`Backup is damaged: ${String(result)}`);
  } finally {
    src.close();
  }
  const dest = path.resolve(target);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(dest + suffix, { force: true });
  fs.copyFileSync(path.resolve(backupFile), dest);
}
