import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedS3 } from "~/infra/embedded-s3.server";

declare module "vitest" {
  export interface ProvidedContext {
    s3Endpoint: string;
    tmpRoot: string;
  }
}

/** One s3rver for the whole run, on a random port, in a fresh temp dir; removed at the end. */
export default async function setup(project: TestProject) {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), "clearsource-test-"));
  const s3 = await startEmbeddedS3({ directory: path.join(tmpRoot, "s3"), port: 0 });
  project.provide("s3Endpoint", s3.endpoint);
  project.provide("tmpRoot", tmpRoot);
  return async () => {
    await s3.close();
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  };
}
