import type { ReferenceOperation } from "../reference.server";

const METHOD_TONE: Record<string, string> = {
  GET: "bg-sky-100 text-sky-800",
  POST: "bg-emerald-100 text-emerald-800",
  PATCH: "bg-amber-100 text-amber-800",
};

/** One operation of the reference: address, scope, parameters, body and answers. */
export function ApiOperation({ op }: { op: ReferenceOperation }) {
  return (
    <section id={op.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${METHOD_TONE[op.method] ?? ""}`}>
          {op.method}
        </span>
        <span className="text-slate-900">{op.path}</span>
      </h3>
      <p className="font-medium text-slate-900">{op.summary}</p>
      {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
      <p className="text-sm">
        Scope: <code>{op.scope}</code> · operationId <code>{op.id}</code>
      </p>
      {op.parameters.length ? (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-slate-500">
              <th className="py-1 pr-3 font-medium">Parameter</th>
              <th className="py-1 pr-3 font-medium">In</th>
              <th className="py-1 pr-3 font-medium">Type</th>
              <th className="py-1 font-medium">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-3 font-mono">
                  {p.name}
                  {p.required ? " *" : ""}
                </td>
                <td className="py-1 pr-3">{p.in}</td>
                <td className="max-w-xs break-words py-1 pr-3 font-mono text-xs">{p.type}</td>
                <td className="py-1">{p.description ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {op.body ? (
        <details>
          <summary className="cursor-pointer text-sm font-medium">Request body (application/json)</summary>
          <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-2 text-xs">{op.body}</pre>
        </details>
      ) : null}
      <ul className="space-y-1 text-sm">
        {op.responses.map((r) => (
          <li key={r.status}>
            <span className="font-mono font-semibold">{r.status}</span> {r.description}
            {r.contentType ? <span className="text-slate-500"> · {r.contentType}</span> : null}
            {r.schema?.startsWith('{"$ref"') ? (
              <span className="text-slate-500">
                {" "}
                ·{" "}
                <a className="link" href={`#schema-${JSON.parse(r.schema).$ref.split("/").pop()}`}>
                  {JSON.parse(r.schema).$ref.split("/").pop()}
                </a>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
