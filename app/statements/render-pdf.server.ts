import { formatDate } from "~/i18n/dates";
import { PdfDocumentBuilder, COLORS } from "~/infra/pdf/document.server";
import type { StatementStatus } from "~db/schema/statements.constants";
import { APPROVAL_OPTION_TEXT, CA_CATEGORY_TEXT, type StatementDetails } from "./details";
import {
  compareFacts,
  formatChange,
  formatIndicator,
  GRADE_LABELS,
  recordCount,
  recordList,
  type RecordRef,
  type StatementFacts,
} from "./facts";
import { financialYearLabel, formatLongDate } from "./period";
import { REGIME_NAMES, type FigureBlock, type Narrative, type RegimeTemplate } from "./regimes";
import { sentencesFor } from "./sentences";

export type StatementForPdf = {
  template: RegimeTemplate;
  legalName: string;
  periodStart: string;
  periodEnd: string;
  status: StatementStatus;
  version: number;
  revisionNote: string | null;
  narrative: Narrative;
  details: StatementDetails;
  governingBody: string | null;
  approvalDate: string | null;
  signatoryName: string | null;
  signatoryTitle: string | null;
  signedOn: string | null;
  /** The audit log's hash-chain head recorded at approval. */
  auditChainHead: string | null;
};

export type PdfInput = {
  statement: StatementForPdf;
  facts: StatementFacts;
  /** The earlier statement's facts, for the year-over-year comparison. */
  previous: { label: string; facts: StatementFacts } | null;
  generatedAt: Date;
};

export const DRAFT_LABEL = "DRAFT — not approved";
/** Records listed per figure in the appendix; the full list is in the CSV annex. */
export const APPENDIX_RECORDS_PER_FIGURE = 20;

const FR_HEADINGS: Record<string, string> = {
  structure: "1. Structure, activités et chaînes d'approvisionnement",
  policies: "2. Politiques et processus de diligence raisonnable",
  risk: "3. Parties des activités et des chaînes d'approvisionnement comportant un risque, et mesures prises",
  remediation: "4. Mesures prises pour remédier au travail forcé ou au travail des enfants",
  incomeLoss: "5. Mesures prises pour remédier à la perte de revenus des familles les plus vulnérables",
  training: "6. Formation offerte aux employés sur le travail forcé et le travail des enfants",
  effectiveness: "7. Évaluation de l'efficacité",
};

export const CA_ATTESTATION =
  "In accordance with the requirements of the Act, and in particular section 11 thereof, I attest that I have " +
  "reviewed the information contained in the report for the entity or entities listed above. Based on my " +
  "knowledge, and having exercised reasonable diligence, I attest that the information in the report is true, " +
  "accurate and complete in all material respects for the purposes of the Act, for the reporting year listed above.";

export const CA_ATTESTATION_FR =
  "Conformément aux exigences de la Loi, et en particulier de l'article 11 de celle-ci, j'atteste que j'ai " +
  "examiné les renseignements contenus dans le rapport de l'entité ou des entités susmentionnées. À ma " +
  "connaissance, et ayant fait preuve d'une diligence raisonnable, j'atteste que les renseignements contenus " +
  "dans le rapport sont véridiques, exacts et complets à tous égards importants aux fins de la Loi, pour " +
  "l'année de déclaration susmentionnée.";

/** The French title of a Canadian report, printed beneath the English one when it is bilingual. */
export const CA_TITLE_FR =
  "Rapport en vertu de la Loi sur la lutte contre le travail forcé et le travail des enfants dans les " +
  "chaînes d'approvisionnement";

/**
 * The approval paragraph of a bilingual Canadian report in French: the same facts as the English one
 * (body and name as recorded, the date in French).
 */
export function approvalParagraphFr(s: StatementForPdf): string {
  if (!isFrozen(s.status) || !s.approvalDate) {
    return (
      "Le présent rapport n'a pas encore été approuvé. La Loi exige son approbation par l'organe directeur " +
      "et une attestation signée avant sa publication."
    );
  }
  const body = s.governingBody ?? s.template.approvingBody;
  const date = formatDate(s.approvalDate, "fr");
  const who = s.signatoryName ? `${s.signatoryName}${s.signatoryTitle ? `, ${s.signatoryTitle}` : ""}` : "";
  return (
    `Le présent rapport a été approuvé le ${date} par l'organe directeur de ${s.legalName} (${body}), ` +
    "conformément à l'alinéa 11(4)a) de la Loi sur la lutte contre le travail forcé et le travail des enfants " +
    `dans les chaînes d'approvisionnement, et est attesté ci-dessous par ${who}, membre de l'organe directeur.`
  );
}

export function isFrozen(status: StatementStatus): boolean {
  return status === "approved" || status === "signed" || status === "published";
}

/** The approval paragraph, in the regime's own wording (or why it is not yet approved). */
export function approvalParagraph(s: StatementForPdf): string {
  const t = s.template;
  if (!isFrozen(s.status) || !s.approvalDate) {
    return t.approvalRequired
      ? `This statement has not yet been approved. ${REGIME_NAMES[t.regime]} requires approval by the ` +
          `${t.regime === "au_msa_s16" ? "principal governing body" : "governing body (board of directors or equivalent)"} ` +
          "and a signature before it is published."
      : "This disclosure has not yet been approved for publication.";
  }
  const body = s.governingBody ?? t.approvingBody;
  const date = formatLongDate(s.approvalDate);
  const who = s.signatoryName ? `${s.signatoryName}${s.signatoryTitle ? `, ${s.signatoryTitle}` : ""}` : "";
  switch (t.regime) {
    case "uk_msa_s54":
      return (
        `This statement was approved by the ${body} of ${s.legalName} on ${date}, in accordance with section ` +
        `54(6)(a) of the Modern Slavery Act 2015, and is signed by ${who}, a director, on its behalf.`
      );
    case "au_msa_s16": {
      const joint = s.details.joint && s.details.approvalOption;
      return (
        `This statement was approved on ${date} by the principal governing body of ${s.legalName} (the ${body}) ` +
        `as defined by the Modern Slavery Act 2018 (Cth)${joint ? `, under ${APPROVAL_OPTION_TEXT[s.details.approvalOption!]}` : ", in accordance with section 16(2)"}. ` +
        `Approval was not delegated. It is signed by ${who}, a responsible member of ${s.legalName}` +
        (joint ? " (s.14(2)(e))." : " (s.16(2)(b)).")
      );
    }
    case "ca_s211":
      return (
        `This report was approved by the ${body} of ${s.legalName} on ${date}, pursuant to section 11(4) of the ` +
        `Fighting Against Forced Labour and Child Labour in Supply Chains Act, and is attested below by ${who}, a ` +
        "member of the governing body."
      );
    case "us_ca_sb657":
      return `This disclosure was reviewed and approved by ${body} of ${s.legalName} on ${date}.`;
  }
}

function identification(s: StatementForPdf): { label: string; value: string }[] {
  const d = s.details;
  const fy = `${formatLongDate(s.periodStart)} to ${formatLongDate(s.periodEnd)}`;
  switch (s.template.regime) {
    case "au_msa_s16":
      return [
        { label: "Reporting entity", value: s.legalName },
        { label: "ABN / ACN", value: d.identifiers || "not provided" },
        { label: "Reporting period", value: fy },
        { label: "Statement type", value: d.joint ? "Joint statement (s.14)" : "Single statement (s.13)" },
        ...(d.joint
          ? [
              { label: "Reporting entities covered", value: d.jointEntities.join("; ") || "not provided" },
              {
                label: "Approval option",
                value: d.approvalOption ? APPROVAL_OPTION_TEXT[d.approvalOption] : "not chosen",
              },
              ...(d.approvalOption === "one" ? [{ label: "Why", value: d.approvalExplanation }] : []),
            ]
          : []),
      ];
    case "ca_s211": {
      // A bilingual report gives each label in French beneath the English.
      const l = (en: string, fr: string) => (d.bilingual ? `${en}\n${fr}` : en);
      return [
        { label: l("Legal name", "Dénomination sociale"), value: s.legalName },
        { label: l("Financial reporting year", "Exercice visé par le rapport"), value: fy },
        {
          label: l("Revised report", "Rapport révisé"),
          value: s.version > 1 ? `Yes (version ${s.version})` : "No",
        },
        {
          label: l("Business number(s)", "Numéro(s) d'entreprise"),
          value: d.businessNumbers || "not provided",
        },
        {
          label: l("Joint report", "Rapport conjoint"),
          value: d.joint ? `Yes: ${d.jointEntities.join("; ")}` : "No",
        },
        {
          label: l("Other jurisdictions' reports", "Rapports présentés dans d'autres juridictions"),
          value: d.otherJurisdictions || "None stated",
        },
        {
          label: l("Entity category", "Catégorie d'entité"),
          value: d.entityCategory ? CA_CATEGORY_TEXT[d.entityCategory] : "not provided",
        },
        { label: l("Sector or industry", "Secteur ou industrie"), value: d.sector || "not provided" },
      ];
    }
    default:
      return [
        { label: "Organisation", value: s.legalName },
        { label: s.template.regime === "uk_msa_s54" ? "Financial year" : "Period", value: fy },
      ];
  }
}

function introduction(s: StatementForPdf): string {
  const end = formatLongDate(s.periodEnd);
  switch (s.template.regime) {
    case "uk_msa_s54":
      return (
        `This statement is made pursuant to section 54(1) of the Modern Slavery Act 2015 and constitutes the ` +
        `slavery and human trafficking statement of ${s.legalName} for the financial year ending ${end}. It sets ` +
        "out the steps the organisation has taken during that financial year to ensure that slavery and human " +
        "trafficking is not taking place in any of its supply chains or in any part of its own business."
      );
    case "au_msa_s16":
      return (
        `This modern slavery statement is made by ${s.legalName} under the Modern Slavery Act 2018 (Cth) for the ` +
        `reporting period ending ${end}. Each mandatory criterion of section 16(1) is addressed in its own section.`
      );
    case "ca_s211":
      return (
        `This report is made by ${s.legalName} under section 11 of the Fighting Against Forced Labour and Child ` +
        `Labour in Supply Chains Act for the financial year ending ${end}. It sets out the steps taken during ` +
        "that year to prevent and reduce the risk that forced labour or child labour is used at any step of the " +
        "production of goods in Canada or elsewhere by the entity, or of goods imported into Canada by it."
      );
    case "us_ca_sb657":
      return (
        `${s.legalName} makes this disclosure under the California Transparency in Supply Chains Act of 2010 ` +
        "(Civil Code §1714.43). It states to what extent the company takes each of the five steps the Act names " +
        "to eradicate slavery and human trafficking from its direct supply chain for tangible goods offered for sale."
      );
  }
}

export async function renderStatementPdf(input: PdfInput): Promise<{ bytes: Uint8Array; pageCount: number }> {
  const { statement: s, facts } = input;
  const t = s.template;
  const fy = financialYearLabel(s.periodStart, s.periodEnd);
  const draft = !isFrozen(s.status);
  const b = await PdfDocumentBuilder.create({
    title: `${t.title} ${fy}`,
    now: input.generatedAt,
    headerText: t.header,
    footerText: `${s.legalName} · ${t.title} ${fy}${s.version > 1 ? ` · version ${s.version}` : ""}`,
  });

  if (draft) {
    b.callout(
      DRAFT_LABEL,
      "This draft has not been approved and must not be published. " + approvalParagraph(s),
    );
  }
  b.heading(t.title, 1);
  if (t.regime === "ca_s211" && s.details.bilingual)
    b.paragraph(CA_TITLE_FR, { face: "bold", size: 12, color: COLORS.muted, spaceAfter: 4 });
  b.paragraph(s.legalName, { face: "bold", size: 14, spaceAfter: 2 });
  b.paragraph(
    `${REGIME_NAMES[t.regime]} · ${formatLongDate(s.periodStart)} to ${formatLongDate(s.periodEnd)} (${fy})`,
    {
      color: COLORS.muted,
      spaceAfter: 2,
    },
  );
  if (s.version > 1) {
    b.paragraph(`Revised statement, version ${s.version}. What changed: ${s.revisionNote ?? "not stated"}`, {
      color: COLORS.accent,
      spaceAfter: 2,
    });
  }
  b.rule();
  b.keyValueTable(identification(s));

  b.heading(t.regime === "ca_s211" ? "Introduction" : "Introduction", 2);
  b.paragraph(introduction(s));
  b.paragraph(
    `Figures cover ${formatLongDate(facts.period.start)} to ${formatLongDate(facts.period.end)} and are as recorded ` +
      `in the organisation's Clearsource records on ${formatLongDate(facts.asOf)} (the as-of date). Events count ` +
      "when they fell inside the period; open items and risk levels are as they stood on the last day of the " +
      "period. Where the records hold nothing, the statement says so rather than printing 0. The appendix lists " +
      "the records behind each figure.",
    { size: 9, color: COLORS.muted },
  );

  for (const c of t.criteria) {
    b.heading(c.heading, 2);
    b.paragraph(c.law + ".", { size: 8.5, color: COLORS.muted });
    const text = s.narrative[c.key]?.trim();
    if (text) b.paragraph(text);
    else b.paragraph("No information has been provided for this item.", { color: COLORS.muted });
    if (t.regime === "ca_s211" && s.details.bilingual) {
      b.paragraph(FR_HEADINGS[c.key] ?? c.heading, { face: "bold", size: 10, color: COLORS.accent });
      const fr = s.details.narrativeFr[c.key]?.trim();
      b.paragraph(fr || "Aucun renseignement fourni pour cet élément.", fr ? {} : { color: COLORS.muted });
    }
    const recorded = c.figures.flatMap((block) => sentencesFor(facts, block));
    if (recorded.length > 0) {
      b.heading("From our records", 3);
      for (const sentence of recorded) b.paragraph(sentence);
    }
    for (const block of c.figures) figures(b, block, facts, input.previous);
  }

  approvalAndSignature(b, s);
  appendix(b, s, facts);

  const bytes = await b.finish(draft ? { watermark: "DRAFT", banner: DRAFT_LABEL } : {});
  return { bytes, pageCount: b.pageCount };
}

/**
 * The approval paragraph and the signature block always share a page (a director signs beside the
 * paragraph that says what was approved), so the whole block moves to a new page when it does not fit.
 */
function approvalAndSignature(b: PdfDocumentBuilder, s: StatementForPdf): void {
  const para = approvalParagraph(s);
  const attestation = s.template.regime === "ca_s211";
  const frAttestation = attestation && s.details.bilingual;
  const rows = attestation ? 2 : 2;
  let height = 60 + b.paragraphHeight(para) + rows * PdfDocumentBuilder.SIGNATURE_ROW_HEIGHT + 20;
  if (attestation)
    height +=
      b.paragraphHeight(CA_ATTESTATION) +
      b.paragraphHeight(`I have the authority to bind ${s.legalName}.`) +
      20;
  const paraFr = frAttestation ? approvalParagraphFr(s) : "";
  const authorityFr = `J'ai le pouvoir de lier ${s.legalName}.`;
  if (frAttestation)
    height +=
      b.paragraphHeight(CA_ATTESTATION_FR) + b.paragraphHeight(paraFr) + b.paragraphHeight(authorityFr) + 40;
  b.ensureSpace(height);
  b.heading(
    frAttestation
      ? "Approval and attestation · Approbation et attestation"
      : attestation
        ? "Approval and attestation"
        : "Approval and signature",
    2,
  );
  const frozenStyle = isFrozen(s.status) ? {} : { color: COLORS.danger };
  b.paragraph(para, frozenStyle);
  if (frAttestation) b.paragraph(paraFr, isFrozen(s.status) ? { color: COLORS.muted } : frozenStyle);
  if (attestation) {
    b.paragraph(CA_ATTESTATION);
    if (frAttestation) b.paragraph(CA_ATTESTATION_FR, { color: COLORS.muted });
    b.paragraph(`I have the authority to bind ${s.legalName}.`);
    if (frAttestation) b.paragraph(authorityFr, { color: COLORS.muted });
  }
  b.spacer(4);
  const label = (en: string, fr: string) => (frAttestation ? `${en} / ${fr}` : en);
  b.signatureFields([
    { label: attestation ? label("Full name", "Nom complet") : "Name", value: s.signatoryName ?? undefined },
    { label: label("Title", "Titre"), value: s.signatoryTitle ?? undefined },
  ]);
  b.signatureFields([
    { label: label("Signature", "Signature") },
    { label: label("Date", "Date"), value: s.signedOn ? formatLongDate(s.signedOn) : undefined },
  ]);
}

function figures(
  b: PdfDocumentBuilder,
  block: FigureBlock,
  f: StatementFacts,
  previous: PdfInput["previous"],
): void {
  switch (block) {
    case "supplyChain":
      return supplyChainFigures(b, f);
    case "dueDiligence":
      return indicatorTable(b, f, "Due diligence in the period", [
        "questionnaires_sent",
        "questionnaires_completed",
        "questionnaire_response_rate",
        "audits",
        "suppliers_audited",
      ]);
    case "risk":
      return riskFigures(b, f);
    case "remediation":
      return indicatorTable(b, f, "Findings and remediation", [
        "findings_raised",
        "grave_findings_raised",
        "grave_findings_with_action",
        "findings_closed",
        "findings_open_at_end",
        "actions_raised",
        "actions_closed",
        "actions_open_at_end",
        "actions_overdue_at_end",
        "remedies",
        "workers_remedied",
      ]);
    case "grievance":
      return grievanceFigures(b, f);
    case "training":
      // Facts frozen before training fed statements have no training figures to print.
      if (!f.training) return;
      return indicatorTable(b, f, "Training in the period", [
        "staff_training_completions",
        "staff_trained",
        "staff_training_rate",
        "supplier_training_completions",
        "supplier_staff_trained",
        "suppliers_reached_by_training",
        "supplier_training_rate",
      ]);
    case "effectiveness":
      return effectivenessFigures(b, f, previous);
  }
}

/** The worker channel in the period: counts only; warning signs under 3 reports are not itemised. */
function grievanceFigures(b: PdfDocumentBuilder, f: StatementFacts): void {
  if (!f.grievances) return;
  indicatorTable(b, f, "Worker grievance channel in the period", [
    "grievances_received",
    "grievances_acknowledged",
    "grievance_median_days_to_acknowledge",
    "grievances_decided",
    "grievances_substantiated",
    "grievances_closed",
    "grievance_median_days_to_close",
    "grievances_open_at_end",
  ]);
  if (f.grievances.byIndicator.length === 0) return;
  b.table(
    [
      { header: "Warning sign named in reports received in the period", width: 3 },
      { header: "Reports", width: 1, align: "right" },
    ],
    f.grievances.byIndicator.map((i) => [
      capitalise(i.label),
      i.count === null ? "fewer than 3" : String(i.count),
    ]),
  );
}

function indicatorTable(b: PdfDocumentBuilder, f: StatementFacts, title: string, keys: string[]): void {
  b.heading(title, 3);
  b.table(
    [
      { header: "Indicator", width: 3 },
      { header: "Result", width: 2, align: "right" },
    ],
    f.indicators.filter((i) => keys.includes(i.key)).map((i) => [i.label, formatIndicator(i)]),
  );
}

function supplyChainFigures(b: PdfDocumentBuilder, f: StatementFacts): void {
  b.heading(`Suppliers recorded by ${formatLongDate(f.period.end)}`, 3);
  const mapped = f.indicators.find((i) => i.key === "suppliers_mapped")!;
  b.keyValueTable([
    { label: "Suppliers recorded", value: formatIndicator(mapped) },
    {
      label: "By tier (as currently mapped)",
      value: f.supplyChain.byTier.map((t) => `tier ${t.tier}: ${t.count}`).join(" · ") || "none recorded",
    },
    { label: "Countries", value: String(f.supplyChain.byCountry.length) },
  ]);
  b.table(
    [
      { header: "Country", width: 1.4 },
      { header: "Suppliers", width: 3.6 },
      { header: "Tier 1", width: 0.6, align: "right" },
      { header: "Tier 2+", width: 0.7, align: "right" },
      { header: "Total", width: 0.6, align: "right" },
    ],
    f.supplyChain.byCountry.map((c) => {
      const shown = c.names.join(", ");
      const more = c.count - c.names.length;
      return [
        `${c.countryName} (${c.country})`,
        more > 0 ? `${shown} and ${more} more` : shown,
        String(c.tier1),
        String(c.deeper),
        String(c.count),
      ];
    }),
    { emptyText: "No suppliers recorded." },
  );
}

function riskFigures(b: PdfDocumentBuilder, f: StatementFacts): void {
  b.heading(`Supplier risk levels on ${formatLongDate(f.period.end)}`, 3);
  if (f.riskAtEnd.noHistory) {
    b.paragraph(f.indicators.find((i) => i.key === "suppliers_scored")!.noData ?? "No risk scores stored.", {
      color: COLORS.muted,
    });
  } else {
    b.table(
      [
        { header: "Risk level at the period end", width: 3 },
        { header: "Suppliers", width: 1, align: "right" },
      ],
      f.riskAtEnd.byLevel.map((r) => [
        r.level === "unscored" ? "No score stored by the period end" : capitalise(r.level),
        String(r.count),
      ]),
    );
  }
  b.heading("Audit findings by grade", 3);
  const findings = f.indicators.find((i) => i.key === "findings_raised")!;
  if (findings.value === null) b.paragraph(findings.noData ?? "", { color: COLORS.muted });
  else
    b.table(
      [
        { header: "Grade", width: 2.4 },
        { header: "Raised in period", width: 1.1, align: "right" },
        { header: "Closed in period", width: 1.1, align: "right" },
        { header: "Open at period end", width: 1.2, align: "right" },
      ],
      f.findings.byGrade.map((g) => [
        GRADE_LABELS[g.grade],
        String(g.raised),
        String(g.closedInPeriod),
        String(g.openAtEnd),
      ]),
    );
  b.heading("Red flags by ILO forced-labour indicator", 3);
  const flags = f.indicators.find((i) => i.key === "red_flags")!;
  b.paragraph(
    "Red flags are questionnaire answers that indicate forced labour and zero-tolerance or critical audit " +
      "findings; lesser findings are not counted here.",
    { size: 8.5, color: COLORS.muted },
  );
  if (flags.value === null) b.paragraph(flags.noData ?? "", { color: COLORS.muted });
  else
    b.table(
      [
        { header: "ILO indicator", width: 3 },
        { header: "Questionnaire red flags", width: 1.3, align: "right" },
        { header: "Grave audit findings", width: 1.1, align: "right" },
      ],
      f.redFlags.byIndicator.map((r) => [`${r.indicator}. ${r.name}`, String(r.answers), String(r.findings)]),
      { emptyText: "No red flags were recorded in the period." },
    );
}

function effectivenessFigures(
  b: PdfDocumentBuilder,
  f: StatementFacts,
  previous: PdfInput["previous"],
): void {
  b.heading("Performance indicators for the period", 3);
  if (!previous) {
    b.table(
      [
        { header: "Indicator", width: 3 },
        { header: "Result", width: 2, align: "right" },
      ],
      f.indicators.map((i) => [i.label, formatIndicator(i)]),
    );
    b.paragraph("No earlier statement is recorded, so there is no year-over-year comparison.", {
      size: 8.5,
      color: COLORS.muted,
    });
    return;
  }
  b.table(
    [
      { header: "Indicator", width: 2.6 },
      { header: "This period", width: 1.2, align: "right" },
      { header: previous.label, width: 1.2, align: "right" },
      { header: "Change", width: 0.8, align: "right" },
    ],
    compareFacts(f, previous.facts).map((c) => [c.label, c.current, c.previous, formatChange(c)]),
  );
}

const RECORD_LABELS: Record<RecordRef["type"], string> = {
  supplier: "Supplier",
  risk_assessment: "Risk assessment",
  questionnaire: "Questionnaire",
  audit: "Audit",
  finding: "Finding",
  action: "Remediation action",
  grievance_case: "Grievance case",
  training_completion: "Training completion",
};

function appendix(b: PdfDocumentBuilder, s: StatementForPdf, f: StatementFacts): void {
  b.addPage();
  b.heading("Appendix: the records behind each figure", 2);
  b.paragraph(
    `Every figure above is counted from the records listed here (record type, Clearsource id, and the date that ` +
      `placed it in the period). Up to ${APPENDIX_RECORDS_PER_FIGURE} records are printed per figure; the ` +
      "complete list is in the statement's CSV annex.",
    { size: 9, color: COLORS.muted },
  );
  b.paragraph(
    s.auditChainHead
      ? "Audit-log hash-chain head recorded at approval (SHA-256 of the approval's own audit-log entry, which " +
          "chains every earlier entry of the organisation):"
      : "Audit-log hash-chain head: recorded when the statement is approved.",
    { size: 9 },
  );
  if (s.auditChainHead) b.paragraph(s.auditChainHead, { size: 8.5, face: "bold" });
  b.paragraph(`Facts as of ${formatLongDate(f.asOf)}.`, { size: 9 });
  for (const i of f.indicators) {
    const total = recordCount(i);
    if (total === 0) continue;
    b.heading(`${i.label}: ${formatIndicator(i)}`, 3);
    const shown = recordList(i, APPENDIX_RECORDS_PER_FIGURE);
    b.table(
      [
        { header: "Record", width: 1.3 },
        { header: "Id", width: 3 },
        { header: "Date", width: 1, align: "right" },
      ],
      shown.map((r) => [RECORD_LABELS[r.type], r.id, r.date]),
      { size: 7.5 },
    );
    if (total > shown.length)
      b.paragraph(`… and ${total - shown.length} more in the CSV annex.`, {
        size: 8.5,
        color: COLORS.muted,
      });
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
