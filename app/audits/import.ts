import { normaliseHeader } from "~/imports/mapping";
import { unneutraliseCell } from "~/suppliers/csv";
import { ILO_INDICATORS, type FindingGrade } from "./catalogue";
import { gradeForWord, type SchemeWord } from "./vocabulary";

/**
 * An audit's corrective action report (SMETA CAPR, RBA CAP, amfori BSCI report annex) as a CSV or
 * XLSX sheet: one row per non-compliance. Columns are found by their headings (no mapping step: the
 * reports use a handful of names, listed below and on the import page); grades are the scheme's own
 * words, mapped through the organisation's vocabulary. Pure: the verb in import.server.ts reads the
 * file and writes the rows.
 */
export const AUDIT_IMPORT_FIELDS = [
  "clause",
  "title",
  "description",
  "grade",
  "due_date",
  "ilo_indicator",
] as const;
export type AuditImportField = (typeof AUDIT_IMPORT_FIELDS)[number];
export type AuditImportMapping = Partial<Record<AuditImportField, number>>;

export const AUDIT_IMPORT_LABELS: Record<AuditImportField, string> = {
  clause: "Clause",
  title: "Finding",
  description: "Description",
  grade: "Grade",
  due_date: "Due date",
  ilo_indicator: "ILO indicator",
};

const SYNONYMS: Record<AuditImportField, string[]> = {
  clause: [
    "clause",
    "code clause",
    "standard clause",
    "eti clause",
    "eti base code clause",
    "code reference",
    "reference",
    "ref",
    "requirement",
    "section",
  ],
  title: ["title", "finding", "finding title", "issue", "non compliance", "non conformity", "nc"],
  description: [
    "description",
    "details",
    "finding description",
    "non compliance description",
    "description of non compliance",
    "non conformity description",
    "description of finding",
    "objective evidence",
  ],
  grade: [
    "grade",
    "grading",
    "severity",
    "rating",
    "classification",
    "nc grade",
    "nc classification",
    "finding grade",
    "priority",
  ],
  due_date: [
    "due date",
    "due",
    "deadline",
    "target date",
    "completion date",
    "timescale",
    "verification date",
  ],
  ilo_indicator: [
    "ilo indicator",
    "ilo",
    "indicator",
    "forced labour indicator",
    "ilo forced labour indicator",
  ],
};

const BY_SYNONYM = new Map<string, AuditImportField>();
for (const field of AUDIT_IMPORT_FIELDS)
  for (const s of SYNONYMS[field]) BY_SYNONYM.set(normaliseHeader(s), field);

/** The headings each field is recognised by, for the import page. */
export const AUDIT_IMPORT_HEADINGS: Record<AuditImportField, string[]> = SYNONYMS;

/** Which column each field is read from; the first heading that names a field wins. */
export function mapAuditHeaders(headers: string[]): {
  mapping: AuditImportMapping;
  /** Why the file cannot be read at all (no grade column; neither a finding nor a description). */
  problem: string | null;
} {
  const mapping: AuditImportMapping = {};
  headers.forEach((h, i) => {
    const field = BY_SYNONYM.get(normaliseHeader(h));
    if (field && mapping[field] === undefined) mapping[field] = i;
  });
  const missing: string[] = [];
  if (mapping.grade === undefined) missing.push("a “Grade” column (the grade in the scheme's words)");
  if (mapping.title === undefined && mapping.description === undefined)
    missing.push("a “Finding” or “Description” column");
  return {
    mapping,
    problem: missing.length
      ? `The file's header row has no ${missing.join(" and no ")}. Headings found: ${headers.join(", ") || "none"}.`
      : null,
  };
}

export type ImportedFinding = {
  title: string;
  description: string | null;
  clause: string | null;
  schemeGrade: string;
  grade: FindingGrade;
  dueDate: string | null;
  iloIndicator: string | null;
};

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;

/** A short title from the description: its first sentence or line, cut at a word under 200 characters. */
export function titleFrom(description: string): string {
  const first = description.split(/\r?\n|(?<=[.!?])\s/)[0].trim();
  if (first.length <= MAX_TITLE) return first;
  const cut = first.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 100 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const ILO_BY_NAME = new Map(Object.entries(ILO_INDICATORS).map(([n, name]) => [normaliseHeader(name), n]));

/** "9", "9. Debt bondage", "Debt bondage" → "9"; null when blank; undefined when not an indicator. */
export function iloFrom(cell: string): string | null | undefined {
  if (cell === "") return null;
  const number = /^(\d{1,2})\b/.exec(cell)?.[1];
  if (number) return ILO_INDICATORS[number] ? number : undefined;
  return ILO_BY_NAME.get(normaliseHeader(cell));
}

/** One row of the report: the finding it records, or the reasons it cannot be imported. */
export function parseFindingRow(
  cells: readonly string[],
  mapping: AuditImportMapping,
  ctx: { scheme: string; vocabulary: SchemeWord[]; auditDate: string },
): { ok: true; value: ImportedFinding } | { ok: false; errors: string[] } {
  const cell = (f: AuditImportField) => {
    const i = mapping[f];
    return i === undefined ? "" : unneutraliseCell((cells[i] ?? "").trim());
  };
  const errors: string[] = [];
  const description = cell("description");
  let title = cell("title");
  if (!title && !description) errors.push("The finding has neither a title nor a description.");
  if (title.length > MAX_TITLE) errors.push(`The finding's title is longer than ${MAX_TITLE} characters.`);
  if (description.length > MAX_DESCRIPTION)
    errors.push(`The description is longer than ${MAX_DESCRIPTION} characters.`);
  if (!title && description) title = titleFrom(description);

  const word = cell("grade");
  const grade = word ? gradeForWord(ctx.vocabulary, word) : null;
  const accepted = ctx.vocabulary.map((w) => w.word).join(", ");
  if (!word) errors.push(`The grade is missing: use one of ${accepted}.`);
  else if (!grade) errors.push(`“${word}” is not a ${ctx.scheme} grade: use one of ${accepted}.`);

  const due = cell("due_date");
  if (due && !isIsoDate(due)) errors.push(`The due date “${due}” is not a date written YYYY-MM-DD.`);
  else if (due && due < ctx.auditDate)
    errors.push(`The due date ${due} is before the audit (${ctx.auditDate}).`);

  const clause = cell("clause");
  if (clause.length > 200) errors.push("The clause is longer than 200 characters.");

  const ilo = iloFrom(cell("ilo_indicator"));
  if (ilo === undefined)
    errors.push(`“${cell("ilo_indicator")}” is not an ILO forced-labour indicator (1–11 or its name).`);

  if (errors.length) return { ok: false, errors };
  const canonical = ctx.vocabulary.find((w) => w.word.toLowerCase() === word.toLowerCase())!.word;
  return {
    ok: true,
    value: {
      title,
      description: description && description !== title ? description : null,
      clause: clause || null,
      schemeGrade: canonical,
      grade: grade!,
      dueDate: due || null,
      iloIndicator: ilo ?? null,
    },
  };
}
