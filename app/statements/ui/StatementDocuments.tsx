import { Form } from "@remix-run/react";
import { Badge, Card, EmptyState } from "~/ui/layout";
import type { getStatement } from "../statements.server";

type Statement = Awaited<ReturnType<typeof getStatement>>;

function formatTimestamp(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(new Date(iso));
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The PDFs generated for the statement (draft or approved, with their hash), and Generate PDF. */
export function StatementDocuments({
  s,
  canWrite,
  generating,
}: {
  s: Statement;
  canWrite: boolean;
  generating: boolean;
}) {
  return (
    <Card title="Generated PDFs">
      {canWrite ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="generate" />
          <button type="submit" className="btn-secondary w-full" disabled={generating}>
            {generating ? "Generating…" : "Generate PDF"}
          </button>
          <p className="mt-2 text-xs text-slate-500">
            Uses the saved text and today&apos;s figures.{" "}
            {s.status === "draft" ? "A draft PDF is marked “DRAFT — not approved”." : null}
          </p>
        </Form>
      ) : null}
      {s.documents.length === 0 ? (
        <EmptyState title="No PDF generated yet" />
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {s.documents.map((d) => (
            <li key={d.id} className="py-2">
              <div className="flex items-center justify-between gap-2">
                <a href={`/statements/${s.id}/documents/${d.id}`} className="link">
                  Download
                </a>
                {d.draft ? <Badge tone="amber">Draft</Badge> : <Badge tone="green">Approved</Badge>}
              </div>
              <div className="mt-0.5 text-xs text-slate-500">
                {formatTimestamp(d.generatedAt)}
                {d.generatedBy ? ` · ${d.generatedBy}` : ""} · {formatSize(d.sizeBytes)}
              </div>
              <div className="font-mono text-xs text-slate-400" title={`SHA-256 ${d.sha256}`}>
                SHA-256 {d.sha256.slice(0, 12)}…
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
