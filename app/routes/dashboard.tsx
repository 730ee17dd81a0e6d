import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GRADE_LABELS } from "~/audits/catalogue";
import { getDashboard } from "~/dashboard/dashboard.server";
import { EngagementList } from "~/dashboard/ui/EngagementList";
import { OnboardingSteps } from "~/dashboard/ui/OnboardingSteps";
import { RiskMatrix } from "~/dashboard/ui/RiskMatrix";
import { Stat } from "~/dashboard/ui/Stat";
import { requireMember } from "~/orgs/guard.server";
import { STATUS_LABELS } from "~/questionnaires/status";
import { remedyTotals } from "~/remediation/remedies.server";
import { RemedyTotalsCard } from "~/remediation/ui/RemedyTotalsCard";
import { engagementList, riskMatrix } from "~/risk/portfolio.server";
import { countryName } from "~/suppliers/countries";
import { HorizontalBars, RISK_COLORS, StackedBar } from "~/ui/charts";
import { Card, PageHeader, RiskBadge } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Dashboard · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = requireMember(request, "suppliers:read");
  return {
    organization: member.organization.name,
    dashboard: getDashboard(member.ctx),
    remedies: remedyTotals(member.ctx),
    matrix: riskMatrix(member.ctx),
    engagement: engagementList(member.ctx),
  };
}

export default function Dashboard() {
  const { organization, dashboard: d, remedies, matrix, engagement } = useLoaderData<typeof loader>();
  if (d.suppliers.total === 0) {
    return (
      <>
        <PageHeader title="Dashboard" subtitle={organization} />
        <OnboardingSteps />
      </>
    );
  }
  const sent = Object.entries(d.questionnaires).reduce((s, [, n]) => s + n, 0);
  const completed = (d.questionnaires.submitted ?? 0) + (d.questionnaires.accepted ?? 0);
  return (
    <>
      <PageHeader title="Dashboard" subtitle={organization} />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Stat label="Suppliers" value={d.suppliers.total} to="/suppliers" />
        <Stat
          label="High or critical risk"
          value={(d.suppliers.byLevel.high ?? 0) + (d.suppliers.byLevel.critical ?? 0)}
          to="/suppliers?sort=risk&dir=desc"
          tone="red"
        />
        <Stat
          label="Not assessed"
          value={matrix.notAssessed}
          note="never low: unknown is risk"
          to="/suppliers?coverage=not_assessed&sort=risk&dir=desc"
        />
        <Stat label="Questionnaires completed" value={`${completed} / ${sent}`} to="/questionnaires" />
        <Stat
          label="Open remediation tasks"
          value={d.tasks.open ?? 0}
          note={d.tasks.overdue ? `${d.tasks.overdue} overdue` : undefined}
          to="/remediation"
        />
      </div>
      <div className="mb-4 grid gap-4 lg:grid-cols-2">
        <Card title="Inherent × residual risk">
          <RiskMatrix matrix={matrix} />
        </Card>
        <Card title="Engage first">
          <EngagementList rows={engagement} />
        </Card>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Suppliers by risk level">
          <StackedBar
            ariaLabel="Suppliers by risk level"
            data={(["critical", "high", "medium", "low", "unscored"] as const).map((level) => ({
              label: level,
              value: d.suppliers.byLevel[level] ?? 0,
              color: RISK_COLORS[level],
            }))}
          />
        </Card>
        <Card title="Highest risk suppliers">
          <ul className="divide-y divide-slate-100">
            {d.topRisk.map((s) => (
              <li key={s.id} className="flex items-center justify-between py-2 text-sm">
                <Link className="link" to={`/suppliers/${s.id}`}>
                  {s.name}
                </Link>
                <span className="flex items-center gap-3 text-slate-500">
                  {countryName(s.country)} · tier {s.tier}
                  <RiskBadge level={s.riskLevel} score={s.riskScore} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Suppliers by country">
          <HorizontalBars
            ariaLabel="Suppliers by country"
            data={d.suppliers.byCountry.map((c) => ({
              label: countryName(c.country),
              value: c.n,
              href: `/suppliers?country=${c.country}`,
            }))}
          />
        </Card>
        <Card title="Suppliers by tier">
          <HorizontalBars
            ariaLabel="Suppliers by tier"
            data={d.suppliers.byTier.map((t) => ({
              label: `Tier ${t.tier}`,
              value: t.n,
              href: `/suppliers?tier=${t.tier}`,
            }))}
          />
        </Card>
        <Card title="Questionnaires by status">
          <HorizontalBars
            ariaLabel="Questionnaires by status"
            data={Object.entries(STATUS_LABELS).map(([k, label]) => ({
              label,
              value: d.questionnaires[k] ?? 0,
            }))}
          />
        </Card>
        <Card title="Open audit findings by grade">
          <HorizontalBars
            ariaLabel="Open findings by grade"
            data={Object.entries(GRADE_LABELS).map(([k, label]) => ({
              label,
              value: d.openFindings[k] ?? 0,
              color:
                k === "zero_tolerance" || k === "critical"
                  ? "#dc2626"
                  : k === "major"
                    ? "#f97316"
                    : "#94a3b8",
            }))}
          />
        </Card>
        <RemedyTotalsCard totals={remedies} />
      </div>
    </>
  );
}
