import { hkdfSync, randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "~/infra/crypto.server";
import { env } from "~/infra/env.server";

/**
 * Webhook signing secrets must be read back (every delivery is signed with them), so they are sealed,
 * not hashed: AES-256-GCM under a key derived with HKDF from the server's sealing key
 * (TOTP_ENCRYPTION_KEY) under its own label, bound to the endpoint's id (a sealed value copied to another
 * endpoint does not open there).
 */
let cache: { base: Buffer; key: Buffer } | undefined;
function key(): Buffer {
  const base = env().totpEncryptionKey;
  if (!cache || cache.base !== base)
    cache = {
      base,
      key: Buffer.from(hkdfSync("sha256", base, "clearsource-webhooks", "signing-secret v1", 32)),
    };
  return cache.key;
}

/** A Standard Webhooks secret: `whsec_` + base64 of 24 random bytes (192 bits). */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

export function sealWebhookSecret(endpointId: string, secret: string): string {
  return sealSecret(secret, key(), `webhook:${endpointId}`);
}

export function openWebhookSecret(endpointId: string, sealed: string): string {
  return openSecret(sealed, key(), `webhook:${endpointId}`);
}
