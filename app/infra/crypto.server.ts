import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 256-bit random token, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function sha256Hex(input: string | Buffer | Uint8Array): string {
  return createHash("sha256").update(input).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * Secrets the app must read back (TOTP seeds) are sealed with AES-256-GCM: a fresh 96-bit IV per value,
 * the 128-bit tag checked on open, so a changed byte or another key fails loudly instead of yielding a
 * wrong secret. Stored as `v1:<iv>:<tag>:<ciphertext>` (base64); the version names the scheme so a later
 * one can be read beside it. `aad` binds a value to where it belongs (e.g. its user), so a sealed value
 * copied to another row does not open there.
 */
const SEALED_V1 = "v1";

export function sealSecret(plain: string, key: Buffer, aad = ""): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [SEALED_V1, iv.toString("base64"), tag.toString("base64"), ct.toString("base64")].join(":");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${SEALED_V1}:`);
}

/** The plaintext of a sealed value; throws on a tampered value, a wrong key or another `aad`. */
export function openSecret(stored: string, key: Buffer, aad = ""): string {
  const parts = stored.split(":");
  if (parts.length !== 4 || parts[0] !== SEALED_V1) throw new Error("Not a sealed secret (v1)");
  const [, iv, tag, ct] = parts.map((p, i) => (i === 0 ? Buffer.alloc(0) : Buffer.from(p, "base64")));
  if (iv.length !== 12 || tag.length !== 16) throw new Error("Sealed secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ct), decipher.final()]).toString("utf8");
  } catch {
    throw new Error(
      "Sealed secret did not authenticate: it was altered, or this is not the key it was sealed with",
    );
  }
}
