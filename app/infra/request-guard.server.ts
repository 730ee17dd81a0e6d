import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { API_MAX_BODY_BYTES } from "~/api/limits";
import { IMPORT_MAX_BYTES } from "~/imports/upload.server";
import { env } from "./env.server";

/**
 * Checks on every request body before anything reads it (server.mjs mounts this ahead of Remix): a
 * size limit per kind of route and the content types our forms send. A declared Content-Length over the
 * limit is refused from the headers (a 400 MB POST to /login is never read); a chunked body, whose
 * length nobody declared, is counted as it arrives and cut at the limit: 413, the connection closed, and
 * the rest of the body neither read nor buffered. A JSON or text/plain body to a form action gets a
 * clear 415 instead of a parser exception (500).
 */

export type BodyKind = "form" | "upload" | "import" | "api";

/** Text forms: the biggest (a template translation) is well under this. */
export const FORM_MAX_BYTES = 1024 * 1024;
/** Multipart overhead and the text fields that travel with a file. */
const MULTIPART_SLACK = 1024 * 1024;

/**
 * Routes that accept files, by URL (Remix single-fetch posts to `<path>.data`). Everything else is a
 * text form. test/security/fuzz.test.ts checks that every route reading an upload is listed here.
 */
const UPLOAD_ROUTES: { pattern: RegExp; kind: Exclude<BodyKind, "form"> }[] = [
  { pattern: /^\/imports\/?(?:_index)?(?:\.data)?$/, kind: "import" },
  { pattern: /^\/imports\/sites\/?(?:_index)?(?:\.data)?$/, kind: "import" },
  // An audit's corrective action report (CSV or XLSX), read by the supplier import's upload checks.
  { pattern: /^\/audits\/import\/?(?:\.data)?$/, kind: "import" },
  { pattern: /^\/audits\/(?!new\/?(?:\.data)?$)[^/]+\/?(?:\.data)?$/, kind: "upload" },
  { pattern: /^\/portal\/[^/]+\/?(?:\.data)?$/, kind: "upload" },
  { pattern: /^\/remediation\/[^/]+\/?(?:\.data)?$/, kind: "upload" },
  { pattern: /^\/supplier-actions\/?(?:_index)?(?:\.data)?$/, kind: "upload" },
  // The public worker pages (a report, a message added with the receipt code) may carry one attachment.
  { pattern: /^\/report\/[^/]+(?:\/site\/[^/]+|\/status)?\/?(?:\.data)?$/, kind: "upload" },
  // The progress-bar twins of the upload forms above (app/evidence/ui/UploadForm.tsx), JSON answers.
  { pattern: /^\/imports\/(?:sites\/)?upload\/?(?:\.data)?$/, kind: "import" },
  { pattern: /^\/(?:audits|remediation)\/[^/]+\/upload\/?(?:\.data)?$/, kind: "upload" },
  { pattern: /^\/supplier-actions\/upload\/?(?:\.data)?$/, kind: "upload" },
];

/** The REST API (app/api) reads JSON bodies itself and answers problem+json (D40). */
const API_ROUTE = /^\/api\/v1(?:\/|$)/;

export function bodyKind(pathname: string): BodyKind {
  if (API_ROUTE.test(pathname)) return "api";
  return UPLOAD_ROUTES.find((r) => r.pattern.test(pathname))?.kind ?? "form";
}

export function bodyLimit(kind: BodyKind): number {
  if (kind === "api") return API_MAX_BODY_BYTES;
  if (kind === "import") return IMPORT_MAX_BYTES + MULTIPART_SLACK;
  // The file limit and the form's few fields: a file up to about a megabyte over its limit still reaches
  // the upload handler, which stops reading at the limit and answers with a field error on the form;
  // anything bigger is refused here without reading it (the forms check the size before sending).
  if (kind === "upload") return env().UPLOAD_MAX_BYTES + MULTIPART_SLACK;
  return FORM_MAX_BYTES;
}

/** How long a cut connection stays half-open so the client can read its 413. */
const LINGER_MS = 2000;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export type Refusal = { status: 400 | 413 | 415; message: string };

function tooLarge(kind: BodyKind, limit: number): Refusal {
  return {
    status: 413,
    message:
      kind === "api"
        ? `The request body is larger than ${limit / 1024} KB; nothing was saved.`
        : kind === "form"
          ? `The form is larger than ${megabytes(limit)}; nothing was saved.`
          : `The upload is larger than ${megabytes(limit)}; nothing was saved. Choose a smaller file.`,
  };
}

/** Why a request's body is refused before reading it, or null when it may go on. */
export function refuseBody(input: {
  method: string;
  pathname: string;
  headers: Record<string, string | string[] | undefined>;
}): Refusal | null {
  if (BODYLESS.has(input.method.toUpperCase())) return null;
  const header = (name: string) => {
    const v = input.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const lengthHeader = header("content-length");
  // A chunked body has no declared length: it is counted while it arrives (countBody below).
  const chunked = header("transfer-encoding") !== undefined && lengthHeader === undefined;
  const length = lengthHeader === undefined ? 0 : Number(lengthHeader);
  if (!Number.isSafeInteger(length) || length < 0) {
    return { status: 400, message: "The Content-Length header is not a number." };
  }
  const kind = bodyKind(input.pathname);
  const limit = bodyLimit(kind);
  if (length > limit) return tooLarge(kind, limit);
  // The API checks its own content types (JSON) and answers them as problem details.
  if (kind === "api") return null;
  const contentType = (header("content-type") ?? "").toLowerCase();
  if (length === 0 && !chunked && contentType === "") return null; // a bare button: "log out", "start"
  const [type, ...params] = contentType.split(";").map((p) => p.trim());
  if (!FORM_TYPES.includes(type)) {
    return {
      status: 415,
      message: `This address accepts form submissions (application/x-www-form-urlencoded or multipart/form-data), not ${type || "a body without a Content-Type"}.`,
    };
  }
  if (type === "multipart/form-data") {
    const boundary = params.find((p) => p.startsWith("boundary="))?.slice("boundary=".length);
    const value = boundary?.replace(/^"(.*)"$/, "$1") ?? "";
    // RFC 2046: 1–70 characters.
    if (value.length < 1 || value.length > 70) {
      return { status: 400, message: "The multipart form has no valid boundary; it cannot be read." };
    }
  }
  return null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Count a body's bytes as the HTTP parser hands them over (before any reader sees them) and cut it at
 * the limit. Node's parser feeds the request through `push()`; past the limit nothing more is pushed,
 * the socket stops reading (returning false pauses the parser), the refusal goes out with
 * `Connection: close`, and the socket is closed after it (see linger): the rest of the body is never read,
 * so a client streaming gigabytes costs nothing. Whoever was reading the body (an upload on its way to
 * storage) sees it abort when the socket goes, and discards what it staged.
 */
function countBody(req: IncomingMessage, limit: number, onOver: () => void) {
  let seen = 0;
  let over = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (over) return false;
    if (chunk !== null && chunk !== undefined) {
      seen += (chunk as { length: number }).length;
      if (seen > limit) {
        over = true;
        req.socket.pause();
        onOver();
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

/**
 * A lingering close for a connection whose body we will not read: after the answer, FIN, and the socket
 * destroyed a moment later. Node destroys a `Connection: close` socket as soon as the answer is out;
 * with the client's bytes still unread, that sends a reset, which can discard the answer on its way and
 * leave the browser saying "connection reset" instead of "too large". Meanwhile nothing is read (a body
 * being counted stops at push(); one refused from its headers is never parsed).
 */
function linger(socket: Socket) {
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
}

/** The refusal as the client reads it: problem+json for the API, a short page or plain text otherwise. */
function sendRefusal(req: IncomingMessage, res: ServerResponse, pathname: string, refusal: Refusal) {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  linger(req.socket);
  res.statusCode = refusal.status;
  res.setHeader("Connection", "close");
  res.setHeader("Cache-Control", "no-store");
  if (bodyKind(pathname) === "api") {
    res.setHeader("Content-Type", "application/problem+json");
    const type = refusal.status === 413 ? "payload-too-large" : "validation";
    res.end(
      JSON.stringify({
        type: `/api/v1/problems/${type}`,
        title: refusal.status === 413 ? "The request body is too large" : "Some fields are not valid",
        status: refusal.status,
        detail: refusal.message,
      }),
    );
    return;
  }
  if ((req.headers.accept ?? "").includes("text/html")) {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(
      `<!doctype html><html lang="en"><meta charset="utf-8"><title>Request refused · Clearsource</title>` +
        `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem">` +
        `<h1>${refusal.status === 413 ? "Too large" : "This request cannot be read"}</h1>` +
        `<p>${escapeHtml(refusal.message)}</p><p>Use your browser's back button to return to the form.</p></body></html>`,
    );
  } else {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(refusal.message);
  }
}

/**
 * Express-style middleware. A refused body is answered from the headers; an accepted one is counted
 * while it is read and cut at the limit. Either way the connection closes: the unread body is not worth
 * reading.
 */
export function requestGuard() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = (req.url ?? "/").split("?")[0];
    const refusal = refuseBody({ method: req.method ?? "GET", pathname, headers: req.headers });
    if (refusal) return sendRefusal(req, res, pathname, refusal);
    if (!BODYLESS.has((req.method ?? "GET").toUpperCase())) {
      const kind = bodyKind(pathname);
      const limit = bodyLimit(kind);
      countBody(req, limit, () => sendRefusal(req, res, pathname, tooLarge(kind, limit)));
    }
    next();
  };
}
