import { describe, expect, it } from "vitest";
import { checkStatement } from "./checker";
import { EMPTY_DETAILS } from "./details";
import { computeStatementFacts } from "./facts";
import { starterNarrative, templateFor, TEMPLATES } from "./regimes";

const facts = computeStatementFacts({
  period: { start: "2025-01-01", end: "2025-12-31" },
  asOf: "2026-02-01",
  suppliers: [{ id: "s1", name: "A", country: "TR", tier: 1, addedOn: "2024-01-01" }],
  riskAtEnd: [],
  riskHistoryExists: false,
  assignments: [],
  audits: [],
  findings: [],
  actions: [],
});
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("regime templates", () => {
  it("versions templates by effective date", () => {
    expect(templateFor("uk_msa_s54", "2024-12-31").id).toBe("uk-s54-2015");
    expect(templateFor("uk_msa_s54", "2025-03-31").id).toBe("uk-s54-2025");
    expect(templateFor("au_msa_s16", "2026-06-30").criteria).toHaveLength(7);
    expect(templateFor("ca_s211", "2025-12-31").criteria.map((c) => c.key)).toContain("incomeLoss");
    expect(templateFor("us_ca_sb657", "2025-12-31").criteria).toHaveLength(5);
    expect(templateFor("uk_msa_s54", "2025-12-31").criteria).toHaveLength(6);
  });
  it("gives every template unique criterion keys", () => {
    for (const t of TEMPLATES) expect(new Set(t.criteria.map((c) => c.key)).size).toBe(t.criteria.length);
  });
});

describe("checkStatement", () => {
  const t = templateFor("au_msa_s16", "2025-12-31");
  it("reports starting text as missing and blocks approval on mandatory criteria", () => {
    const r = checkStatement({ template: t, narrative: starterNarrative(t), facts, details: EMPTY_DETAILS });
    expect(r.items.find((i) => i.key === "consultation")!.status).toBe("missing");
    expect(r.blocking.map((i) => i.key)).toEqual([
      "entity",
      "structure",
      "risks",
      "actions",
      "effectiveness",
      "consultation",
      "other",
    ]);
    // s.16(1)(g) is mandatory like (a)–(f); saying that nothing else is relevant covers it.
    expect(r.items.find((i) => i.key === "other")!.mandatory).toBe(true);
    expect(r.note).toMatch(/All seven criteria of s\.16\(1\) are mandatory/);
    const none = checkStatement({
      template: t,
      narrative: {
        ...starterNarrative(t),
        other: "The entity considers that there is no other relevant information.",
      },
      facts,
      details: EMPTY_DETAILS,
    });
    expect(none.items.find((i) => i.key === "other")!.status).toBe("present");
    expect(none.blocking.map((i) => i.key)).not.toContain("other");
  });
  it("reports the UK s.54(5) areas as recommended: missing is a warning, never a refusal", () => {
    // s.54(5): a statement "may include" the six areas; what the Act requires is board approval, a
    // director's signature and publication with a homepage link, recorded by the workflow steps.
    const uk = templateFor("uk_msa_s54", "2025-12-31");
    const r = checkStatement({
      template: uk,
      narrative: starterNarrative(uk),
      facts,
      details: EMPTY_DETAILS,
    });
    expect(r.items.every((i) => !i.mandatory)).toBe(true);
    expect(r.blocking).toEqual([]);
    const training = r.items.find((i) => i.key === "training")!;
    expect(training.status).toBe("missing");
    expect(training.reason).toMatch(/Recommended, not required by the law: approval is not refused\./);
    expect(r.note).toMatch(/“may include”.*approval by the board.*s\.54\(6\).*homepage \(s\.54\(7\)\)/);
    const old = templateFor("uk_msa_s54", "2024-12-31");
    expect(old.criteria.every((c) => !c.mandatory)).toBe(true);
  });
  it("grades present / thin / missing and points at the text and facts", () => {
    const narrative = {
      ...starterNarrative(t),
      entity: words(10),
      structure: "",
      risks: words(5),
      consultation: "",
    };
    const r = checkStatement({ template: t, narrative, facts, details: EMPTY_DETAILS });
    const by = Object.fromEntries(r.items.map((i) => [i.key, i]));
    expect(by.entity.status).toBe("present");
    expect(by.entity.excerpt).toMatch(/^word0 word1/);
    expect(by.structure.status).toBe("thin"); // only the figures from the records
    expect(by.structure.facts[0]).toMatch(/recorded 1 supplier/);
    expect(by.risks.status).toBe("thin");
    expect(by.consultation.status).toBe("missing");
  });
  it("asks joint Australian statements for the entities covered and the approval option", () => {
    const narrative = Object.fromEntries(t.criteria.map((c) => [c.key, words(50)]));
    const r = checkStatement({ template: t, narrative, facts, details: { ...EMPTY_DETAILS, joint: true } });
    expect(r.blocking.map((i) => i.key)).toEqual(["joint.entities", "joint.approvalOption"]);
  });
  it("asks Canadian reports for the identification block and, when bilingual, the French text", () => {
    const ca = templateFor("ca_s211", "2025-12-31");
    const narrative = Object.fromEntries(ca.criteria.map((c) => [c.key, words(50)]));
    const r = checkStatement({
      template: ca,
      narrative,
      facts,
      details: { ...EMPTY_DETAILS, bilingual: true },
    });
    expect(r.blocking.map((i) => i.key)).toEqual([
      "ca.businessNumbers",
      "ca.category",
      "ca.sector",
      ...ca.criteria.map((c) => `fr.${c.key}`),
    ]);
  });
});
