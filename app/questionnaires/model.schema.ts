import { z } from "zod";
import { NOT_APPLICABLE, QUESTION_TYPES } from "./model";

/**
 * The zod schemas of the questionnaire model (templates as stored and edited). Apart from model.ts so
 * that browser code using the model's pure functions does not download zod.
 */
const thresholdSchema = z.object({
  /** Points apply when the numeric answer is strictly above this value; the highest matching one wins. */
  above: z.number(),
  points: z.number(),
});

const redFlagSchema = z.union([
  z.object({ equals: z.string() }).strict(),
  z.object({ above: z.number() }).strict(),
  /** choice / multi_choice: red flag when the answer is (or, for multi, includes) any of these values. */
  z.object({ in: z.array(z.string()).min(1) }).strict(),
]);
export type RedFlagCondition = z.infer<typeof redFlagSchema>;

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
    /**
     * Control credit (negative points) when the requested evidence is missing. Defaults to
     * UNEVIDENCED_CONTROL_SHARE of the full credit. Only applies to questions with an `evidence` request.
     */
    unevidencedPoints: z.number().optional(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

/**
 * Show the question only when an EARLIER question's answer equals a value (for multi_choice: includes it) or
 * is one of several values. A hidden question is not required and its answer is ignored.
 */
export const visibleWhenSchema = z.union([
  z.object({ questionId: z.string().min(1), equals: z.union([z.string(), z.number()]) }).strict(),
  z.object({ questionId: z.string().min(1), in: z.array(z.string()).min(1) }).strict(),
]);
export type VisibleWhen = z.infer<typeof visibleWhenSchema>;

/** What the supplier is asked to upload alongside the answer ("Upload your recruitment-fee policy"). */
export const evidenceRequestSchema = z
  .object({
    request: z.string().min(1),
    /** Ask only when the answer is one of these values (e.g. ["yes"]); always when absent. */
    when: z.array(z.string()).optional(),
  })
  .strict();
export type EvidenceRequest = z.infer<typeof evidenceRequestSchema>;

export const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) });
export type QuestionOption = z.infer<typeof optionSchema>;

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
    /** choice and multi_choice */
    options: z.array(optionSchema).optional(),
    /** number only */
    min: z.number().optional(),
    max: z.number().optional(),
    unit: z.string().optional(),
    /** text and short_text */
    maxLength: z.number().int().positive().optional(),
    /** Offer "Not applicable" as an answer (stored as NOT_APPLICABLE). */
    allowNotApplicable: z.boolean().optional(),
    visibleWhen: visibleWhenSchema.optional(),
    evidence: evidenceRequestSchema.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.type === "choice" || q.type === "multi_choice") && (!q.options || q.options.length === 0)) {
      ctx.addIssue({ code: "custom", message: "A choice question needs options", path: ["options"] });
    }
    const values = new Set<string>();
    (q.options ?? []).forEach((o, i) => {
      if (o.value === NOT_APPLICABLE)
        ctx.addIssue({ code: "custom", message: `"${NOT_APPLICABLE}" is reserved`, path: ["options", i] });
      if (values.has(o.value))
        ctx.addIssue({ code: "custom", message: `Duplicate option ${o.value}`, path: ["options", i] });
      values.add(o.value);
    });
  });
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().default(""),
});
export type Section = z.infer<typeof sectionSchema>;

/** One language's strings for a question; a missing string falls back to the template's own language. */
export const questionTranslationSchema = z
  .object({
    text: z.string().optional(),
    help: z.string().optional(),
    unit: z.string().optional(),
    /** option value → label */
    options: z.record(z.string(), z.string()).optional(),
    evidenceRequest: z.string().optional(),
  })
  .strict();
export type QuestionTranslation = z.infer<typeof questionTranslationSchema>;

export const templateTranslationSchema = z
  .object({
    title: z.string().optional(),
    intro: z.string().optional(),
    attestation: z.string().optional(),
    sections: z
      .record(
        z.string(),
        z.object({ title: z.string().optional(), description: z.string().optional() }).strict(),
      )
      .optional(),
    questions: z.record(z.string(), questionTranslationSchema).optional(),
  })
  .strict();
export type TemplateTranslation = z.infer<typeof templateTranslationSchema>;

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
    /** The language the strings above are written in (BCP 47); "en" when absent. */
    language: z.string().optional(),
    /** Other languages: language code → strings. */
    translations: z.record(z.string(), templateTranslationSchema).optional(),
  })
  .superRefine((t, ctx) => {
    const sectionIds = new Set(t.sections.map((s) => s.id));
    const seen = new Map<string, Question>();
    t.questions.forEach((q, i) => {
      if (!sectionIds.has(q.section))
        ctx.addIssue({ code: "custom", message: `Unknown section ${q.section}`, path: ["questions", i] });
      if (seen.has(q.id))
        ctx.addIssue({ code: "custom", message: `Duplicate question id ${q.id}`, path: ["questions", i] });
      if (q.visibleWhen) {
        const source = seen.get(q.visibleWhen.questionId);
        if (!source)
          ctx.addIssue({
            code: "custom",
            message: `Question ${q.id} can only depend on an earlier question`,
            path: ["questions", i, "visibleWhen"],
          });
        else if (source.type === "file")
          ctx.addIssue({
            code: "custom",
            message: `Question ${q.id} cannot depend on a file upload`,
            path: ["questions", i, "visibleWhen"],
          });
      }
      seen.set(q.id, q);
    });
  });
export type Template = z.infer<typeof templateSchema>;

/** Parse a stored snapshot; a corrupt snapshot is a bug, so this throws rather than guessing. */
export function parseTemplate(snapshot: unknown): Template {
  return templateSchema.parse(typeof snapshot === "string" ? JSON.parse(snapshot) : snapshot);
}
