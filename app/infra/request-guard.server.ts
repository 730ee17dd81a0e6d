import type { IncomingMessage, ServerResponse } from "node:http";
import { API_MAX_BODY_BYTES } from "~/api/limits";
import { IMPORT_MAX_BYTES } from "~/imports/upload.server";
import { env } from "./env.server";

/**
 * Checks on every request body before anything reads it (server.mjs mounts this ahead of Remix): a
 * size limit per kind of route, declared up front in Content-Length, and the content types our forms
 * send. A 400 MB POST to /login is refused after reading its headers, not after buffering it; a JSON
 * or text/plain body to a form action gets a clear 415 instead of a parser exception (500).
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
  // Twice the file limit: a file a little too big still reaches the upload handler, which stops reading
  // at the limit and answers with a field error on the form; a wildly oversized body is refused here.
  if (kind === "upload") return 2 * env().UPLOAD_MAX_BYTES + MULTIPART_SLACK;
  return FORM_MAX_BYTES;
}

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
const BODYLESS = new Set(["GET", "HEAD", "OPTIONS"]);

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

export type Refusal = { status: 400 | 411 | 413 | 415; message: string };

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
  const chunked = header("transfer-encoding") !== undefined;
  if (chunked && lengthHeader === undefined) {
    return {
      status: 411,
      message: "Send the request with a Content-Length: bodies of unknown length are not accepted.",
    };
  }
  const length = lengthHeader === undefined ? 0 : Number(lengthHeader);
  if (!Number.isSafeInteger(length) || length < 0) {
    return { status: 400, message: "The Content-Length header is not a number." };
  }
  const kind = bodyKind(input.pathname);
  const limit = bodyLimit(kind);
  if (length > limit) {
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
  // The API checks its own content types (JSON) and answers them as problem details.
  if (kind === "api") return null;
  const contentType = (header("content-type") ?? "").toLowerCase();
  if (length === 0 && contentType === "") return null; // a bare button: "log out", "start"
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
 * Express-style middleware. Browsers get a short HTML page (a navigation from a form lands there),
 * anything else plain text. The connection is closed afterwards: the unread body is not worth reading.
 */
export function requestGuard() {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const pathname = (req.url ?? "/").split("?")[0];
    const refusal = refuseBody({ method: req.method ?? "GET", pathname, headers: req.headers });
    if (!refusal) return next();
    if (bodyKind(pathname) === "api") {
      res.statusCode = refusal.status;
      res.setHeader("Connection", "close");
      res.setHeader("Cache-Control", "no-store");
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
    const html = (req.headers.accept ?? "").includes("text/html");
    res.statusCode = refusal.status;
    res.setHeader("Connection", "close");
    res.setHeader("Cache-Control", "no-store");
    if (html) {
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
  };
}
