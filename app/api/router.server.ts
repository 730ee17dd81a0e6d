import { and, eq } from "drizzle-orm";
import type { ZodType } from "zod";
import { sha256Hex } from "~/infra/crypto.server";
import { writeTx } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { domainStatus } from "~/infra/http.server";
import { zodFieldErrors } from "~/infra/validation";
import { apiIdempotency } from "~db/schema";
import { bearerToken } from "./keys";
import { authenticateApiKey } from "./keys.server";
import { API_MAX_BODY_BYTES } from "./limits";
import { openApiDocument } from "./openapi.server";
import type { ApiResult, Operation } from "./operation";
import { OPERATIONS } from "./operations.server";
import { ApiProblem, problemResponse, type ProblemType } from "./problem";

type Compiled = { op: Operation; re: RegExp; names: string[] };
let compiled: Compiled[] | null = null;

function routes(): Compiled[] {
  if (compiled) return compiled;
  compiled = OPERATIONS.map((op) => {
    const names: string[] = [];
    const pattern = op.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, n: string) => {
      names.push(n);
      return "([^/]+)";
    });
    return { op, re: new RegExp(`^${pattern}$`), names };
  });
  return compiled;
}

/** The operation for a method and path, or a 404/405 problem. */
export function matchOperation(
  method: string,
  path: string,
): { op: Operation; params: Record<string, string> } {
  const m = method.toLowerCase() === "head" ? "get" : method.toLowerCase();
  const candidates = routes()
    .map((r) => ({ r, hit: r.re.exec(path) }))
    .filter((x) => x.hit);
  if (candidates.length === 0) throw new ApiProblem(404, "not-found", `There is no API resource at ${path}.`);
  const found = candidates.find((x) => x.r.op.method === m);
  if (!found) {
    const allow = [...new Set(candidates.map((x) => x.r.op.method.toUpperCase()))].join(", ");
    throw new ApiProblem(405, "method-not-allowed", `${path} answers ${allow}.`, {}, { Allow: allow });
  }
  const params: Record<string, string> = {};
  found.r.names.forEach((n, i) => {
    params[n] = decodeURIComponent(found.hit![i + 1]);
  });
  return { op: found.r.op, params };
}

function parseWith<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = zodFieldErrors(r.error);
  throw new ApiProblem(400, "validation", `The ${where} has fields that are not valid.`, { errors });
}

async function readJson(request: Request): Promise<unknown> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new ApiProblem(
      400,
      "unsupported-media-type",
      `Send the body as application/json${type ? `, not ${type}` : " (the Content-Type header is missing)"}.`,
    );
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > API_MAX_BODY_BYTES) {
    throw new ApiProblem(413, "payload-too-large", `Bodies are limited to ${API_MAX_BODY_BYTES / 1024} KB.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ApiProblem(
      400,
      "malformed-json",
      `The body is not valid JSON: ${err instanceof Error ? err.message : "parse error"}.`,
    );
  }
}

function queryObject(url: URL): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = v;
  return out;
}

/** Canonical JSON (sorted keys) so the same body with its keys in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const IDEMPOTENCY_KEY_RE = /^[\x21-\x7e]{1,255}$/;

function jsonResponse(result: Exclude<ApiResult, Response>, extra: Record<string, string> = {}): Response {
  return new Response(result.status === 204 ? null : JSON.stringify(result.body), {
    status: result.status,
    headers: {
      "Content-Type": "application/json",
      "Cache-Control": "no-store",
      ...result.headers,
      ...extra,
    },
  });
}

/** Domain errors, as problems: the same map handle() uses for pages (app/infra/http.server.ts). */
function domainProblem(err: unknown): ApiProblem | null {
  const status = domainStatus(err);
  if (status === undefined || !(err instanceof Error)) return null;
  const type: ProblemType =
    status === 404
      ? "not-found"
      : status === 403
        ? "forbidden"
        : status === 400
          ? "validation"
          : status === 409
            ? "conflict"
            : "unavailable";
  const errors = err instanceof ValidationError ? err.fieldErrors : undefined;
  return new ApiProblem(status, type, err.message, errors ? { errors } : {});
}

/**
 * Run an operation with a stored answer per Idempotency-Key, inside one write transaction: the same
 * key and body again → the stored answer (`Idempotent-Replayed: true`); the same key with another body
 * → 422. Only successful answers are stored: a refused create rolled back and may be sent again.
 */
function runIdempotent(
  op: Operation,
  callerKeyId: string,
  organizationId: string,
  idemKey: string,
  raw: unknown,
  run: () => ApiResult,
): Response {
  if (!IDEMPOTENCY_KEY_RE.test(idemKey)) {
    throw new ApiProblem(400, "validation", "The Idempotency-Key must be 1–255 visible ASCII characters.", {
      errors: { "Idempotency-Key": "Use 1–255 visible ASCII characters, e.g. a UUID." },
    });
  }
  const requestHash = sha256Hex(`${op.id}\n${canonical(raw)}`);
  return writeTx((tx) => {
    const stored = tx
      .select()
      .from(apiIdempotency)
      .where(and(eq(apiIdempotency.apiKeyId, callerKeyId), eq(apiIdempotency.idempotencyKey, idemKey)))
      .get();
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new ApiProblem(
          422,
          "idempotency-key-reused",
          "This Idempotency-Key was already used with a different request; use a new key for a new request.",
        );
      }
      return jsonResponse(
        { status: stored.status, body: JSON.parse(stored.body) as unknown },
        { "Idempotent-Replayed": "true" },
      );
    }
    const result = run();
    if (result instanceof Response) return result;
    tx.insert(apiIdempotency)
      .values({
        apiKeyId: callerKeyId,
        idempotencyKey: idemKey,
        organizationId,
        operation: op.id,
        requestHash,
        status: result.status,
        body: JSON.stringify(result.body),
      })
      .run();
    return jsonResponse(result);
  });
}

/**
 * The API's edge: authenticate the bearer key (never a cookie), match the operation, check its scope
 * (403 naming it), parse params, query and JSON body with the operation's zod schemas, run its one
 * domain verb and answer JSON, or problem+json for every refusal. Never a 500 for bad input.
 */
export async function dispatchApi(request: Request, splat: string): Promise<Response> {
  try {
    const url = new URL(request.url);
    const path = `/${splat}`.replace(/\/+$/, "") || "/";
    if (path === "/openapi.json" && request.method.toUpperCase() === "GET") {
      return new Response(JSON.stringify(openApiDocument()), {
        headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
      });
    }
    const caller = authenticateApiKey(bearerToken(request.headers.get("Authorization")));
    const { op, params } = matchOperation(request.method, path);
    if (!caller.scopes.includes(op.scope)) {
      throw new ApiProblem(403, "forbidden", `This API key lacks the scope ${op.scope}.`, {
        missingScope: op.scope,
      });
    }
    const parsedParams = parseWith(op.params, params, "path");
    const query = parseWith(op.query, queryObject(url), "query string");
    const raw = op.body ? await readJson(request) : undefined;
    const body = parseWith(op.body, raw, "request body");
    const args = { ctx: caller.ctx, params: parsedParams, query, body, raw, request };
    const idemKey = request.headers.get("Idempotency-Key");
    try {
      if (op.idempotent && idemKey !== null) {
        return runIdempotent(op, caller.keyId, caller.ctx.organizationId, idemKey, raw, () => {
          const r = op.handler(args);
          if (r instanceof Promise) throw new Error(`${op.id}: idempotent handlers must be synchronous`);
          return r;
        });
      }
      const result = await op.handler(args);
      return result instanceof Response ? result : jsonResponse(result);
    } catch (err) {
      const problem = domainProblem(err);
      if (problem) throw problem;
      if (err instanceof Response) {
        // A guard inside a verb helper threw an HTTP response (404/403): answer it as a problem.
        const type: ProblemType =
          err.status === 404 ? "not-found" : err.status === 403 ? "forbidden" : "conflict";
        throw new ApiProblem(err.status, type, (await err.text()) || type);
      }
      throw err;
    }
  } catch (err) {
    if (err instanceof ApiProblem) return problemResponse(err);
    throw err;
  }
}
