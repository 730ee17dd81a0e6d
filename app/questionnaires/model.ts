import type {
  RedFlagCondition,
  Rule,
  VisibleWhen,
  EvidenceRequest,
  QuestionOption,
  Question,
  Section,
  QuestionTranslation,
  TemplateTranslation,
  Template,
} from "./model.schema";

export type {
  RedFlagCondition,
  Rule,
  VisibleWhen,
  EvidenceRequest,
  QuestionOption,
  Question,
  Section,
  QuestionTranslation,
  TemplateTranslation,
  Template,
};

/**
 * The questionnaire model: what a question is, how an answer is validated and how it scores. Pure code,
 * shared by the portal (validation), the buyer view (red-flag highlighting) and risk (answer signals).
 */

/** ILO forced-labour indicators (ILO, "Hard to see, harder to count", 2012 edition: 11 indicators). */
export const ILO_INDICATORS: Record<number, string> = {
  1: "Abuse of vulnerability",
  2: "Deception",
  3: "Restriction of movement",
  4: "Isolation",
  5: "Physical and sexual violence",
  6: "Intimidation and threats",
  7: "Retention of identity documents",
  8: "Withholding of wages",
  9: "Debt bondage",
  10: "Abusive working and living conditions",
  11: "Excessive overtime",
};

export function iloLabel(n: number): string {
  return `ILO ${n} · ${ILO_INDICATORS[n] ?? "Unknown indicator"}`;
}

/**
 * Answer types. "choice" is single choice and "text" is long (multi-line) text: both names predate the others
 * and stay as they are so v1 snapshots keep parsing.
 */
export const QUESTION_TYPES = [
  "yes_no",
  "choice",
  "multi_choice",
  "number",
  "percentage",
  "short_text",
  "text",
  "date",
  "file",
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  yes_no: "Yes / No",
  choice: "Single choice",
  multi_choice: "Multiple choice",
  number: "Number",
  percentage: "Percentage",
  short_text: "Short text",
  text: "Long text",
  date: "Date",
  file: "File upload",
};

/** Stored answer value of a question answered "Not applicable" (only where the question allows it). */
export const NOT_APPLICABLE = "n/a";

/**
 * A control answered without the evidence the question asks for earns this share of its credit: a policy
 * that exists only as a "yes" counts for less than a policy on file (rounded towards zero).
 */
export const UNEVIDENCED_CONTROL_SHARE = 0.5;

/**
 * Answer values as stored (JSON): yes_no → "yes" | "no", choice → option value, multi_choice → option values
 * (in option order), numbers → number, date → "YYYY-MM-DD", file → evidence file ids, text → the text,
 * "Not applicable" → NOT_APPLICABLE.
 */
export type AnswerValue = string | number | string[] | null;

export function isUnanswered(value: AnswerValue | undefined): boolean {
  return (
    value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)
  );
}

export type ValidationResult = { ok: true; value: AnswerValue } | { ok: false; error: string };

const DEFAULT_TEXT_MAX = 4000;
const DEFAULT_SHORT_TEXT_MAX = 200;
const MAX_FILES_PER_ANSWER = 10;
const EVIDENCE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(str: string): boolean {
  const m = ISO_DATE.exec(str);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === str;
}

function validateMultiChoice(question: Question, raw: unknown[]): ValidationResult {
  if (!raw.every((v) => typeof v === "string")) return { ok: false, error: "Unsupported answer." };
  const picked = new Set((raw as string[]).map((v) => v.trim()).filter((v) => v !== ""));
  if (picked.size === 0) return { ok: true, value: null };
  if (picked.has(NOT_APPLICABLE)) {
    if (!question.allowNotApplicable) return { ok: false, error: "Choose from the listed options." };
    if (picked.size > 1) return { ok: false, error: "Choose options or Not applicable, not both." };
    return { ok: true, value: NOT_APPLICABLE };
  }
  const options = question.options ?? [];
  for (const v of picked)
    if (!options.some((o) => o.value === v)) return { ok: false, error: "Choose from the listed options." };
  // Option order, so the same selection always stores (and compares) the same way.
  return { ok: true, value: options.filter((o) => picked.has(o.value)).map((o) => o.value) };
}

function validateFiles(raw: unknown[]): ValidationResult {
  const ids = [...new Set(raw.map((v) => (typeof v === "string" ? v.trim() : v)))].filter((v) => v !== "");
  if (ids.length === 0) return { ok: true, value: null };
  if (!ids.every((v) => typeof v === "string" && EVIDENCE_ID.test(v)))
    return { ok: false, error: "Upload the file again." };
  if (ids.length > MAX_FILES_PER_ANSWER)
    return { ok: false, error: `Attach at most ${MAX_FILES_PER_ANSWER} files.` };
  return { ok: true, value: ids as string[] };
}

/**
 * Validate one raw answer (from a form field, `formData.getAll` for multi_choice/file, or JSON). Empty means
 * "not answered yet" and is valid here: whether it is required is decided at submission (see
 * `missingRequired`), so drafts can be partial. A file answer holds evidence file ids; that they exist and
 * belong to this assignment is for the caller to check.
 */
export function validateAnswer(question: Question, raw: unknown): ValidationResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (Array.isArray(raw)) {
    if (question.type === "multi_choice") return validateMultiChoice(question, raw);
    if (question.type === "file") return validateFiles(raw);
    if (raw.length === 0) return { ok: true, value: null };
    if (raw.length > 1) return { ok: false, error: "Give one answer." };
    return validateAnswer(question, raw[0]);
  }
  if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, error: "Unsupported answer." };
  const str = String(raw).trim();
  if (str === "") return { ok: true, value: null };
  if (str.toLowerCase() === NOT_APPLICABLE && question.allowNotApplicable)
    return { ok: true, value: NOT_APPLICABLE };

  switch (question.type) {
    case "yes_no": {
      const v = str.toLowerCase();
      if (v !== "yes" && v !== "no") return { ok: false, error: "Choose Yes or No." };
      return { ok: true, value: v };
    }
    case "choice": {
      const option = question.options?.find((o) => o.value === str);
      if (!option) return { ok: false, error: "Choose one of the listed options." };
      return { ok: true, value: option.value };
    }
    case "multi_choice":
      return validateMultiChoice(question, [str]);
    case "number":
    case "percentage": {
      // Accept a decimal comma (many suppliers type "12,5"), but not thousands separators or units.
      const normalised = str.replace(",", ".");
      if (!/^-?\d+(\.\d+)?$/.test(normalised))
        return { ok: false, error: "Enter a number, e.g. 48 or 12.5." };
      const n = Number(normalised);
      const min = question.type === "percentage" ? 0 : (question.min ?? 0);
      const max = question.type === "percentage" ? 100 : question.max;
      if (n < min) return { ok: false, error: `Enter a number of at least ${min}.` };
      if (max !== undefined && n > max) return { ok: false, error: `Enter a number no greater than ${max}.` };
      return { ok: true, value: n };
    }
    case "short_text":
    case "text": {
      const max =
        question.maxLength ?? (question.type === "short_text" ? DEFAULT_SHORT_TEXT_MAX : DEFAULT_TEXT_MAX);
      if (str.length > max) return { ok: false, error: `Keep the answer under ${max} characters.` };
      if (question.type === "short_text" && /[\r\n]/.test(str))
        return { ok: false, error: "Keep the answer on one line." };
      return { ok: true, value: str };
    }
    case "date":
      if (!isIsoDate(str)) return { ok: false, error: "Enter a date as YYYY-MM-DD, e.g. 2025-03-31." };
      return { ok: true, value: str };
    case "file":
      return validateFiles([str]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditional visibility

function conditionHolds(cond: VisibleWhen, value: AnswerValue | undefined): boolean {
  if (value === undefined || isUnanswered(value)) return false;
  const given = Array.isArray(value) ? value : [String(value)];
  if ("equals" in cond) return given.includes(String(cond.equals));
  return given.some((v) => cond.in.includes(v));
}

/**
 * Ids of the questions the supplier sees given these answers. Conditions refer to earlier questions only, so
 * one pass in order settles chains: a question whose source is itself hidden is hidden too.
 */
export function visibleQuestionIds(template: Template, answers: Record<string, AnswerValue>): Set<string> {
  const visible = new Set<string>();
  for (const q of template.questions) {
    const cond = q.visibleWhen;
    if (!cond || (visible.has(cond.questionId) && conditionHolds(cond, answers[cond.questionId])))
      visible.add(q.id);
  }
  return visible;
}

export type QuestionCounts = {
  /** Questions every supplier sees. */
  always: number;
  /** Questions that appear only after certain answers (follow-ups). */
  conditional: number;
  /** Questions shown given these answers: `always` with no answers, at most always + conditional. */
  shown: number;
};

/**
 * The one question count of a questionnaire, used everywhere it is stated (invitation email, landing
 * page, portal progress, the buyer's review): the questions shown for these answers, and the follow-ups
 * that only some answers bring up.
 */
export function questionCounts(
  template: Pick<Template, "questions">,
  answers: Record<string, AnswerValue> = {},
): QuestionCounts {
  const conditional = template.questions.filter((q) => q.visibleWhen).length;
  return {
    always: template.questions.length - conditional,
    conditional,
    shown: visibleQuestionIds(template as Template, answers).size,
  };
}

/** The count as buyer pages say it: the questions every supplier sees, then the follow-ups answers may add. */
export function questionCountText(c: { questionCount: number; conditionalCount: number }): string {
  const base = `${c.questionCount} question${c.questionCount === 1 ? "" : "s"}`;
  return c.conditionalCount ? `${base} (+${c.conditionalCount} follow-ups some answers add)` : base;
}

/** Whether one question is visible given the answers (see visibleQuestionIds for chains). */
export function isQuestionVisible(
  template: Template,
  questionId: string,
  answers: Record<string, AnswerValue>,
) {
  return visibleQuestionIds(template, answers).has(questionId);
}

/** The answers that count: those of hidden questions dropped (they are neither required nor scored). */
export function effectiveAnswers(
  template: Template,
  answers: Record<string, AnswerValue>,
): Record<string, AnswerValue> {
  const visible = visibleQuestionIds(template, answers);
  const out: Record<string, AnswerValue> = {};
  for (const [id, v] of Object.entries(answers)) if (visible.has(id)) out[id] = v;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Scoring

export type AnswerScore = { points: number; redFlag: boolean };

export type ScoreOptions = {
  /** How many evidence files the supplier attached to this question (file answers count themselves). */
  evidenceCount?: number;
};

export type ControlStatus = "evidenced" | "self-declared" | null;
export type DetailedScore = AnswerScore & { control: ControlStatus };

function rawScore(question: Question, value: AnswerValue): AnswerScore {
  const rule = question.rule ?? {};
  let points = 0;
  let redFlag = false;
  const flag = rule.redFlag;
  if (typeof value === "number") {
    const matching = (rule.thresholds ?? []).filter((t) => value > t.above);
    if (matching.length > 0) points = matching.reduce((a, b) => (b.above > a.above ? b : a)).points;
    if (flag && "above" in flag) redFlag = value > flag.above;
  } else if (Array.isArray(value)) {
    if (question.type === "multi_choice") {
      points = value.reduce((sum, v) => sum + (rule.pointsByValue?.[v] ?? 0), 0);
      if (flag && "equals" in flag) redFlag = value.includes(flag.equals);
      if (flag && "in" in flag) redFlag = value.some((v) => flag.in.includes(v));
    }
  } else if (value !== null) {
    points = rule.pointsByValue?.[value] ?? 0;
    if (flag && "equals" in flag) redFlag = value === flag.equals;
    if (flag && "in" in flag) redFlag = flag.in.includes(value);
  }
  return { points, redFlag };
}

/** Whether the question asks for evidence for this answer value. */
export function evidenceRequested(question: Question, value: AnswerValue): boolean {
  if (!question.evidence || isUnanswered(value) || value === NOT_APPLICABLE) return false;
  const when = question.evidence.when;
  if (!when) return true;
  const given = Array.isArray(value) ? value : [String(value)];
  return given.some((v) => when.includes(v));
}

/**
 * Points, red flag and control status for one answer. A control (negative points) on a question that asks
 * for evidence earns full credit only when evidence is attached; without it, `rule.unevidencedPoints` or
 * UNEVIDENCED_CONTROL_SHARE of the credit. Red flags are never reduced here or anywhere else.
 */
export function scoreAnswerDetailed(
  question: Question,
  value: AnswerValue,
  opts: ScoreOptions = {},
): DetailedScore {
  if (isUnanswered(value)) return { points: 0, redFlag: false, control: null };
  const { points, redFlag } = rawScore(question, value);
  if (!question.rule?.control || points >= 0) return { points, redFlag, control: null };
  if (!question.evidence) return { points, redFlag, control: "self-declared" };
  const fileCount = question.type === "file" && Array.isArray(value) ? value.length : 0;
  if ((opts.evidenceCount ?? 0) + fileCount > 0) return { points, redFlag, control: "evidenced" };
  const reduced = question.rule.unevidencedPoints ?? Math.trunc(points * UNEVIDENCED_CONTROL_SHARE);
  // Never let a missing file earn more credit than the evidenced answer would.
  return { points: Math.max(points, Math.min(0, reduced)), redFlag, control: "self-declared" };
}

/** Risk points and red flag for one answer, from the question's rule. Unanswered scores nothing. */
export function scoreAnswer(question: Question, value: AnswerValue, opts: ScoreOptions = {}): AnswerScore {
  const { points, redFlag } = scoreAnswerDetailed(question, value, opts);
  return { points, redFlag };
}

export type QuestionScore = DetailedScore & { question: Question; value: AnswerValue };

/**
 * Score a whole questionnaire: visible, answered questions only (hidden answers are ignored), in template
 * order. `evidenceByQuestion` counts evidence files attached per question id.
 */
export function scoreAnswers(
  template: Template,
  answers: Record<string, AnswerValue>,
  evidenceByQuestion: Record<string, number> = {},
): QuestionScore[] {
  const visible = visibleQuestionIds(template, answers);
  const out: QuestionScore[] = [];
  for (const question of template.questions) {
    const value = answers[question.id] ?? null;
    if (!visible.has(question.id) || isUnanswered(value)) continue;
    const score = scoreAnswerDetailed(question, value, {
      evidenceCount: evidenceByQuestion[question.id] ?? 0,
    });
    out.push({ ...score, question, value });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Display

const ANSWER_WORDS: Record<string, { yes: string; no: string; na: string; none: string; files: string }> = {
  en: { yes: "Yes", no: "No", na: "Not applicable", none: "Not answered", files: "file(s)" },
  es: { yes: "Sí", no: "No", na: "No aplica", none: "Sin respuesta", files: "archivo(s)" },
  fr: { yes: "Oui", no: "Non", na: "Sans objet", none: "Sans réponse", files: "fichier(s)" },
  "zh-Hans": { yes: "是", no: "否", na: "不适用", none: "未回答", files: "个文件" },
  vi: { yes: "Có", no: "Không", na: "Không áp dụng", none: "Chưa trả lời", files: "tệp" },
  id: { yes: "Ya", no: "Tidak", na: "Tidak berlaku", none: "Belum dijawab", files: "berkas" },
  pt: { yes: "Sim", no: "Não", na: "Não se aplica", none: "Sem resposta", files: "arquivo(s)" },
  tr: { yes: "Evet", no: "Hayır", na: "Geçerli değil", none: "Yanıtlanmadı", files: "dosya" },
};

/** "Yes", "No", "Not applicable", "Not answered" and "file(s)" in a supported language (English otherwise). */
export function answerWords(lang = "en") {
  return ANSWER_WORDS[lang] ?? ANSWER_WORDS.en;
}

/**
 * Human-readable answer for buyer views and risk explanations. Pass a question localized with
 * `localizeQuestion` and its language to show choices in that language; free text is shown as written.
 */
export function formatAnswer(question: Question, value: AnswerValue, lang = "en"): string {
  const words = answerWords(lang);
  if (isUnanswered(value)) return words.none;
  if (value === NOT_APPLICABLE && question.allowNotApplicable) return words.na;
  const label = (v: string) => question.options?.find((o) => o.value === v)?.label ?? v;
  switch (question.type) {
    case "yes_no":
      return value === "yes" ? words.yes : words.no;
    case "choice":
      return label(String(value));
    case "multi_choice":
      return (Array.isArray(value) ? value : [String(value)]).map(label).join("; ");
    case "percentage":
      return `${value} %`;
    case "number":
      return question.unit ? `${value} ${question.unit}` : String(value);
    case "file":
      return `${Array.isArray(value) ? value.length : 1} ${words.files}`;
    case "short_text":
    case "text":
    case "date":
      return String(value);
  }
}

/** Required, visible questions without an answer (blocking submission). "Not applicable" counts as answered. */
export function missingRequired(template: Template, answers: Record<string, AnswerValue>): string[] {
  const visible = visibleQuestionIds(template, answers);
  return template.questions
    .filter((q) => q.required && visible.has(q.id))
    .filter((q) => isUnanswered(answers[q.id]))
    .map((q) => q.id);
}

// ---------------------------------------------------------------------------------------------------------
// Languages

/** The language a template's own strings are written in. */
export function templateLanguage(template: Template): string {
  return template.language ?? "en";
}

/** The template's own language first, then every language it carries translations for. */
export function templateLanguages(template: Template): string[] {
  const own = templateLanguage(template);
  return [own, ...Object.keys(template.translations ?? {}).filter((l) => l !== own)];
}

const pick = (translated: string | undefined, original: string) =>
  translated !== undefined && translated.trim() !== "" ? translated : original;

/** The question with its text, help, unit, option labels and evidence request in `lang` (falling back). */
export function localizeQuestion(question: Question, lang: string, template?: Template): Question {
  const tr = template?.translations?.[lang]?.questions?.[question.id];
  if (!tr) return question;
  return {
    ...question,
    text: pick(tr.text, question.text),
    help: pick(tr.help, question.help),
    ...(question.unit !== undefined ? { unit: pick(tr.unit, question.unit) } : {}),
    ...(question.options
      ? {
          options: question.options.map((o) => ({
            value: o.value,
            label: pick(tr.options?.[o.value], o.label),
          })),
        }
      : {}),
    ...(question.evidence
      ? { evidence: { ...question.evidence, request: pick(tr.evidenceRequest, question.evidence.request) } }
      : {}),
  };
}

/**
 * The template with every string in `lang`, falling back string by string to the template's own language.
 * The result carries no translations (it is what a page renders) and `language` says which language it is in.
 */
export function localizeTemplate(template: Template, lang: string): Template {
  const tr = lang === templateLanguage(template) ? undefined : template.translations?.[lang];
  const { translations: _drop, ...rest } = template;
  void _drop;
  if (!tr) return { ...rest, language: templateLanguage(template) };
  return {
    ...rest,
    language: lang,
    title: pick(tr.title, template.title),
    intro: pick(tr.intro, template.intro),
    declaration: { attestation: pick(tr.attestation, template.declaration.attestation) },
    sections: template.sections.map((s) => ({
      ...s,
      title: pick(tr.sections?.[s.id]?.title, s.title),
      description: pick(tr.sections?.[s.id]?.description, s.description),
    })),
    questions: template.questions.map((q) => localizeQuestion(q, lang, template)),
  };
}

/** One translatable string of a template: a stable key, where it is, and its text in the template language. */
export type TranslatableString = { key: string; label: string; source: string };

/** Every non-empty string a translator must translate, in display order. */
export function translatableStrings(template: Template): TranslatableString[] {
  const out: TranslatableString[] = [];
  const add = (key: string, label: string, source: string | undefined) => {
    if (source && source.trim() !== "") out.push({ key, label, source });
  };
  add("title", "Title", template.title);
  add("intro", "Introduction", template.intro);
  for (const s of template.sections) {
    add(`section.${s.id}.title`, `Section ${s.id}: title`, s.title);
    add(`section.${s.id}.description`, `Section ${s.id}: description`, s.description);
  }
  for (const q of template.questions) {
    add(`question.${q.id}.text`, `${q.id}: question`, q.text);
    add(`question.${q.id}.help`, `${q.id}: help`, q.help);
    add(`question.${q.id}.unit`, `${q.id}: unit`, q.unit);
    for (const o of q.options ?? [])
      add(`question.${q.id}.option.${o.value}`, `${q.id}: option ${o.value}`, o.label);
    add(`question.${q.id}.evidence`, `${q.id}: evidence request`, q.evidence?.request);
  }
  add("attestation", "Declaration", template.declaration.attestation);
  return out;
}

/** The translation of one string key in `lang`, or undefined when missing. */
export function translationOf(template: Template, lang: string, key: string): string | undefined {
  const tr = template.translations?.[lang];
  if (!tr) return undefined;
  const parts = key.split(".");
  let v: string | undefined;
  if (key === "title") v = tr.title;
  else if (key === "intro") v = tr.intro;
  else if (key === "attestation") v = tr.attestation;
  else if (parts[0] === "section") {
    const field = parts[parts.length - 1] as "title" | "description";
    v = tr.sections?.[parts.slice(1, -1).join(".")]?.[field];
  } else if (parts[0] === "question") {
    const qt = tr.questions?.[parts[1]];
    if (parts[2] === "option") v = qt?.options?.[parts.slice(3).join(".")];
    else if (parts[2] === "evidence") v = qt?.evidenceRequest;
    else v = qt?.[parts[2] as "text" | "help" | "unit"];
  }
  return v !== undefined && v.trim() !== "" ? v : undefined;
}

/** Keys of strings with no translation in `lang` (none for the template's own language). */
export function missingTranslations(template: Template, lang: string): string[] {
  if (lang === templateLanguage(template)) return [];
  return translatableStrings(template)
    .filter((s) => translationOf(template, lang, s.key) === undefined)
    .map((s) => s.key);
}

/** The form field name used for a question's answer in the supplier portal. */
export function fieldName(questionId: string): string {
  return `q.${questionId}`;
}
