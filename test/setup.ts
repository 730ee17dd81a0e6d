import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, db } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import { ensureBucket } from "~/infra/storage.server";

/**
 * Each test file gets its own freshly migrated SQLite file and its own bucket in the shared s3rver.
 * Tests that need a clean database inside a file use `freshDatabase()` from test/factories.ts.
 */
const fileId = crypto.randomUUID().slice(0, 8);
process.env.NODE_ENV = "test";
process.env.DATABASE_PATH = path.join(inject("tmpRoot"), `db-${fileId}.sqlite`);
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
