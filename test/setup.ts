import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, db } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import { ensureBucket } from "~/infra/storage.server";

/**
 * Each test file gets its own SQLite file, a copy of the database test/global-setup.ts migrated once
 * for the run, and its own bucket in the shared s3rver. Tests inside one file share that database: make
 * the rows a test depends on in that test (factories in test/factories.ts create fresh organisations).
 */
const fileId = crypto.randomUUID().slice(0, 8);
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = path.join(inject("tmpRoot"), `db-${fileId}.sqlite`);
fs.copyFileSync(inject("templateDatabase"), process.env.DATABASE_PATH);
process.env.S3_ENDPOINT = inject("s3Endpoint");
process.env.S3_ACCESS_KEY_ID = "S3RVER";
process.env.S3_SECRET_ACCESS_KEY = "S3RVER";
process.env.S3_BUCKET = `test-${fileId}`;
process.env.S3_TIMEOUT_MS = "2000";
process.env.SQLITE_SYNCHRONOUS = "NORMAL";
process.env.PUBLIC_ORIGIN = "http://localhost:3000";
resetEnv();

beforeAll(async () => {
  db();
  await ensureBucket();
});

afterAll(() => {
  closeDb();
});
