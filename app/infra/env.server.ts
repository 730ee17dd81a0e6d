import { createHash } from "node:crypto";
import { z } from "zod";

const KEY_HINT = "make one with: openssl rand -base64 32";

/** Not secret: used only when NODE_ENV is development or test, never in production. */
const DEV_TOTP_KEY = createHash("sha256").update("clearsource development TOTP key, not secret").digest();

/** 32 bytes from 64 hex characters or base64/base64url, else null. */
export function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, "base64");
    if (key.length === 32) return key;
  }
  return null;
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/**
 * Every setting, parsed once. A bad value stops the process at start with the variable's name.
 * The README's configuration table mirrors this schema.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    HOST: z.string().default("127.0.0.1"),
    /** Express "trust proxy" (read by server.mjs) when behind a reverse proxy. */
    TRUST_PROXY: z.string().optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Origin used to build links in emails; never taken from the Host header. */
    PUBLIC_ORIGIN: z.url().optional(),
    DATABASE_PATH: z.string().min(1).default("./data/clearsource.db"),
    /** FULL keeps commits across power loss; NORMAL only across application crashes. */
    SQLITE_SYNCHRONOUS: z.enum(["FULL", "NORMAL"]).default("FULL"),

    /** When unset, an embedded S3-compatible server (s3rver) is started on 127.0.0.1. */
    S3_ENDPOINT: z.url().optional(),
    S3_REGION: z.string().default("us-east-1"),
    S3_BUCKET: z.string().min(3).default("clearsource"),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    S3_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    /**
     * How downloads reach the browser: `proxy` (default) streams them through the app after its access
     * check; `presigned` redirects to a short-lived presigned URL, only for a real S3 the browser can reach.
     */
    S3_DOWNLOADS: z.enum(["proxy", "presigned"]).default("proxy"),
    /** Seconds between attempts to reach S3 when it was unreachable at start. */
    S3_RETRY_SECONDS: z.coerce.number().positive().default(10),
    EMBEDDED_S3_DIR: z.string().default("./data/s3"),
    EMBEDDED_S3_PORT: z.coerce.number().int().min(0).max(65535).default(0),

    /** e.g. smtp://user:pass@smtp.example.com:587. When unset, mail stays in the outbox (dev mailbox page). */
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Clearsource <no-reply@clearsource.local>"),
    /** Shows /dev/mailbox (admins, their own organisation's outbox). Defaults to on when SMTP_URL is unset. */
    DEV_MAILBOX: bool.optional(),

    SEED_DEMO: bool.default(true),

    /** Webhook receivers: how long one delivery may take before it counts as failed. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().max(60_000).default(10_000),
    /** Attempts per delivery (exponential backoff with jitter between them) before it is given up. */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
    /** Failed attempts in a row after which an endpoint is shown as failing (and probed one at a time). */
    WEBHOOK_FAILING_AFTER: z.coerce.number().int().min(1).max(100).default(5),
    /** Days the delivery log keeps finished deliveries (and their events); pending ones are always kept. */
    WEBHOOK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
    /**
     * Receivers on loopback, private, link-local or other internal addresses (SSRF guard). Default: on in
     * development and test (a receiver on 127.0.0.1), off in production.
     */
    WEBHOOK_ALLOW_PRIVATE_URLS: bool.optional(),
    /** http:// receivers. Default: on in development and test, off in production (https only). */
    WEBHOOK_ALLOW_HTTP: bool.optional(),
    /**
     * Single sign-on issuers over http:// or on loopback/private addresses (an identity provider on this
     * machine in tests). Default: on in development and test, off in production (https, public addresses).
     */
    SSO_ALLOW_INSECURE_ISSUERS: bool.optional(),
    /**
     * How replies to workers' text messages are sent (D46): `twilio` posts them to the provider's
     * Messages API with the organisation's account; `log` prints that a reply went out (never the
     * number) and sends nothing. Default: twilio in production, log elsewhere.
     */
    SMS_OUTBOUND: z.enum(["twilio", "log"]).optional(),
    /** The provider API's origin (a local double in tests). */
    TWILIO_API_BASE: z.url().default("https://api.twilio.com"),
    /** How long one outbound text may take before it counts as failed. */
    SMS_TIMEOUT_MS: z.coerce.number().int().positive().max(30_000).default(5000),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    SUPPLIER_LINK_TTL_DAYS: z.coerce.number().int().positive().default(30),
    INVITATION_TTL_DAYS: z.coerce.number().int().positive().default(7),
    SESSION_IDLE_HOURS: z.coerce.number().positive().default(12),
    SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(14),
    PRESIGNED_URL_TTL_SECONDS: z.coerce.number().int().positive().max(3600).default(120),
    /**
     * 32 random bytes (base64 or hex) that seal TOTP secrets at rest (AES-256-GCM). Required in production;
     * development and tests use a fixed, public key so their databases stay readable between runs.
     */
    TOTP_ENCRYPTION_KEY: z
      .string()
      .trim()
      .optional()
      .refine((v) => v === undefined || v === "" || decodeKey(v) !== null, {
        message: `must be 32 bytes as base64 (44 characters) or hex (64 characters); ${KEY_HINT}`,
      }),
  })
  .superRefine((e, issue) => {
    if (e.NODE_ENV === "production" && !e.TOTP_ENCRYPTION_KEY) {
      issue.addIssue({
        code: "custom",
        path: ["TOTP_ENCRYPTION_KEY"],
        message: `required when NODE_ENV=production (it encrypts two-factor secrets); ${KEY_HINT}`,
      });
    }
  });

export type Env = z.infer<typeof envSchema> & {
  publicOrigin: string;
  devMailbox: boolean;
  webhookAllowPrivate: boolean;
  webhookAllowHttp: boolean;
  ssoAllowInsecureIssuers: boolean;
  smsOutbound: "twilio" | "log";
  /** TOTP_ENCRYPTION_KEY decoded, or the development/test key. */
  totpEncryptionKey: Buffer;
};

let cached: Env | undefined;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = result.data;
  if (e.S3_DOWNLOADS === "presigned" && !e.S3_ENDPOINT) {
    throw new Error(
      "Invalid configuration:\n  S3_DOWNLOADS: presigned needs S3_ENDPOINT (a real S3 the browser can reach); the embedded S3 is never handed to browsers",
    );
  }
  return {
    ...e,
    publicOrigin: (e.PUBLIC_ORIGIN ?? `http://localhost:${e.PORT}`).replace(/\/$/, ""),
    devMailbox: e.DEV_MAILBOX ?? !e.SMTP_URL,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE_URLS ?? e.NODE_ENV !== "production",
    webhookAllowHttp: e.WEBHOOK_ALLOW_HTTP ?? e.NODE_ENV !== "production",
    ssoAllowInsecureIssuers: e.SSO_ALLOW_INSECURE_ISSUERS ?? e.NODE_ENV !== "production",
    smsOutbound: e.SMS_OUTBOUND ?? (e.NODE_ENV === "production" ? "twilio" : "log"),
    totpEncryptionKey: e.TOTP_ENCRYPTION_KEY ? decodeKey(e.TOTP_ENCRYPTION_KEY)! : DEV_TOTP_KEY,
  };
}

export function env(): Env {
  if (!cached) cached = parseEnv(process.env);
  return cached;
}

/** For boot (after the embedded S3 picked its port) and tests. */
export function resetEnv(): void {
  cached = undefined;
}
