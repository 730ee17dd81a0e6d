import { z } from "zod";
import {
  NOT_APPLICABLE,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type Rule,
  type Template,
} from "./model";
import { questionSchema } from "./model.schema";
import type { DraftEdit } from "./templates.server";

/**
 * The template editor's forms, as pure code: what an admin types (points per answer, thresholds, conditions)
 * ↔ the question model. Shared by the editor page (labels, initial values) and the verbs (parsing).
 */

export const CHOICE_TYPES: QuestionType[] = ["choice", "multi_choice"];
export const NUMERIC_TYPES: QuestionType[] = ["number", "percentage"];
export const TEXT_TYPES: QuestionType[] = ["short_text", "text"];
/** N/A makes no sense for a file (just do not upload) or free text (type it). */
export const NA_TYPES: QuestionType[] = ["yes_no", "choice", "multi_choice", "number", "percentage", "date"];

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true");
const optionalNumber = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const n = Number(v.replace(",", "."));
      if (!Number.isFinite(n)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a number.` });
        return z.NEVER;
      }
      return n;
    });
const lines = (v: string | undefined) =>
  (v ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const questionFormSchema = z.object({
  type: z.enum(QUESTION_TYPES, "Choose a question type."),
  text: z.string().trim().min(1, "Enter the question.").max(1000, "Keep the question under 1000 characters."),
  help: z.string().trim().max(2000, "Keep the help under 2000 characters.").optional().default(""),
  required: checkbox,
  allowNotApplicable: checkbox,
  iloIndicators: z.preprocess(
    asArray,
    z.array(z.coerce.number().int().min(1, "Unknown indicator.").max(11, "Unknown indicator.")),
  ),
  /** One option per line: "value | label | points" (points optional). */
  options: z.string().optional(),
  unit: z.string().trim().max(50, "Keep the unit under 50 characters.").optional(),
  min: optionalNumber("Minimum"),
  max: optionalNumber("Maximum"),
  maxLength: optionalNumber("Maximum length"),
  pointsYes: optionalNumber("Points for Yes"),
  pointsNo: optionalNumber("Points for No"),
  pointsNa: optionalNumber("Points for Not applicable"),
  /** One threshold per line: "above = points", e.g. "48 = 3". */
  thresholds: z.string().optional(),
  /** yes_no / choice / multi: answer values that are a red flag (comma separated). */
  redFlagValues: z.string().trim().optional(),
  redFlagAbove: optionalNumber("Red flag above"),
  control: checkbox,
  unevidencedPoints: optionalNumber("Credit without evidence"),
  evidenceRequest: z.string().trim().max(500, "Keep the request under 500 characters.").optional(),
  /** Answer values for which the evidence is requested (comma separated; empty = always). */
  evidenceWhen: z.string().trim().optional(),
  visibleWhenQuestion: z.string().trim().optional(),
  /** Comma-separated answer values of that earlier question. */
  visibleWhenValues: z.string().trim().optional(),
});
export type QuestionForm = z.input<typeof questionFormSchema>;
export type QuestionFormData = z.output<typeof questionFormSchema>;

const csv = (v: string | undefined) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");

/**
 * Build a question from the editor form; throws nothing, returns field errors keyed by form field name.
 * `earlier` are the questions before this one (valid condition sources).
 */
export function questionFromForm(
  id: string,
  section: string,
  form: QuestionFormData,
  earlier: Question[],
): { ok: true; question: Question } | { ok: false; fieldErrors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const rule: Rule = {};
  const q: Record<string, unknown> = {
    id,
    section,
    type: form.type,
    text: form.text,
    help: form.help ?? "",
    required: form.required,
    iloIndicators: [...new Set(form.iloIndicators)].sort((a, b) => a - b),
  };
  if (form.allowNotApplicable) {
    if (!NA_TYPES.includes(form.type))
      errors.allowNotApplicable = "Not applicable is not offered for this type.";
    else q.allowNotApplicable = true;
  }

  const pointsByValue: Record<string, number> = {};
  if (CHOICE_TYPES.includes(form.type)) {
    const options: { value: string; label: string }[] = [];
    for (const [i, line] of lines(form.options).entries()) {
      const [value, label, points] = line.split("|").map((s) => s.trim());
      if (!value || !/^[A-Za-z0-9_-]+$/.test(value)) {
        errors.options = `Line ${i + 1}: start with a value made of letters, digits, - or _.`;
        break;
      }
      if (value === NOT_APPLICABLE || options.some((o) => o.value === value)) {
        errors.options = `Line ${i + 1}: the value "${value}" is used twice or reserved.`;
        break;
      }
      options.push({ value, label: label || value });
      if (points) {
        const n = Number(points);
        if (!Number.isFinite(n)) {
          errors.options = `Line ${i + 1}: points must be a number.`;
          break;
        }
        if (n !== 0) pointsByValue[value] = n;
      }
    }
    if (!errors.options && options.length < 2) errors.options = "Give at least two options, one per line.";
    q.options = options;
  }
  if (form.type === "yes_no") {
    if (form.pointsYes) pointsByValue.yes = form.pointsYes;
    if (form.pointsNo) pointsByValue.no = form.pointsNo;
  }
  if (form.pointsNa && q.allowNotApplicable) pointsByValue[NOT_APPLICABLE] = form.pointsNa;
  if (Object.keys(pointsByValue).length > 0) rule.pointsByValue = pointsByValue;

  if (NUMERIC_TYPES.includes(form.type)) {
    if (form.type === "number") {
      if (form.min !== undefined) q.min = form.min;
      if (form.max !== undefined) q.max = form.max;
      if (form.min !== undefined && form.max !== undefined && form.min > form.max)
        errors.max = "Maximum must be at least the minimum.";
      if (form.unit) q.unit = form.unit;
    }
    const thresholds: { above: number; points: number }[] = [];
    for (const [i, line] of lines(form.thresholds).entries()) {
      const m = /^(-?\d+(?:[.,]\d+)?)\s*[=:]\s*(-?\d+(?:[.,]\d+)?)$/.exec(line);
      if (!m) {
        errors.thresholds = `Line ${i + 1}: write "above = points", e.g. "48 = 3".`;
        break;
      }
      thresholds.push({ above: Number(m[1].replace(",", ".")), points: Number(m[2].replace(",", ".")) });
    }
    if (thresholds.length > 0) rule.thresholds = thresholds.sort((a, b) => a.above - b.above);
    if (form.redFlagAbove !== undefined) rule.redFlag = { above: form.redFlagAbove };
  } else {
    const flagged = csv(form.redFlagValues);
    if (flagged.length > 0) {
      const allowed =
        form.type === "yes_no"
          ? ["yes", "no"]
          : CHOICE_TYPES.includes(form.type)
            ? ((q.options as { value: string }[]) ?? []).map((o) => o.value)
            : null;
      if (!allowed) errors.redFlagValues = "Red flags by value need a yes/no or choice question.";
      else if (flagged.some((v) => !allowed.includes(v)))
        errors.redFlagValues = `Use answer values: ${allowed.join(", ")}.`;
      else rule.redFlag = flagged.length === 1 ? { equals: flagged[0] } : { in: flagged };
    }
  }
  if (TEXT_TYPES.includes(form.type) && form.maxLength !== undefined) {
    if (!Number.isInteger(form.maxLength) || form.maxLength < 1)
      errors.maxLength = "Enter a whole number above 0.";
    else q.maxLength = form.maxLength;
  }
  if (form.control) {
    rule.control = true;
    if (form.unevidencedPoints !== undefined) rule.unevidencedPoints = form.unevidencedPoints;
  }
  q.rule = rule;

  if (form.evidenceRequest) {
    const when = csv(form.evidenceWhen);
    q.evidence =
      when.length > 0 ? { request: form.evidenceRequest, when } : { request: form.evidenceRequest };
  }

  if (form.visibleWhenQuestion) {
    const source = earlier.find((e) => e.id === form.visibleWhenQuestion);
    const values = csv(form.visibleWhenValues);
    if (!source) errors.visibleWhenQuestion = "Choose an earlier question.";
    else if (source.type === "file")
      errors.visibleWhenQuestion = "A condition cannot depend on a file upload.";
    else if (values.length === 0)
      errors.visibleWhenValues = "Enter the answer value(s) that show this question.";
    else {
      const known =
        source.type === "yes_no"
          ? ["yes", "no", NOT_APPLICABLE]
          : CHOICE_TYPES.includes(source.type)
            ? [...(source.options ?? []).map((o) => o.value), NOT_APPLICABLE]
            : null;
      if (known && values.some((v) => !known.includes(v)))
        errors.visibleWhenValues = `Use answer values of ${source.id}: ${known.join(", ")}.`;
      else
        q.visibleWhen =
          values.length === 1
            ? { questionId: source.id, equals: values[0] }
            : { questionId: source.id, in: values };
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  const parsed = questionSchema.safeParse(q);
  if (!parsed.success)
    return { ok: false, fieldErrors: { _form: parsed.error.issues[0]?.message ?? "Invalid question." } };
  return { ok: true, question: parsed.data };
}

/** The editor form's initial values for a question (inverse of questionFromForm). */
export function questionToForm(q: Question): Record<string, string | boolean | number[]> {
  const pbv = q.rule.pointsByValue ?? {};
  const flag = q.rule.redFlag;
  return {
    type: q.type,
    text: q.text,
    help: q.help,
    required: q.required,
    allowNotApplicable: q.allowNotApplicable ?? false,
    iloIndicators: q.iloIndicators,
    options: (q.options ?? [])
      .map((o) =>
        [o.value, o.label, pbv[o.value] ? String(pbv[o.value]) : ""].filter((x, i) => i < 2 || x).join(" | "),
      )
      .join("\n"),
    unit: q.unit ?? "",
    min: q.min !== undefined ? String(q.min) : "",
    max: q.max !== undefined ? String(q.max) : "",
    maxLength: q.maxLength !== undefined ? String(q.maxLength) : "",
    pointsYes: pbv.yes !== undefined ? String(pbv.yes) : "",
    pointsNo: pbv.no !== undefined ? String(pbv.no) : "",
    pointsNa: pbv[NOT_APPLICABLE] !== undefined ? String(pbv[NOT_APPLICABLE]) : "",
    thresholds: (q.rule.thresholds ?? []).map((t) => `${t.above} = ${t.points}`).join("\n"),
    redFlagValues: flag && "equals" in flag ? flag.equals : flag && "in" in flag ? flag.in.join(", ") : "",
    redFlagAbove: flag && "above" in flag ? String(flag.above) : "",
    control: q.rule.control ?? false,
    unevidencedPoints: q.rule.unevidencedPoints !== undefined ? String(q.rule.unevidencedPoints) : "",
    evidenceRequest: q.evidence?.request ?? "",
    evidenceWhen: q.evidence?.when?.join(", ") ?? "",
    visibleWhenQuestion: q.visibleWhen?.questionId ?? "",
    visibleWhenValues: q.visibleWhen
      ? "equals" in q.visibleWhen
        ? String(q.visibleWhen.equals)
        : q.visibleWhen.in.join(", ")
      : "",
  };
}

/** One line saying how a question scores, for the editor list and the preview. */
export function describeRule(q: Question): string {
  const parts: string[] = [];
  const pbv = q.rule.pointsByValue ?? {};
  for (const [v, p] of Object.entries(pbv)) parts.push(`${v} → ${p > 0 ? "+" : ""}${p}`);
  for (const t of q.rule.thresholds ?? []) parts.push(`> ${t.above} → +${t.points}`);
  const flag = q.rule.redFlag;
  if (flag) {
    const cond =
      "equals" in flag ? `= ${flag.equals}` : "above" in flag ? `> ${flag.above}` : `in ${flag.in.join("/")}`;
    parts.push(`red flag if ${cond}`);
  }
  if (q.rule.control)
    parts.push(q.evidence ? "control (full credit with evidence)" : "control (self-declared)");
  return parts.length > 0 ? parts.join(" · ") : "No risk points";
}

/** Next free question id ("Q1", "Q2", …) in a template. */
export function nextQuestionId(t: Template): string {
  const used = new Set(t.questions.map((q) => q.id));
  for (let n = t.questions.length + 1; ; n++) if (!used.has(`Q${n}`)) return `Q${n}`;
}

/** Next free section id ("s1", "s2", …). */
export function nextSectionId(t: Template): string {
  const used = new Set(t.sections.map((s) => s.id));
  for (let n = t.sections.length + 1; ; n++) if (!used.has(`s${n}`)) return `s${n}`;
}

/** Move an element of a list one step up or down; returns a new list (unchanged at the ends). */
export function moveItem<T>(list: T[], index: number, direction: "up" | "down"): T[] {
  const to = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[index], copy[to]] = [copy[to], copy[index]];
  return copy;
}

const line = (max: number, label: string) =>
  z.string().trim().min(1, `Enter ${label}.`).max(max, `Keep ${label} under ${max} characters.`);
const id = z.string().min(1).max(100);
const direction = z.enum(["up", "down"]);

/** Every form of the template editor page, one object per intent. */
export const templateEditSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("meta"),
      title: line(200, "a title"),
      intro: z.string().trim().max(4000, "Keep the introduction under 4000 characters."),
      attestation: line(2000, "the declaration"),
    }),
    z.object({ intent: z.literal("add-section"), title: line(200, "a section title") }),
    z.object({
      intent: z.literal("update-section"),
      sectionId: id,
      title: line(200, "a section title"),
      description: z.string().trim().max(1000, "Keep the description under 1000 characters."),
    }),
    z.object({ intent: z.literal("delete-section"), sectionId: id }),
    z.object({ intent: z.literal("move-section"), sectionId: id, direction }),
    z.object({
      intent: z.literal("add-question"),
      sectionId: id,
      type: z.enum(QUESTION_TYPES, "Choose a type."),
    }),
    questionFormSchema.extend({ intent: z.literal("save-question"), questionId: id }),
    z.object({ intent: z.literal("delete-question"), questionId: id }),
    z.object({ intent: z.literal("move-question"), questionId: id, direction }),
    z.object({ intent: z.literal("publish") }),
    z.object({ intent: z.literal("new-draft") }),
  ],
  { error: "Unknown action" },
);

export type TemplateEditInput = z.infer<typeof templateEditSchema>;

/** A parsed editor form as the draft edit it asks for (publish and new-draft are not edits). */
export function toDraftEdit(input: TemplateEditInput): DraftEdit {
  switch (input.intent) {
    case "meta":
      return { op: "meta", title: input.title, intro: input.intro, attestation: input.attestation };
    case "add-section":
      return { op: "add-section", title: input.title };
    case "update-section":
      return {
        op: "update-section",
        sectionId: input.sectionId,
        title: input.title,
        description: input.description,
      };
    case "delete-section":
      return { op: "delete-section", sectionId: input.sectionId };
    case "move-section":
      return { op: "move-section", sectionId: input.sectionId, direction: input.direction };
    case "add-question":
      return { op: "add-question", sectionId: input.sectionId, type: input.type };
    case "save-question": {
      const { intent: _i, questionId, ...form } = input;
      void _i;
      return { op: "save-question", questionId, form };
    }
    case "delete-question":
      return { op: "delete-question", questionId: input.questionId };
    case "move-question":
      return { op: "move-question", questionId: input.questionId, direction: input.direction };
    default:
      throw new Error(`Not an edit: ${input.intent}`);
  }
}
