import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { LEVEL_BANDS } from "~/suppliers/list.server";
import { RISK_LEVELS, type RiskLevel } from "~db/schema/suppliers.constants";
import { prioritise, type Engagement, type EngagementCandidate } from "./prioritise";

export type RiskMatrix = {
  /** cells[inherent][residual] = number of suppliers. */
  cells: Record<RiskLevel, Record<RiskLevel, number>>;
  notAssessed: number;
  unscored: number;
};

const bandSql = (col: string) =>
  `case when ${col} is null then null ${RISK_LEVELS.map((l) => `when ${col} < ${LEVEL_BANDS[l][1]} then '${l}'`).join(" ")} end`;

/** Inherent × residual counts (one GROUP BY over the tenant's suppliers). */
export function riskMatrix(ctx: Ctx): RiskMatrix {
  const rows = db()
    .$client.prepare(
      `select ${bandSql("inherent_score")} as i, ${bandSql("residual_score")} as r, count(*) as n,
              sum(coverage = 'not_assessed') as na
         from suppliers where organization_id = ? group by 1, 2`,
    )
    .all(ctx.organizationId) as { i: RiskLevel | null; r: RiskLevel | null; n: number; na: number }[];
  const cells = Object.fromEntries(
    RISK_LEVELS.map((i) => [i, Object.fromEntries(RISK_LEVELS.map((r) => [r, 0]))]),
  ) as RiskMatrix["cells"];
  let unscored = 0;
  let notAssessed = 0;
  for (const row of rows) {
    notAssessed += row.na ?? 0;
    if (!row.i || !row.r) unscored += row.n;
    else cells[row.i][row.r] += row.n;
  }
  return { cells, notAssessed, unscored };
}

/**
 * The prioritised engagement list. Candidates are the 500 highest scores of the tenant (one index range
 * read), ranked by severity × likelihood × leverage (prioritise.ts).
 */
export function engagementList(ctx: Ctx, limit = 15): Engagement[] {
  const rows = db()
    .$client.prepare(
      `select s.id, s.name, s.country, s.tier, s.risk_score as score, s.coverage, s.risk_headline as headline,
              s.annual_spend, s.currency,
              (exists (select 1 from findings f where f.organization_id = s.organization_id
                         and f.supplier_id = s.id and f.status = 'open')
               or s.risk_headline like 'red-flag answer%') as evidenced
         from suppliers s
        where s.organization_id = ? and s.risk_score is not null
        order by s.risk_score desc limit 500`,
    )
    .all(ctx.organizationId) as (Omit<EngagementCandidate, "evidenced" | "annualSpend"> & {
    evidenced: number;
    annual_spend: number | null;
  })[];
  return prioritise(
    rows.map((r) => ({ ...r, evidenced: !!r.evidenced, annualSpend: r.annual_spend })),
    limit,
  );
}
