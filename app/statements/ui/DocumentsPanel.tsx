import { Form } from "@remix-run/react";
import { Badge, Card } from "~/ui/layout";

type Doc = {
  id: string;
  generatedAt: string;
  sha256: string;
  sizeBytes: number;
  pageCount: number | null;
  generatedBy: string | null;
  draft: boolean;
};

/** Generated PDFs (drafts watermarked) and, for Canada, the page-limit warning and questionnaire export. */
export function DocumentsPanel({
  statementId,
  documents,
  canWrite,
  busy,
  pageLimit,
  questionnaireUrl,
}: {
  statementId: string;
  documents: Doc[];
  canWrite: boolean;
  busy: boolean;
  pageLimit: number | null;
  questionnaireUrl: string | null;
}) {
  const latest = documents[0];
  return (
    <Card title="Generated PDFs">
      {canWrite ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="intent" value="generate" />
          <button type="submit" className="btn-secondary w-full" disabled={busy}>
            {busy ? "Generating…" : "Generate PDF"}
          </button>
        </Form>
      ) : null}
      {pageLimit !== null && latest?.pageCount != null && latest.pageCount > pageLimit ? (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800" role="alert">
          The latest PDF has {latest.pageCount} pages: the government asks for reports of at most {pageLimit}{" "}
          pages.
        </p>
      ) : null}
      {questionnaireUrl ? (
        <p className="mb-3 text-sm">
          <a href={questionnaireUrl} className="link">
            Answers for the government questionnaire (JSON)
          </a>
        </p>
      ) : null}
      {documents.length === 0 ? (
        <p className="text-sm text-slate-500">No PDF generated yet.</p>
      ) : (
        <ul className="space-y-3 text-sm">
          {documents.map((d) => (
            <li key={d.id}>
              <div className="flex items-center justify-between gap-2">
                <a href={`/statements/${statementId}/documents/${d.id}`} className="link">
                  Download
                </a>
                {d.draft ? <Badge tone="amber">Draft</Badge> : <Badge tone="green">Approved</Badge>}
              </div>
              <div className="mt-0.5 text-xs text-slate-500">
                {d.generatedAt.slice(0, 16).replace("T", " ")} UTC{d.generatedBy ? ` · ${d.generatedBy}` : ""}{" "}
                · {Math.max(1, Math.round(d.sizeBytes / 1024))} KB
                {d.pageCount ? ` · ${d.pageCount} pages` : ""}
              </div>
              <div className="font-mono text-xs text-slate-500">SHA-256 {d.sha256.slice(0, 12)}…</div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
