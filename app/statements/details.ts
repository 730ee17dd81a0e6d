/**
 * Regime-specific identification details stored with a statement (JSON): Australia's joint statements
 * under s.14 and Canada's identification block. Pure, so the editor and the PDF read the same shape.
 */

/** s.14(2)(d): (i) each reporting entity's principal governing body; (ii) a higher entity's; (iii) at least one. */
export const APPROVAL_OPTIONS = ["each", "higher", "one"] as const;
export type ApprovalOption = (typeof APPROVAL_OPTIONS)[number];

export const APPROVAL_OPTION_TEXT: Record<ApprovalOption, string> = {
  each: "s.14(2)(d)(i): approved by the principal governing body of each reporting entity covered by the statement",
  higher:
    "s.14(2)(d)(ii): approved by the principal governing body of a higher entity in a position, directly or " +
    "indirectly, to influence or control each reporting entity covered by the statement",
  one:
    "s.14(2)(d)(iii): approved by the principal governing body of at least one reporting entity covered by the " +
    "statement, as approval under (i) or (ii) was not practicable",
};

export const CA_ENTITY_CATEGORIES = ["listed", "size"] as const;
export type CaEntityCategory = (typeof CA_ENTITY_CATEGORIES)[number];

export const CA_CATEGORY_TEXT: Record<CaEntityCategory, string> = {
  listed: "Listed on a stock exchange in Canada",
  size:
    "Meets at least two of: CAD 20 million in assets, CAD 40 million in revenue, 250 employees (in one of the " +
    "two most recent financial years)",
};

export type StatementDetails = {
  /** ABN / ACN (Australia) or other registration numbers printed in the identification. */
  identifiers: string;
  joint: boolean;
  jointEntities: string[];
  approvalOption: ApprovalOption | null;
  approvalExplanation: string;
  businessNumbers: string;
  otherJurisdictions: string;
  entityCategory: CaEntityCategory | null;
  sector: string;
  bilingual: boolean;
  narrativeFr: Record<string, string>;
};

export const EMPTY_DETAILS: StatementDetails = {
  identifiers: "",
  joint: false,
  jointEntities: [],
  approvalOption: null,
  approvalExplanation: "",
  businessNumbers: "",
  otherJurisdictions: "",
  entityCategory: null,
  sector: "",
  bilingual: false,
  narrativeFr: {},
};

const str = (v: unknown) => (typeof v === "string" ? v : "");

export function normaliseDetails(value: unknown): StatementDetails {
  const s = (value && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const fr = (s.narrativeFr && typeof s.narrativeFr === "object" ? s.narrativeFr : {}) as Record<
    string,
    unknown
  >;
  return {
    identifiers: str(s.identifiers),
    joint: s.joint === true,
    jointEntities: Array.isArray(s.jointEntities) ? s.jointEntities.filter((e) => typeof e === "string") : [],
    approvalOption: APPROVAL_OPTIONS.find((o) => o === s.approvalOption) ?? null,
    approvalExplanation: str(s.approvalExplanation),
    businessNumbers: str(s.businessNumbers),
    otherJurisdictions: str(s.otherJurisdictions),
    entityCategory: CA_ENTITY_CATEGORIES.find((o) => o === s.entityCategory) ?? null,
    sector: str(s.sector),
    bilingual: s.bilingual === true,
    narrativeFr: Object.fromEntries(Object.entries(fr).filter(([, v]) => typeof v === "string")) as Record<
      string,
      string
    >,
  };
}
