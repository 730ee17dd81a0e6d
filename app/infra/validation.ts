import { z, type ZodError, type ZodType } from "zod";
import { ValidationError } from "./errors";

export type FieldErrors = Record<string, string>;
/** What was typed into a form's text fields (repeated names become arrays), echoed back with errors. */
export type FormValues = Record<string, string | string[]>;

/**
 * What an action returns when a form must re-render: the form-level message, one message per field,
 * what was typed (so nothing is lost) and, on pages with several forms, which form it was (`intent`).
 */
export type FormFailure<I extends string = string> = {
  ok: false;
  intent?: I;
  /** On pages that repeat a form per row (a question, a contact), which row. */
  target?: string;
  formError?: string;
  fieldErrors: FieldErrors;
  values?: FormValues;
};

/** zod issues as one message per field (the first), keyed by the field's path. */
export function zodFieldErrors(error: ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/**
 * The one input check for domain verbs. Verbs re-validate what routes already parsed: other capabilities,
 * the demo seed and scripts call them too, and a bad value must surface as field errors (400 at the edge),
 * never as a 500.
 */
export function parseInput<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodFieldErrors(result.error));
  return result.data;
}

// Field builders shared by the capabilities' zod schemas (forms and verbs read the same messages).

/** Optional free text: trimmed, blank becomes null, length capped; `collapseSpaces` folds runs of white space. */
export const optionalText = (max: number, label: string, opts: { collapseSpaces?: boolean } = {}) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${label} under ${max} characters.`)
    .nullish()
    .transform((v) => (v ? (opts.collapseSpaces ? v.replace(/\s+/g, " ") : v) : null));

/**
 * A required choice from a fixed list (a select such as Country): a missing field, a blank and an unknown
 * value all get the same message in words, never zod's "Invalid input: expected string, received
 * undefined". `upperCase` for codes typed or posted in either case (country and currency codes).
 */
export const requiredChoice = (
  values: readonly string[],
  message: string,
  opts: { upperCase?: boolean } = {},
) =>
  z
    .string({ error: message })
    .trim()
    .transform((v) => (opts.upperCase ? v.toUpperCase() : v))
    .refine((v) => values.includes(v), { error: message });

/** An id a form must carry (a hidden field or a choice). */
export const requiredId = (message: string) => z.string({ error: message }).trim().min(1, { error: message });

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export const isoDateField = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label} must be a date (YYYY-MM-DD).` })
    .refine(
      (s) => {
        const d = new Date(`${s}T00:00:00Z`);
        return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
      },
      { error: `${label} is not a valid date.` },
    );
