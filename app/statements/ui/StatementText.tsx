import { Card } from "~/ui/layout";
import { formatLongDate } from "../period";
import { SECTION_HEADING, SECTIONS } from "../sections";
import type { getStatement } from "../statements.server";

type Statement = Awaited<ReturnType<typeof getStatement>>;

/** The statement as it stands (approved, or read by someone who cannot edit it). */
export function StatementText({ s }: { s: Statement }) {
  return (
    <Card title="Statement text, section 54(5)(a)–(f)">
      <div className="space-y-5">
        {SECTIONS.map((sec) => (
          <div key={sec.key}>
            <h3 className="text-sm font-semibold text-slate-900">{SECTION_HEADING(sec)}</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
              {s.narrative[sec.key] || <span className="text-slate-400">No text.</span>}
            </p>
          </div>
        ))}
        <dl className="grid gap-3 border-t border-slate-200 pt-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-xs text-slate-500">Board approval date</dt>
            <dd>{s.boardApprovalDate ? formatLongDate(s.boardApprovalDate) : "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Director</dt>
            <dd>{s.directorName ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Title</dt>
            <dd>{s.directorTitle ?? "—"}</dd>
          </div>
        </dl>
      </div>
    </Card>
  );
}
