/**
 * RFC 9457 problem details: every error the API answers is `application/problem+json` with a `type`
 * (a stable URI under /api/v1/problems/), a `title`, the `status` and a `detail` in words; field errors
 * travel as `errors: { <field path>: <message> }`, the same messages the forms show.
 */
export const PROBLEM_TYPES = {
  unauthorized: "The request carries no valid API key",
  forbidden: "The API key lacks a scope this operation needs",
  "not-found": "No such resource in this organisation",
  "method-not-allowed": "The resource does not answer that method",
  "unsupported-media-type": "The request body is not JSON",
  "malformed-json": "The request body is not valid JSON",
  validation: "Some fields are not valid",
  conflict: "The request conflicts with the current state",
  "idempotency-key-reused": "The Idempotency-Key was used with another request",
  "rate-limited": "Too many requests for this API key",
  "payload-too-large": "The request body is too large",
  unavailable: "A dependency is unavailable; try again",
} as const;
export type ProblemType = keyof typeof PROBLEM_TYPES;

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Record<string, string>;
  /** 403: the scope the key lacks. */
  missingScope?: string;
};

export class ApiProblem extends Error {
  constructor(
    public status: number,
    public problemType: ProblemType,
    detail: string,
    public extra: { errors?: Record<string, string>; missingScope?: string } = {},
    public headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }

  body(): Problem {
    return {
      type: `/api/v1/problems/${this.problemType}`,
      title: PROBLEM_TYPES[this.problemType],
      status: this.status,
      detail: this.message,
      ...this.extra,
    };
  }
}

export function problemResponse(p: ApiProblem): Response {
  return new Response(JSON.stringify(p.body()), {
    status: p.status,
    headers: {
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      ...(p.status === 401 ? { "WWW-Authenticate": 'Bearer realm="clearsource"' } : {}),
      ...p.headers,
    },
  });
}
