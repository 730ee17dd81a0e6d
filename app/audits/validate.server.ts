import { z, type ZodType } from "zod";
import { ValidationError } from "~/infra/errors";
import { zodFieldErrors } from "~/infra/http.server";

/**
 * Verbs re-validate their input even though routes already parsed it: other capabilities, seeds and
 * scripts call them too, and a bad value must surface as field errors (400), never as a 500.
 */
export function validateInput<T>(schema: ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(zodFieldErrors(result.error));
  return result.data;
}

/** Optional free text from a form: blank becomes undefined, whitespace trimmed, length capped. */
export const optionalText = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(max, { error: `${label} must be at most ${max} characters.` })
      .optional(),
  );

export const requiredId = (message: string) => z.string({ error: message }).trim().min(1, { error: message });

/** A real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export const isoDate = (label: string) =>
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
