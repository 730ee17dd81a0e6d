import type { Readable } from "node:stream";
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  DeleteObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { env } from "./env.server";

/**
 * The one S3 adapter. The same code talks to the embedded s3rver, AWS S3, MinIO or R2; only the
 * endpoint, region, bucket and credentials differ. Keys live in the DB, never URLs.
 */
let client: S3Client | undefined;
let uploadClient: S3Client | undefined;
let clientEndpoint: string | undefined;

function makeClient(idleMs: number): S3Client {
  const e = env();
  return new S3Client({
    region: e.S3_REGION,
    endpoint: e.S3_ENDPOINT,
    forcePathStyle: e.S3_FORCE_PATH_STYLE,
    credentials:
      e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    // Since SDK 3.729 CRC32 checksums are added by default; s3rver stores the aws-chunked framing
    // in the object and presigned PUTs get an empty-body checksum. Only when the API requires it.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    // The SDK default is no timeout: an unreachable S3 would hang the request. A server that accepts
    // the connection and never answers trips the socket's idle timeout; the overall request timeout
    // only *warns* unless throwOnRequestTimeout is set, which left uploads hanging for minutes.
    requestHandler: {
      connectionTimeout: e.S3_TIMEOUT_MS,
      socketTimeout: idleMs,
      requestTimeout: idleMs * 6,
      throwOnRequestTimeout: true,
    },
    maxAttempts: 2,
  });
}

export function s3(): S3Client {
  const e = env();
  if (!client || clientEndpoint !== e.S3_ENDPOINT) {
    client = makeClient(e.S3_TIMEOUT_MS);
    uploadClient = undefined;
    clientEndpoint = e.S3_ENDPOINT;
  }
  return client;
}

/**
 * The client for streaming uploads: the usual one (an S3 that does not answer fails in seconds), except
 * that CompleteMultipartUpload goes through a client that tolerates a minute of silence, because S3 (and
 * s3rver, which concatenates the parts) takes that long to assemble hundreds of MB before it answers.
 */
function s3ForUploads(): S3Client {
  const quick = s3();
  uploadClient ??= makeClient(Math.max(env().S3_TIMEOUT_MS, 60_000));
  const patient = uploadClient;
  return new Proxy(quick, {
    get(target, prop, receiver) {
      if (prop !== "send") return Reflect.get(target, prop, receiver);
      return (command: unknown, ...rest: unknown[]) =>
        (command instanceof CompleteMultipartUploadCommand ? patient : target).send(
          command as never,
          ...(rest as []),
        );
    },
  });
}

export class StorageUnavailableError extends Error {
  constructor(cause: unknown) {
    super("File storage is unavailable right now. Nothing was saved; please try again in a moment.");
    this.name = "StorageUnavailableError";
    this.cause = cause;
  }
}

export async function ensureBucket(): Promise<void> {
  const Bucket = env().S3_BUCKET;
  try {
    await s3().send(new HeadBucketCommand({ Bucket }));
  } catch (err) {
    // Only a missing bucket is created; an unreachable endpoint is reported as such.
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw new StorageUnavailableError(err);
    try {
      await s3().send(new CreateBucketCommand({ Bucket }));
    } catch (createErr) {
      throw new StorageUnavailableError(createErr);
    }
  }
}

/** One line for the log: why storage is unavailable (ECONNREFUSED, a timeout, AccessDenied …). */
export function storageProblem(err: unknown): string {
  const cause = err instanceof StorageUnavailableError ? err.cause : err;
  if (cause && typeof cause === "object") {
    const c = cause as { code?: string; name?: string; message?: string; errors?: { code?: string }[] };
    const code = c.code ?? c.errors?.[0]?.code;
    return [c.name, code, c.message].filter((v, i, all) => v && all.indexOf(v) === i).join(": ");
  }
  return String(cause);
}

export async function putObject(input: {
  key: string;
  body: Buffer | Uint8Array | Readable;
  contentType: string;
  contentLength?: number;
  sha256Hex?: string;
}): Promise<void> {
  try {
    await s3().send(
      new PutObjectCommand({
        Bucket: env().S3_BUCKET,
        Key: input.key,
        Body: input.body,
        ContentType: input.contentType,
        ContentLength: input.contentLength,
        Metadata: input.sha256Hex ? { sha256: input.sha256Hex } : undefined,
      }),
    );
  } catch (err) {
    throw new StorageUnavailableError(err);
  }
}

/** Bytes per multipart part (S3's minimum is 5 MiB) and parts in flight: memory per upload ~ their product. */
export const UPLOAD_PART_BYTES = 5 * 1024 * 1024;
export const UPLOAD_QUEUE_SIZE = 2;

/**
 * Stream a body of unknown length to storage with lib-storage: one PutObject when it fits in a part,
 * else a multipart upload of UPLOAD_PART_BYTES parts, at most UPLOAD_QUEUE_SIZE in flight, so memory
 * stays bounded whatever the size. If the body errors (the caller refusing it mid-way) or S3 fails, the
 * multipart upload is aborted (its parts deleted) and this rejects; a body error is the caller's to
 * recognise, everything else reads as StorageUnavailableError.
 */
export async function uploadStream(input: {
  key: string;
  body: Readable;
  contentType: string;
}): Promise<void> {
  const upload = new Upload({
    client: s3ForUploads(),
    params: { Bucket: env().S3_BUCKET, Key: input.key, Body: input.body, ContentType: input.contentType },
    partSize: UPLOAD_PART_BYTES,
    queueSize: UPLOAD_QUEUE_SIZE,
    leavePartsOnError: false,
  });
  try {
    await upload.done();
  } catch (err) {
    throw new StorageUnavailableError(err);
  }
}

/** The stored object as a stream (for hashing it again); a missing object is null. */
export async function objectStream(key: string): Promise<AsyncIterable<Uint8Array> | null> {
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: env().S3_BUCKET, Key: key }));
    return res.Body as unknown as AsyncIterable<Uint8Array>;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) return null;
    throw new StorageUnavailableError(err);
  }
}

export async function getObjectBuffer(key: string): Promise<Buffer> {
  try {
    const res = await s3().send(new GetObjectCommand({ Bucket: env().S3_BUCKET, Key: key }));
    const bytes = await res.Body!.transformToByteArray();
    return Buffer.from(bytes);
  } catch (err) {
    throw new StorageUnavailableError(err);
  }
}

export async function deleteObject(key: string): Promise<void> {
  await s3().send(new DeleteObjectCommand({ Bucket: env().S3_BUCKET, Key: key }));
}

/** RFC 6266 / 5987 Content-Disposition with an ASCII fallback and a UTF-8 filename*. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type StoredFile = { key: string; fileName: string; contentType: string };

/**
 * The answer to a download, after the caller's own access check. By default the app streams the object
 * itself (S3_DOWNLOADS=proxy), always for the embedded s3rver: it checks no signatures, so its URLs must
 * never reach a browser, and on another machine the browser could not reach 127.0.0.1 anyway. With a
 * real, browser-reachable S3 (S3_DOWNLOADS=presigned) the browser is redirected to a short-lived
 * presigned URL instead. Either way: attachment, the type detected at upload, nosniff, and a sandboxing
 * CSP so a file that smuggles HTML or script never runs on our origin.
 */
export async function downloadResponse(file: StoredFile): Promise<Response> {
  if (env().S3_DOWNLOADS === "presigned") {
    const url = await presignedDownloadUrl(file);
    return new Response(null, {
      status: 302,
      // The signed URL is a bearer credential until it expires: keep it out of caches and referrers.
      headers: { Location: url, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    });
  }
  return proxiedObjectResponse(file, {
    "Content-Disposition": attachmentDisposition(file.fileName),
    "Content-Security-Policy": "sandbox; default-src 'none'",
  });
}

/**
 * The object streamed through the app with the caller's disposition and CSP (a download, a sandboxed
 * preview), after the caller's own access check: the type detected at upload, nosniff, never cached.
 */
export async function proxiedObjectResponse(
  file: StoredFile,
  extra: { "Content-Disposition": string; "Content-Security-Policy": string } & Record<string, string>,
): Promise<Response> {
  let object;
  try {
    object = await s3().send(new GetObjectCommand({ Bucket: env().S3_BUCKET, Key: file.key }));
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404) throw new Response("This file is no longer in storage.", { status: 404 });
    throw new StorageUnavailableError(err);
  }
  const headers = new Headers({
    "Content-Type": file.contentType,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...extra,
  });
  if (object.ContentLength !== undefined) headers.set("Content-Length", String(object.ContentLength));
  return new Response(object.Body!.transformToWebStream(), { status: 200, headers });
}

/** Short-lived download link (S3_DOWNLOADS=presigned). Call only after the caller's own access check. */
export async function presignedDownloadUrl(input: StoredFile): Promise<string> {
  return getSignedUrl(
    s3(),
    new GetObjectCommand({
      Bucket: env().S3_BUCKET,
      Key: input.key,
      ResponseContentDisposition: attachmentDisposition(input.fileName),
      ResponseContentType: input.contentType,
    }),
    { expiresIn: env().PRESIGNED_URL_TTL_SECONDS },
  );
}

/** Keys are generated by the server under the tenant's prefix; user filenames never become keys. */
export function tenantKey(organizationId: string, kind: string, ext: string): string {
  return `org/${organizationId}/${kind}/${crypto.randomUUID()}${ext ? `.${ext}` : ""}`;
}
