import type { AnswerValue, Question } from "./model";
import type { RawValue } from "./ui/QuestionField";

/** Between stored answers and what a form field holds ("" for none, an array for multi-choice). */
export function toRaw(value: AnswerValue | undefined): RawValue {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value;
  return String(value);
}

/** What was typed, as the answer it would be saved as (visibility and progress follow it live). */
export function fromRaw(q: Question, raw: RawValue): AnswerValue {
  if (Array.isArray(raw)) return raw.length ? raw : null;
  if (raw === "") return null;
  if ((q.type === "number" || q.type === "percentage") && /^-?\d+([.,]\d+)?$/.test(raw))
    return Number(raw.replace(",", "."));
  return raw;
}
