/**
 * The six areas that section 54(5) of the Modern Slavery Act 2015 says a statement may include. The Act
 * says "may", but the Home Office's statutory guidance expects every statement to cover all six, so the
 * editor and the PDF always show each one. `law` quotes the wording of s.54(5)(a)–(f).
 */
export const SECTION_KEYS = [
  "structure",
  "policies",
  "dueDiligence",
  "risk",
  "effectiveness",
  "training",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type Narrative = Record<SectionKey, string>;

export type SectionDefinition = { key: SectionKey; letter: string; heading: string; law: string };

export const SECTIONS: readonly SectionDefinition[] = [
  {
    key: "structure",
    letter: "a",
    heading: "Organisation structure, business and supply chains",
    law: "the organisation's structure, its business and its supply chains",
  },
  {
    key: "policies",
    letter: "b",
    heading: "Policies in relation to slavery and human trafficking",
    law: "its policies in relation to slavery and human trafficking",
  },
  {
    key: "dueDiligence",
    letter: "c",
    heading: "Due diligence processes",
    law: "its due diligence processes in relation to slavery and human trafficking in its business and supply chains",
  },
  {
    key: "risk",
    letter: "d",
    heading: "Risk of slavery and human trafficking, and steps taken to assess and manage it",
    law:
      "the parts of its business and supply chains where there is a risk of slavery and human trafficking " +
      "taking place, and the steps it has taken to assess and manage that risk",
  },
  {
    key: "effectiveness",
    letter: "e",
    heading: "Effectiveness, measured against performance indicators",
    law:
      "its effectiveness in ensuring that slavery and human trafficking is not taking place in its business " +
      "or supply chains, measured against such performance indicators as it considers appropriate",
  },
  {
    key: "training",
    letter: "f",
    heading: "Training about slavery and human trafficking",
    law: "the training about slavery and human trafficking available to its staff",
  },
];

export const SECTION_HEADING = (s: SectionDefinition) => `(${s.letter}) ${s.heading}`;

/**
 * Text a director must replace before approval. Kept distinctive so that approval can refuse a statement
 * that still contains any of it.
 */
export const PLACEHOLDER_MARK = "[Replace:";

export function hasPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER_MARK);
}

/**
 * Starting text for a new statement. What Clearsource itself records (questionnaires, audits, risk scores,
 * remediation) is described as fact; what only the organisation knows is left as a marked placeholder.
 */
export function defaultNarrative(organisationName: string): Narrative {
  return {
    structure:
      `${PLACEHOLDER_MARK} describe the structure of ${organisationName} (parent and subsidiaries), its business ` +
      "(sector, products and services, where it operates, number of employees) and its turnover.]\n\n" +
      "Our supply chains are mapped in Clearsource, tier by tier. The figures below show our mapped suppliers " +
      "by country and by tier as at the date this statement was produced.",
    policies:
      `${PLACEHOLDER_MARK} list the policies that address slavery and human trafficking, e.g. supplier code of ` +
      "conduct, responsible recruitment and employer-pays policy, whistleblowing policy, and how they are " +
      "communicated to staff and suppliers.]",
    dueDiligence:
      "We ask suppliers to complete a forced-labour self-assessment questionnaire covering recruitment fees, " +
      "identity documents, wages, working hours and freedom of movement, and we review each response. " +
      "Suppliers are audited by in-house or third-party auditors; findings are graded from zero tolerance to " +
      "observation and each grave finding leads to a corrective action plan.",
    risk:
      "Each supplier receives a risk score based on the country in which it operates (US Trafficking in " +
      "Persons report tier), its questionnaire answers and open audit findings. Answers that indicate forced " +
      "labour, such as retained identity documents or recruitment fees paid by workers, are treated as red " +
      "flags and always lead to remediation.\n\n" +
      `${PLACEHOLDER_MARK} describe the parts of the business and supply chains you consider most at risk and why.]`,
    effectiveness:
      "We measure our effectiveness with the indicators below: questionnaire response rate, audits carried " +
      "out, findings by grade, and remediation actions opened and closed during the year.",
    training:
      `${PLACEHOLDER_MARK} describe the training on modern slavery available to staff, e.g. who receives it ` +
      "(procurement, HR, site managers), its format and how many staff completed it this year.]",
  };
}

/** Coerce stored JSON into a complete narrative: unknown keys dropped, missing sections empty. */
export function normaliseNarrative(value: unknown): Narrative {
  const source = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(
    SECTION_KEYS.map((k) => [k, typeof source[k] === "string" ? (source[k] as string) : ""]),
  ) as Narrative;
}
