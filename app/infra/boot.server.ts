import { bootHooks } from "./boot-hooks.server";
import { db } from "./db.server";
import { startEmbeddedS3, type EmbeddedS3 } from "./embedded-s3.server";
import { env, resetEnv } from "./env.server";
import { ensureBucket, storageProblem } from "./storage.server";

export type BootResult = {
  s3Endpoint: string;
  embeddedS3: EmbeddedS3 | null;
  /** The configured public origin (HSTS is sent when it is https). */
  publicOrigin: string;
  stop: () => Promise<void>;
};

/**
 * Make sure the bucket exists; when S3 cannot be reached, say so plainly and keep trying in the
 * background instead of stopping: everything that needs no file storage keeps working meanwhile, and
 * storage actions answer "storage unavailable" (503) until S3 is back.
 */
export async function connectStorage(opts: {
  log: (line: string) => void;
  retryMs?: number;
}): Promise<{ ready: Promise<void>; stop: () => void }> {
  const retryMs = opts.retryMs ?? env().S3_RETRY_SECONDS * 1000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  try {
    await ensureBucket();
    return { ready: Promise.resolve(), stop: () => {} };
  } catch (err) {
    opts.log(
      `File storage (S3 at ${env().S3_ENDPOINT}) is unreachable: ${storageProblem(err)}. ` +
        "Starting without it: evidence and questionnaire file uploads, file downloads and statement PDFs " +
        `answer "storage unavailable" until it answers; everything else works. Retrying every ${Math.round(retryMs / 1000)} s.`,
    );
  }
  const ready = new Promise<void>((resolve) => {
    const attempt = () => {
      if (stopped) return;
      ensureBucket().then(
        () => {
          opts.log(
            `File storage (S3 at ${env().S3_ENDPOINT}) is reachable again; uploads and downloads work.`,
          );
          resolve();
        },
        () => {
          if (!stopped) timer = setTimeout(attempt, retryMs);
        },
      );
    };
    timer = setTimeout(attempt, retryMs);
  });
  return {
    ready,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Start-up, run once by server.mjs before listening: parse settings (fail fast), start the embedded S3
 * when no endpoint is configured, open + migrate the database, connect to storage (retried in the
 * background when unreachable), seed the demo organisation when the database is empty, and start the
 * background workers.
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
    log(
      `Embedded S3 (s3rver, single-machine use only) on ${embeddedS3.endpoint}, data in ${env().EMBEDDED_S3_DIR}; ` +
        "it checks no signatures, so only the app talks to it and downloads are streamed through the app.",
    );
  }
  db();
  log(`Database ready at ${env().DATABASE_PATH}`);
  const storage = await connectStorage({ log });
  const stops: (() => Promise<void> | void)[] = [storage.stop];
  for (const hook of bootHooks) {
    const stop = await hook({ log });
    if (stop) stops.push(stop);
  }
  return {
    s3Endpoint: env().S3_ENDPOINT!,
    embeddedS3,
    publicOrigin: env().publicOrigin,
    stop: async () => {
      for (const s of stops.reverse()) await s();
      await embeddedS3?.close();
    },
  };
}
