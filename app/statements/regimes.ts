import type { Regime } from "~db/schema/statements.constants";

export type { Regime };

/**
 * Regime templates over the one statement data model. Each law asks for its own headings, approval and
 * signature wording; laws and guidance change, so every template carries the date from which it applies
 * and a statement keeps the template id it was created with (a later edition never rewrites an old
 * statement). Narrative is stored per criterion key; the figures come from the same facts for every
 * regime (`figures` names the blocks printed under a criterion).
 */

export type FigureBlock =
  "supplyChain" | "dueDiligence" | "risk" | "remediation" | "grievance" | "training" | "effectiveness";

export type Criterion = {
  key: string;
  /** Heading printed in the PDF and the editor. */
  heading: string;
  /** Where the law asks for it, quoted or closely paraphrased. */
  law: string;
  /** The law requires this content: approval refuses a statement where it is missing. */
  mandatory: boolean;
  /** Points the guidance recommends disclosing; the checker reports them to the editor. */
  guidance: string[];
  figures: FigureBlock[];
  /** Words of the organisation's own text below which the criterion is reported as thin. */
  minWords: number;
  /** Starting text; `[Replace: …]` marks what only the organisation can write. */
  starter: string;
};

export type RegimeTemplate = {
  id: string;
  regime: Regime;
  /** The template applies to reporting periods ending on or after this date (until a newer edition). */
  effectiveFrom: string;
  edition: string;
  title: string;
  /** Printed at the top of every page. */
  header: string;
  lawName: string;
  criteria: Criterion[];
  /** Who approves, by default (the editor lets the organisation name its body). */
  approvingBody: string;
  /** Whether the law requires approval by the governing body and a signature. */
  approvalRequired: boolean;
  /** A web disclosure (California) rather than a signed document. */
  webDisclosure: boolean;
  /** Canada: the report's page limit (doubled when bilingual). */
  pageLimit: number | null;
  /** Months after the period end by which the statement is due (null when the law sets no date). */
  dueMonths: number | null;
  /** What the law itself requires, shown with the checker (e.g. UK: the areas are only recommended). */
  requirementsNote?: string;
};

export const REGIME_NAMES: Record<Regime, string> = {
  uk_msa_s54: "UK Modern Slavery Act 2015, s.54",
  au_msa_s16: "Australia Modern Slavery Act 2018, s.16",
  ca_s211: "Canada S-211 (Fighting Against Forced Labour and Child Labour in Supply Chains Act)",
  us_ca_sb657: "California Transparency in Supply Chains Act (Civil Code §1714.43)",
};

export const REGIME_SHORT: Record<Regime, string> = {
  uk_msa_s54: "UK s.54",
  au_msa_s16: "Australia s.16",
  ca_s211: "Canada S-211",
  us_ca_sb657: "California SB 657",
};

/**
 * s.54(5) says a statement "may include" information about these six areas: none of them is required by
 * the Act, so none is mandatory here (the checker reports them as recommended and approval is never
 * refused for them). What s.54 requires is approval by the board (or equivalent, s.54(6)), a director's
 * (or equivalent) signature and publication with a prominent homepage link (s.54(7)): the workflow's
 * approval, signature and publication steps record each of them.
 */
const UK_AREAS = (guidance2025: boolean): Criterion[] => [
  {
    key: "structure",
    heading: "(a) Organisation structure, business and supply chains",
    law: "s.54(5)(a): the organisation's structure, its business and its supply chains",
    mandatory: false,
    guidance: guidance2025
      ? [
          "Group structure and the entities the statement covers",
          "Sectors, products and services, countries of operation, number of employees, turnover",
          "An overview of the supply chains: number of suppliers, tiers mapped, countries and high-risk goods",
        ]
      : ["Structure, business and supply chains"],
    figures: ["supplyChain"],
    minWords: 40,
    starter:
      "[Replace: describe the structure of the organisation (parent and subsidiaries), its business (sector, " +
      "products and services, where it operates, number of employees) and its turnover.]",
  },
  {
    key: "policies",
    heading: "(b) Policies in relation to slavery and human trafficking",
    law: "s.54(5)(b): its policies in relation to slavery and human trafficking",
    mandatory: false,
    guidance: guidance2025
      ? [
          "Which policies address modern slavery (code of conduct, responsible recruitment, employer pays)",
          "How they were developed, who owns them, how they are communicated to staff and suppliers",
          "How compliance with them is monitored",
        ]
      : ["Policies in relation to slavery and human trafficking"],
    figures: [],
    minWords: 30,
    starter:
      "[Replace: list the policies that address slavery and human trafficking, who owns them and how they " +
      "are communicated to staff and suppliers.]",
  },
  {
    key: "dueDiligence",
    heading: "(c) Due diligence processes",
    law:
      "s.54(5)(c): its due diligence processes in relation to slavery and human trafficking in its business " +
      "and supply chains",
    mandatory: false,
    guidance: guidance2025
      ? [
          "How risks are identified, prevented and mitigated (questionnaires, audits, engagement)",
          "How suppliers are engaged and what happens when an issue is found",
          "Grievance mechanisms available to workers",
        ]
      : ["Due diligence processes"],
    figures: ["dueDiligence", "grievance"],
    minWords: 30,
    starter: "[Replace: describe how you carry out due diligence and what you do when you find an issue.]",
  },
  {
    key: "risk",
    heading: "(d) Risk of slavery and human trafficking, and steps taken to assess and manage it",
    law:
      "s.54(5)(d): the parts of its business and supply chains where there is a risk of slavery and human " +
      "trafficking taking place, and the steps it has taken to assess and manage that risk",
    mandatory: false,
    guidance: guidance2025
      ? [
          "Where the risks are (countries, sectors, goods, workforce) and how they were assessed",
          "How risks were prioritised and what was done about them",
          "Identified cases of modern slavery and how they were remediated (finding no risk may mean not looking hard enough)",
        ]
      : ["Parts of the business and supply chains at risk and steps to assess and manage that risk"],
    figures: ["risk", "remediation"],
    minWords: 30,
    starter:
      "[Replace: describe the parts of the business and supply chains you consider most at risk and why, and " +
      "the steps you took.]",
  },
  {
    key: "effectiveness",
    heading: "(e) Effectiveness, measured against performance indicators",
    law:
      "s.54(5)(e): its effectiveness in ensuring that slavery and human trafficking is not taking place in its " +
      "business or supply chains, measured against such performance indicators as it considers appropriate",
    mandatory: false,
    guidance: guidance2025
      ? [
          "The performance indicators used and the results for the year",
          "Progress against the previous year's statement and commitments",
        ]
      : ["Performance indicators"],
    figures: ["effectiveness"],
    minWords: 20,
    starter: "[Replace: explain how you judge whether your actions work and what the indicators below show.]",
  },
  {
    key: "training",
    heading: "(f) Training about slavery and human trafficking",
    law: "s.54(5)(f): the training about slavery and human trafficking available to its staff",
    mandatory: false,
    guidance: guidance2025
      ? ["Who was trained (roles, numbers), on what, in what format, and how its effect is judged"]
      : ["Training available to staff"],
    figures: ["training"],
    minWords: 20,
    starter:
      "[Replace: describe the training on modern slavery available to staff: who receives it, its format and " +
      "how its effect is judged.]",
  },
];

const AU_CRITERIA: Criterion[] = [
  {
    key: "entity",
    heading: "Criterion 1: The reporting entity",
    law: "s.16(1)(a): identify the reporting entity",
    mandatory: true,
    guidance: [
      "Legal name, ABN/ACN, registered office; for a joint statement, each reporting entity covered",
    ],
    figures: [],
    minWords: 8,
    starter:
      "[Replace: name the reporting entity (legal name, ABN) and, for a joint statement, each entity covered.]",
  },
  {
    key: "structure",
    heading: "Criterion 2: Structure, operations and supply chains",
    law: "s.16(1)(b): describe the structure, operations and supply chains of the reporting entity",
    mandatory: true,
    guidance: [
      "Corporate structure, operations (sectors, locations, workforce), supply chains (tiers, countries)",
    ],
    figures: ["supplyChain"],
    minWords: 40,
    starter: "[Replace: describe the structure and operations of the reporting entity.]",
  },
  {
    key: "risks",
    heading: "Criterion 3: Risks of modern slavery practices",
    law:
      "s.16(1)(c): describe the risks of modern slavery practices in the operations and supply chains of the " +
      "reporting entity, and any entities that the reporting entity owns or controls",
    mandatory: true,
    guidance: ["Risks in operations and in supply chains, including owned or controlled entities"],
    figures: ["risk"],
    minWords: 30,
    starter:
      "[Replace: describe the modern slavery risks in operations and supply chains, incl. controlled entities.]",
  },
  {
    key: "actions",
    heading: "Criterion 4: Actions taken to assess and address those risks",
    law:
      "s.16(1)(d): describe the actions taken by the reporting entity and any entity that it owns or controls " +
      "to assess and address those risks, including due diligence and remediation processes",
    mandatory: true,
    guidance: [
      "Due diligence processes",
      "Remediation processes and what was remediated in the period",
      "Grievance mechanisms and training that address the risks",
    ],
    figures: ["dueDiligence", "remediation", "grievance", "training"],
    minWords: 40,
    starter: "[Replace: describe the actions taken, including due diligence and remediation.]",
  },
  {
    key: "effectiveness",
    heading: "Criterion 5: How the effectiveness of these actions is assessed",
    law: "s.16(1)(e): describe how the reporting entity assesses the effectiveness of such actions",
    mandatory: true,
    guidance: ["Indicators and reviews used, and what they showed"],
    figures: ["effectiveness"],
    minWords: 20,
    starter: "[Replace: describe how you assess whether the actions are effective.]",
  },
  {
    key: "consultation",
    heading: "Criterion 6: Consultation with owned or controlled entities",
    law:
      "s.16(1)(f): describe the process of consultation with any entities that the reporting entity owns or " +
      "controls (and, for a joint statement, the entity giving the statement)",
    mandatory: true,
    guidance: [
      "How each owned or controlled entity was consulted; if there are none, say so",
      "For a joint statement, consultation with the entity giving the statement",
    ],
    figures: [],
    minWords: 15,
    starter:
      "[Replace: describe how owned or controlled entities were consulted in preparing this statement, or state " +
      "that the entity owns or controls none.]",
  },
  {
    key: "other",
    heading: "Criterion 7: Any other relevant information",
    law:
      "s.16(1)(g): include any other information that the reporting entity, or the entity giving the statement, " +
      "considers relevant",
    // s.16(1)(g) is one of the seven mandatory criteria like (a)–(f): the statement must include what the
    // entity considers relevant, and when that is nothing, say so.
    mandatory: true,
    guidance: [
      "Mandatory (s.16(1)(g)): anything else the entity considers relevant, e.g. grievances, future commitments; if nothing, say so in a sentence",
    ],
    figures: [],
    minWords: 3,
    starter:
      "[Replace: add any other information the entity considers relevant, or state that it considers there is none.]",
  },
];

const CA_ITEMS: Criterion[] = [
  {
    key: "structure",
    heading: "1. Structure, activities and supply chains",
    law: "s.11(2)(a): its structure, activities and supply chains",
    mandatory: true,
    guidance: ["Structure, activities (what is produced, sold or imported), supply chains"],
    figures: ["supplyChain"],
    minWords: 40,
    starter: "[Replace: describe the entity's structure, activities and supply chains.]",
  },
  {
    key: "policies",
    heading: "2. Policies and due diligence processes",
    law: "s.11(2)(b): its policies and its due diligence processes in relation to forced labour and child labour",
    mandatory: true,
    guidance: ["Policies on forced and child labour", "Due diligence processes"],
    figures: ["dueDiligence"],
    minWords: 30,
    starter:
      "[Replace: describe the policies and due diligence processes on forced labour and child labour.]",
  },
  {
    key: "risk",
    heading: "3. Parts of the business and supply chains at risk, and steps taken to assess and manage it",
    law:
      "s.11(2)(c): the parts of its business and supply chains that carry a risk of forced labour or child " +
      "labour being used and the steps it has taken to assess and manage that risk",
    mandatory: true,
    guidance: ["Where the risk is and how it was assessed and managed"],
    figures: ["risk"],
    minWords: 30,
    starter: "[Replace: describe the parts of the business and supply chains at risk and the steps taken.]",
  },
  {
    key: "remediation",
    heading: "4. Measures taken to remediate any forced labour or child labour",
    law: "s.11(2)(d): any measures taken to remediate any forced labour or child labour",
    mandatory: true,
    guidance: ["Measures taken; if none were needed or taken, say so"],
    figures: ["remediation", "grievance"],
    minWords: 15,
    starter:
      "[Replace: describe any measures taken to remediate forced labour or child labour, or state that none were taken.]",
  },
  {
    key: "incomeLoss",
    heading: "5. Measures taken to remediate the loss of income to the most vulnerable families",
    law:
      "s.11(2)(e): any measures taken to remediate the loss of income to the most vulnerable families that " +
      "results from any measure taken to eliminate the use of forced labour or child labour in its activities " +
      "and supply chains",
    mandatory: true,
    guidance: [
      "Measures for families who lost income when forced or child labour was eliminated; if none, say so",
    ],
    figures: [],
    minWords: 15,
    starter:
      "[Replace: describe measures taken to remediate the loss of income to the most vulnerable families, or " +
      "state that none were taken and why. Clearsource does not record this.]",
  },
  {
    key: "training",
    heading: "6. Training provided to employees on forced labour and child labour",
    law: "s.11(2)(f): the training provided to employees on forced labour and child labour",
    mandatory: true,
    guidance: ["Who was trained, on what, whether mandatory"],
    figures: ["training"],
    minWords: 15,
    starter:
      "[Replace: describe the training provided to employees on forced labour and child labour: who receives " +
      "it, on what, and whether it is mandatory.]",
  },
  {
    key: "effectiveness",
    heading: "7. How the entity assesses its effectiveness",
    law:
      "s.11(2)(g): how the entity assesses its effectiveness in ensuring that forced labour and child labour " +
      "are not being used in its business and supply chains",
    mandatory: true,
    guidance: ["Indicators and reviews used, and what they showed"],
    figures: ["effectiveness"],
    minWords: 20,
    starter: "[Replace: describe how you assess effectiveness.]",
  },
];

const CALIFORNIA: Criterion[] = [
  {
    key: "verification",
    heading: "1. Verification of product supply chains",
    law:
      "§1714.43(c)(1): engages in verification of product supply chains to evaluate and address risks of human " +
      "trafficking and slavery; specify if the verification was not conducted by a third party",
    mandatory: true,
    guidance: ["Say whether verification is done by a third party"],
    figures: ["supplyChain", "risk"],
    minWords: 20,
    starter: "[Replace: describe to what extent you verify supply chains, and whether by a third party.]",
  },
  {
    key: "audits",
    heading: "2. Audits of suppliers",
    law:
      "§1714.43(c)(2): conducts audits of suppliers to evaluate supplier compliance with company standards for " +
      "trafficking and slavery in supply chains; specify if the verification was not an independent, " +
      "unannounced audit",
    mandatory: true,
    guidance: ["Say whether audits are independent and unannounced"],
    figures: ["dueDiligence"],
    minWords: 20,
    starter:
      "[Replace: describe to what extent suppliers are audited, and whether independently and unannounced.]",
  },
  {
    key: "certification",
    heading: "3. Certification by direct suppliers",
    law:
      "§1714.43(c)(3): requires direct suppliers to certify that materials incorporated into the product comply " +
      "with the laws regarding slavery and human trafficking of the country or countries in which they are " +
      "doing business",
    mandatory: true,
    guidance: ["Whether and how direct suppliers certify compliance"],
    figures: [],
    minWords: 15,
    starter: "[Replace: describe whether direct suppliers certify compliance.]",
  },
  {
    key: "accountability",
    heading: "4. Internal accountability",
    law:
      "§1714.43(c)(4): maintains internal accountability standards and procedures for employees or contractors " +
      "failing to meet company standards regarding slavery and trafficking",
    mandatory: true,
    guidance: ["Standards and procedures for staff or contractors who fail to meet them"],
    figures: ["remediation"],
    minWords: 15,
    starter: "[Replace: describe internal accountability standards and procedures.]",
  },
  {
    key: "training",
    heading: "5. Training",
    law:
      "§1714.43(c)(5): provides company employees and management, who have direct responsibility for supply " +
      "chain management, training on human trafficking and slavery, particularly with respect to mitigating " +
      "risks within the supply chains of products",
    mandatory: true,
    guidance: ["Who is trained and on what"],
    figures: ["training"],
    minWords: 15,
    starter: "[Replace: describe training for supply-chain staff and management.]",
  },
];

const UK_REQUIREMENTS =
  "Section 54(5) says a statement “may include” the six areas (a)–(f): they are recommended, so a thin or " +
  "missing area is a warning and never blocks approval. What the Act requires is approval by the board (or " +
  "equivalent), a director's (or equivalent) signature (s.54(6)) and publication with a prominent link on " +
  "the homepage (s.54(7)): the approval, signature and publication steps below record them.";

export const TEMPLATES: readonly RegimeTemplate[] = [
  {
    id: "uk-s54-2015",
    regime: "uk_msa_s54",
    effectiveFrom: "2016-03-31",
    edition: "Modern Slavery Act 2015 s.54 with the 2015 statutory guidance",
    title: "Modern Slavery Statement",
    header: "Slavery and human trafficking statement · Modern Slavery Act 2015, section 54",
    lawName: "Modern Slavery Act 2015",
    criteria: UK_AREAS(false),
    approvingBody: "Board of directors",
    approvalRequired: true,
    webDisclosure: false,
    pageLimit: null,
    dueMonths: 6,
    requirementsNote: UK_REQUIREMENTS,
  },
  {
    id: "uk-s54-2025",
    regime: "uk_msa_s54",
    effectiveFrom: "2025-03-24",
    edition: "Modern Slavery Act 2015 s.54 with the 2025 statutory guidance",
    title: "Modern Slavery Statement",
    header: "Slavery and human trafficking statement · Modern Slavery Act 2015, section 54",
    lawName: "Modern Slavery Act 2015",
    criteria: UK_AREAS(true),
    approvingBody: "Board of directors",
    approvalRequired: true,
    webDisclosure: false,
    pageLimit: null,
    dueMonths: 6,
    requirementsNote: UK_REQUIREMENTS,
  },
  {
    id: "au-s16-2019",
    regime: "au_msa_s16",
    effectiveFrom: "2019-01-01",
    edition: "Modern Slavery Act 2018 (Cth) s.16",
    title: "Modern Slavery Statement",
    header: "Modern Slavery Statement · Modern Slavery Act 2018 (Cth), section 16",
    lawName: "Modern Slavery Act 2018 (Cth)",
    criteria: AU_CRITERIA,
    approvingBody: "Board of directors",
    approvalRequired: true,
    webDisclosure: false,
    pageLimit: null,
    dueMonths: 6,
    requirementsNote:
      "All seven criteria of s.16(1) are mandatory, (g) “any other relevant information” included: when the " +
      "entity considers nothing else relevant, the statement says so in a sentence.",
  },
  {
    id: "ca-s211-2024",
    regime: "ca_s211",
    effectiveFrom: "2024-01-01",
    edition: "S.C. 2023, c. 9 (S-211), section 11",
    title: "Report on forced labour and child labour in supply chains",
    header: "Fighting Against Forced Labour and Child Labour in Supply Chains Act · Annual report",
    lawName: "Fighting Against Forced Labour and Child Labour in Supply Chains Act",
    criteria: CA_ITEMS,
    approvingBody: "Board of directors",
    approvalRequired: true,
    webDisclosure: false,
    pageLimit: 10,
    dueMonths: null,
  },
  {
    id: "us-ca-sb657-2012",
    regime: "us_ca_sb657",
    effectiveFrom: "2012-01-01",
    edition: "California Civil Code §1714.43 (SB 657)",
    title: "California Transparency in Supply Chains Act Disclosure",
    header: "Disclosure under the California Transparency in Supply Chains Act",
    lawName: "California Transparency in Supply Chains Act of 2010",
    criteria: CALIFORNIA,
    approvingBody: "Executive management",
    approvalRequired: false,
    webDisclosure: true,
    pageLimit: null,
    dueMonths: null,
  },
];

/** The edition of a regime's template that applies to a period ending on `periodEnd`. */
export function templateFor(regime: Regime, periodEnd: string): RegimeTemplate {
  const editions = TEMPLATES.filter((t) => t.regime === regime).sort((a, b) =>
    a.effectiveFrom.localeCompare(b.effectiveFrom),
  );
  const applicable = editions.filter((t) => t.effectiveFrom <= periodEnd);
  return applicable[applicable.length - 1] ?? editions[0];
}

export function templateById(id: string): RegimeTemplate {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`Unknown statement template ${id}`);
  return t;
}

export const PLACEHOLDER_MARK = "[Replace:";

export function hasPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER_MARK);
}

export type Narrative = Record<string, string>;

export function starterNarrative(t: RegimeTemplate): Narrative {
  return Object.fromEntries(t.criteria.map((c) => [c.key, c.starter]));
}

/** Coerce stored JSON into the template's narrative: unknown keys dropped, missing criteria empty. */
export function normaliseNarrative(t: RegimeTemplate, value: unknown): Narrative {
  const source = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(
    t.criteria.map((c) => [c.key, typeof source[c.key] === "string" ? (source[c.key] as string) : ""]),
  );
}
