import { problemSchema } from "./schemas";

const WORDS: Record<number, string> = {
  400: "Bad request: wrong content type, malformed JSON, or fields not valid (see `errors`)",
  401: "No valid API key (missing, unknown, revoked or expired)",
  403: "The key lacks the scope this operation needs (named in `missingScope`)",
  404: "No such resource in this organisation",
  409: "Conflicts with the current state",
  422: "The Idempotency-Key was already used with a different body",
  429: "Rate limit of the key reached; see Retry-After",
};

const PROBLEM = "application/problem+json";

/** Problem answers an operation documents; 401, 403 and 429 are common to every operation. */
export function problemResponses(...statuses: number[]) {
  const out: Record<number, { description: string; schema: typeof problemSchema; contentType: string }> = {};
  for (const s of [...statuses, 401, 403, 429].sort()) {
    out[s] = { description: WORDS[s], schema: problemSchema, contentType: PROBLEM };
  }
  return out;
}
