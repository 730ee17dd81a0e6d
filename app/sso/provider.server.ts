import { createHash } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import * as oidc from "openid-client";
import { env } from "~/infra/env.server";
import { isInternalAddress } from "~/webhooks/url-policy.server";

/**
 * The OpenID Connect client side of single sign-on, on `openid-client` (a certified relying-party
 * library): discovery, the authorization request (code flow with PKCE S256, state and nonce) and the
 * token exchange. ID tokens are checked by the library for issuer, audience, expiry, issued-at and nonce,
 * and with `enableNonRepudiationChecks` also for their signature against the provider's JWKS (the token
 * comes straight from the token endpoint, so the spec would allow skipping that; we do not).
 */

export type ProviderSettings = { issuer: string; clientId: string; clientSecret: string };

/** Seconds any request to the provider may take: an unreachable provider is a clear error, not a hang. */
const TIMEOUT_SECONDS = 5;
const CACHE_MS = 10 * 60_000;
const cache = new Map<string, { config: oidc.Configuration; at: number }>();

/** Why an issuer URL cannot be used, or null. Checked when saved and before every discovery. */
export async function issuerProblem(raw: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter the provider's issuer URL, e.g. https://login.example.com";
  }
  if (url.username || url.password) return "The issuer URL must not carry a user name or password";
  if (url.search || url.hash) return "The issuer URL has no query or fragment";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && env().ssoAllowInsecureIssuers)) {
    return "The issuer URL must start with https://";
  }
  if (env().ssoAllowInsecureIssuers) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "The issuer must not be on this server";
  const addresses = isIP(host)
    ? [host]
    : await lookup(host, { all: true })
        .then((list) => list.map((a) => a.address))
        .catch(() => null);
  if (!addresses) return `The provider's host name ${host} does not resolve`;
  if (addresses.some(isInternalAddress)) return "The issuer must be on a public address";
  return null;
}

export class ProviderUnavailableError extends Error {}

/** The provider's metadata and client configuration, discovered once and cached for ten minutes. */
export async function providerConfig(s: ProviderSettings, opts: { fresh?: boolean } = {}) {
  const cacheKey = createHash("sha256")
    .update(JSON.stringify([s.issuer, s.clientId, s.clientSecret]))
    .digest("hex");
  const hit = cache.get(cacheKey);
  if (hit && !opts.fresh && Date.now() - hit.at < CACHE_MS) return hit.config;
  const problem = await issuerProblem(s.issuer);
  if (problem) throw new ProviderUnavailableError(problem);
  let config: oidc.Configuration;
  try {
    config = await oidc.discovery(new URL(s.issuer), s.clientId, s.clientSecret, undefined, {
      timeout: TIMEOUT_SECONDS,
      execute: [
        ...(new URL(s.issuer).protocol === "http:" ? [oidc.allowInsecureRequests] : []),
        oidc.enableNonRepudiationChecks,
      ],
    });
  } catch (err) {
    throw new ProviderUnavailableError(
      `Could not read the provider's discovery document (${s.issuer.replace(/\/$/, "")}/.well-known/openid-configuration): ${describe(err)}`,
    );
  }
  if (!config.serverMetadata().jwks_uri) {
    throw new ProviderUnavailableError(
      "The provider publishes no signing keys (jwks_uri): ID tokens cannot be verified",
    );
  }
  cache.set(cacheKey, { config, at: Date.now() });
  return config;
}

export function forgetProvider(): void {
  cache.clear();
}

export function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
    if (err.name === "TimeoutError" || /timed? ?out|aborted/i.test(err.message)) {
      return `no answer within ${TIMEOUT_SECONDS} seconds`;
    }
    return `${err.message}${cause}`.slice(0, 300);
  }
  return String(err).slice(0, 300);
}

export function authorizationUrl(
  config: oidc.Configuration,
  p: { redirectUri: string; state: string; nonce: string; codeChallenge: string; loginHint?: string },
): URL {
  return oidc.buildAuthorizationUrl(config, {
    redirect_uri: p.redirectUri,
    scope: "openid email profile",
    response_type: "code",
    state: p.state,
    nonce: p.nonce,
    code_challenge: p.codeChallenge,
    code_challenge_method: "S256",
    ...(p.loginHint ? { login_hint: p.loginHint } : {}),
  });
}

export type VerifiedClaims = {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
};

/** The code exchange: state, PKCE, then the ID token (signature, iss, aud, exp, iat, nonce). */
export async function exchangeCode(
  config: oidc.Configuration,
  // The redirect_uri sent with the code is `callbackUrl` without its query (it must be the one authorised).
  p: { callbackUrl: URL; state: string; nonce: string; codeVerifier: string },
): Promise<VerifiedClaims> {
  const tokens = await oidc.authorizationCodeGrant(config, p.callbackUrl, {
    expectedState: p.state,
    expectedNonce: p.nonce,
    pkceCodeVerifier: p.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("the provider returned no ID token");
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: typeof claims.email === "string" ? claims.email.trim().toLowerCase() : null,
    emailVerified: claims.email_verified === true,
    name: typeof claims.name === "string" ? claims.name : null,
  };
}

export const newPkce = async () => {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  return {
    codeVerifier,
    codeChallenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  };
};
