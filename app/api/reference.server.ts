import { openApiDocument } from "./openapi.server";

type JsonSchema = Record<string, unknown>;

export type ReferenceOperation = {
  id: string;
  method: string;
  path: string;
  tag: string;
  summary: string;
  description: string | null;
  scope: string;
  parameters: { name: string; in: string; required: boolean; type: string; description: string | null }[];
  body: string | null;
  responses: { status: string; description: string; contentType: string | null; schema: string | null }[];
};

function typeOf(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (Array.isArray(s.enum)) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return (s.anyOf as JsonSchema[]).map(typeOf).join(" | ");
  return [s.type].flat().join(" | ") || "any";
}

/** The OpenAPI document as the reference page lists it: every operation with its inputs and answers. */
export function apiReference(): {
  title: string;
  version: string;
  description: string;
  operations: ReferenceOperation[];
  schemas: { name: string; json: string }[];
} {
  const doc = openApiDocument() as unknown as {
    info: { title: string; version: string; description: string };
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas?: Record<string, JsonSchema> };
  };
  const operations: ReferenceOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, o] of Object.entries(methods)) {
      const params =
        (o.parameters as
          | { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[]
          | undefined) ?? [];
      const body = (o.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content["application/json"]?.schema;
      operations.push({
        id: o.operationId as string,
        method: method.toUpperCase(),
        path: `/api/v1${path}`,
        tag: (o.tags as string[])[0],
        summary: o.summary as string,
        description: (o.description as string | undefined) ?? null,
        scope: o["x-required-scope"] as string,
        parameters: params.map((p) => ({
          name: p.name,
          in: p.in,
          required: !!p.required,
          type: typeOf(p.schema),
          description: p.description ?? (p.schema?.description as string | undefined) ?? null,
        })),
        body: body ? JSON.stringify(body, null, 2) : null,
        responses: Object.entries(
          o.responses as Record<
            string,
            { description: string; content?: Record<string, { schema: JsonSchema }> }
          >,
        ).map(([status, r]) => {
          const [contentType, media] = Object.entries(r.content ?? {})[0] ?? [null, null];
          return {
            status,
            description: r.description,
            contentType,
            schema: media?.schema ? JSON.stringify(media.schema) : null,
          };
        }),
      });
    }
  }
  return {
    title: doc.info.title,
    version: doc.info.version,
    description: doc.info.description,
    operations,
    schemas: Object.entries(doc.components.schemas ?? {}).map(([name, s]) => ({
      name,
      json: JSON.stringify(s, null, 2),
    })),
  };
}
