import { GRADE_LABELS, GRADE_TONES, type FindingGrade, type GradeTone } from "./catalogue";

const TONE_CLASSES: Record<GradeTone, string> = {
  red: "bg-red-100 text-red-800 ring-red-200",
  orange: "bg-orange-100 text-orange-800 ring-orange-200",
  amber: "bg-amber-100 text-amber-800 ring-amber-200",
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function GradeBadge({ grade, count }: { grade: FindingGrade; count?: number }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONE_CLASSES[GRADE_TONES[grade]]}`}
    >
      {count !== undefined ? <span className="tabular-nums">{count}</span> : null}
      {GRADE_LABELS[grade]}
    </span>
  );
}
