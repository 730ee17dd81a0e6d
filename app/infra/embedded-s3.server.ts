import fs from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import S3rver from "s3rver";

export type EmbeddedS3 = { endpoint: string; close: () => Promise<void> };

/** Starts s3rver on 127.0.0.1 (port 0 = any free port). Data persists in `directory` between runs. */
export async function startEmbeddedS3(opts: { directory: string; port?: number }): Promise<EmbeddedS3> {
  fs.mkdirSync(path.resolve(opts.directory), { recursive: true });
  const server = new S3rver({
    port: opts.port ?? 0,
    address: "127.0.0.1",
    directory: path.resolve(opts.directory),
    silent: true,
    // Browsers may PUT straight to presigned URLs later; allow it from anywhere for the embedded server only.
    configureBuckets: [],
  });
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}
