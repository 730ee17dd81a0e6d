import type { ZodType } from "zod";
import type { Ctx } from "~/infra/context";
import type { ApiScope } from "~db/schema/api.constants";

/**
 * One operation of the REST API: its address, the scope it needs, the zod schemas it parses its input
 * with and documents its answers by, and the handler (one domain verb). The router dispatches by these,
 * the OpenAPI document is generated from these, and the access and contract tests enumerate these, so
 * the three cannot drift apart.
 */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> } | Response;

export type HandlerArgs<P, Q, B> = {
  ctx: Ctx;
  params: P;
  query: Q;
  body: B;
  /** The raw JSON body (PATCH merges only the keys the client sent). */
  raw: unknown;
  request: Request;
};

// The registry holds operations of every input type side by side; their handlers are typed where each
// is defined (defineOperation), so the list itself erases them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Operation<P = any, Q = any, B = any> = {
  id: string;
  method: "get" | "post" | "patch";
  /** OpenAPI path under /api/v1, `{name}` for parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  scope: ApiScope;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /**
   * A create that takes an Idempotency-Key. Its handler must be synchronous: it runs inside the
   * transaction that stores its answer.
   */
  idempotent?: boolean;
  responses: Record<number, { description: string; schema?: ZodType; contentType?: string }>;
  handler: (args: HandlerArgs<P, Q, B>) => ApiResult | Promise<ApiResult>;
};

export function defineOperation<P, Q, B>(op: Operation<P, Q, B>): Operation<P, Q, B> {
  return op;
}

export const ok = (body: unknown, status = 200): ApiResult => ({ status, body });
