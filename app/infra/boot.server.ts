import { bootHooks } from "./boot-hooks.server";
import { db } from "./db.server";
import { startEmbeddedS3, type EmbeddedS3 } from "./embedded-s3.server";
import { env, resetEnv } from "./env.server";
import { ensureBucket } from "./storage.server";

export type BootResult = { s3Endpoint: string; embeddedS3: EmbeddedS3 | null; stop: () => Promise<void> };

/**
 * Start-up, run once by server.mjs before listening: parse settings (fail fast), start the embedded S3
 * when no endpoint is configured, open + migrate the database, create the bucket, seed the demo
 * organisation when the database is empty, and start the background workers.
 */
export async function boot(opts: { log?: (line: string) => void } = {}): Promise<BootResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  resetEnv();
  let embeddedS3: EmbeddedS3 | null = null;
  if (!env().S3_ENDPOINT) {
    embeddedS3 = await startEmbeddedS3({ directory: env().EMBEDDED_S3_DIR, port: env().EMBEDDED_S3_PORT });
    process.env.S3_ENDPOINT = embeddedS3.endpoint;
    process.env.S3_ACCESS_KEY_ID ??= "S3RVER";
    process.env.S3_SECRET_ACCESS_KEY ??= "S3RVER";
    resetEnv();
    log(`Embedded S3 (s3rver) listening on ${embeddedS3.endpoint}, data in ${env().EMBEDDED_S3_DIR}`);
  }
  db();
  log(`Database ready at ${env().DATABASE_PATH}`);
  await ensureBucket();
  const stops: (() => Promise<void> | void)[] = [];
  for (const hook of bootHooks) {
    const stop = await hook({ log });
    if (stop) stops.push(stop);
  }
  return {
    s3Endpoint: env().S3_ENDPOINT!,
    embeddedS3,
    stop: async () => {
      for (const s of stops.reverse()) await s();
      await embeddedS3?.close();
    },
  };
}
