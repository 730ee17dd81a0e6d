import { EXPOSURE_DECAY } from "~/risk/exposure";
import {
  CONTROL_CREDIT,
  COVERAGE_POINTS,
  FINDING_POINTS,
  FURTHER_GOOD_POINTS,
  GOOD_POINTS,
  GOODS_CAP,
  ILAB_ADVANCEMENT_POINTS,
  INHERENT_FLOORS,
  LEVEL_THRESHOLDS,
  MODEL_VERSION,
  OVERDUE_ACTION_POINTS,
  RESIDUAL_FLOORS,
  TIP_POINTS,
  TIP_UNPLACED_POINTS,
  UFLPA_POINTS,
  WORKFORCE_POINTS,
} from "~/risk/model";
import { SECTOR_BASELINE, SECTOR_TABLE_EDITION } from "~/risk/sector-baseline";
import { Card } from "~/ui/layout";

type Row = [string, string | number, string];

function Table({ rows }: { rows: Row[] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Factor</th>
          <th className="text-right">Points</th>
          <th>Why / source</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map(([a, b, c], i) => (
          <tr key={i}>
            <td>{a}</td>
            <td className="whitespace-nowrap text-right tabular-nums">{b}</td>
            <td className="text-slate-500">{c}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The published blend: every constant the model uses, rendered from the model's own code. */
export function ModelTables() {
  const bands = (b: readonly { min: number; points: number }[]) =>
    b.map((x) => `≥ ${Math.ceil(x.min)} %: ${x.points}`).join(", ");
  return (
    <div className="space-y-6">
      <Card title={`Model ${MODEL_VERSION}: how a score is built`}>
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            <strong>Inherent risk</strong> (0–100) = country + goods + sector + workforce, before anything the
            supplier tells us. <strong>Residual risk</strong> = inherent risk + coverage gaps + answers that
            raise risk + open findings + overdue actions − evidenced controls (at most{" "}
            {-CONTROL_CREDIT.totalCap}), then lifted to the highest floor that applies. The supplier's{" "}
            <strong>score</strong> is the higher of its residual risk and its{" "}
            <strong>upstream exposure</strong> ({EXPOSURE_DECAY} × a sub-supplier's score per tier, with the
            path named).
          </p>
          <p>
            Levels: low under {LEVEL_THRESHOLDS.medium}, medium under {LEVEL_THRESHOLDS.high}, high under{" "}
            {LEVEL_THRESHOLDS.critical}, critical from {LEVEL_THRESHOLDS.critical}. Peers publish similar
            blends (Sedex Radar: country 1–6 + sector 1–4 + goods 0–2, capped at 10); ours is on a 0–100 scale
            so each factor line can be read in points.
          </p>
          <p>
            Answers not yet reviewed are provisional: they can raise the score at once, but nothing lowers it
            until the questionnaire is accepted, and then only controls backed by evidence.
          </p>
        </div>
      </Card>
      <Card title="Country (inherent)">
        <Table
          rows={[
            ...Object.entries(TIP_POINTS).map(
              ([t, p]) => [`TIP ${t}`, p, "US State Dept TIP Report, latest edition"] as Row,
            ),
            [
              "No TIP placement in the edition",
              TIP_UNPLACED_POINTS,
              "Unknown: scored like the Watch List, never as Tier 1",
            ],
            ...ILAB_ADVANCEMENT_POINTS.map(
              (a) =>
                [
                  `ILAB child labour: ${a.prefix}`,
                  a.points,
                  "US DoL ILAB Findings on the Worst Forms of Child Labor",
                ] as Row,
            ),
          ]}
        />
      </Card>
      <Card title="Goods (inherent)">
        <Table
          rows={[
            [
              "ILAB list: forced child labour",
              GOOD_POINTS.forcedChildLabor,
              `Floor ${INHERENT_FLOORS.forcedLabor} inherent, ${RESIDUAL_FLOORS.forcedLaborGood} residual`,
            ],
            [
              "ILAB list: forced labour",
              GOOD_POINTS.forcedLabor,
              `Floor ${INHERENT_FLOORS.forcedLabor} inherent, ${RESIDUAL_FLOORS.forcedLaborGood} residual`,
            ],
            [
              "ILAB list: child labour",
              GOOD_POINTS.childLabor,
              `Floor ${INHERENT_FLOORS.childLabor} inherent, ${RESIDUAL_FLOORS.childLaborGood} residual`,
            ],
            [
              "ILAB derived good (made from listed inputs)",
              GOOD_POINTS.derived,
              `Floor ${INHERENT_FLOORS.childLabor} inherent`,
            ],
            ["Each further listed good", FURTHER_GOOD_POINTS, `All goods together at most ${GOODS_CAP}`],
            [
              "UFLPA high-priority sector, China or Xinjiang nexus",
              UFLPA_POINTS.chinaOrXinjiang,
              "US DHS UFLPA Strategy (counted once)",
            ],
            [
              "UFLPA high-priority sector, elsewhere",
              UFLPA_POINTS.elsewhere,
              "Supply chains of the sector run through Xinjiang",
            ],
            [
              "Xinjiang nexus (supplier or site)",
              0,
              `Floor ${INHERENT_FLOORS.xinjiang} inherent and residual: UFLPA presumption of forced labour`,
            ],
            ["A good the list does not name", 0, "Shown as “not matched”, never dropped"],
          ]}
        />
      </Card>
      <Card title={`Sector baseline (inherent, ${SECTOR_TABLE_EDITION})`}>
        <Table rows={Object.entries(SECTOR_BASELINE).map(([s, b]) => [s, b.points, b.basis] as Row)} />
      </Card>
      <Card title="Workforce vulnerability (inherent, the most exposed site)">
        <Table
          rows={[
            [
              "Migrant workers",
              bands(WORKFORCE_POINTS.migrant),
              "ILO indicators 1, 4 (abuse of vulnerability, isolation)",
            ],
            [
              "Agency or contract workers",
              bands(WORKFORCE_POINTS.agency),
              "ILO indicators 2, 9 (deception, debt bondage through recruiters)",
            ],
            [
              "Employer-provided housing",
              WORKFORCE_POINTS.housing,
              "ILO indicators 3, 10 (restriction of movement, living conditions)",
            ],
            [
              "Seasonal work",
              WORKFORCE_POINTS.seasonal,
              "Short contracts, recruitment through intermediaries",
            ],
            [
              "A fact not recorded at any site",
              WORKFORCE_POINTS.unknown,
              "Unknown counts as some risk, never zero",
            ],
            ["No sites recorded", WORKFORCE_POINTS.noSites, "Workforce unknown"],
            ["Cap", WORKFORCE_POINTS.cap, ""],
          ]}
        />
      </Card>
      <Card title="Coverage, answers, findings, actions (residual)">
        <Table
          rows={[
            ["No accepted self-assessment in 12 months", COVERAGE_POINTS.noAcceptedSaq, "Coverage gap"],
            [
              "No audit, or the latest older than the configured age",
              COVERAGE_POINTS.noRecentAudit,
              "Coverage gap (age set per organisation)",
            ],
            [
              "Expired evidence, each",
              COVERAGE_POINTS.expiredEvidence,
              `At most ${COVERAGE_POINTS.expiredEvidenceCap}`,
            ],
            ...Object.entries(FINDING_POINTS).map(
              ([g, p]) => [`Open ${g.replace("_", "-")} finding`, p, "Audit findings by grade"] as Row,
            ),
            ["Overdue corrective action, each", OVERDUE_ACTION_POINTS, ""],
            ["Recent audit with no open findings", CONTROL_CREDIT.cleanAudit, "Control"],
            [
              "Verified corrective action, each",
              CONTROL_CREDIT.verifiedAction,
              `Control, at most ${CONTROL_CREDIT.verifiedActionCap}`,
            ],
            [
              "Evidenced control answers (accepted)",
              "per question",
              `All controls together at most ${CONTROL_CREDIT.totalCap}`,
            ],
          ]}
        />
      </Card>
      <Card title="Floors (the score cannot fall below)">
        <Table
          rows={[
            ["Open zero-tolerance finding", RESIDUAL_FLOORS.zeroTolerance, ""],
            ["Xinjiang nexus", RESIDUAL_FLOORS.xinjiang, "UFLPA rebuttable presumption"],
            ["Open critical finding", RESIDUAL_FLOORS.criticalFinding, ""],
            [
              "Red-flag answer (documents held, fees paid, …)",
              RESIDUAL_FLOORS.redFlag,
              "Never averaged away by controls",
            ],
            ["ILAB forced-labour good", RESIDUAL_FLOORS.forcedLaborGood, ""],
            ["ILAB child-labour good", RESIDUAL_FLOORS.childLaborGood, ""],
            ["Not assessed", RESIDUAL_FLOORS.notAssessed, "Unknown is not low"],
          ]}
        />
      </Card>
    </div>
  );
}
