import { Link } from "@remix-run/react";
import type { Engagement } from "~/risk/prioritise";
import { countryName } from "~/suppliers/countries";
import { RiskBadge } from "~/ui/layout";

/** Who to engage first: severity × likelihood × leverage (LkSG §3(2), CSDDD Art. 9), each factor shown. */
export function EngagementList({ rows }: { rows: Engagement[] }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No scored suppliers yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm" data-testid="engagement-list">
      {rows.map((e, i) => (
        <li key={e.id} className="py-2">
          <div className="flex items-center justify-between gap-2">
            <span>
              <span className="mr-2 tabular-nums text-slate-500">{i + 1}.</span>
              <Link className="link" to={`/suppliers/${e.id}`}>
                {e.name}
              </Link>{" "}
              <span className="text-slate-500">
                {countryName(e.country)} · tier {e.tier}
              </span>
            </span>
            <span className="flex items-center gap-2">
              <span className="tabular-nums text-slate-700" title="Priority (0–100)">
                {e.priority}
              </span>
              <RiskBadge level={levelOf(e.severity)} score={e.score} />
            </span>
          </div>
          <p className="text-xs text-slate-500">
            {e.headline ? `${e.headline} · ` : ""}
            {e.why}
          </p>
        </li>
      ))}
    </ol>
  );
}

const levelOf = (severity: number) => (["low", "medium", "high", "critical"] as const)[severity - 1];
