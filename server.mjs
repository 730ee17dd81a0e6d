// Production server: Express serving the Remix build, with security headers, a per-response CSP nonce,
// a cross-site request check on every non-GET request and body limits checked before anything is read.
// Run `npm start` (builds first).
import crypto from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import express from "express";

const OUT = process.env.REMIX_OUT;
const BUILD_PATH = path.resolve(OUT ? `${OUT}/server/index.js` : "build/index.js");
const ASSETS_DIR = OUT ? `${OUT}/public/build` : "public/build";
const build = await import(BUILD_PATH);

const booted = await build.entry.module.boot();
const hsts = booted.publicOrigin.startsWith("https:");

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use((req, res, next) => {
  // Each header once: the defaults below are set first, and a route's own value (Referrer-Policy:
  // no-referrer on token pages, a download's sandbox CSP, Cache-Control) replaces them instead of
  // being appended as a second header line. Only Set-Cookie may repeat.
  const append = res.append.bind(res);
  res.append = (field, value) =>
    field.toLowerCase() === "set-cookie" ? append(field, value) : res.setHeader(field, value);
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      // Uploads and (by default) downloads go through the app; the browser never talks to S3 itself.
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (hsts) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

// CSRF defence in depth beside SameSite=Lax cookies: refuse cross-site state-changing requests
// (Remix 2.17's own check skips legacy ?_data= requests).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    return res.status(403).type("text/plain").send("Cross-site request refused.");
  }
  const origin = req.get("origin");
  if (origin && origin !== "null") {
    const host = req.get("host");
    let originHost;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = "";
    }
    if (originHost !== host) return res.status(403).type("text/plain").send("Cross-site request refused.");
  } else if (origin === "null") {
    return res.status(403).type("text/plain").send("Cross-site request refused.");
  }
  next();
});

app.use("/build", express.static(ASSETS_DIR, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));

// Size limit per kind of route and the accepted content types, before any body is read.
app.use(build.entry.module.requestGuard());

// Pages carry tenant data or a supplier's answers: no browser or proxy cache keeps them. A route that
// sets its own Cache-Control replaces this (see res.append above).
app.use((req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV === "production" ? "production" : "development",
    // The client IP feeds the per-IP login rate limit. Behind a proxy, set TRUST_PROXY so req.ip is the client.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const server = app.listen(port, host, () => {
  const addr = server.address();
  console.log(
    `Clearsource listening on http://${host}:${typeof addr === "object" && addr ? addr.port : port}`,
  );
});

// A client that declares a body and never sends it does not hold a request open for minutes.
server.requestTimeout = 120_000;
server.headersTimeout = 30_000;

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  server.close();
  await booted.stop();
  process.exit(0);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
