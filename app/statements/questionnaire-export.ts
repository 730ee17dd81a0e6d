import { wordCount } from "./checker";
import { valueOf, type StatementFacts } from "./facts";
import type { StatementForPdf } from "./render-pdf.server";

/**
 * Canada S-211: the report and the answers given in the government's online questionnaire must agree.
 * This export derives each answer from the same report: a figure from the records where one decides the
 * answer, otherwise the report's own text for that item (quoted, so whoever fills in the questionnaire
 * picks the option the text supports), and "no information in the report" where the report is silent —
 * never a "yes" the report does not back.
 */
export type QuestionnaireAnswer = {
  question: string;
  /** The answer the report supports, or null when the reporter must choose from the quoted text. */
  answer: string | null;
  basis: string;
  reportItem: string | null;
};

export type QuestionnaireExport = {
  regime: "ca_s211";
  legalName: string;
  financialYear: { start: string; end: string };
  revisedReport: boolean;
  businessNumbers: string;
  jointReport: boolean;
  entitiesCovered: string[];
  otherJurisdictions: string;
  entityCategory: string | null;
  sector: string;
  answers: QuestionnaireAnswer[];
};

function fromText(s: StatementForPdf, key: string, question: string): QuestionnaireAnswer {
  const c = s.template.criteria.find((x) => x.key === key)!;
  const text = (s.narrative[key] ?? "").trim();
  if (wordCount(text) === 0)
    return {
      question,
      answer: "No information in the report",
      basis: `Item "${c.heading}" has no text.`,
      reportItem: c.heading,
    };
  return {
    question,
    answer: null,
    basis: `As stated in the report: "${text.length > 300 ? `${text.slice(0, 297)}…` : text}"`,
    reportItem: c.heading,
  };
}

export function canadaQuestionnaire(s: StatementForPdf, f: StatementFacts): QuestionnaireExport {
  const risky = valueOf(f, "suppliers_high_risk");
  const closed = valueOf(f, "actions_closed");
  const trained = valueOf(f, "staff_trained");
  const answers: QuestionnaireAnswer[] = [
    fromText(
      s,
      "policies",
      "Does the entity currently have policies and due diligence processes in place related to forced labour and/or child labour?",
    ),
    risky !== null && risky > 0
      ? {
          question:
            "Has the entity identified parts of its activities and supply chains that carry a risk of forced labour or child labour being used?",
          answer: "Yes",
          basis: `${risky} suppliers were at high or critical risk at the period end (report item 3).`,
          reportItem: s.template.criteria.find((c) => c.key === "risk")!.heading,
        }
      : fromText(
          s,
          "risk",
          "Has the entity identified parts of its activities and supply chains that carry a risk of forced labour or child labour being used?",
        ),
    closed !== null && closed > 0
      ? {
          question:
            "Has the entity taken any measures to remediate any forced labour or child labour in its activities and supply chains?",
          answer: "Yes",
          basis: `${closed} remediation actions were closed in the period (report item 4).`,
          reportItem: s.template.criteria.find((c) => c.key === "remediation")!.heading,
        }
      : fromText(
          s,
          "remediation",
          "Has the entity taken any measures to remediate any forced labour or child labour in its activities and supply chains?",
        ),
    fromText(
      s,
      "incomeLoss",
      "Has the entity taken any measures to remediate the loss of income to the most vulnerable families that results from any measure taken to eliminate the use of forced labour or child labour in its activities and supply chains?",
    ),
    // Staff completions in the period are printed under item 6 from the records: they back a "Yes".
    trained !== null && trained > 0
      ? {
          question:
            "Does the entity currently provide training to employees on forced labour and/or child labour?",
          answer: "Yes",
          basis: `${trained} members of staff completed training recorded in the period (report item 6).`,
          reportItem: s.template.criteria.find((c) => c.key === "training")!.heading,
        }
      : fromText(
          s,
          "training",
          "Does the entity currently provide training to employees on forced labour and/or child labour?",
        ),
    fromText(
      s,
      "effectiveness",
      "Does the entity currently have policies and procedures in place to assess its effectiveness in ensuring that forced labour and child labour are not being used in its activities and supply chains?",
    ),
  ];
  return {
    regime: "ca_s211",
    legalName: s.legalName,
    financialYear: { start: s.periodStart, end: s.periodEnd },
    revisedReport: s.version > 1,
    businessNumbers: s.details.businessNumbers,
    jointReport: s.details.joint,
    entitiesCovered: s.details.jointEntities,
    otherJurisdictions: s.details.otherJurisdictions,
    entityCategory: s.details.entityCategory,
    sector: s.details.sector,
    answers,
  };
}
