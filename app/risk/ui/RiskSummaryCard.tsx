import { Link } from "@remix-run/react";
import { LEVEL_THRESHOLDS } from "~/risk/model";
import type { SupplierRiskView } from "~/risk/view.server";
import { Card, RiskBadge } from "~/ui/layout";
import { CoverageBadge } from "./CoverageBadge";

const dateOnly = (iso: string) => iso.slice(0, 10);

/** The headline of a supplier's risk: level (or approved override beside the computed score), parts, path. */
export function RiskSummaryCard({ risk }: { risk: SupplierRiskView }) {
  const active = risk.overrides.find((o) => o.active);
  return (
    <Card title="Risk">
      {risk.score === null ? (
        <p className="text-sm text-slate-500">Not scored yet.</p>
      ) : (
        <div className="space-y-3 text-sm">
          {active ? (
            <div
              className="rounded-md border border-violet-200 bg-violet-50 p-2"
              data-testid="override-shown"
            >
              <p className="font-medium text-violet-900">
                Override: <RiskBadge level={active.level} /> until {active.expiresOn}
              </p>
              <p className="text-xs text-violet-800">
                Approved by {active.decidedByLabel}; requested by {active.requestedByLabel}.
              </p>
            </div>
          ) : null}
          <div className="flex items-baseline gap-3" data-testid="computed-score">
            <span className="text-4xl font-semibold text-slate-900">{risk.score}</span>
            <span className="text-slate-500">/ 100</span>
            <RiskBadge level={risk.level} />
            {active ? <span className="text-xs text-slate-500">computed</span> : null}
          </div>
          <dl className="grid grid-cols-2 gap-2">
            <div>
              <dt className="text-slate-500">Inherent</dt>
              <dd className="tabular-nums" data-testid="inherent-score">
                {risk.inherent ?? "—"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Residual</dt>
              <dd className="tabular-nums" data-testid="residual-score">
                {risk.residual ?? "—"}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Coverage</dt>
              <dd>
                <CoverageBadge coverage={risk.coverage} />
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Upstream exposure</dt>
              <dd className="tabular-nums">{risk.exposure ? risk.exposure.score : "none"}</dd>
            </div>
          </dl>
          {risk.exposure ? (
            <p className="rounded-md bg-orange-50 p-2 text-orange-900" data-testid="exposure-path">
              Upstream exposure {risk.exposure.score} {risk.exposure.text}
              <span className="block text-xs text-orange-800">
                Origin score {risk.exposure.originScore}, lowered by 30 % per tier.
              </span>
            </p>
          ) : null}
          {risk.current ? (
            <p className="text-xs text-slate-500">
              Computed {dateOnly(risk.current.computedAt)} ({risk.current.trigger}) by{" "}
              <Link className="link" to="/risk/model">
                {risk.current.modelVersion}
              </Link>
              . The score is the higher of residual risk and upstream exposure. Levels: low under{" "}
              {LEVEL_THRESHOLDS.medium}, medium under {LEVEL_THRESHOLDS.high}, high under{" "}
              {LEVEL_THRESHOLDS.critical}, critical from {LEVEL_THRESHOLDS.critical}.
            </p>
          ) : null}
        </div>
      )}
    </Card>
  );
}
