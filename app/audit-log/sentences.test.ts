import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GRIEVANCE_EVENTS } from "~/grievances/workflow";
import { FOLLOW_UP_OUTCOMES } from "~db/schema/audits.constants";
import { ACTION_EVENTS, SUPPLIER_RESPONSES } from "~db/schema/remediation.constants";
import { AUDIT_SENTENCES, changesOf, sentenceOf, type Names } from "./sentences";

const APP = path.resolve(__dirname, "..");

/** Action names built at run time, and every value each can take. */
const TEMPLATES: Record<string, readonly string[]> = {
  "remediation.${event}": ACTION_EVENTS,

  "remediation.finding_${v.response}": SUPPLIER_RESPONSES,

  "finding.follow_up_${OUTCOME_OF[v.decision]}": FOLLOW_UP_OUTCOMES,

  "grievance.${event}": GRIEVANCE_EVENTS,
  // emailFreshLink's kinds other than "resend", which has its own literal (reminders.server.ts)

  "questionnaire.${kind}_sent": ["reminder", "overdue"],
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every action name passed to recordAudit in the app's source, with the file that writes it. */
function actionsInSource(): { actions: Map<string, string>; unknownTemplates: string[] } {
  const actions = new Map<string, string>();
  const unknownTemplates: string[] = [];
  for (const file of sourceFiles(APP)) {
    const src = fs.readFileSync(file, "utf8");
    for (let i = src.indexOf("recordAudit("); i >= 0; i = src.indexOf("recordAudit(", i + 1)) {
      // The definition, and mentions in comments (`recordAudit(…)`).
      if (src.startsWith("recordAudit(tx: DbOrTx", i) || src[i - 1] === "`") continue;
      const at = src.indexOf("action:", i);
      if (at < 0 || at - i > 600) throw new Error(`recordAudit in ${file} without an action: field near it`);
      const expr = src.slice(at + 7, src.indexOf("\n", at) >= 0 ? src.indexOf("\n", at) : undefined);
      const literals = [...expr.matchAll(/"([a-z_]+\.[a-z_.]+)"/g)].map((m) => m[1]);
      const templates = [...expr.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
      for (const l of literals) actions.set(l, path.relative(APP, file));
      for (const t of templates) {
        const values = TEMPLATES[t];
        if (!values) unknownTemplates.push(`${path.relative(APP, file)}: \`${t}\``);
        else for (const v of values) actions.set(t.replace(/\$\{[^}]+\}/, v), path.relative(APP, file));
      }
      if (literals.length + templates.length === 0)
        unknownTemplates.push(`${path.relative(APP, file)}: ${expr}`);
    }
  }
  return { actions, unknownTemplates };
}

const names: Names = { subject: { text: "supplier Acme", href: "/suppliers/1" }, refs: {} };

describe("audit sentences", () => {
  const { actions, unknownTemplates } = actionsInSource();

  it("finds the audit writes in the source", () => {
    expect(actions.size).toBeGreaterThan(80);
    expect(actions.get("supplier.created")).toBe("suppliers/suppliers.server.ts");
    expect(actions.has("remediation.verify")).toBe(true);
    expect(actions.has("grievance.not_substantiate")).toBe(true);
  });

  it("knows every value of every action name built at run time", () => {
    expect(unknownTemplates, "add the template's values to TEMPLATES in this test").toEqual([]);
  });

  it("has a sentence for every action the code writes", () => {
    const missing = [...actions].filter(([a]) => !AUDIT_SENTENCES[a]).map(([a, f]) => `${a} (${f})`);
    expect(missing, "add these to AUDIT_SENTENCES in app/audit-log/sentences.ts").toEqual([]);
  });

  it("has no sentence for an action nothing writes", () => {
    expect(Object.keys(AUDIT_SENTENCES).filter((a) => !actions.has(a))).toEqual([]);
  });

  it("renders every action as a sentence without placeholders, even with no details", () => {
    for (const action of Object.keys(AUDIT_SENTENCES)) {
      const text = sentenceOf(action, {}, names)
        .map((s) => s.text)
        .join("");
      expect(text, action).not.toMatch(/[{}[\]]/);
      expect(text, action).not.toMatch(/^recorded “/);
      expect(text.length, action).toBeGreaterThan(5);
    }
  });

  it("fills values, links the subject and named records, and drops optional parts without a value", () => {
    expect(
      sentenceOf(
        "remediation.close",
        { from: "verified", to: "closed" },
        {
          subject: {
            text: "corrective action ‘Passport retention’ at Shenzhen Bright",
            href: "/remediation/t1",
          },
          refs: {},
        },
      ),
    ).toEqual([
      { text: "closed " },
      { text: "corrective action ‘Passport retention’ at Shenzhen Bright", href: "/remediation/t1" },
    ]);
    expect(
      sentenceOf("finding.added", { grade: "critical" }, names)
        .map((s) => s.text)
        .join(""),
    ).toBe("added supplier Acme (grade critical)");
    expect(
      sentenceOf("finding.added", {}, names)
        .map((s) => s.text)
        .join(""),
    ).toBe("added supplier Acme");
    const linked = sentenceOf(
      "supplier.link_added",
      { parentSupplierId: "p1" },
      { ...names, refs: { parentSupplierId: { text: "supplier Parent Co", href: "/suppliers/p1" } } },
    );
    expect(linked).toContainEqual({ text: "supplier Parent Co", href: "/suppliers/p1" });
    expect(
      sentenceOf("supplier.link_added", { parentSupplierId: null }, names)
        .map((s) => s.text)
        .join(""),
    ).toBe("linked supplier Acme as a direct supplier");
    expect(
      sentenceOf("remediation.owner_assigned", { buyerOwnerUserId: null }, names)
        .map((s) => s.text)
        .join(""),
    ).toBe("made nobody the owner of supplier Acme");
    expect(
      sentenceOf("invitation.created", { email: "a@b.test", role: "auditor" }, names)
        .map((s) => s.text)
        .join(""),
    ).toBe("invited a@b.test as Auditor");
    expect(sentenceOf("future.action", {}, names)[0].text).toBe("recorded “future.action” on ");
  });
});

describe("audit diffs", () => {
  it("reads each shape the verbs write", () => {
    expect(
      changesOf("supplier.updated", {
        name: { from: "Acme", to: "Acme Ltd" },
        country: { from: "CN", to: "VN" },
      }),
    ).toEqual([
      { field: "Name", from: "Acme", to: "Acme Ltd" },
      { field: "Country", from: "CN", to: "VN" },
    ]);
    expect(
      changesOf("remediation.verify", { supplierId: "s", from: "evidence_submitted", to: "verified" }),
    ).toEqual([{ field: "State", from: "Evidence submitted", to: "Verified" }]);
    expect(changesOf("member.role_changed", { email: "x", from: "auditor", to: "admin" })).toEqual([
      { field: "Role", from: "Auditor", to: "Admin" },
    ]);
    expect(
      changesOf("evidence.details_changed", {
        before: { ownerUserId: null, expiresOn: "2026-01-01" },
        after: { ownerUserId: null, expiresOn: "2027-01-01" },
      }),
    ).toEqual([{ field: "Expires on", from: "2026-01-01", to: "2027-01-01" }]);
    expect(
      changesOf("risk.recomputed", {
        from: { score: 42, level: "medium" },
        to: { score: 57, level: "high" },
      }),
    ).toEqual([
      { field: "Score", from: "42", to: "57" },
      { field: "Level", from: "medium", to: "high" },
    ]);
    expect(changesOf("risk.recomputed", { from: null, to: { score: 57, level: "high" } })).toEqual([
      { field: "Score", from: "—", to: "57" },
      { field: "Level", from: "—", to: "high" },
    ]);
    expect(changesOf("risk.settings_updated", { auditMaxAgeMonths: { from: 12, to: 24 } })).toEqual([
      { field: "Audit max age months", from: "12", to: "24" },
    ]);
    expect(changesOf("supplier.created", { name: "Acme" })).toEqual([]);
  });
});
