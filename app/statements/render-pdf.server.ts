import { PdfDocumentBuilder, COLORS } from "~/infra/pdf/document.server";
import { GRADE_LABELS, percent, type StatementFacts } from "./facts";
import { financialYearLabel, formatLongDate } from "./period";
import { SECTION_HEADING, SECTIONS, type Narrative, type SectionKey } from "./sections";

export type StatementForPdf = {
  legalName: string;
  periodStart: string;
  periodEnd: string;
  status: "draft" | "approved";
  narrative: Narrative;
  boardApprovalDate: string | null;
  directorName: string | null;
  directorTitle: string | null;
};

export const DRAFT_LABEL = "DRAFT — not approved";
const MAX_NAMES_PER_COUNTRY = 12;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The UK Modern Slavery Act 2015 s.54 statement as a PDF: identification, the s.54(1)/(4) introduction,
 * the six s.54(5) areas (narrative plus live figures), then the s.54(6) approval and signature block.
 * Pure rendering: the caller gathers the facts and stores the bytes.
 */
export async function renderStatementPdf(input: {
  statement: StatementForPdf;
  facts: StatementFacts;
  generatedAt: Date;
}): Promise<Uint8Array> {
  const { statement: s, facts } = input;
  const fy = financialYearLabel(s.periodStart, s.periodEnd);
  const yearEnd = formatLongDate(s.periodEnd);
  const draft = s.status !== "approved";
  const b = await PdfDocumentBuilder.create({
    title: `Modern Slavery Statement ${fy}`,
    now: input.generatedAt,
    footerText: `${s.legalName} · Modern Slavery Statement ${fy}`,
  });

  if (draft) {
    b.callout(
      DRAFT_LABEL,
      "This draft has not been approved by the board of directors and must not be published. " +
        "Section 54(6) of the Modern Slavery Act 2015 requires approval by the board and a director's signature.",
    );
  }
  b.heading("Modern Slavery Statement", 1);
  b.paragraph(s.legalName, { face: "bold", size: 14, spaceAfter: 2 });
  b.paragraph(`Financial year ${formatLongDate(s.periodStart)} to ${yearEnd} (${fy})`, {
    color: COLORS.muted,
    spaceAfter: 2,
  });
  b.rule();

  b.heading("Introduction", 2);
  b.paragraph(
    `This statement is made pursuant to section 54(1) of the Modern Slavery Act 2015 and constitutes the ` +
      `slavery and human trafficking statement of ${s.legalName} for the financial year ending ${yearEnd}. ` +
      `It sets out the steps the organisation has taken during that financial year to ensure that slavery and ` +
      `human trafficking is not taking place in any of its supply chains or in any part of its own business.`,
  );
  b.paragraph(
    `The figures in this statement were produced on ${formatLongDate(facts.asOf)} from the organisation's ` +
      `supplier, questionnaire, audit and remediation records in Clearsource. Questionnaires, audits and ` +
      `remediation actions are counted for the financial year; suppliers are those mapped on that date.`,
    { size: 9, color: COLORS.muted },
  );

  const figures: Record<SectionKey, () => void> = {
    structure: () => structureFigures(b, facts),
    policies: () => undefined,
    dueDiligence: () => dueDiligenceFigures(b, facts),
    risk: () => riskFigures(b, facts),
    effectiveness: () => effectivenessFigures(b, facts),
    training: () => undefined,
  };

  for (const section of SECTIONS) {
    b.heading(SECTION_HEADING(section), 2);
    b.paragraph(`Section 54(5)(${section.letter}): ${section.law}.`, { size: 8.5, color: COLORS.muted });
    const text = s.narrative[section.key]?.trim();
    if (text) b.paragraph(text);
    else b.paragraph("No information has been provided for this area.", { color: COLORS.muted });
    figures[section.key]();
  }

  b.heading("Approval", 2);
  if (!draft && s.boardApprovalDate) {
    b.paragraph(
      `This statement was approved by the board of directors on ${formatLongDate(s.boardApprovalDate)} and is ` +
        `signed on behalf of the board by a director of ${s.legalName}.`,
    );
  } else {
    b.paragraph(
      "This statement has not yet been approved. Under section 54(6)(a) of the Modern Slavery Act 2015 it must " +
        "be approved by the board of directors (or equivalent management body) and signed by a director before " +
        "it is published." +
        (s.boardApprovalDate ? ` Board meeting planned for ${formatLongDate(s.boardApprovalDate)}.` : ""),
      { color: COLORS.danger },
    );
  }
  b.spacer(6);
  b.signatureFields([
    { label: "Name of director", value: s.directorName ?? undefined },
    { label: "Title", value: s.directorTitle ?? undefined },
  ]);
  b.signatureFields([{ label: "Signature" }, { label: "Date" }]);

  return b.finish(draft ? { watermark: "DRAFT", banner: DRAFT_LABEL } : {});
}

function figuresHeading(b: PdfDocumentBuilder, text = "Figures for the year") {
  b.heading(text, 3);
}

function structureFigures(b: PdfDocumentBuilder, f: StatementFacts) {
  figuresHeading(b, `Mapped supply chain on ${formatLongDate(f.asOf)}`);
  b.keyValueTable([
    { label: "Suppliers mapped", value: String(f.suppliers.total) },
    {
      label: "By tier",
      value: f.suppliers.byTier.map((t) => `tier ${t.tier}: ${t.count}`).join(" · ") || "none mapped",
    },
    { label: "Countries", value: String(f.suppliers.byCountry.length) },
  ]);
  b.table(
    [
      { header: "Country", width: 1.4 },
      { header: "Suppliers", width: 3.6 },
      { header: "Tier 1", width: 0.6, align: "right" },
      { header: "Tier 2+", width: 0.7, align: "right" },
      { header: "Total", width: 0.6, align: "right" },
    ],
    f.suppliers.byCountry.map((c) => {
      const shown = c.names.slice(0, MAX_NAMES_PER_COUNTRY).join(", ");
      const more = c.names.length - MAX_NAMES_PER_COUNTRY;
      return [
        `${c.countryName} (${c.country})`,
        more > 0 ? `${shown} and ${more} more` : shown,
        String(c.tier1),
        String(c.deeper),
        String(c.count),
      ];
    }),
    { emptyText: "No suppliers mapped." },
  );
}

function dueDiligenceFigures(b: PdfDocumentBuilder, f: StatementFacts) {
  figuresHeading(b);
  const q = f.questionnaires;
  b.keyValueTable([
    { label: "Questionnaires sent", value: `${q.sent} (to ${count(q.suppliersCovered, "supplier")})` },
    { label: "Questionnaires completed", value: `${q.completed} (${q.accepted} reviewed and accepted)` },
    { label: "Response rate", value: percent(q.responseRate) },
    {
      label: "Audits carried out",
      value: `${f.audits.total} (${count(f.audits.suppliersAudited, "supplier")} audited)`,
    },
    {
      label: "Audit schemes",
      value: f.audits.byScheme.map((a) => `${a.scheme}: ${a.count}`).join(" · ") || "none",
    },
  ]);
}

function riskFigures(b: PdfDocumentBuilder, f: StatementFacts) {
  figuresHeading(b, "Supplier risk levels");
  b.table(
    [
      { header: "Risk level", width: 3 },
      { header: "Suppliers", width: 1, align: "right" },
    ],
    f.suppliers.byRiskLevel.map((r) => [
      r.level === "unscored" ? "Not yet scored" : capitalise(r.level),
      String(r.count),
    ]),
    { emptyText: "No suppliers mapped." },
  );
  figuresHeading(b, "Audit findings by grade");
  b.table(
    [
      { header: "Grade", width: 3 },
      { header: "Findings", width: 1, align: "right" },
      { header: "Still open", width: 1, align: "right" },
    ],
    f.findings.byGrade.map((g) => [GRADE_LABELS[g.grade], String(g.total), String(g.open)]),
  );
  figuresHeading(b, "Red flags by ILO forced-labour indicator");
  b.table(
    [
      { header: "ILO indicator", width: 3 },
      { header: "Questionnaire red flags", width: 1.3, align: "right" },
      { header: "Audit findings", width: 1.1, align: "right" },
    ],
    f.redFlags.byIndicator.map((r) => [`${r.indicator}. ${r.name}`, String(r.answers), String(r.findings)]),
    { emptyText: "No red flags were recorded in the year." },
  );
}

function effectivenessFigures(b: PdfDocumentBuilder, f: StatementFacts) {
  figuresHeading(b, "Performance indicators");
  const r = f.remediation;
  b.table(
    [
      { header: "Indicator", width: 3 },
      { header: "Result", width: 1.6, align: "right" },
    ],
    [
      [
        "Questionnaire response rate",
        `${percent(f.questionnaires.responseRate)} (${f.questionnaires.completed} of ${f.questionnaires.sent})`,
      ],
      ["Suppliers audited", String(f.audits.suppliersAudited)],
      ["Audit findings closed", `${f.findings.closed} of ${f.findings.total}`],
      ["Remediation actions raised", String(r.raised)],
      ["Remediation actions closed", `${r.completed} (${percent(r.completionRate)})`],
      ["Remediation actions still open", String(r.open)],
      ["Open actions past their due date", String(r.overdue)],
      ["High or critical risk suppliers", `${f.suppliers.highRisk} of ${f.suppliers.total}`],
    ],
  );
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
