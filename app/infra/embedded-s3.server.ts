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
  abortMultipartUploads(server, path.resolve(opts.directory));
  const address = (await server.run()) as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () => server.close(),
  };
}

/**
 * s3rver 3.7 answers AbortMultipartUpload (DELETE ?uploadId=) with 405 and keeps the parts on disk, so a
 * refused or failed streaming upload would leave them behind here (AWS S3, MinIO and R2 delete them).
 * This serves that one request ahead of s3rver's router: it removes the upload's parts directory, which
 * s3rver keeps at <dir>/<bucket>/._S3rver_uploads/<uploadId>, and answers 204 as S3 does.
 */
function abortMultipartUploads(server: S3rver, directory: string) {
  type Ctx = { method: string; path: string; query: Record<string, unknown>; status: number };
  const middleware = (
    server as unknown as { middleware: ((ctx: Ctx, next: () => Promise<void>) => unknown)[] }
  ).middleware;
  middleware.unshift(async (ctx, next) => {
    const uploadId = ctx.query.uploadId;
    const bucket = /^\/([^/]+)\/.+/.exec(ctx.path)?.[1];
    if (ctx.method !== "DELETE" || typeof uploadId !== "string" || !bucket) return next();
    if (!/^[0-9a-f]{32}$/.test(uploadId) || !/^[a-z0-9.-]{3,63}$/.test(bucket)) return next();
    await fs.promises.rm(path.join(directory, bucket, "._S3rver_uploads", uploadId), {
      recursive: true,
      force: true,
    });
    ctx.status = 204;
  });
}
