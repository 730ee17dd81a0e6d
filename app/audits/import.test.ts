import { describe, expect, it } from "vitest";
import { iloFrom, mapAuditHeaders, parseFindingRow, titleFrom } from "./import";
import { DEFAULT_SCHEME_VOCABULARY } from "./vocabulary";

const smeta = { scheme: "SMETA", vocabulary: DEFAULT_SCHEME_VOCABULARY.SMETA, auditDate: "2026-03-10" };

describe("audit report headings", () => {
  it("finds columns by the names reports use, and names what is missing", () => {
    expect(
      mapAuditHeaders([
        "Code clause",
        "Non-compliance",
        "Description of non-compliance",
        "NC grade",
        "Deadline",
      ]),
    ).toEqual({ mapping: { clause: 0, title: 1, description: 2, grade: 3, due_date: 4 }, problem: null });
    expect(mapAuditHeaders(["Clause", "Severity"]).problem).toMatch(/no a “Finding” or “Description” column/);
    expect(mapAuditHeaders(["Clause", "Finding"]).problem).toMatch(/no a “Grade” column/);
  });
});

describe("one row of an audit report", () => {
  const mapping = { clause: 0, title: 1, description: 2, grade: 3, due_date: 4, ilo_indicator: 5 };
  it("maps the scheme's grade word onto the organisation's scale, case-insensitively", () => {
    expect(
      parseFindingRow(
        ["ETI 1.1", "Passports held", "", "business CRITICAL", "2026-04-01", "7"],
        mapping,
        smeta,
      ),
    ).toEqual({
      ok: true,
      value: {
        title: "Passports held",
        description: null,
        clause: "ETI 1.1",
        schemeGrade: "Business critical",
        grade: "zero_tolerance",
        dueDate: "2026-04-01",
        iloIndicator: "7",
      },
    });
  });

  it("names the accepted words for an unknown grade, and refuses bad dates and indicators", () => {
    const r = parseFindingRow(["", "Fees", "", "Priority", "31/12/2026", "Forced smiling"], mapping, smeta);
    expect(r).toEqual({
      ok: false,
      errors: [
        "“Priority” is not a SMETA grade: use one of Business critical, Critical, Major, Minor, Observation.",
        "The due date “31/12/2026” is not a date written YYYY-MM-DD.",
        "“Forced smiling” is not an ILO forced-labour indicator (1–11 or its name).",
      ],
    });
    expect(parseFindingRow(["", "Fees", "", "Major", "2026-01-01", ""], mapping, smeta)).toMatchObject({
      ok: false,
      errors: ["The due date 2026-01-01 is before the audit (2026-03-10)."],
    });
    expect(parseFindingRow(["", "", "", "", "", ""], mapping, smeta)).toMatchObject({
      ok: false,
      errors: [
        "The finding has neither a title nor a description.",
        "The grade is missing: use one of Business critical, Critical, Major, Minor, Observation.",
      ],
    });
  });

  it("takes a title from the description when the report has none; strips formula guards", () => {
    const r = parseFindingRow(
      ["", "", "'=Workers pay for their own PPE. 40 of 60 interviewed.", "Minor", "", "Debt bondage"],
      mapping,
      smeta,
    );
    expect(r).toMatchObject({
      ok: true,
      value: {
        title: "=Workers pay for their own PPE.",
        description: "=Workers pay for their own PPE. 40 of 60 interviewed.",
        iloIndicator: "9",
      },
    });
    expect(titleFrom("x".repeat(150) + " " + "y".repeat(100))).toBe(`${"x".repeat(150)}…`);
    expect(iloFrom("11. Excessive overtime")).toBe("11");
    expect(iloFrom("12")).toBeUndefined();
  });
});
