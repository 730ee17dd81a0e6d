import { describe, expect, it } from "vitest";
import { exposureFrom, exposureText, type ChildRisk } from "./exposure";
import {
  COVERAGE_POINTS,
  FINDING_POINTS,
  GOOD_POINTS,
  levelFor,
  monthsBetween,
  RESIDUAL_FLOORS,
  scoreRisk,
  TIP_POINTS,
  TIP_UNPLACED_POINTS,
  type RiskInputs,
  type SignalInput,
} from "./model";
import { sectorBaseline } from "./sector-baseline";

const EDITIONS = {
  tip: "TIP 2025",
  ilabGoods: "ILAB 2022",
  ilabCountry: "ILAB 2022",
  uflpa: "UFLPA 2025",
  sectors: "s1",
};

function inputs(over: Partial<RiskInputs> = {}, supplier: Partial<RiskInputs["supplier"]> = {}): RiskInputs {
  return {
    asOf: "2026-12-01",
    settings: { saqMaxAgeMonths: 12, auditMaxAgeMonths: 24 },
    editions: EDITIONS,
    supplier: {
      country: "DE",
      countryName: "Germany",
      sector: "Professional services",
      sectorFacts: sectorBaseline("Professional services"),
      xinjiangNexus: false,
      ...supplier,
    },
    country: { tip: "Tier 1", tipEdition: 2025, tipEarlier: [], ilabAdvancement: null },
    goods: [],
    sites: [],
    answers: null,
    audits: [],
    findings: [],
    actions: [],
    evidence: [],
    ...over,
  };
}

const cleanSite = {
  name: "Plant",
  country: "DE",
  migrantPct: 0,
  agencyPct: 0,
  housing: false,
  seasonal: false,
  xinjiangNexus: false,
};
const acceptedSaq = (signals: SignalInput[] = [], status: "accepted" | "submitted" = "accepted") => ({
  title: "SAQ",
  version: 2,
  status,
  submittedOn: "2026-10-01",
  acceptedOn: status === "accepted" ? "2026-10-05" : null,
  signals,
});
const recentAudit = { id: "a1", scheme: "SMETA", date: "2026-06-01" };
const assessed = { answers: acceptedSaq(), audits: [recentAudit], sites: [cleanSite] };

const good = (
  name: string,
  m: Partial<{ child: boolean; forced: boolean; forcedChild: boolean; derived: boolean }>,
  iso2 = "TM",
) => ({
  good: name,
  ilabName: true,
  matches: [
    {
      good: name,
      iso2,
      countryName: iso2,
      childLabor: !!m.child,
      forcedLabor: !!m.forced,
      forcedChildLabor: !!m.forcedChild,
      derived: !!m.derived,
      derivedFrom: m.derived ? "Congo, Democratic Republic of the" : null,
    },
  ],
  listedElsewhere: [],
  uflpa: [],
});

const sumOf = (lines: { points: number }[]) => lines.reduce((s, l) => s + l.points, 0);

describe("levels", () => {
  it.each([
    [0, "low"],
    [24, "low"],
    [25, "medium"],
    [49, "medium"],
    [50, "high"],
    [74, "high"],
    [75, "critical"],
    [100, "critical"],
  ])("%i is %s", (score, level) => expect(levelFor(score)).toBe(level));

  it.each([
    ["2025-12-01", "2026-12-01", 12],
    ["2025-12-02", "2026-12-01", 11],
    ["2026-01-31", "2026-02-28", 0],
  ])("months from %s to %s = %i", (a, b, n) => expect(monthsBetween(a, b)).toBe(n));
});

describe("inherent risk: country", () => {
  it.each([
    ["Tier 1", TIP_POINTS["Tier 1"]],
    ["Tier 2", TIP_POINTS["Tier 2"]],
    ["Tier 2 Watch List", TIP_POINTS["Tier 2 Watch List"]],
    ["Tier 3", TIP_POINTS["Tier 3"]],
    ["Special Case", TIP_POINTS["Special Case"]],
    [null, TIP_UNPLACED_POINTS],
  ] as const)("TIP %s scores %i with its edition", (tier, points) => {
    const r = scoreRisk(
      inputs({
        ...assessed,
        country: { tip: tier, tipEdition: 2025, tipEarlier: [], ilabAdvancement: null },
      }),
    );
    const line = r.inherent.lines.find((l) => l.part === "country")!;
    expect(line.points).toBe(points);
    expect(line.edition).toBe("TIP 2025");
    expect(line.source).toContain("TIP Report 2025");
  });

  it.each([
    ["Significant Advancement", 0],
    ["Moderate Advancement", 4],
    ["Minimal Advancement – Efforts Made but Continued Practice that Delayed Advancement", 8],
    ["No Advancement – Efforts Made but Complicit in Forced Child Labor", 12],
    ["No Assessment", 6],
    [null, 0],
  ])("ILAB assessment %s scores %i", (level, points) => {
    const r = scoreRisk(
      inputs({ country: { tip: "Tier 2", tipEdition: 2025, tipEarlier: [], ilabAdvancement: level } }),
    );
    const line = r.inherent.lines.filter((l) => l.part === "country")[1];
    expect(line.points).toBe(points);
    expect(line.edition).toBe("ILAB 2022");
  });
});

describe("inherent risk: goods", () => {
  it.each([
    [
      "forced child labour",
      { forcedChild: true, forced: true, child: true },
      GOOD_POINTS.forcedChildLabor,
      60,
    ],
    ["forced labour", { forced: true }, GOOD_POINTS.forcedLabor, 60],
    ["child labour", { child: true }, GOOD_POINTS.childLabor, 50],
    ["derived", { derived: true }, GOOD_POINTS.derived, 50],
  ])("%s: points and floor", (_n, m, points, floor) => {
    const r = scoreRisk(inputs({ ...assessed, goods: [good("Cotton", m)] }));
    const line = r.inherent.lines.find((l) => l.part === "goods")!;
    expect(line.points).toBe(points);
    expect(r.inherent.score).toBeGreaterThanOrEqual(floor);
    expect(levelFor(r.inherent.score)).not.toBe("low");
  });

  it("forced labour outweighs child labour, forced child labour is highest", () => {
    expect(GOOD_POINTS.forcedChildLabor).toBeGreaterThan(GOOD_POINTS.forcedLabor);
    expect(GOOD_POINTS.forcedLabor).toBeGreaterThan(GOOD_POINTS.childLabor);
  });

  it("the strongest good counts in full, further ones add 5, all capped at 35", () => {
    const r = scoreRisk(
      inputs({
        goods: [good("A", { child: true }), good("B", { forcedChild: true }), good("C", { forced: true })],
      }),
    );
    const lines = r.inherent.lines.filter((l) => l.part === "goods");
    expect(lines.map((l) => l.points)).toEqual([30, 5, 0]);
    expect(lines[2].factor).toContain("capped");
  });

  it("a good that matches nothing is shown as not matched, never dropped", () => {
    const r = scoreRisk(
      inputs({
        goods: [
          { good: "Widgets", ilabName: false, matches: [], listedElsewhere: [], uflpa: [] },
          { good: "Cotton", ilabName: true, matches: [], listedElsewhere: ["CN", "TM"], uflpa: [] },
        ],
      }),
    );
    const lines = r.inherent.lines.filter((l) => l.part === "goods");
    expect(lines[0]).toMatchObject({ points: 0, factor: expect.stringContaining("not matched") });
    expect(lines[1]).toMatchObject({ points: 0, source: expect.stringContaining("CN, TM") });
  });

  it.each([
    ["China", "CN", false, 10],
    ["elsewhere", "VN", false, 5],
    ["Xinjiang flag", "VN", true, 10],
  ])("UFLPA sector %s scores %i, once", (_n, country, xj, points) => {
    const uflpa = [{ sector: "Apparel", addedOn: "2022-06-17" }];
    const r = scoreRisk(
      inputs(
        {
          goods: [
            { good: "Garments", ilabName: false, matches: [], listedElsewhere: [], uflpa },
            { good: "Clothing", ilabName: false, matches: [], listedElsewhere: [], uflpa },
          ],
        },
        { country, xinjiangNexus: xj },
      ),
    );
    const lines = r.inherent.lines.filter((l) => l.factor.startsWith("UFLPA"));
    expect(lines.map((l) => l.points)).toEqual([points, 0]);
  });

  it.each([
    ["supplier", { xinjiangNexus: true }, []],
    ["site", {}, [{ ...cleanSite, xinjiangNexus: true }]],
  ])(
    "a Xinjiang nexus on the %s is critical inherent and residual, whatever the controls",
    (_n, sup, sites) => {
      const control: SignalInput = {
        questionId: "P1",
        question: "Policy",
        answer: "Yes",
        points: -30,
        redFlag: false,
        iloIndicators: [],
        control: "evidenced",
      };
      const r = scoreRisk(inputs({ sites, answers: acceptedSaq([control]), audits: [recentAudit] }, sup));
      expect(r.inherent.score).toBeGreaterThanOrEqual(75);
      expect(r.residual.score).toBeGreaterThanOrEqual(RESIDUAL_FLOORS.xinjiang);
    },
  );
});

describe("inherent risk: sector and workforce", () => {
  it("sector points come from the documented table, unknown sectors as Other and said so", () => {
    const r = scoreRisk(inputs({}, { sector: "Agriculture", sectorFacts: sectorBaseline("Agriculture") }));
    expect(r.inherent.lines.find((l) => l.part === "sector")).toMatchObject({
      points: 12,
      source: expect.stringContaining("ILO"),
    });
    const u = scoreRisk(inputs({}, { sector: "Space mining", sectorFacts: sectorBaseline("Space mining") }));
    expect(u.inherent.lines.find((l) => l.part === "sector")!.factor).toContain('scored as "Other"');
  });

  it.each([
    ["high migrant share", { migrantPct: 60 }, "Migrant", 6],
    ["some migrants", { migrantPct: 25 }, "Migrant", 4],
    ["agency 35 %", { agencyPct: 35 }, "Agency", 5],
    ["agency 12 %", { agencyPct: 12 }, "Agency", 3],
    ["housing", { housing: true }, "housing", 4],
    ["seasonal", { seasonal: true }, "Seasonal", 3],
    ["migrant unknown", { migrantPct: null }, "Migrant share: not recorded", 1],
  ])("%s", (_n, site, text, points) => {
    const r = scoreRisk(inputs({ sites: [{ ...cleanSite, ...site }] }));
    const line = r.inherent.lines.find((l) => l.part === "workforce" && l.factor.includes(text))!;
    expect(line.points).toBe(points);
  });

  it("no sites at all is unknown workforce, not zero", () => {
    const r = scoreRisk(inputs());
    expect(r.inherent.lines.find((l) => l.part === "workforce")!.points).toBeGreaterThan(0);
  });

  it("the most exposed site's facts count, capped at 15", () => {
    const r = scoreRisk(
      inputs({
        sites: [
          cleanSite,
          { ...cleanSite, name: "Farm", migrantPct: 80, agencyPct: 50, housing: true, seasonal: true },
        ],
      }),
    );
    expect(sumOf(r.inherent.lines.filter((l) => l.part === "workforce"))).toBe(15);
  });

  it("inherent lines add up to the inherent score", () => {
    const r = scoreRisk(
      inputs({ goods: [good("Cotton", { forced: true })], sites: [{ ...cleanSite, migrantPct: 70 }] }),
    );
    expect(sumOf(r.inherent.lines)).toBe(r.inherent.score);
  });
});

describe("coverage", () => {
  it.each([
    ["nothing on record", {}, "not_assessed", 2],
    ["accepted SAQ, no audit", { answers: acceptedSaq() }, "partial", 1],
    ["recent audit only", { audits: [recentAudit] }, "partial", 1],
    ["both", { answers: acceptedSaq(), audits: [recentAudit] }, "assessed", 0],
    [
      "SAQ older than 12 months",
      { answers: { ...acceptedSaq(), acceptedOn: "2025-11-30" }, audits: [recentAudit] },
      "partial",
      1,
    ],
    [
      "audit older than 24 months",
      { answers: acceptedSaq(), audits: [{ ...recentAudit, date: "2024-11-01" }] },
      "partial",
      1,
    ],
    ["submitted, not reviewed", { answers: acceptedSaq([], "submitted") }, "not_assessed", 2],
    [
      "expired evidence",
      { ...assessed, evidence: [{ id: "e", fileName: "policy.pdf", expiresOn: "2026-11-01" }] },
      "partial",
      1,
    ],
  ] as const)("%s → %s", (_n, over, state, gapLines) => {
    const r = scoreRisk(inputs(over as Partial<RiskInputs>));
    expect(r.coverage.state).toBe(state);
    expect(r.coverage.lines).toHaveLength(gapLines);
  });

  it("the audit age is configurable", () => {
    const old = { answers: acceptedSaq(), audits: [{ ...recentAudit, date: "2025-06-01" }] };
    expect(
      scoreRisk(inputs({ ...old, settings: { saqMaxAgeMonths: 12, auditMaxAgeMonths: 24 } })).coverage.state,
    ).toBe("assessed");
    expect(
      scoreRisk(inputs({ ...old, settings: { saqMaxAgeMonths: 12, auditMaxAgeMonths: 12 } })).coverage.state,
    ).toBe("partial");
  });

  it("an unassessed supplier is never low, even in the lowest-risk country and sector", () => {
    const r = scoreRisk(inputs({ sites: [cleanSite] }));
    expect(r.coverage.state).toBe("not_assessed");
    expect(r.residual.score).toBeGreaterThanOrEqual(RESIDUAL_FLOORS.notAssessed);
    expect(r.residual.level).not.toBe("low");
  });

  it("expired evidence adds 3 each, at most 9", () => {
    const ev = [1, 2, 3, 4].map((n) => ({ id: `e${n}`, fileName: `f${n}.pdf`, expiresOn: "2026-01-01" }));
    const r = scoreRisk(inputs({ ...assessed, evidence: ev }));
    expect(sumOf(r.coverage.lines)).toBe(COVERAGE_POINTS.expiredEvidenceCap);
  });

  it.each([
    [1, "1 evidence document expired: f1.pdf (valid until 2026-01-01)", 3],
    [2, "2 evidence documents expired: f1.pdf (valid until 2026-01-01), f2.pdf (valid until 2026-01-01)", 6],
    [4, "4 evidence documents expired: f1.pdf", 9],
  ])("%i expired file(s) → one line naming them, %s", (n, text, points) => {
    const ev = Array.from({ length: n }, (_, k) => ({
      id: `e${k}`,
      fileName: `f${k + 1}.pdf`,
      expiresOn: "2026-01-01",
    }));
    const lines = scoreRisk(inputs({ ...assessed, evidence: ev })).coverage.lines;
    expect(lines).toHaveLength(1);
    expect(lines[0].factor.startsWith(text)).toBe(true);
    expect(lines[0].factor.endsWith("(capped at 9)")).toBe(n > 3);
    expect(lines[0].points).toBe(points);
  });

  it("a file on its last valid day has not expired", () => {
    const ev = [{ id: "e", fileName: "permit.pdf", expiresOn: "2026-12-01" }];
    const r = scoreRisk(inputs({ ...assessed, evidence: ev }));
    expect(r.coverage.lines).toEqual([]);
    expect(r.coverage.state).toBe("assessed");
  });
});

describe("residual risk", () => {
  const redFlag: SignalInput = {
    questionId: "I1",
    question: "Do you hold passports?",
    answer: "Yes",
    points: 25,
    redFlag: true,
    iloIndicators: [7],
    control: null,
  };
  const policy: SignalInput = {
    questionId: "P1",
    question: "Written policy?",
    answer: "Yes",
    points: -6,
    redFlag: false,
    iloIndicators: [],
    control: "evidenced",
  };
  const selfDeclared: SignalInput = { ...policy, questionId: "P2", control: "self-declared", points: -3 };

  it("evidenced controls in an accepted questionnaire lower the score", () => {
    const base = scoreRisk(
      inputs(
        { ...assessed, audits: [], sites: [{ ...cleanSite, migrantPct: 60 }] },
        { sector: "Agriculture", sectorFacts: sectorBaseline("Agriculture") },
      ),
    );
    const withControl = scoreRisk(
      inputs(
        {
          ...assessed,
          audits: [],
          answers: acceptedSaq([policy]),
          sites: [{ ...cleanSite, migrantPct: 60 }],
        },
        { sector: "Agriculture", sectorFacts: sectorBaseline("Agriculture") },
      ),
    );
    expect(withControl.residual.score).toBe(base.residual.score - 6);
  });

  it.each([
    ["self-declared control (accepted)", acceptedSaq([selfDeclared]), "no evidence attached"],
    ["evidenced control, not yet reviewed", acceptedSaq([policy], "submitted"), "not counted until"],
  ])("%s does not lower the score", (_n, answers, text) => {
    const r = scoreRisk(inputs({ ...assessed, answers }));
    const line = r.residual.lines.find((l) => l.part === "controls")!;
    expect(line).toMatchObject({ points: 0, factor: expect.stringContaining(text) });
  });

  it("a red flag counts at once, labelled provisional before review, with a floor of 60", () => {
    const r = scoreRisk(inputs({ answers: acceptedSaq([redFlag], "submitted") }));
    const line = r.residual.lines.find((l) => l.part === "answers")!;
    expect(line).toMatchObject({
      points: 25,
      provisional: true,
      factor: expect.stringContaining("provisional"),
    });
    expect(r.residual.score).toBeGreaterThanOrEqual(RESIDUAL_FLOORS.redFlag);
    const accepted = scoreRisk(inputs({ answers: acceptedSaq([redFlag]) }));
    expect(accepted.residual.lines.find((l) => l.part === "answers")!.provisional).toBe(false);
  });

  it("a red flag cannot be averaged away by controls", () => {
    const many = Array.from({ length: 10 }, (_, n) => ({ ...policy, questionId: `P${n}`, points: -10 }));
    const r = scoreRisk(inputs({ ...assessed, answers: acceptedSaq([redFlag, ...many]) }));
    expect(r.residual.score).toBeGreaterThanOrEqual(RESIDUAL_FLOORS.redFlag);
    expect(r.residual.lines.some((l) => l.part === "floor")).toBe(true);
  });

  it("controls lower the score by at most 30", () => {
    const many = Array.from({ length: 10 }, (_, n) => ({ ...policy, questionId: `P${n}`, points: -10 }));
    const r = scoreRisk(
      inputs(
        { ...assessed, answers: acceptedSaq(many) },
        { country: "TM", sector: "Agriculture", sectorFacts: sectorBaseline("Agriculture") },
      ),
    );
    expect(sumOf(r.residual.lines.filter((l) => l.part === "controls"))).toBe(-30);
  });

  it.each([
    ["zero_tolerance", RESIDUAL_FLOORS.zeroTolerance],
    ["critical", RESIDUAL_FLOORS.criticalFinding],
    ["major", 0],
    ["minor", 0],
    ["observation", 0],
  ] as const)("open %s finding adds its points (floor %i)", (grade, floor) => {
    const f = {
      id: "f",
      auditId: "a1",
      title: "Passports held",
      grade,
      iloIndicator: "7",
      source: "SMETA audit of 2026-06-01",
    };
    const base = scoreRisk(inputs({ ...assessed, audits: [] }));
    const r = scoreRisk(inputs({ ...assessed, audits: [], findings: [f] }));
    expect(r.residual.lines.find((l) => l.part === "findings")!.points).toBe(FINDING_POINTS[grade]);
    expect(r.residual.score).toBeGreaterThanOrEqual(
      Math.max(floor, Math.min(100, base.residual.score + FINDING_POINTS[grade]) > floor ? 0 : floor),
    );
    expect(r.residual.score).toBeGreaterThanOrEqual(floor);
    if (grade === "zero_tolerance")
      expect(r.headline).toContain("open zero-tolerance finding: Passports held");
  });

  it("a recent audit with no open findings is a control; with an open finding it is not", () => {
    const clean = scoreRisk(inputs(assessed));
    expect(clean.residual.lines.find((l) => l.factor.startsWith("Recent audit"))!.points).toBe(-10);
    const f = {
      id: "f",
      auditId: "a1",
      title: "Overtime",
      grade: "minor" as const,
      iloIndicator: null,
      source: "SMETA",
    };
    const dirty = scoreRisk(inputs({ ...assessed, findings: [f] }));
    expect(dirty.residual.lines.some((l) => l.factor.startsWith("Recent audit"))).toBe(false);
  });

  it("overdue actions add 5 each; verified actions lower 3 each, at most 9", () => {
    const t = (n: number, state: "open" | "verified", dueDate: string) => ({
      id: `t${n}`,
      title: `Task ${n}`,
      dueDate,
      state,
      closedOn: state === "verified" ? "2026-11-01" : null,
    });
    const r = scoreRisk(
      inputs({
        ...assessed,
        actions: [
          t(1, "open", "2026-11-01"),
          t(2, "open", "2026-12-31"),
          t(3, "verified", "x"),
          t(4, "verified", "x"),
          t(5, "verified", "x"),
          t(6, "verified", "x"),
        ],
      }),
    );
    expect(sumOf(r.residual.lines.filter((l) => l.part === "actions"))).toBe(5);
    expect(sumOf(r.residual.lines.filter((l) => l.factor.startsWith("Corrective action verified")))).toBe(-9);
  });

  it("forced-labour goods keep the residual at 50 or above whatever the controls", () => {
    const many = Array.from({ length: 10 }, (_, n) => ({ ...policy, questionId: `P${n}`, points: -10 }));
    const r = scoreRisk(
      inputs({ ...assessed, answers: acceptedSaq(many), goods: [good("Cotton", { forced: true })] }),
    );
    expect(r.residual.score).toBeGreaterThanOrEqual(RESIDUAL_FLOORS.forcedLaborGood);
  });

  it("residual lines add up to the residual score (clamps and floors are lines)", () => {
    const f = {
      id: "f",
      auditId: "a1",
      title: "Debt bondage",
      grade: "zero_tolerance" as const,
      iloIndicator: "9",
      source: "RBA",
    };
    for (const over of [{}, { findings: [f, f, f] }, { answers: acceptedSaq([redFlag]) }, assessed]) {
      const r = scoreRisk(inputs(over));
      expect(sumOf(r.residual.lines)).toBe(r.residual.score);
    }
  });

  it("the model is deterministic: the same inputs give the same result", () => {
    const i = inputs({ ...assessed, goods: [good("Cotton", { forced: true })] });
    expect(scoreRisk(structuredClone(i))).toEqual(scoreRisk(i));
  });
});

describe("upstream exposure", () => {
  const child = (id: string, residual: number | null, over: Partial<ChildRisk> = {}): ChildRisk => ({
    id,
    name: `S-${id}`,
    country: "TM",
    tier: 2,
    residual,
    headline: "open zero-tolerance finding: Forced overtime",
    exposure: null,
    ...over,
  });

  it.each([
    [85, 60],
    [75, 53],
    [50, 35],
    [10, 7],
  ])("a child at %i gives %i", (residual, exposure) => {
    expect(exposureFrom("p", [child("c", residual)])!.score).toBe(exposure);
  });

  it("a tier-1 buyer of a critical tier-2 supplier cannot be low", () => {
    expect(levelFor(exposureFrom("p", [child("c", 75)])!.score)).not.toBe("low");
  });

  it("decays per tier and names the path", () => {
    const t3 = child("t3", 85, { name: "Ahal Cotton Gin", tier: 3 });
    const t2exp = exposureFrom("t2", [t3])!;
    const t2 = child("t2", 20, { name: "Kaya Iplik", country: "TR", tier: 2, exposure: t2exp });
    const t1 = exposureFrom("t1", [t2])!;
    expect(t1.score).toBe(42); // 85 → 60 at tier 2 → 42 at tier 1
    expect(exposureText(t1)).toBe(
      "via Kaya Iplik, TR, tier 2 ← Ahal Cotton Gin, TM, tier 3: open zero-tolerance finding: Forced overtime",
    );
  });

  it("the strongest child wins; unscored children give nothing", () => {
    const e = exposureFrom("p", [child("a", 30), child("b", 90), child("c", null)])!;
    expect(e.path[0].id).toBe("b");
    expect(exposureFrom("p", [child("c", null)])).toBeNull();
  });

  it("a path through the supplier itself is ignored (cycles cannot feed a supplier its own risk)", () => {
    const viaSelf = child("c", 10, {
      exposure: {
        score: 60,
        path: [{ id: "p", name: "P", country: "DE", tier: 1 }],
        reason: "x",
        originScore: 85,
      },
    });
    expect(exposureFrom("p", [viaSelf])!.score).toBe(7);
    expect(exposureFrom("p", [child("p", 90)])).toBeNull();
  });
});
