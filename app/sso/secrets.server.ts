import { hkdfSync } from "node:crypto";
import { openSecret, sealSecret } from "~/infra/crypto.server";
import { env } from "~/infra/env.server";

/**
 * The identity provider's client secret must be read back (the token request sends it), so it is
 * sealed, not hashed: AES-256-GCM under a key derived with HKDF from the server's sealing key
 * (TOTP_ENCRYPTION_KEY) under its own label, bound to the organisation (a sealed value copied to another
 * organisation's row does not open there).
 */
let cache: { base: Buffer; key: Buffer } | undefined;
function key(): Buffer {
  const base = env().totpEncryptionKey;
  if (!cache || cache.base !== base)
    cache = { base, key: Buffer.from(hkdfSync("sha256", base, "clearsource-sso", "client-secret v1", 32)) };
  return cache.key;
}

export function sealClientSecret(organizationId: string, secret: string): string {
  return sealSecret(secret, key(), `sso:${organizationId}`);
}

export function openClientSecret(organizationId: string, sealed: string): string {
  return openSecret(sealed, key(), `sso:${organizationId}`);
}
