import type { ZodType } from "zod";
import { ValidationError } from "~/infra/errors";
import { zodFieldErrors } from "~/infra/http.server";

/** Domain verbs re-check their input with the same schema the route used; a bad call is a 400, not a 500. */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(zodFieldErrors(result.error));
  return result.data;
}
