import {
  fieldName,
  visibleQuestionIds,
  type AnswerValue,
  type Question,
  type Template,
} from "~/questionnaires/model";
import type { DemoSupplier } from "./catalogue";
import type { Prng } from "./prng";

/** The job title of whoever answers, in the supplier's language (the declaration and question D2). */
const JOB_TITLE: Record<string, string> = {
  en: "HR manager",
  es: "Responsable de recursos humanos",
  fr: "Responsable des ressources humaines",
  "zh-Hans": "人事经理",
  vi: "Trưởng phòng nhân sự",
  id: "Manajer SDM",
  pt: "Gestora de recursos humanos",
  tr: "İnsan kaynakları müdürü",
};

export function demoJobTitle(language: string): string {
  return JOB_TITLE[language] ?? JOB_TITLE.en;
}

const SITE_KIND: Record<string, string> = {
  Agriculture: "farm",
  Seafood: "fishing",
  Mining: "mine",
  Logistics: "warehouse",
  "Wholesale and retail trade": "warehouse",
};

/**
 * What a demo supplier answers to the forced-labour SAQ, as the portal's form fields. Facts the catalogue
 * knows (workforce, migrant and agency shares, housing, goods) are answered from it; the rest follow the
 * supplier's profile: "good" gives the lowest-risk answer to every question, "fair" admits missing
 * policies and long hours, "red_flag" also admits worker-paid recruitment fees (and, for some, held
 * passports). Questions are answered in order, so conditional questions appear exactly when the portal
 * would show them. Pure: the same supplier and generator state give the same answers.
 */
export function demoAnswers(
  template: Template,
  s: DemoSupplier,
  rand: Prng,
  dayOf: (daysAgo: number) => string,
): Record<string, string | string[]> {
  const site = s.site;
  const poor = s.answers !== "good";
  const fixed: Record<string, string | string[]> = {
    P1: String(site?.workers ?? 50),
    P2: s.goods.replaceAll(";", ","),
    P3: SITE_KIND[s.sector] ?? "factory",
    P4: [
      "permanent",
      ...(site?.seasonal ? ["seasonal"] : []),
      ...((site?.agencyPct ?? 0) > 0 ? ["agency"] : []),
    ],
    W1: String(Math.round((site?.migrantPct ?? 0) / 2)),
    W2: String(Math.round((site?.migrantPct ?? 0) / 2)),
    W3: String(site?.agencyPct ?? 0),
    W4: site?.dormitories ? "yes" : "no",
    R1: (site?.agencyPct ?? 0) > 0 ? "yes" : "no",
    F3: poor ? "45" : "30",
    H1: poor ? String(rand.int(54, 62)) : String(rand.int(44, 48)),
    H2: poor ? String(rand.int(64, 74)) : String(rand.int(50, 58)),
    G2: String(rand.int(0, 9)),
    A1: poor ? "none" : rand.pick(["smeta", "amfori-bsci", "sa8000"]),
    A2: dayOf(rand.int(60, 300)),
    A3: "0",
    S2: poor ? ["unknown"] : ["none"],
    D1: s.contactName,
    D2: demoJobTitle(s.language),
  };
  if (poor) Object.assign(fixed, { PO3: "no", PO4: "no", S1: "no", G5: "no" });
  if (s.answers === "red_flag") {
    Object.assign(fixed, { R3: "yes", R4: String(rand.int(300, 1800)), R5: "no" });
    if (rand.chance(0.5)) fixed.I1 = "yes";
  }

  const answers: Record<string, AnswerValue> = {};
  const raw: Record<string, string | string[]> = {};
  for (const q of template.questions) {
    if (!visibleQuestionIds(template, answers).has(q.id) || q.type === "file") continue;
    const value = fixed[q.id] ?? lowestRisk(q);
    if (value === null) continue;
    answers[q.id] = value;
    raw[fieldName(q.id)] = value;
  }
  return raw;
}

/** The answer that scores fewest points (the first such option; "no" before "yes" when equal). */
function lowestRisk(q: Question): string | string[] | null {
  const points = (v: string) => q.rule.pointsByValue?.[v] ?? 0;
  switch (q.type) {
    case "yes_no":
      return points("no") <= points("yes") ? "no" : "yes";
    case "choice":
      return [...(q.options ?? [])].sort((a, b) => points(a.value) - points(b.value))[0]?.value ?? null;
    case "multi_choice":
      return [[...(q.options ?? [])].sort((a, b) => points(a.value) - points(b.value))[0].value];
    case "number":
    case "percentage":
      return String(q.min ?? 0);
    case "date":
      return null;
    default:
      return null;
  }
}
