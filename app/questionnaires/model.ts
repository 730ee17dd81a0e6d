import { z } from "zod";

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

export const QUESTION_TYPES = ["yes_no", "number", "percentage", "text", "choice"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const thresholdSchema = z.object({
  /** Points apply when the numeric answer is strictly above this value; the highest matching one wins. */
  above: z.number(),
  points: z.number(),
});

const redFlagSchema = z.union([
  z.object({ equals: z.string() }).strict(),
  z.object({ above: z.number() }).strict(),
]);

export const ruleSchema = z
  .object({
    /** yes_no and choice: risk points per answer value ("yes", "no", or a choice value). */
    pointsByValue: z.record(z.string(), z.number()).optional(),
    /** number and percentage: risk points by threshold. */
    thresholds: z.array(thresholdSchema).optional(),
    /** When the answer is a red flag: never averaged away, raises a remediation task. */
    redFlag: redFlagSchema.optional(),
    /**
     * A management control (policy, grievance channel): a "yes" lowers risk. Self-declared until backed
     * by evidence, which the explanation says.
     */
    control: z.boolean().optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const questionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]+$/),
    section: z.string().min(1),
    type: z.enum(QUESTION_TYPES),
    text: z.string().min(1),
    help: z.string().default(""),
    required: z.boolean(),
    iloIndicators: z.array(z.number().int().min(1).max(11)),
    rule: ruleSchema.default({}),
    /** choice only */
    options: z.array(z.object({ value: z.string().min(1), label: z.string().min(1) })).optional(),
    /** number only */
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
    /** text only */
    maxLength: z.number().int().positive().optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.type === "choice" && (!q.options || q.options.length === 0)) {
      ctx.addIssue({ code: "custom", message: "A choice question needs options", path: ["options"] });
    }
  });
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().default(""),
});
export type Section = z.infer<typeof sectionSchema>;

/** A template version. Snapshotted whole into each assignment, so later edits never change what was asked. */
export const templateSchema = z
  .object({
    key: z.string().min(1),
    version: z.string().min(1),
    title: z.string().min(1),
    intro: z.string(),
    sections: z.array(sectionSchema).min(1),
    questions: z.array(questionSchema).min(1),
    declaration: z.object({ attestation: z.string().min(1) }),
  })
  .superRefine((t, ctx) => {
    const sectionIds = new Set(t.sections.map((s) => s.id));
    const seen = new Set<string>();
    t.questions.forEach((q, i) => {
      if (!sectionIds.has(q.section))
        ctx.addIssue({ code: "custom", message: `Unknown section ${q.section}`, path: ["questions", i] });
      if (seen.has(q.id))
        ctx.addIssue({ code: "custom", message: `Duplicate question id ${q.id}`, path: ["questions", i] });
      seen.add(q.id);
    });
  });
export type Template = z.infer<typeof templateSchema>;

/** Answer values as stored (JSON): yes_no → "yes" | "no", choice → option value, numbers → number. */
export type AnswerValue = string | number | null;

export type ValidationResult = { ok: true; value: AnswerValue } | { ok: false; error: string };

const DEFAULT_TEXT_MAX = 4000;

/**
 * Validate one raw answer (from a form field or JSON). Empty means "not answered yet" and is valid here:
 * whether it is required is decided at submission (see `missingRequired`), so drafts can be partial.
 */
export function validateAnswer(question: Question, raw: unknown): ValidationResult {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, error: "Unsupported answer." };
  const str = String(raw).trim();
  if (str === "") return { ok: true, value: null };

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
    case "text": {
      const max = question.maxLength ?? DEFAULT_TEXT_MAX;
      if (str.length > max) return { ok: false, error: `Keep the answer under ${max} characters.` };
      return { ok: true, value: str };
    }
  }
}

export type AnswerScore = { points: number; redFlag: boolean };

/** Risk points and red flag for one answer, from the question's rule. Unanswered scores nothing. */
export function scoreAnswer(question: Question, value: AnswerValue): AnswerScore {
  if (value === null || value === undefined || value === "") return { points: 0, redFlag: false };
  const rule = question.rule ?? {};
  let points = 0;
  let redFlag = false;

  if (typeof value === "number") {
    const matching = (rule.thresholds ?? []).filter((t) => value > t.above);
    if (matching.length > 0) points = matching.reduce((a, b) => (b.above > a.above ? b : a)).points;
    if (rule.redFlag && "above" in rule.redFlag) redFlag = value > rule.redFlag.above;
  } else {
    points = rule.pointsByValue?.[value] ?? 0;
    if (rule.redFlag && "equals" in rule.redFlag) redFlag = value === rule.redFlag.equals;
  }
  return { points, redFlag };
}

/** Human-readable answer for buyer views and risk explanations. */
export function formatAnswer(question: Question, value: AnswerValue): string {
  if (value === null || value === undefined || value === "") return "Not answered";
  switch (question.type) {
    case "yes_no":
      return value === "yes" ? "Yes" : "No";
    case "choice":
      return question.options?.find((o) => o.value === value)?.label ?? String(value);
    case "percentage":
      return `${value} %`;
    case "number":
      return question.unit ? `${value} ${question.unit}` : String(value);
    case "text":
      return String(value);
  }
}

/** Required questions without an answer (blocking submission). */
export function missingRequired(template: Template, answers: Record<string, AnswerValue>): string[] {
  return template.questions
    .filter((q) => q.required)
    .filter((q) => answers[q.id] === null || answers[q.id] === undefined || answers[q.id] === "")
    .map((q) => q.id);
}

/** Parse a stored snapshot; a corrupt snapshot is a bug, so this throws rather than guessing. */
export function parseTemplate(snapshot: unknown): Template {
  return templateSchema.parse(typeof snapshot === "string" ? JSON.parse(snapshot) : snapshot);
}

/** The form field name used for a question's answer in the supplier portal. */
export function fieldName(questionId: string): string {
  return `q.${questionId}`;
}
