import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "~db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The handle inside a transaction: same query API. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
export type DbOrTx = DB | Tx;

const g = globalThis as unknown as {
  __clearsourceDb?: { path: string; db: DB };
  __clearsourceWriters?: Int32Array;
};

export function openDatabase(file: string, synchronous: "FULL" | "NORMAL" = "FULL"): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`synchronous = ${synchronous}`);
  // Page cache up to 64 MB (default 2 MB): organisation-wide passes (risk recompute, imports) dirty index
  // pages all over a large tenant, and a small cache spills them to the WAL repeatedly inside one
  // transaction. Memory is taken only as pages are actually cached.
  sqlite.pragma("cache_size = -65536");
  return drizzle(sqlite, { schema }) as DB;
}

export function migrationsFolder(): string {
  return path.resolve(process.cwd(), "drizzle");
}

export function migrateDatabase(db: DB): void {
  migrate(db, { migrationsFolder: migrationsFolder() });
}

/** The process-wide connection, opened (and migrated) on first use. */
export function db(): DB {
  const file = env().DATABASE_PATH;
  if (!g.__clearsourceDb || g.__clearsourceDb.path !== file) {
    const handle = openDatabase(file, env().SQLITE_SYNCHRONOUS);
    migrateDatabase(handle);
    g.__clearsourceDb = { path: file, db: handle };
  }
  return g.__clearsourceDb.db;
}

export function closeDb(): void {
  g.__clearsourceDb?.db.$client.close();
  g.__clearsourceDb = undefined;
}

/** The health check: the database file opens and answers a query. */
export function pingDatabase(): void {
  db().get(sql`select 1`);
}

/**
 * One user action = one write transaction, BEGIN IMMEDIATE (takes the write lock up front, so
 * busy_timeout applies instead of a SQLITE_BUSY upgrade failure in WAL). The callback must be
 * synchronous: do S3, PDF and email rendering before or after, never inside.
 */
export function writeTx<T>(fn: (tx: Tx) => T, database: DB = db()): T {
  const waiting = g.__clearsourceWriters;
  if (!waiting) return database.transaction(fn, { behavior: "immediate" });
  Atomics.add(waiting, 0, 1);
  try {
    return database.transaction(fn, { behavior: "immediate" });
  } finally {
    Atomics.sub(waiting, 0, 1);
    Atomics.notify(waiting, 0);
  }
}

/**
 * Writers of this thread announce themselves in `counter` (shared memory) while they wait for and hold
 * the write lock, so that a background thread writing to the same database (the import thread) lets
 * them in between its own transactions instead of winning every race for the lock. null: stop.
 */
export function announceWriters(counter: Int32Array | null): void {
  g.__clearsourceWriters = counter ?? undefined;
}

/** For a background thread: wait (up to maxMs) until no writer of the web thread is waiting or writing. */
export function yieldToWriters(counter: Int32Array, maxMs = 1000): void {
  const deadline = Date.now() + maxMs;
  for (;;) {
    const n = Atomics.load(counter, 0);
    const left = deadline - Date.now();
    if (n === 0 || left <= 0) return;
    Atomics.wait(counter, 0, n, Math.min(left, 10));
  }
}
