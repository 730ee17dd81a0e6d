import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditChainHead, verifyAuditChain } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { sha256Hex } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { hasPoppler, pdfText, popplerSkipReason } from "~/infra/pdf/poppler.testing";
import { getObjectBuffer } from "~/infra/storage.server";
import {
  audits,
  auditLog,
  findings,
  remediationTasks,
  riskAssessments,
  statementDocuments,
  statements,
} from "~db/schema";
import type { Regime } from "~db/schema/statements.constants";
import { createOrg, insertSupplier, type TestOrg } from "../../test/factories";
import type { CheckResult } from "./checker";
import { valueOf } from "./facts";
import { gatherStatementFacts } from "./facts.server";
import { addGoverningBodyMember, recordMemberLeft } from "./governance.server";
import { publicStatementPdf, publicStatements } from "./public.server";
import { templateFor } from "./regimes";
import {
  addComment,
  approveStatement,
  createStatement,
  generateStatementPdf,
  getStatement,
  publishStatement,
  reviseStatement,
  signStatement,
  statementAnnexCsv,
  statementQuestionnaire,
  submitForReview,
  updateStatement,
} from "./statements.server";

const PERIOD = { periodStart: "2025-12-01", periodEnd: "2026-11-30" };
const LODZ = "Łódź Tekstil Sanayi A.Ş.";
const SHENZHEN = "深圳市纺织厂";
const ARABIC = "مصنع النور";
const DIRECTOR = "Zoë Ångström-Núñez";

/** A clock after the period end, so statements of the period can be approved. */
const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });

function audit(orgId: string, supplierId: string, auditDate: string) {
  return writeTx((tx) =>
    tx
      .insert(audits)
      .values({ organizationId: orgId, supplierId, scheme: "SMETA", auditDate })
      .returning()
      .get(),
  );
}

function finding(
  orgId: string,
  supplierId: string,
  auditId: string,
  grade: (typeof findings.$inferInsert)["grade"],
  opts: { ilo?: string; closedAt?: Date } = {},
) {
  return writeTx((tx) =>
    tx
      .insert(findings)
      .values({
        organizationId: orgId,
        auditId,
        supplierId,
        title: `Finding ${grade}`,
        grade,
        iloIndicator: opts.ilo ?? null,
        status: opts.closedAt ? "closed" : "open",
        closedAt: opts.closedAt ?? null,
      })
      .returning()
      .get(),
  );
}

function task(
  orgId: string,
  supplierId: string,
  createdAt: Date,
  opts: { sourceRef?: string; completedAt?: Date } = {},
) {
  writeTx((tx) =>
    tx
      .insert(remediationTasks)
      .values({
        organizationId: orgId,
        supplierId,
        sourceType: "finding",
        sourceRef: opts.sourceRef ?? crypto.randomUUID(),
        title: "Return passports",
        dueDate: "2026-12-31",
        status: opts.completedAt ? "completed" : "open",
        completedAt: opts.completedAt ?? null,
        createdAt,
      })
      .run(),
  );
}

function risk(orgId: string, supplierId: string, level: "low" | "high" | "critical", computedAt: Date) {
  writeTx((tx) =>
    tx
      .insert(riskAssessments)
      .values({
        organizationId: orgId,
        supplierId,
        score: level === "low" ? 10 : 80,
        level,
        modelVersion: "test",
        factors: [],
        trigger: "test",
        computedAt,
      })
      .run(),
  );
}

function facts(orgId: string) {
  return gatherStatementFacts(
    db(),
    orgId,
    { start: PERIOD.periodStart, end: PERIOD.periodEnd },
    new Date("2027-01-10T00:00:00Z"),
  );
}

describe("gatherStatementFacts reads dated records for the period", () => {
  it.each([
    ["2026-11-29", 1],
    ["2026-11-30", 1],
    ["2026-12-01", 0],
  ])("a finding of an audit on %s is raised in the period: %s", async (day, n) => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { name: LODZ, country: "TR" });
    const a = audit(org.id, s.id, day);
    finding(org.id, s.id, a.id, "major");
    expect(valueOf(facts(org.id), "findings_raised") ?? 0).toBe(n);
  });

  it("counts closures and actions inside the period only, and risk as of the period end", async () => {
    const org = await createOrg();
    const added = new Date("2025-01-01T00:00:00Z");
    const s1 = insertSupplier(org.id, {
      name: LODZ,
      country: "TR",
      riskLevel: "low",
      riskScore: 10,
      createdAt: added,
    });
    const s2 = insertSupplier(org.id, {
      name: SHENZHEN,
      country: "CN",
      riskLevel: "low",
      riskScore: 10,
      createdAt: added,
    });
    insertSupplier(org.id, { name: "Added after the year end", country: "CN" });
    const a = audit(org.id, s1.id, "2026-06-01");
    const z = finding(org.id, s1.id, a.id, "zero_tolerance", { ilo: "7" });
    finding(org.id, s1.id, a.id, "major", { closedAt: new Date("2026-09-01T10:00:00Z") });
    finding(org.id, s1.id, a.id, "major", { closedAt: new Date("2026-12-02T10:00:00Z") }); // closed after the end
    finding(org.id, s1.id, a.id, "minor", { ilo: "8" }); // a payslip issue: not a red flag
    task(org.id, s1.id, new Date("2026-12-03T09:00:00Z"), { sourceRef: z.id }); // raised after the end
    task(org.id, s2.id, new Date("2026-11-30T23:30:00Z"));
    // History: high at the year end, low today (the denormalised supplier column says low).
    risk(org.id, s1.id, "high", new Date("2026-10-01T00:00:00Z"));
    risk(org.id, s1.id, "low", new Date("2026-12-20T00:00:00Z"));
    const f = facts(org.id);
    expect(valueOf(f, "findings_raised")).toBe(4);
    expect(valueOf(f, "findings_closed")).toBe(1);
    expect(valueOf(f, "findings_open_at_end")).toBe(3);
    expect(valueOf(f, "grave_findings_with_action")).toBe(0);
    expect(valueOf(f, "actions_raised")).toBe(1);
    expect(valueOf(f, "suppliers_high_risk")).toBe(1);
    expect(f.riskAtEnd.byLevel).toEqual([
      { level: "high", count: 1 },
      { level: "unscored", count: 1 },
    ]);
    expect(f.redFlags.byIndicator.map((r) => r.indicator)).toEqual([7]);
  });

  it("never reads another organisation's rows", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(other.id, { country: "TR" });
    finding(other.id, s.id, audit(other.id, s.id, "2026-05-01").id, "critical");
    const f = facts(org.id);
    expect(f.indicators.every((i) => i.value === null)).toBe(true);
  });
});

const words = (text: string, n = 60) =>
  Array.from({ length: n }, (_, i) => `${text}${i % 7 === 0 ? "." : ""}`).join(" ");

async function readyStatement(org: TestOrg, regime: Regime) {
  const exec = org.members.executive.ctx;
  const { id } = createStatement(exec, { regime, ...PERIOD });
  const t = templateFor(regime, PERIOD.periodEnd);
  const narrative = Object.fromEntries(
    t.criteria.map((c) => [c.key, `${c.heading} — ${words("steps taken")}`]),
  );
  narrative[t.criteria[0].key] = `${LODZ} and ${SHENZHEN} and ${ARABIC} supply us. ${words("structure")}`;
  updateStatement(exec, id, {
    narrative,
    narrativeFr: Object.fromEntries(t.criteria.map((c) => [c.key, `Texte français ${words("mesures")}`])),
    details: {
      identifiers: "ABN 12 345 678 901",
      businessNumbers: "123456789RC0001",
      entityCategory: "size",
      sector: "Apparel",
      bilingual: regime === "ca_s211",
    },
  });
  return id;
}

async function orgWithBoard() {
  const org = await createOrg();
  const before = new Date("2025-06-01T00:00:00Z");
  const s = insertSupplier(org.id, { name: LODZ, country: "TR", createdAt: before });
  insertSupplier(org.id, { name: SHENZHEN, country: "CN", createdAt: before });
  insertSupplier(org.id, { name: ARABIC, country: "AE", createdAt: before });
  finding(org.id, s.id, audit(org.id, s.id, "2026-06-01").id, "zero_tolerance", { ilo: "7" });
  const director = addGoverningBodyMember(org.members.admin.ctx, {
    name: DIRECTOR,
    title: "Director",
    body: "Board of directors",
    appointedOn: "2020-01-01",
  });
  const gone = addGoverningBodyMember(org.members.admin.ctx, {
    name: "Former Director",
    title: "Director",
    body: "Board of directors",
    appointedOn: "2020-01-01",
  });
  recordMemberLeft(org.members.admin.ctx, { memberId: gone.id, leftOn: "2026-06-30" });
  const secretary = addGoverningBodyMember(org.members.admin.ctx, {
    name: "Company Secretary",
    title: "Secretary",
    body: "Executive committee",
    appointedOn: "2020-01-01",
  });
  return { org, director: director.id, gone: gone.id, secretary: secretary.id };
}

const APPROVE = (signatoryMemberId: string, approvalDate = "2027-01-20") => ({
  governingBody: "Board of directors",
  approvalDate,
  signatoryMemberId,
});

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected an error");
}

describe("approval workflow", () => {
  it("refuses bad approvals with the reason, then approves, signs, publishes and keeps every step in the audit log", async () => {
    const { org, director, gone, secretary } = await orgWithBoard();
    const exec = org.members.executive.ctx;
    const id = await readyStatement(org, "uk_msa_s54");
    const late = at(exec, "2027-01-25T12:00:00Z");

    // Not yet in review.
    expect(errorOf(() => approveStatement(late, id, APPROVE(director)))).toBeInstanceOf(ConflictError);
    submitForReview(exec, id);
    addComment(org.members.procurement.ctx, id, {
      body: "Please name the dye houses.",
      criterionKey: "structure",
    });

    // Before the period ends.
    const early = errorOf(() =>
      approveStatement(at(exec, "2026-11-30T12:00:00Z"), id, APPROVE(director, "2026-11-30")),
    );
    expect(early).toBeInstanceOf(ValidationError);
    expect((early as ValidationError).fieldErrors.approvalDate).toMatch(
      /can only be approved after it has ended/,
    );

    // A signatory who is not a member of the named body, or who had left it by the approval date.
    const notMember = errorOf(() => approveStatement(late, id, APPROVE(secretary))) as ValidationError;
    expect(notMember.fieldErrors.signatoryMemberId).toBe(
      "Company Secretary is not recorded as a member of the Board of directors.",
    );
    const left = errorOf(() => approveStatement(late, id, APPROVE(gone))) as ValidationError;
    expect(left.fieldErrors.signatoryMemberId).toMatch(
      /was not a member of the Board of directors on 20 January 2027/,
    );

    // A missing mandatory criterion: Australia's s.16(1)(g) "any other relevant information" left empty.
    const au = await readyStatement(org, "au_msa_s16");
    updateStatement(exec, au, { narrative: { other: "" } });
    submitForReview(exec, au);
    const missing = errorOf(() => approveStatement(late, au, APPROVE(director))) as ValidationError;
    expect(missing.message).toMatch(
      /mandatory items are missing — Criterion 7: Any other relevant information/,
    );
    expect(missing.fieldErrors["n.other"]).toMatch(/No text and no figures/);
    expect(db().select().from(statements).where(eq(statements.id, au)).get()!.status).toBe("in_review");

    // A UK s.54(5) area is only recommended ("may include"): left empty, it is reported, not refused.
    updateStatement(exec, id, { narrative: { training: "" } });
    approveStatement(late, id, APPROVE(director));
    const kept = db().select().from(statements).where(eq(statements.id, id)).get()!
      .checkResult as CheckResult;
    expect(kept.items.find((i) => i.key === "training")).toMatchObject({
      status: "missing",
      mandatory: false,
    });
    const approved = db().select().from(statements).where(eq(statements.id, id)).get()!;
    expect(approved).toMatchObject({
      status: "approved",
      directorName: DIRECTOR,
      boardApprovalDate: "2027-01-20",
    });
    expect(approved.checkResult).toMatchObject({ templateId: "uk-s54-2025", blocking: [] });
    expect(approved.auditChainHead).toBe(auditChainHead(db(), org.id).hash);

    // Twice, and editing the approved version, are refused.
    expect(errorOf(() => approveStatement(late, id, APPROVE(director))).message).toMatch(
      /cannot be approved twice/,
    );
    expect(errorOf(() => updateStatement(exec, id, { narrative: { training: "x" } })).message).toMatch(
      /Start a revision/,
    );

    await expect(publishStatement(late, id)).rejects.toThrow(/Only a signed statement is published/);
    expect(() => publicStatements(org.id, "2026")).toThrow(NotFoundError);
    signStatement(late, id, { signedOn: "2027-01-22" });
    expect(errorOf(() => signStatement(late, id, { signedOn: "2027-01-22" }))).toBeInstanceOf(ConflictError);
    const { documentId } = await publishStatement(late, id);

    const page = publicStatements(org.id, "2026");
    expect(page.statements).toHaveLength(1);
    expect(page.statements[0]).toMatchObject({
      regime: "uk_msa_s54",
      signatory: { name: DIRECTOR, signedOn: "2027-01-22" },
    });
    expect(JSON.stringify(page)).not.toContain("Please name the dye houses");
    const file = publicStatementPdf(org.id, "2026", "uk_msa_s54");
    const doc = db().select().from(statementDocuments).where(eq(statementDocuments.id, documentId)).get()!;
    expect(file.key).toBe(doc.storageKey);
    expect(sha256Hex(await getObjectBuffer(file.key))).toBe(doc.sha256);
    expect(() => publicStatements(org.id, "2025")).toThrow(NotFoundError);
    expect(() => publicStatementPdf(org.id, "2026", "au_msa_s16")).toThrow(NotFoundError);

    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, id)))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "statement.created",
        "statement.updated",
        "statement.submitted_for_review",
        "statement.commented",
        "statement.approved",
        "statement.signed",
        "statement.pdf_generated",
        "statement.published",
      ]),
    );
    expect(verifyAuditChain(db(), org.id).ok).toBe(true);

    // A revision is a new version that says what changed; the published version stays public until then.
    const rev = reviseStatement(exec, id, "Corrects the number of suppliers audited in area (c).");
    const v2 = getStatement(exec, rev.id);
    expect(v2).toMatchObject({
      version: 2,
      status: "draft",
      revisionNote: expect.stringMatching(/Corrects/),
    });
    expect(errorOf(() => reviseStatement(exec, id, "Another revision at the same time."))).toBeInstanceOf(
      ConflictError,
    );
    expect(publicStatements(org.id, "2026").statements[0].version).toBe(1);
  });

  it("keeps another tenant's statement out of reach (404)", async () => {
    const { org } = await orgWithBoard();
    const other = await createOrg();
    const id = await readyStatement(org, "uk_msa_s54");
    expect(() => getStatement(other.members.admin.ctx, id)).toThrow(NotFoundError);
    expect(() => submitForReview(other.members.admin.ctx, id)).toThrow(NotFoundError);
    expect(() => approveStatement(other.members.admin.ctx, id, APPROVE("x"))).toThrow(NotFoundError);
    expect(() => statementAnnexCsv(other.members.admin.ctx, id)).toThrow(NotFoundError);
  });

  it("offers one draft per regime and year, and the same year under several regimes", async () => {
    const org = await createOrg();
    const exec = org.members.executive.ctx;
    createStatement(exec, { regime: "uk_msa_s54", ...PERIOD });
    createStatement(exec, { regime: "au_msa_s16", ...PERIOD });
    expect(errorOf(() => createStatement(exec, { regime: "uk_msa_s54", ...PERIOD }))).toBeInstanceOf(
      ConflictError,
    );
  });
});

const HEADINGS: Record<Regime, RegExp[]> = {
  uk_msa_s54: [
    /Approval and signature/,
    /approved by the Board of directors of .* in accordance with section\s+54\(6\)\(a\)/,
  ],
  au_msa_s16: [
    /Approval and signature/,
    /principal governing body of/,
    /Approval was not delegated/,
    /responsible member/,
  ],
  ca_s211: [
    /Approval and attestation · Approbation et attestation/,
    /I attest that I have reviewed the information contained in the report/,
    /J'atteste|j'atteste/,
    /I have the authority to bind/,
    /J'ai le pouvoir de lier/,
    /Le présent rapport a été approuvé le 20 janvier 2027 par l'organe directeur de/,
    /alinéa 11\(4\)a\)/,
    /Rapport en vertu de la Loi sur la lutte contre le travail forcé/,
    /Nom complet/,
    /Business number\(s\)\s+123456789RC0001\s+Numéro\(s\) d'entreprise/,
    /Revised report\s+No\s+Rapport révisé/,
  ],
  us_ca_sb657: [/Approval and signature/, /reviewed and approved by Board of directors/],
};

describe.skipIf(!hasPoppler)(
  `statement PDFs per regime (${hasPoppler ? "pdftotext" : popplerSkipReason})`,
  () => {
    it.each(["uk_msa_s54", "au_msa_s16", "ca_s211", "us_ca_sb657"] as const)(
      "%s: every criterion heading, approval and signature on one page, Unicode names, appendix",
      async (regime) => {
        const { org, director } = await orgWithBoard();
        const exec = org.members.executive.ctx;
        const id = await readyStatement(org, regime);
        const late = at(exec, "2027-01-25T12:00:00Z");
        submitForReview(exec, id);
        approveStatement(late, id, APPROVE(director));
        signStatement(late, id, { signedOn: "2027-01-22" });
        const { documentId } = await publishStatement(late, id);
        const doc = db()
          .select()
          .from(statementDocuments)
          .where(eq(statementDocuments.id, documentId))
          .get()!;
        const text = pdfText(await getObjectBuffer(doc.storageKey));
        const flat = text.replace(/\s+/g, " ");
        for (const c of templateFor(regime, PERIOD.periodEnd).criteria)
          expect(flat, c.heading).toContain(c.heading.replace(/\s+/g, " "));
        for (const re of HEADINGS[regime]) expect(flat).toMatch(re);
        expect(text).toContain(LODZ);
        expect(text).toContain(SHENZHEN);
        // Right-to-left: laid out right to left inside the English sentence, extracted in logical order.
        expect(text).toContain(ARABIC);
        expect(flat).toContain(DIRECTOR);
        // The approval paragraph and the signature block are on the same page.
        const pages = text.split("\f");
        const approvalPage = pages.findIndex((p) => /Approval and (signature|attestation)/.test(p));
        expect(pages[approvalPage]).toContain("Signature");
        expect(pages[approvalPage]).toContain(DIRECTOR);
        expect(pages[approvalPage]).toContain("22 January 2027");
        // Traceable: the appendix and the chain head.
        const head = db().select().from(statements).where(eq(statements.id, id)).get()!.auditChainHead!;
        expect(flat).toContain("Appendix: the records behind each figure");
        expect(flat).toContain(head);
        expect(flat).not.toContain("DRAFT");
      },
    );

    it("prints the draft watermark, the as-of date and no-data sentences instead of 0", async () => {
      const org = await createOrg();
      const { id } = createStatement(org.members.executive.ctx, { regime: "uk_msa_s54", ...PERIOD });
      const { storageKey } = await generateStatementPdf(
        at(org.members.executive.ctx, "2027-01-10T09:00:00Z"),
        id,
      );
      const flat = pdfText(await getObjectBuffer(storageKey)).replace(/\s+/g, " ");
      expect(flat).toContain("DRAFT — not approved");
      expect(flat).toContain("Clearsource records on 10 January 2027 (the as-of date)");
      expect(flat).toContain("No questionnaires were sent in the period.");
      expect(flat).toContain("No remediation actions were raised in the period or open during it.");
      expect(flat).not.toMatch(/Remediation actions raised in the period 0/);
      expect(flat).not.toContain("each grave finding leads to a corrective action");
    });
  },
);

describe("year-over-year", () => {
  it.skipIf(!hasPoppler)(
    "compares this period's indicators with the earlier approved statement's",
    async () => {
      const { org, director } = await orgWithBoard();
      const exec = org.members.executive.ctx;
      const prev = createStatement(exec, {
        regime: "uk_msa_s54",
        periodStart: "2024-12-01",
        periodEnd: "2025-11-30",
      });
      const t = templateFor("uk_msa_s54", "2025-11-30");
      updateStatement(exec, prev.id, {
        narrative: Object.fromEntries(t.criteria.map((c) => [c.key, words("earlier year")])),
      });
      submitForReview(exec, prev.id);
      approveStatement(at(exec, "2026-01-10T10:00:00Z"), prev.id, APPROVE(director, "2026-01-05"));
      const id = await readyStatement(org, "uk_msa_s54");
      const { storageKey } = await generateStatementPdf(at(exec, "2027-01-10T10:00:00Z"), id);
      const flat = pdfText(await getObjectBuffer(storageKey)).replace(/\s+/g, " ");
      expect(flat).toContain("Indicator This period FY2024-25 Change");
      const table = flat.slice(flat.indexOf("Indicator This period FY2024-25 Change"));
      // This period, the earlier period, the change.
      expect(table).toContain("Suppliers recorded by the period end 3 3 0");
      expect(flat).not.toContain("no year-over-year comparison");
    },
  );
});

describe("exports", () => {
  it("lists every record behind each figure in the CSV annex", async () => {
    const { org } = await orgWithBoard();
    const id = await readyStatement(org, "uk_msa_s54");
    const { csv } = statementAnnexCsv(org.members.executive.ctx, id);
    const rows = csv.trim().split("\r\n");
    expect(rows[0]).toBe("figure,label,printed value,record type,record id,record date");
    expect(rows.filter((r) => r.startsWith("grave_findings_raised,")).length).toBe(1);
    expect(rows.find((r) => r.startsWith("grave_findings_raised,"))).toMatch(
      /,finding,[0-9a-f-]{36},2026-06-01$/,
    );
  });

  it("exports Canada's questionnaire answers from the same report and refuses other regimes", async () => {
    const { org } = await orgWithBoard();
    const id = await readyStatement(org, "ca_s211");
    updateStatement(org.members.executive.ctx, id, { narrative: { incomeLoss: "" } });
    const q = statementQuestionnaire(org.members.executive.ctx, id);
    expect(q).toMatchObject({ regime: "ca_s211", businessNumbers: "123456789RC0001", revisedReport: false });
    const income = q.answers.find((a) => a.question.includes("loss of income"))!;
    expect(income.answer).toBe("No information in the report");
    const uk = await readyStatement(org, "uk_msa_s54");
    expect(() => statementQuestionnaire(org.members.executive.ctx, uk)).toThrow(NotFoundError);
  });
});
