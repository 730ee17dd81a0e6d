import { data } from "@remix-run/node";
import type { ZodType } from "zod";
import { parseForm, type FormFailure } from "~/infra/http.server";
import { type TooManyAttemptsError } from "./rate-limit.server";

const SECRETS = ["password"];

/** parseForm, but a failed parse never echoes a password back to the page. */
export function parseFormNoSecrets<T>(schema: ZodType<T>, form: FormData) {
  const parsed = parseForm(schema, form);
  if (!parsed.ok && parsed.response.data.values) {
    for (const key of SECRETS) delete parsed.response.data.values[key];
  }
  return parsed;
}

/** 429 with the "try again in N minutes" message, shown on the form like any other form error. */
export function tooManyAttempts(err: TooManyAttemptsError) {
  return data<FormFailure>(
    { ok: false, formError: err.message, fieldErrors: {} },
    { status: 429, headers: { "Retry-After": String(Math.ceil(err.retryAfterMs / 1000)) } },
  );
}

/**
 * The client address, only as the HTTP server put it into the load context (`clientIp`): headers such
 * as X-Forwarded-For can be forged by anyone unless a trusted proxy sets them.
 */
export function clientIp(context: unknown): string | null {
  const ip = (context as { clientIp?: unknown } | null | undefined)?.clientIp;
  return typeof ip === "string" && ip.length > 0 && ip.length < 100 ? ip : null;
}
