import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

/**
 * An OpenID Provider on 127.0.0.1 for tests and the e2e spec: discovery, JWKS, an authorization
 * endpoint that signs in whoever `signIn()` named and redirects straight back with a code, and a token
 * endpoint that checks the client's secret, the code (once), the redirect URI and PKCE, then issues an
 * RS256 ID token. `tamper()` bends the next ID token (audience, issuer, nonce, expiry, email_verified, a
 * foreign signing key) so tests can prove each check refuses it.
 */
export type ProviderUser = { sub: string; email: string; emailVerified?: boolean; name?: string };
export type Tamper = {
  aud?: string;
  iss?: string;
  nonce?: string;
  /** Seconds from now the token expires (negative: already expired). */
  expiresIn?: number;
  /** Sign with a key that is not in the JWKS. */
  foreignKey?: boolean;
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  signIn: (user: ProviderUser) => void;
  tamper: (t: Tamper) => void;
  /** Requests the provider saw, in order (path only), e.g. to prove a refused callback never got to /token. */
  requests: string[];
  close: () => Promise<void>;
};

type Grant = { user: ProviderUser; nonce: string; challenge: string; redirectUri: string; used: boolean };

export async function startTestProvider(
  opts: { clientId?: string; clientSecret?: string } = {},
): Promise<TestProvider> {
  const clientId = opts.clientId ?? `client-${randomBytes(4).toString("hex")}`;
  const clientSecret = opts.clientSecret ?? randomBytes(24).toString("base64url");
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const foreign = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: "test-key-1", alg: "RS256", use: "sig" };
  const grants = new Map<string, Grant>();
  const requests: string[] = [];
  let current: ProviderUser | null = null;
  let tampering: Tamper = {};
  let issuer = "";

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    requests.push(url.pathname);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        scopes_supported: ["openid", "email", "profile"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const p = url.searchParams;
      const redirectUri = p.get("redirect_uri") ?? "";
      if (p.get("client_id") !== clientId || !redirectUri) return json(400, { error: "invalid_client" });
      const back = new URL(redirectUri);
      back.searchParams.set("state", p.get("state") ?? "");
      if (!current) {
        back.searchParams.set("error", "access_denied");
      } else if (p.get("code_challenge_method") !== "S256" || !p.get("code_challenge")) {
        back.searchParams.set("error", "invalid_request");
      } else {
        const code = randomBytes(16).toString("base64url");
        grants.set(code, {
          user: current,
          nonce: p.get("nonce") ?? "",
          challenge: p.get("code_challenge") ?? "",
          redirectUri,
          used: false,
        });
        back.searchParams.set("code", code);
      }
      res.writeHead(302, { location: back.href });
      return res.end();
    }
    if (url.pathname === "/token" && req.method === "POST") {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        void (async () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
          let id = form.get("client_id");
          let secret = form.get("client_secret");
          const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "");
          if (basic) {
            const [u, s] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
            id = decodeURIComponent(u);
            secret = decodeURIComponent(s ?? "");
          }
          if (id !== clientId || secret !== clientSecret) return json(401, { error: "invalid_client" });
          const grant = grants.get(form.get("code") ?? "");
          if (!grant || grant.used || grant.redirectUri !== form.get("redirect_uri")) {
            return json(400, { error: "invalid_grant" });
          }
          grant.used = true;
          const verifier = form.get("code_verifier") ?? "";
          if (createHash("sha256").update(verifier).digest("base64url") !== grant.challenge) {
            return json(400, { error: "invalid_grant", error_description: "PKCE verification failed" });
          }
          const t = tampering;
          tampering = {};
          const now = Math.floor(Date.now() / 1000);
          const key: CryptoKey = t.foreignKey ? foreign.privateKey : privateKey;
          const idToken = await new SignJWT({
            email: grant.user.email,
            email_verified: grant.user.emailVerified ?? true,
            ...(grant.user.name ? { name: grant.user.name } : {}),
            nonce: t.nonce ?? grant.nonce,
          })
            .setProtectedHeader({ alg: "RS256", kid: jwk.kid })
            .setIssuer(t.iss ?? issuer)
            .setSubject(grant.user.sub)
            .setAudience(t.aud ?? clientId)
            .setIssuedAt(t.expiresIn !== undefined && t.expiresIn < 0 ? now + t.expiresIn - 600 : now)
            .setExpirationTime(now + (t.expiresIn ?? 300))
            .sign(key);
          json(200, {
            access_token: randomBytes(16).toString("base64url"),
            token_type: "Bearer",
            expires_in: 300,
            id_token: idToken,
          });
        })().catch(() => json(500, { error: "server_error" }));
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    clientId,
    clientSecret,
    signIn: (user) => {
      current = user;
    },
    tamper: (t) => {
      tampering = t;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
