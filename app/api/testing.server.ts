import type { Ctx } from "~/infra/context";
import { API_SCOPES, type ApiScope } from "~db/schema/api.constants";
import { createApiKey } from "./keys.server";
import { dispatchApi } from "./router.server";

/** Test helpers: a key for an admin ctx, and a call through the API's edge as a client would make it. */
export function keyFor(
  adminCtx: Ctx,
  scopes: readonly ApiScope[] = API_SCOPES,
  opts: { ratePerMinute?: number; label?: string } = {},
): string {
  const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  return createApiKey(adminCtx, {
    label: opts.label ?? "Test key",
    scopes: [...scopes],
    expiresOn,
    ratePerMinute: opts.ratePerMinute,
  }).token;
}

export type ApiCall = { status: number; headers: Headers; json: unknown; text: string };

export async function callApi(
  token: string | null,
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
): Promise<ApiCall> {
  const headers = new Headers(opts.headers);
  if (token) headers.set("Authorization", `Bearer ${token}`);
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (opts.body !== undefined) body = JSON.stringify(opts.body);
  if (body !== undefined) headers.set("Content-Type", opts.contentType ?? "application/json");
  const request = new Request(new URL(`/api/v1${path}`, "http://localhost:3000"), { method, headers, body });
  const splat = path.split("?")[0].replace(/^\//, "");
  const res = await dispatchApi(request, splat);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}
