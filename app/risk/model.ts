import type { FindingGrade } from "~db/schema/audits.constants";
import type { RiskCoverage, RiskLevel } from "~db/schema/suppliers.constants";
import type { ReferenceEditions, TipTier } from "./reference";

/**
 * Clearsource supplier risk model, v2 — pure, versioned, every point explained.
 *
 *   inherent  = country + goods + sector + workforce           (before anything the supplier tells us)
 *   coverage  = what we do not know: no accepted self-assessment, no recent audit, expired evidence
 *   residual  = inherent + coverage gaps + answers that raise risk + open findings + overdue actions
 *               − evidenced controls (capped), then lifted to the highest floor that applies
 *
 * Each part is a list of factor lines (points, source, edition) whose points add up to the part's score;
 * caps and floors are lines of their own. The model reads only `RiskInputs` (resolved facts, stored with
 * every assessment), so a stored score re-derives exactly without today's reference files.
 *
 * Submitted-but-unreviewed answers follow ONE rule: they are provisional — an answer that raises risk
 * (a red flag, a risky practice) counts at once and is labelled provisional; nothing lowers risk until a
 * reviewer accepts the questionnaire, and then only controls backed by evidence. Accepting recomputes.
 *
 * Levels: low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical.
 */
export const MODEL_VERSION = "clearsource-risk-v2";

export const LEVEL_THRESHOLDS = { medium: 25, high: 50, critical: 75 } as const;

export function levelFor(score: number): RiskLevel {
  if (score >= LEVEL_THRESHOLDS.critical) return "critical";
  if (score >= LEVEL_THRESHOLDS.high) return "high";
  if (score >= LEVEL_THRESHOLDS.medium) return "medium";
  return "low";
}

// ── the published blend (also rendered on /risk/model) ─────────────────────────────────────────────

export const TIP_POINTS: Record<TipTier, number> = {
  "Tier 1": 0,
  "Tier 2": 8,
  "Tier 2 Watch List": 16,
  "Special Case": 20,
  "Tier 3": 28,
};
/** A country with no placement in the edition: unknown, scored like the Watch List, never as Tier 1. */
export const TIP_UNPLACED_POINTS = 16;

/** ILAB child-labour country assessment (first words of the level; the suffixes are ILAB's qualifiers). */
export const ILAB_ADVANCEMENT_POINTS = [
  { prefix: "Significant Advancement", points: 0 },
  { prefix: "Moderate Advancement", points: 4 },
  { prefix: "Minimal Advancement", points: 8 },
  { prefix: "No Advancement", points: 12 },
  { prefix: "No Assessment", points: 6 },
] as const;

export const GOOD_POINTS = { forcedChildLabor: 30, forcedLabor: 25, childLabor: 15, derived: 15 } as const;
/** Each further listed good adds this much; all goods together add at most GOODS_CAP. */
export const FURTHER_GOOD_POINTS = 5;
export const GOODS_CAP = 35;
/** UFLPA high-priority sector: more when the supplier is in China or has a Xinjiang nexus. */
export const UFLPA_POINTS = { chinaOrXinjiang: 10, elsewhere: 5 } as const;

/** Inherent floors: the US government documented the abuse for this good and country. */
export const INHERENT_FLOORS = { forcedLabor: 60, childLabor: 50, xinjiang: 75 } as const;

export const WORKFORCE_POINTS = {
  migrant: [
    { min: 50, points: 6 },
    { min: 20, points: 4 },
    { min: 0.0001, points: 2 },
  ],
  agency: [
    { min: 30, points: 5 },
    { min: 10, points: 3 },
    { min: 0.0001, points: 1 },
  ],
  housing: 4,
  seasonal: 3,
  /** A workforce fact nobody recorded is a small risk of its own, never zero. */
  unknown: 1,
  noSites: 3,
  cap: 15,
} as const;

export const COVERAGE_POINTS = {
  noAcceptedSaq: 10,
  noRecentAudit: 5,
  expiredEvidence: 3,
  expiredEvidenceCap: 9,
};
export const SAQ_MAX_AGE_MONTHS = 12;
export const DEFAULT_AUDIT_MAX_AGE_MONTHS = 24;

export const FINDING_POINTS: Record<FindingGrade, number> = {
  zero_tolerance: 40,
  critical: 25,
  major: 10,
  minor: 4,
  observation: 1,
};
export const OVERDUE_ACTION_POINTS = 5;
export const CONTROL_CREDIT = { cleanAudit: -10, verifiedAction: -3, verifiedActionCap: -9, totalCap: -30 };

export const RESIDUAL_FLOORS = {
  zeroTolerance: 85,
  xinjiang: 75,
  criticalFinding: 65,
  redFlag: 60,
  forcedLaborGood: 50,
  childLaborGood: 25,
  notAssessed: 25,
} as const;

// ── inputs and outputs ──────────────────────────────────────────────────────────────────────────────

export type FactorPart =
  | "country"
  | "goods"
  | "sector"
  | "workforce"
  | "coverage"
  | "answers"
  | "controls"
  | "findings"
  | "actions"
  | "floor"
  | "scale";

export type FactorLine = {
  part: FactorPart;
  factor: string;
  points: number;
  source: string;
  edition?: string;
  provisional?: boolean;
};

export type IlabMatch = {
  /** ILAB's spelling of the good. */
  good: string;
  iso2: string;
  countryName: string;
  childLabor: boolean;
  forcedLabor: boolean;
  forcedChildLabor: boolean;
  derived: boolean;
  derivedFrom: string | null;
};

export type GoodInput = {
  good: string;
  /** Is the name on the ILAB list at all (for any country)? */
  ilabName: boolean;
  /** ILAB rows for this good in the supplier's or its sites' countries. */
  matches: IlabMatch[];
  /** Countries the good is listed for when none of ours is (context). */
  listedElsewhere: string[];
  uflpa: { sector: string; addedOn: string }[];
};

export type SiteFacts = {
  name: string;
  country: string;
  migrantPct: number | null;
  agencyPct: number | null;
  housing: boolean | null;
  seasonal: boolean | null;
  xinjiangNexus: boolean;
};

export type SignalInput = {
  questionId: string;
  question: string;
  answer: string;
  points: number;
  redFlag: boolean;
  iloIndicators: number[];
  control: "evidenced" | "self-declared" | null;
};

export type AnswersInput = {
  title: string;
  version: number | string;
  status: "submitted" | "accepted" | "returned";
  submittedOn: string;
  acceptedOn: string | null;
  signals: SignalInput[];
};

export type RiskInputs = {
  asOf: string;
  settings: { saqMaxAgeMonths: number; auditMaxAgeMonths: number };
  editions: ReferenceEditions;
  supplier: {
    country: string;
    countryName: string;
    sector: string;
    /** The sector's row of the documented baseline table (sector-baseline.ts), resolved when gathered. */
    sectorFacts: SectorFacts;
    xinjiangNexus: boolean;
  };
  country: {
    tip: TipTier | null;
    tipEdition: number;
    tipEarlier: { year: number; tier: TipTier }[];
    ilabAdvancement: string | null;
  };
  goods: GoodInput[];
  sites: SiteFacts[];
  answers: AnswersInput | null;
  audits: { id: string; scheme: string; date: string }[];
  findings: {
    id: string;
    auditId: string;
    title: string;
    grade: FindingGrade;
    iloIndicator: string | null;
    source: string;
  }[];
  actions: {
    id: string;
    title: string;
    dueDate: string;
    state: "open" | "verified";
    closedOn: string | null;
  }[];
  evidence: { id: string; fileName: string; expiresOn: string }[];
};

export type RiskResult = {
  modelVersion: string;
  inherent: { score: number; level: RiskLevel; lines: FactorLine[] };
  coverage: { state: RiskCoverage; lines: FactorLine[] };
  residual: { score: number; level: RiskLevel; lines: FactorLine[] };
  /** The main reason behind the residual score (quoted in buyers' exposure paths). */
  headline: string;
};

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────────

/** Whole calendar months from `from` to `to` (YYYY-MM-DD), counting a month only when its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number);
  const [ty, tm, td] = to.split("-").map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const sum = (lines: FactorLine[]) => lines.reduce((s, l) => s + l.points, 0);

function clampLine(lines: FactorLine[], part: "inherent" | "residual"): number {
  const raw = sum(lines);
  const score = Math.min(100, Math.max(0, raw));
  if (score !== raw) {
    lines.push({
      part: "scale",
      factor: raw > 100 ? "Capped at 100" : "Raised to 0 (the scale starts at 0)",
      points: score - raw,
      source: `Risk model ${MODEL_VERSION} (${part})`,
    });
  }
  return score;
}

/** `reason` is the short phrase quoted in buyers' exposure paths ("open zero-tolerance finding: …"). */
type Floor = { floor: number; factor: string; source: string; reason: string };
type InherentInputs = Pick<RiskInputs, "editions" | "supplier" | "country" | "goods" | "sites">;

function applyFloors(
  lines: FactorLine[],
  score: number,
  floors: Floor[],
): { score: number; top: Floor | null } {
  const top = [...floors].sort((a, b) => b.floor - a.floor)[0] ?? null;
  if (top && score < top.floor) {
    lines.push({ part: "floor", factor: top.factor, points: top.floor - score, source: top.source });
    return { score: top.floor, top };
  }
  return { score, top: null };
}

const GRADE_LABEL: Record<FindingGrade, string> = {
  zero_tolerance: "zero-tolerance",
  critical: "critical",
  major: "major",
  minor: "minor",
  observation: "observation",
};

function goodPoints(m: IlabMatch): { points: number; what: string } {
  if (m.forcedChildLabor) return { points: GOOD_POINTS.forcedChildLabor, what: "forced child labour" };
  if (m.forcedLabor)
    return {
      points: GOOD_POINTS.forcedLabor,
      what: m.childLabor ? "forced labour and child labour" : "forced labour",
    };
  if (m.childLabor) return { points: GOOD_POINTS.childLabor, what: "child labour" };
  return {
    points: GOOD_POINTS.derived,
    what: `inputs produced with child or forced labour${m.derivedFrom ? ` in ${m.derivedFrom}` : ""}`,
  };
}

function banded(bands: readonly { min: number; points: number }[], v: number): number {
  return bands.find((b) => v >= b.min)?.points ?? 0;
}

// ── inherent ────────────────────────────────────────────────────────────────────────────────────────

function inherentRisk(i: InherentInputs): {
  score: number;
  lines: FactorLine[];
  floors: Floor[];
} {
  const lines: FactorLine[] = [];
  const floors: Floor[] = [];
  const ed = i.editions;
  const where = `${i.supplier.countryName} (${i.supplier.country})`;

  // Country: TIP placement.
  const tip = i.country.tip;
  const changed = i.country.tipEarlier.filter((e) => e.tier !== tip);
  lines.push({
    part: "country",
    factor: `Country ${where}: ${tip ? `TIP ${tip}` : "no TIP placement in this edition (unknown, not Tier 1)"}`,
    points: tip ? TIP_POINTS[tip] : TIP_UNPLACED_POINTS,
    source:
      `US State Dept TIP Report ${i.country.tipEdition}: ${tip ?? "not placed"}` +
      (changed.length ? ` (earlier: ${changed.map((e) => `${e.year}: ${e.tier}`).join(", ")})` : ""),
    edition: ed.tip,
  });

  // Country: ILAB child-labour assessment.
  const adv = i.country.ilabAdvancement;
  const advPoints = adv ? ILAB_ADVANCEMENT_POINTS.find((a) => adv.startsWith(a.prefix))?.points : undefined;
  lines.push({
    part: "country",
    factor: adv
      ? `Child labour: ILAB assessment "${adv}"`
      : "Child labour: not among the countries ILAB assesses (those eligible for US trade preferences)",
    points: advPoints ?? 0,
    source: `US DoL ILAB Findings on the Worst Forms of Child Labor: ${adv ?? "no assessment for this country"}`,
    edition: ed.ilabCountry,
  });

  // Goods: ILAB country × good, the strongest match counts in full, further listed goods add a little.
  const xinjiang = i.supplier.xinjiangNexus || i.sites.some((s) => s.xinjiangNexus);
  const chinaOrXinjiang = xinjiang || i.supplier.country === "CN" || i.sites.some((s) => s.country === "CN");
  type Scored = { good: GoodInput; match: IlabMatch; points: number; what: string };
  const scored: Scored[] = [];
  for (const g of i.goods) {
    const best = g.matches
      .map((m) => ({ good: g, match: m, ...goodPoints(m) }))
      .sort((a, b) => b.points - a.points)[0];
    if (best) scored.push(best);
  }
  scored.sort((a, b) => b.points - a.points);
  let goodsTotal = 0;
  scored.forEach((s, idx) => {
    const want = idx === 0 ? s.points : FURTHER_GOOD_POINTS;
    const pts = Math.max(0, Math.min(want, GOODS_CAP - goodsTotal));
    goodsTotal += pts;
    lines.push({
      part: "goods",
      factor:
        `Good "${s.good.good}" in ${s.match.countryName} (${s.match.iso2}): ILAB list, ${s.what}` +
        (idx === 0 ? "" : pts < want ? " (goods capped)" : " (further listed good)"),
      points: pts,
      source: `US DoL ILAB List of Goods Produced by Child Labor or Forced Labor: ${s.match.good}, ${s.match.countryName}${s.match.derived ? " (derived: made from listed inputs)" : ""}`,
      edition: ed.ilabGoods,
    });
    if (s.match.forcedLabor || s.match.forcedChildLabor) {
      floors.push({
        floor: INHERENT_FLOORS.forcedLabor,
        factor: `Floor: "${s.good.good}" from ${s.match.countryName} is on the ILAB list for forced labour`,
        source: `ILAB List (${ed.ilabGoods})`,
        reason: `${s.good.good} on the ILAB list for forced labour`,
      });
    } else if (s.match.childLabor || s.match.derived) {
      floors.push({
        floor: INHERENT_FLOORS.childLabor,
        factor: `Floor: "${s.good.good}" from ${s.match.countryName} is on the ILAB list`,
        source: `ILAB List (${ed.ilabGoods})`,
        reason: `${s.good.good} on the ILAB list`,
      });
    }
  });
  for (const g of i.goods) {
    if (g.matches.length) continue;
    lines.push({
      part: "goods",
      factor: g.ilabName
        ? `Good "${g.good}": on the ILAB list, but not for this supplier's countries`
        : `Good "${g.good}": not matched (not a good the ILAB list names)`,
      points: 0,
      source: g.ilabName
        ? `ILAB List lists it for ${g.listedElsewhere.join(", ") || "other countries"}`
        : "ILAB List: no entry of this name",
      edition: ed.ilabGoods,
    });
  }
  if (!i.goods.length) {
    lines.push({
      part: "goods",
      factor: "Goods: none recorded (nothing to match against the ILAB list)",
      points: 0,
      source: "Supplier profile",
      edition: ed.ilabGoods,
    });
  }

  // UFLPA high-priority sectors: counted once, for the first matching good.
  const uflpa = i.goods.flatMap((g) => g.uflpa.map((u) => ({ good: g.good, ...u })));
  uflpa.forEach((u, idx) => {
    lines.push({
      part: "goods",
      factor: `UFLPA high-priority sector "${u.sector}" (good "${u.good}")${idx ? " — already counted" : chinaOrXinjiang ? ", China / Xinjiang nexus" : ""}`,
      points: idx ? 0 : chinaOrXinjiang ? UFLPA_POINTS.chinaOrXinjiang : UFLPA_POINTS.elsewhere,
      source: `US DHS UFLPA Strategy: high-priority sector since ${u.addedOn}`,
      edition: ed.uflpa,
    });
  });
  if (xinjiang) {
    const where = i.supplier.xinjiangNexus
      ? "the supplier"
      : `site ${i.sites.find((s) => s.xinjiangNexus)!.name}`;
    lines.push({
      part: "goods",
      factor: `Xinjiang nexus recorded on ${where}`,
      points: 0,
      source: "UFLPA (Public Law 117-78) §3: goods from Xinjiang are presumed made with forced labour",
      edition: ed.uflpa,
    });
    floors.push({
      floor: INHERENT_FLOORS.xinjiang,
      factor: `Floor: Xinjiang nexus (UFLPA rebuttable presumption of forced labour)`,
      source: `Xinjiang nexus on ${where}`,
      reason: "Xinjiang nexus",
    });
  }

  // Sector baseline (documented table in sector-baseline.ts, resolved into the inputs by the caller).
  const sector = i.supplier.sector;
  lines.push(sectorLine(i, sector));

  // Workforce vulnerability: the most exposed site's facts.
  lines.push(...workforceLines(i));

  const score = clampLine(lines, "inherent");
  return { score, lines, floors };
}

/** Resolved by the caller from sector-baseline.ts and stored in the inputs: see `sectorInput`. */
export type SectorFacts = { points: number; basis: string; known: boolean };

function sectorLine(i: InherentInputs, sector: string): FactorLine {
  const facts = i.supplier.sectorFacts;
  return {
    part: "sector",
    factor: facts.known ? `Sector "${sector}"` : `Sector "${sector}" (not in the table: scored as "Other")`,
    points: facts.points,
    source: facts.basis,
    edition: i.editions.sectors,
  };
}

function workforceLines(i: InherentInputs): FactorLine[] {
  const W = WORKFORCE_POINTS;
  if (!i.sites.length) {
    return [
      {
        part: "workforce",
        factor: "Workforce: no sites recorded, so migrant, agency, housing and seasonal work are unknown",
        points: W.noSites,
        source: "Supplier sites",
      },
    ];
  }
  const lines: FactorLine[] = [];
  const pick = <T>(value: (s: SiteFacts) => T | null, rank: (v: T) => number) => {
    let best: { site: SiteFacts; v: T } | null = null;
    for (const s of i.sites) {
      const v = value(s);
      if (v === null) continue;
      if (!best || rank(v) > rank(best.v)) best = { site: s, v };
    }
    return best;
  };
  const migrant = pick(
    (s) => s.migrantPct,
    (v) => v,
  );
  lines.push(
    migrant
      ? {
          part: "workforce",
          factor: `Migrant workers ${migrant.v} % at ${migrant.site.name}`,
          points: banded(W.migrant, migrant.v),
          source: `Site ${migrant.site.name} (highest recorded share)`,
        }
      : {
          part: "workforce",
          factor: "Migrant share: not recorded at any site",
          points: W.unknown,
          source: "Supplier sites",
        },
  );
  const agency = pick(
    (s) => s.agencyPct,
    (v) => v,
  );
  lines.push(
    agency
      ? {
          part: "workforce",
          factor: `Agency or contract workers ${agency.v} % at ${agency.site.name}`,
          points: banded(W.agency, agency.v),
          source: `Site ${agency.site.name} (highest recorded share)`,
        }
      : {
          part: "workforce",
          factor: "Agency share: not recorded at any site",
          points: W.unknown,
          source: "Supplier sites",
        },
  );
  const housing = pick(
    (s) => s.housing,
    (v) => (v ? 1 : 0),
  );
  lines.push(
    housing
      ? {
          part: "workforce",
          factor: housing.v
            ? `Employer-provided housing at ${housing.site.name}`
            : "No employer-provided housing recorded",
          points: housing.v ? W.housing : 0,
          source: `Site ${housing.site.name}`,
        }
      : {
          part: "workforce",
          factor: "Housing: not recorded at any site",
          points: W.unknown,
          source: "Supplier sites",
        },
  );
  const seasonal = pick(
    (s) => s.seasonal,
    (v) => (v ? 1 : 0),
  );
  lines.push(
    seasonal
      ? {
          part: "workforce",
          factor: seasonal.v ? `Seasonal work at ${seasonal.site.name}` : "No seasonal work recorded",
          points: seasonal.v ? W.seasonal : 0,
          source: `Site ${seasonal.site.name}`,
        }
      : {
          part: "workforce",
          factor: "Seasonal work: not recorded at any site",
          points: W.unknown,
          source: "Supplier sites",
        },
  );
  const total = sum(lines);
  if (total > W.cap) {
    lines.push({
      part: "workforce",
      factor: "Workforce capped",
      points: W.cap - total,
      source: `Risk model ${MODEL_VERSION}`,
    });
  }
  return lines;
}

// ── coverage ────────────────────────────────────────────────────────────────────────────────────────

function coverageOf(i: RiskInputs): {
  state: RiskCoverage;
  lines: FactorLine[];
  saqOk: boolean;
  auditOk: boolean;
} {
  const lines: FactorLine[] = [];
  const a = i.answers;
  const saqAge = a?.acceptedOn ? monthsBetween(a.acceptedOn, i.asOf) : null;
  const saqOk = saqAge !== null && saqAge < i.settings.saqMaxAgeMonths;
  if (!saqOk) {
    const detail = a?.acceptedOn
      ? `last accepted ${a.acceptedOn}`
      : a
        ? `one submitted ${a.submittedOn} awaits review`
        : "none on record";
    lines.push({
      part: "coverage",
      factor: `No accepted self-assessment in the last ${i.settings.saqMaxAgeMonths} months (${detail})`,
      points: COVERAGE_POINTS.noAcceptedSaq,
      source: a ? `${a.title} v${a.version}` : "Questionnaires",
    });
  }
  const latest = [...i.audits].sort((x, y) => y.date.localeCompare(x.date))[0];
  const auditAge = latest ? monthsBetween(latest.date, i.asOf) : null;
  const auditOk = auditAge !== null && auditAge < i.settings.auditMaxAgeMonths;
  if (!auditOk) {
    lines.push({
      part: "coverage",
      factor: latest
        ? `Latest audit (${latest.scheme}, ${latest.date}) is older than ${i.settings.auditMaxAgeMonths} months`
        : "No social audit on record",
      points: COVERAGE_POINTS.noRecentAudit,
      source: latest ? `${latest.scheme} audit of ${latest.date}` : "Audits",
    });
  }
  // Expired evidence: one line naming every file (current versions only), points per file up to a cap.
  const expired = i.evidence.filter((e) => e.expiresOn < i.asOf);
  if (expired.length) {
    const want = expired.length * COVERAGE_POINTS.expiredEvidence;
    const pts = Math.min(want, COVERAGE_POINTS.expiredEvidenceCap);
    const n = expired.length;
    lines.push({
      part: "coverage",
      factor:
        `${n} evidence document${n === 1 ? "" : "s"} expired: ` +
        expired.map((e) => `${e.fileName} (valid until ${e.expiresOn})`).join(", ") +
        (pts < want ? ` (capped at ${COVERAGE_POINTS.expiredEvidenceCap})` : ""),
      points: pts,
      source: `Evidence files: ${COVERAGE_POINTS.expiredEvidence} points per expired document, at most ${COVERAGE_POINTS.expiredEvidenceCap}`,
    });
  }
  const state: RiskCoverage =
    saqOk && auditOk && !expired.length ? "assessed" : saqOk || auditOk ? "partial" : "not_assessed";
  return { state, lines, saqOk, auditOk };
}

// ── the whole model ─────────────────────────────────────────────────────────────────────────────────

/** Inherent risk after its floors: what scoreRisk builds on. */
export type InherentScore = {
  score: number;
  lines: FactorLine[];
  floors: Floor[];
  top: Floor | null;
};

/**
 * The inherent half of scoreRisk. It reads only the reference facts of the supplier's country, sector
 * and goods and its sites, so a caller scoring many suppliers may compute it once for every supplier
 * with the same facts and no sites, and hand it to scoreRisk (which never changes it).
 */
export function scoreInherent(i: InherentInputs): InherentScore {
  const inh = inherentRisk(i);
  const floored = applyFloors(inh.lines, inh.score, inh.floors);
  return { score: floored.score, lines: inh.lines, floors: inh.floors, top: floored.top };
}

export function scoreRisk(i: RiskInputs, inh: InherentScore = scoreInherent(i)): RiskResult {
  const inhLines = inh.lines;
  const inherentFloor = inh;
  const inherent = inh.score;

  const cov = coverageOf(i);
  const lines: FactorLine[] = [
    { part: "scale", factor: "Inherent risk", points: inherent, source: `Risk model ${MODEL_VERSION}` },
    ...cov.lines,
  ];
  const floors: Floor[] = [];

  // Answers: provisional until accepted; controls count only when accepted and evidenced.
  const a = i.answers;
  let controlTotal = 0;
  const credit = (want: number) => {
    const pts = Math.max(want, CONTROL_CREDIT.totalCap - controlTotal);
    controlTotal += pts;
    return pts;
  };
  if (a) {
    const accepted = a.status === "accepted";
    const src = `${a.title} v${a.version} (submitted ${a.submittedOn}${accepted ? `, accepted ${a.acceptedOn}` : ", not yet reviewed"})`;
    for (const s of a.signals) {
      const ilo = s.iloIndicators.length ? ` · ILO indicator ${s.iloIndicators.join(", ")}` : "";
      const base = `${s.redFlag ? "Red flag: " : ""}${s.question} — answered "${s.answer}"`;
      if (s.points >= 0 || s.redFlag) {
        lines.push({
          part: "answers",
          factor: accepted ? base : `${base} (provisional: not yet reviewed)`,
          points: Math.max(0, s.points),
          source: `${src}, question ${s.questionId}${ilo}`,
          provisional: !accepted,
        });
        if (s.redFlag) {
          floors.push({
            floor: RESIDUAL_FLOORS.redFlag,
            factor: `Floor: red-flag answer (${s.questionId}) keeps the score at ${RESIDUAL_FLOORS.redFlag} or above`,
            source: `${src}, question ${s.questionId}`,
            reason: `red-flag answer: ${s.question}`,
          });
        }
      } else if (!accepted) {
        lines.push({
          part: "controls",
          factor: `${base}: not counted until the questionnaire is accepted`,
          points: 0,
          source: `${src}, question ${s.questionId}`,
          provisional: true,
        });
      } else if (s.control === "self-declared") {
        lines.push({
          part: "controls",
          factor: `${base}: self-declared, no evidence attached — not counted`,
          points: 0,
          source: `${src}, question ${s.questionId}`,
        });
      } else {
        const pts = credit(s.points);
        lines.push({
          part: "controls",
          factor: `${base}${s.control === "evidenced" ? " (evidenced control)" : ""}${pts !== s.points ? " (control credit capped)" : ""}`,
          points: pts,
          source: `${src}, question ${s.questionId}${ilo}`,
        });
      }
    }
  }

  // Open findings by grade.
  for (const f of i.findings) {
    lines.push({
      part: "findings",
      factor: `Open ${GRADE_LABEL[f.grade]} finding: ${f.title}`,
      points: FINDING_POINTS[f.grade],
      source: f.source + (f.iloIndicator ? ` · ILO indicator ${f.iloIndicator}` : ""),
    });
    if (f.grade === "zero_tolerance") {
      floors.push({
        floor: RESIDUAL_FLOORS.zeroTolerance,
        factor: `Floor: open zero-tolerance finding keeps the score at ${RESIDUAL_FLOORS.zeroTolerance} or above`,
        source: f.source,
        reason: `open zero-tolerance finding: ${f.title}`,
      });
    } else if (f.grade === "critical") {
      floors.push({
        floor: RESIDUAL_FLOORS.criticalFinding,
        factor: `Floor: open critical finding keeps the score at ${RESIDUAL_FLOORS.criticalFinding} or above`,
        source: f.source,
        reason: `open critical finding: ${f.title}`,
      });
    }
  }

  // A recent audit whose findings are all closed is a control.
  const latest = [...i.audits].sort((x, y) => y.date.localeCompare(x.date))[0];
  if (cov.auditOk && latest && !i.findings.some((f) => f.auditId === latest.id)) {
    const pts = credit(CONTROL_CREDIT.cleanAudit);
    lines.push({
      part: "controls",
      factor: `Recent audit with no open findings (${latest.scheme}, ${latest.date})`,
      points: pts,
      source: `${latest.scheme} audit of ${latest.date}`,
    });
  }

  // Corrective actions: overdue raises, verified lowers (capped).
  let verifiedTotal = 0;
  for (const t of i.actions) {
    if (t.state === "open" && t.dueDate < i.asOf) {
      lines.push({
        part: "actions",
        factor: `Overdue corrective action: ${t.title}`,
        points: OVERDUE_ACTION_POINTS,
        source: `Due ${t.dueDate}`,
      });
    } else if (t.state === "verified") {
      const want = Math.max(CONTROL_CREDIT.verifiedAction, CONTROL_CREDIT.verifiedActionCap - verifiedTotal);
      const pts = credit(want);
      verifiedTotal += pts;
      lines.push({
        part: "controls",
        factor: `Corrective action verified: ${t.title}`,
        points: pts,
        source: `Closed ${t.closedOn ?? "?"}`,
      });
    }
  }

  // Floors that survive controls.
  const xinjiang = i.supplier.xinjiangNexus || i.sites.some((s) => s.xinjiangNexus);
  if (xinjiang) {
    floors.push({
      floor: RESIDUAL_FLOORS.xinjiang,
      factor: "Floor: Xinjiang nexus — supplier-level controls do not rebut the UFLPA presumption",
      source: "UFLPA (Public Law 117-78) §3",
      reason: "Xinjiang nexus",
    });
  }
  for (const f of inh.floors) {
    if (f.floor === INHERENT_FLOORS.forcedLabor) {
      floors.push({
        floor: RESIDUAL_FLOORS.forcedLaborGood,
        factor: `${f.factor}: controls cannot take the score below ${RESIDUAL_FLOORS.forcedLaborGood}`,
        source: f.source,
        reason: f.reason,
      });
    } else if (f.floor === INHERENT_FLOORS.childLabor) {
      floors.push({
        floor: RESIDUAL_FLOORS.childLaborGood,
        factor: `${f.factor}: controls cannot take the score below ${RESIDUAL_FLOORS.childLaborGood}`,
        source: f.source,
        reason: f.reason,
      });
    }
  }
  if (cov.state === "not_assessed") {
    floors.push({
      floor: RESIDUAL_FLOORS.notAssessed,
      factor: `Floor: not assessed — unknown is not low (${RESIDUAL_FLOORS.notAssessed} or above)`,
      source: "No accepted self-assessment and no recent audit",
      reason: "not assessed",
    });
  }

  const clamped = clampLine(lines, "residual");
  const floored = applyFloors(lines, clamped, floors);
  const residual = floored.score;

  // The headline: the gravest floor, else the biggest single driver (own or inherent).
  const byPoints = (ls: FactorLine[]) =>
    ls
      .filter((l) => l.part !== "scale" && l.part !== "floor" && l.points > 0)
      .sort((x, y) => y.points - x.points)[0];
  const ownTop = byPoints(lines);
  const inhTop = byPoints(inhLines);
  // The gravest fact wins even when the score is above its floor already (a zero-tolerance finding names
  // the exposure path whether or not its floor was needed); "not assessed" only when nothing else applies.
  const gravest = [...floors].filter((f) => f.reason !== "not assessed").sort((a, b) => b.floor - a.floor)[0];
  const headlineLine =
    gravest?.reason ??
    floored.top?.reason ??
    (ownTop && (!inhTop || ownTop.points >= inhTop.points) ? ownTop.factor : null) ??
    inherentFloor.top?.reason ??
    inhTop?.factor ??
    "no risk factor recorded";

  return {
    modelVersion: MODEL_VERSION,
    inherent: { score: inherent, level: levelFor(inherent), lines: inhLines },
    coverage: { state: cov.state, lines: cov.lines },
    residual: { score: residual, level: levelFor(residual), lines },
    headline: headlineLine,
  };
}

export const COVERAGE_LABELS: Record<RiskCoverage, string> = {
  assessed: "Assessed",
  partial: "Partly assessed",
  not_assessed: "Not assessed",
};
