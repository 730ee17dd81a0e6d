/**
 * The API key token, pure: `cs_live_<prefix>_<secret>`. The prefix (10 hex digits, 40 bits) is a lookup
 * handle shown in lists; the secret (32 random bytes, base64url) is what makes the key unguessable. Only
 * the SHA-256 of the whole token is stored (D40).
 */
export const TOKEN_PREFIX = "cs_live_";
const TOKEN_RE = /^cs_live_([0-9a-f]{10})_([A-Za-z0-9_-]{43})$/;

export function formatToken(prefix: string, secret: string): string {
  return `${TOKEN_PREFIX}${prefix}_${secret}`;
}

/** The prefix of a well-formed token, or null (then no row is looked up at all). */
export function parseToken(token: string): { prefix: string } | null {
  const m = TOKEN_RE.exec(token);
  return m ? { prefix: m[1] } : null;
}

/** The bearer token of an Authorization header, or null when there is none or it is another scheme. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return m ? m[1] : null;
}
