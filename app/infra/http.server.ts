import { data } from "@remix-run/node";
import type { ZodError, ZodType } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "./errors";
import { StorageUnavailableError } from "./storage.server";

export type FieldErrors = Record<string, string>;
export type ActionResult = {
  ok: false;
  formError?: string;
  fieldErrors: FieldErrors;
  values?: Record<string, unknown>;
};

export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/** The text fields of a form as submitted (repeated names become arrays), to echo back with errors. */
export function formValues(form: FormData): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string") continue;
    if (k in raw) {
      const prev = raw[k];
      raw[k] = Array.isArray(prev) ? [...prev, v] : [prev, v];
    } else raw[k] = v;
  }
  return raw;
}

/** Parse a FormData with a zod schema; on failure returns a 400 payload with field errors. */
export function parseForm<T>(
  schema: ZodType<T>,
  form: FormData,
): { ok: true; data: T } | { ok: false; response: ReturnType<typeof data<ActionResult>> } {
  const raw = formValues(form);
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    response: data<ActionResult>(
      { ok: false, fieldErrors: zodFieldErrors(result.error), values: raw },
      { status: 400 },
    ),
  };
}

function formFailure(
  formError: string,
  status: number,
  fieldErrors: FieldErrors = {},
  values?: Record<string, unknown>,
) {
  return data<ActionResult>({ ok: false, formError, fieldErrors, values }, { status });
}

/**
 * Run a domain verb inside an action. NotFound/Forbidden are thrown as 404/403 responses; validation,
 * conflict and storage errors are *returned* as form errors (status 400/409/503) so the form re-renders
 * with what the user typed. Unknown errors propagate (500, logged).
 */
export async function handle<T>(
  fn: () => T | Promise<T>,
  /** What the user submitted, echoed back with form errors so nothing typed is lost. */
  values?: Record<string, unknown>,
): Promise<T | ReturnType<typeof formFailure>> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof Response) throw err;
    if (err instanceof NotFoundError) throw new Response(err.message, { status: 404 });
    if (err instanceof ForbiddenError) throw new Response(err.message, { status: 403 });
    if (err instanceof ValidationError) return formFailure(err.message, 400, err.fieldErrors, values);
    if (err instanceof ConflictError) return formFailure(err.message, 409, {}, values);
    if (err instanceof StorageUnavailableError) return formFailure(err.message, 503, {}, values);
    throw err;
  }
}
