import type { StatementDetails } from "./details";
import type { StatementFacts } from "./facts";
import { hasPlaceholder, type Narrative, type RegimeTemplate } from "./regimes";
import { coveringSentences } from "./sentences";

/**
 * The criterion checker: for each criterion of the statement's regime, is it covered by the organisation's
 * text and the facts from its records? `present` = the organisation's own text is there at the length the
 * guidance needs; `thin` = short text, or only the figures from the records; `missing` = nothing, or still
 * the starting text. Approval refuses a statement with a missing mandatory item and keeps the result.
 */
export type CheckStatus = "present" | "thin" | "missing";

export type CheckItem = {
  key: string;
  heading: string;
  mandatory: boolean;
  status: CheckStatus;
  reason: string;
  /** The start of the organisation's text covering it (empty when none). */
  excerpt: string;
  /** Sentences from the records that also cover it. */
  facts: string[];
};

export type CheckResult = {
  templateId: string;
  /** What the law itself requires beyond the criteria (e.g. the UK areas are only recommended). */
  note?: string;
  items: CheckItem[];
  /** Mandatory items that are missing: approval is refused while any remain. */
  blocking: CheckItem[];
};

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}…` : flat;
}

export function checkStatement(input: {
  template: RegimeTemplate;
  narrative: Narrative;
  facts: StatementFacts;
  details: StatementDetails;
}): CheckResult {
  const { template, narrative, facts, details } = input;
  const items: CheckItem[] = template.criteria.map((c) => {
    const item = checkCriterion(c);
    // A recommended criterion that is thin or missing is a warning: say so, so nobody reads it as a refusal.
    return c.mandatory || item.status === "present"
      ? item
      : { ...item, reason: `${item.reason} Recommended, not required by the law: approval is not refused.` };
  });
  function checkCriterion(c: RegimeTemplate["criteria"][number]): CheckItem {
    const text = (narrative[c.key] ?? "").trim();
    const covering = c.figures.flatMap((b) => coveringSentences(facts, b));
    const words = wordCount(text);
    const base = {
      key: c.key,
      heading: c.heading,
      mandatory: c.mandatory,
      excerpt: excerpt(text),
      facts: covering,
    };
    if (hasPlaceholder(text))
      return {
        ...base,
        status: "missing",
        reason: "Still contains the bracketed starting text ([Replace: …]).",
      };
    if (words === 0 && covering.length === 0)
      return {
        ...base,
        status: "missing",
        reason: "No text and no figures from the records cover this criterion.",
      };
    if (words === 0)
      return {
        ...base,
        status: "thin",
        reason: "Only the figures from the records: add the organisation's own description.",
      };
    if (words < c.minWords)
      return {
        ...base,
        status: "thin",
        reason: `${words} word${words === 1 ? "" : "s"}; the guidance expects more (about ${c.minWords}): ${c.guidance.join("; ")}.`,
      };
    return { ...base, status: "present", reason: `${words} words of the organisation's own text.` };
  }

  // Identification items each regime asks for beyond the narrative.
  const add = (key: string, heading: string, ok: boolean, reason: string, value = "") =>
    items.push({
      key,
      heading,
      mandatory: true,
      status: ok ? "present" : "missing",
      reason: ok ? "Recorded." : reason,
      excerpt: value,
      facts: [],
    });
  if (template.regime === "au_msa_s16" && details.joint) {
    add(
      "joint.entities",
      "Joint statement (s.14): reporting entities covered",
      details.jointEntities.length > 0,
      "Name each reporting entity the joint statement covers.",
      details.jointEntities.join(", "),
    );
    add(
      "joint.approvalOption",
      "Joint statement (s.14(2)(d)): approval option used",
      details.approvalOption !== null,
      "Choose which approval option of s.14(2)(d) was used.",
    );
    if (details.approvalOption === "one")
      add(
        "joint.explanation",
        "Joint statement (s.14(2)(d)(iii)): why approval by each entity was not practicable",
        wordCount(details.approvalExplanation) > 3,
        "Explain why approval by each entity or by a higher entity was not practicable.",
        details.approvalExplanation,
      );
  }
  if (template.regime === "ca_s211") {
    add(
      "ca.businessNumbers",
      "Identification: business number(s)",
      details.businessNumbers.trim() !== "",
      "Enter the entity's CRA business number(s).",
      details.businessNumbers,
    );
    add(
      "ca.category",
      "Identification: entity category",
      details.entityCategory !== null,
      "Choose the entity category (listed in Canada, or meets the size thresholds).",
    );
    add(
      "ca.sector",
      "Identification: sector or industry",
      details.sector.trim() !== "",
      "Enter the entity's sector or industry.",
      details.sector,
    );
    if (details.bilingual) {
      for (const c of template.criteria) {
        const fr = (details.narrativeFr[c.key] ?? "").trim();
        if (c.mandatory && (narrative[c.key] ?? "").trim() && !fr)
          add(
            `fr.${c.key}`,
            `French text: ${c.heading}`,
            false,
            "A bilingual report needs the French text of each item.",
          );
      }
    }
  }
  return {
    templateId: template.id,
    ...(template.requirementsNote ? { note: template.requirementsNote } : {}),
    items,
    blocking: items.filter((i) => i.mandatory && i.status === "missing"),
  };
}
