import { describe, expect, it } from "vitest";
import { gradeQuiz, PASS_MARK, QUIZ } from "./builtin-course";
import { COURSE_STRINGS } from "./course-i18n.server";

describe("the built-in course quiz", () => {
  it("passes 5/5 and 4/5, fails 3/5", () => {
    const all = { q1: "b", q2: "a", q3: "c", q4: "b", q5: "b" };
    expect(gradeQuiz(all)).toMatchObject({ score: 5, passed: true, percent: 100 });
    expect(gradeQuiz({ ...all, q5: "a" })).toMatchObject({ score: 4, passed: true, percent: 80 });
    const three = gradeQuiz({ ...all, q4: "a", q5: "c" });
    expect(three).toMatchObject({ score: 3, passed: false, percent: 60 });
    expect(three?.right).toMatchObject({ q1: true, q4: false, q5: false });
    expect(PASS_MARK).toBe(4);
  });

  it("refuses an incomplete or forged answer set", () => {
    expect(gradeQuiz({ q1: "b", q2: "a", q3: "c", q4: "b" })).toBeNull();
    expect(gradeQuiz({ q1: "b", q2: "a", q3: "c", q4: "b", q5: "d" })).toBeNull();
    expect(gradeQuiz({ q1: ["b"], q2: "a", q3: "c", q4: "b", q5: "b" })).toBeNull();
  });

  it("has every question and choice in every language", () => {
    for (const [lang, table] of Object.entries(COURSE_STRINGS)) {
      for (const q of QUIZ) {
        expect(table[q.text], `${lang} ${q.text}`).toBeTruthy();
        for (const c of Object.values(q.choices)) expect(table[c], `${lang} ${c}`).toBeTruthy();
      }
    }
  });
});
