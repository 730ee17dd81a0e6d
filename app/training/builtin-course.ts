import type { CourseKey } from "./course-i18n.server";

/**
 * The built-in course "Recognising forced labour" (version 1): three pages and five questions of three
 * choices each. The strings are in `course-i18n.server.ts`; which choice is right is kept here and never
 * sent to the page. Passing (4 of 5) records a completion for the supplier whose portal link it was
 * taken through.
 */
export const BUILTIN_COURSE_KEY = "forced_labour_indicators_v1" as const;
export const BUILTIN_COURSE_MINUTES = 20;
export const BUILTIN_COURSE_TITLE = "Recognising forced labour (built-in portal course)";

export type CoursePage = { title: CourseKey; intro?: CourseKey; items: CourseKey[]; paragraphs: CourseKey[] };

export const COURSE_PAGES: CoursePage[] = [
  { title: "p1.title", items: [], paragraphs: ["p1.t1", "p1.t2", "p1.t3"] },
  {
    title: "p2.title",
    intro: "p2.intro",
    items: [
      "p2.i1",
      "p2.i2",
      "p2.i3",
      "p2.i4",
      "p2.i5",
      "p2.i6",
      "p2.i7",
      "p2.i8",
      "p2.i9",
      "p2.i10",
      "p2.i11",
    ],
    paragraphs: [],
  },
  {
    title: "p3.title",
    intro: "p3.intro",
    items: ["p3.s1", "p3.s2", "p3.s3", "p3.s4", "p3.s5", "p3.s6"],
    paragraphs: ["p3.t1", "p3.t2"],
  },
];

export const CHOICES = ["a", "b", "c"] as const;
export type Choice = (typeof CHOICES)[number];

export type QuizQuestion = { name: string; text: CourseKey; choices: Record<Choice, CourseKey> };

export const QUIZ: QuizQuestion[] = [1, 2, 3, 4, 5].map((n) => ({
  name: `q${n}`,
  text: `q${n}.text` as CourseKey,
  choices: { a: `q${n}.a` as CourseKey, b: `q${n}.b` as CourseKey, c: `q${n}.c` as CourseKey },
}));

/** The right choice per question (server side only). */
const ANSWERS: Record<string, Choice> = { q1: "b", q2: "a", q3: "c", q4: "b", q5: "b" };

export const PASS_MARK = 4;

export type QuizResult = {
  score: number;
  total: number;
  passed: boolean;
  percent: number;
  /** Per question: was the given answer right. */
  right: Record<string, boolean>;
};

/** Grade a complete set of answers; null when a question is unanswered or an answer is not a choice. */
export function gradeQuiz(answers: Record<string, unknown>): QuizResult | null {
  const right: Record<string, boolean> = {};
  for (const q of QUIZ) {
    const a = answers[q.name];
    if (typeof a !== "string" || !(CHOICES as readonly string[]).includes(a)) return null;
    right[q.name] = a === ANSWERS[q.name];
  }
  const score = Object.values(right).filter(Boolean).length;
  return {
    score,
    total: QUIZ.length,
    passed: score >= PASS_MARK,
    percent: Math.round((score / QUIZ.length) * 100),
    right,
  };
}
