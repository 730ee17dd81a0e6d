import { Card } from "~/ui/layout";
import type { Narrative, RegimeTemplate } from "../regimes";

/** The text of an approved (immutable) version. */
export function StatementText({ template, narrative }: { template: RegimeTemplate; narrative: Narrative }) {
  return (
    <Card title="Statement text (approved: read only)">
      <div className="space-y-5">
        {template.criteria.map((c) => (
          <div key={c.key} id={`c-${c.key}`}>
            <h3 className="text-sm font-semibold text-slate-900">{c.heading}</h3>
            <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
              {narrative[c.key] || <span className="text-slate-500">No text.</span>}
            </p>
          </div>
        ))}
      </div>
    </Card>
  );
}
