import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { apiReference } from "~/api/reference.server";
import { ApiOperation } from "~/api/ui/ApiReference";
import { Card, PageHeader } from "~/ui/layout";

/**
 * The API reference, rendered on the server from the OpenAPI document (no scripts or assets from
 * elsewhere). Public, like the document itself: it describes the product, not a tenant.
 */
export const meta: MetaFunction = () => [{ title: "API reference · Clearsource" }];

export async function loader() {
  return apiReference();
}

export default function ApiReferencePage() {
  const ref = useLoaderData<typeof loader>();
  const tags = [...new Set(ref.operations.map((o) => o.tag))];
  return (
    <div className="space-y-6">
      <PageHeader title={`${ref.title} ${ref.version}`} subtitle={ref.description} />
      <p className="text-sm">
        Machine-readable:{" "}
        <a className="link" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>{" "}
        (OpenAPI 3.1). Keys are created by an admin under Settings → API keys.
      </p>
      <nav aria-label="Operations" className="text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {ref.operations.map((o) => (
            <li key={o.id}>
              <a className="link" href={`#${o.id}`}>
                {o.method} {o.path.replace("/api/v1", "")}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {tags.map((tag) => (
        <div key={tag} className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">{tag}</h2>
          {ref.operations
            .filter((o) => o.tag === tag)
            .map((o) => (
              <ApiOperation key={o.id} op={o} />
            ))}
        </div>
      ))}
      <Card title="Schemas">
        <div className="space-y-3">
          {ref.schemas.map((s) => (
            <details key={s.name} id={`schema-${s.name}`}>
              <summary className="cursor-pointer font-mono text-sm">{s.name}</summary>
              <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{s.json}</pre>
            </details>
          ))}
        </div>
      </Card>
    </div>
  );
}
