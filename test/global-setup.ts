import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "~/infra/db.server";
import { startEmbeddedS3 } from "~/infra/embedded-s3.server";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
    tmpRoot: string;
    /** A database migrated once for the run; test/setup.ts copies it for each test file. */
    templateDatabase: string;
  }
}

/**
 * One s3rver for the whole run, on a random port, in a fresh temp dir; one database migrated from
 * drizzle/ once, which each test file copies (the Epic Stack's base database): every file still runs
 * against a real SQLite file of its own, without applying every migration again. Removed at the end.
 */
export default async function setup(project: TestProject) {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "clearsource-test-"));
  const templateDatabase = path.join(tmpRoot, "template.sqlite");
  const template = openDatabase(templateDatabase, "NORMAL");
  migrateDatabase(template);
  // One self-contained file to copy: fold the write-ahead log back in and stop using one.
  template.$client.pragma("wal_checkpoint(TRUNCATE)");
  template.$client.pragma("journal_mode = DELETE");
  template.$client.close();
  project.provide("templateDatabase", templateDatabase);
  const s3 = await startEmbeddedS3({ directory: path.join(tmpRoot, "s3"), port: 0 });
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("tmpRoot", tmpRoot);
  return async () => {
    await s3.close();
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  };
}
