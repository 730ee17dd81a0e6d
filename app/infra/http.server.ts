import { data } from "@remix-run/node";
import type { ZodType } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { StorageUnavailableError } from "./storage.server";
import { zodFieldErrors, type FieldErrors, type FormFailure, type FormValues } from "./validation";

/**
 * The edge: where domain errors become HTTP, for loaders and actions alike. Routes never write
 * try/catch for domain errors; they call verbs through `handle()`.
 */

export type { FieldErrors, FormFailure, FormValues };

/** Which form an action result belongs to, and what to echo back into it. */
export type FormContext<I extends string = string> = {
  intent?: I;
  target?: string;
  values?: FormValues;
};

/** The one map from domain errors to HTTP statuses; anything else is a bug (500, logged). */
export function domainStatus(err: unknown): number | undefined {
  if (err instanceof NotFoundError) return 404;
  if (err instanceof ForbiddenError) return 403;
  if (err instanceof ValidationError) return 400;
  if (err instanceof ConflictError) return 409;
  if (err instanceof StorageUnavailableError) return 503;
  return undefined;
}

/** A form failure with its status, typed by the form it belongs to. */
export function formFailure<I extends string = never>(
  status: number,
  failure: Omit<FormFailure<I>, "ok" | "fieldErrors"> & { fieldErrors?: FieldErrors },
) {
  return data<FormFailure<I>>({ ok: false, ...failure, fieldErrors: failure.fieldErrors ?? {} }, { status });
}

/**
 * Throw an HTTP response unless the condition holds (the Epic Stack's invariantResponse): a missing row,
 * another tenant's id or a forbidden step reads as one line in a loader.
 */
export function invariantResponse(
  condition: unknown,
  message: string,
  init: ResponseInit = { status: 400 },
): asserts condition {
  if (!condition) throw new Response(message, init);
}

/**
 * Run a domain verb at the edge.
 * - `handle(fn)` (loaders, resource routes, buttons with no form to re-render): every domain error is
 *   thrown as its HTTP response — a missing or foreign id is a 404.
 * - `handle(fn, form)` (actions behind a form): 404/403 are still thrown; validation, conflict and
 *   storage errors are *returned* as the form's failure (400/409/503) so it re-renders with what the
 *   user typed, next to the right form.
 */
export async function handle<T>(fn: () => T | Promise<T>): Promise<T>;
export async function handle<T, I extends string = never>(
  fn: () => T | Promise<T>,
  form: FormContext<I>,
): Promise<T | ReturnType<typeof formFailure<I>>>;
export async function handle<T, I extends string = never>(fn: () => T | Promise<T>, form?: FormContext<I>) {
  try {
    return await fn();
  } catch (err) {
    const status = domainStatus(err);
    if (status === undefined || !(err instanceof Error)) throw err;
    if (!form || status === 404 || status === 403) throw new Response(err.message, { status });
    const fieldErrors = err instanceof ValidationError ? err.fieldErrors : {};
    return formFailure<I>(status, { ...form, formError: err.message, fieldErrors });
  }
}

/** The text fields of a form as submitted (repeated names become arrays), to echo back with errors. */
export function formValues(form: FormData): FormValues {
  const raw: FormValues = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    if (k in raw) {
      const prev = raw[k];
      raw[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else raw[k] = v;
  }
  return raw;
}

/**
 * Parse a FormData with a zod schema. On failure: a 400 form failure with field errors, what was typed
 * and which form it was (`context`); on success the data and the same `values`, for
 * `handle(fn, { intent, values })`.
 */
export function parseForm<T, I extends string = never>(
  schema: ZodType<T>,
  form: FormData,
  context: FormContext<I> = {},
): { ok: true; data: T; values: FormValues } | { ok: false; response: ReturnType<typeof formFailure<I>> } {
  const values = formValues(form);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data, values: context.values ?? values };
  const fieldErrors = zodFieldErrors(result.error);
  return { ok: false, response: formFailure<I>(400, { values, ...context, fieldErrors }) };
}
