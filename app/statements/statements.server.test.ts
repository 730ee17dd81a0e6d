import fs from "node:fs";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { hasPoppler, pdfPagePng, pdfText, popplerSkipReason } from "~/infra/pdf/poppler.testing";
import { getObjectBuffer } from "~/infra/storage.server";
import { assignments, audits, auditLog, findings, remediationTasks, statementDocuments } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { gatherStatementFacts } from "./facts.server";
import { renderStatementPdf } from "./render-pdf.server";
import { SECTION_HEADING, SECTIONS } from "./sections";
import {
  approveStatement,
  createStatement,
  generateStatementPdf,
  getStatement,
  listStatements,
  statementDocumentFile,
  updateStatement,
} from "./statements.server";

const FY = { periodStart: "2025-04-01", periodEnd: "2026-03-31" };
const IN = new Date("2025-10-15T12:00:00Z");
const BEFORE = new Date("2025-03-31T23:00:00Z");
const AFTER = new Date("2026-04-01T00:00:00Z");
const LODZ = "Łódź Tekstil Sanayi A.Ş.";
const SHENZHEN = "深圳市工厂";

function sendQuestionnaire(
  orgId: string,
  supplierId: string,
  status: (typeof assignments.$inferInsert)["status"],
  sentAt: Date,
) {
  writeTx((tx) =>
    tx
      .insert(assignments)
      .values({
        organizationId: orgId,
        supplierId,
        templateKey: "forced-labour-saq",
        templateVersion: "1",
        questionsSnapshot: {},
        recipientName: "R",
        recipientEmail: "r@example.test",
        status,
        tokenHash: crypto.randomUUID(),
        tokenExpiresAt: new Date(sentAt.getTime() + 30 * 86_400_000),
        sentAt,
        submittedAt: status === "submitted" || status === "accepted" ? sentAt : null,
      })
      .run(),
  );
}

function recordAuditWithFindings(
  orgId: string,
  supplierId: string,
  auditDate: string,
  graded: { grade: (typeof findings.$inferInsert)["grade"]; status?: "open" | "closed"; ilo?: string }[],
) {
  writeTx((tx) => {
    const audit = tx
      .insert(audits)
      .values({ organizationId: orgId, supplierId, scheme: "SMETA", auditDate })
      .returning()
      .get();
    for (const f of graded) {
      tx.insert(findings)
        .values({
          organizationId: orgId,
          auditId: audit.id,
          supplierId,
          title: `Finding ${f.grade}`,
          grade: f.grade,
          status: f.status ?? "open",
          iloIndicator: f.ilo ?? null,
        })
        .run();
    }
  });
}

function raiseTask(
  orgId: string,
  supplierId: string,
  createdAt: Date,
  opts: { status?: "open" | "completed"; dueDate?: string; ilo?: string; source?: "answer" | "finding" } = {},
) {
  writeTx((tx) =>
    tx
      .insert(remediationTasks)
      .values({
        organizationId: orgId,
        supplierId,
        sourceType: opts.source ?? "answer",
        sourceRef: crypto.randomUUID(),
        title: "Return identity documents",
        iloIndicator: opts.ilo ?? null,
        dueDate: opts.dueDate ?? "2026-12-31",
        status: opts.status ?? "open",
        createdAt,
      })
      .run(),
  );
}

/** An organisation with suppliers in Türkiye and China and activity inside and outside FY2025-26. */
async function seededOrg() {
  const org = await createOrg();
  const lodz = insertSupplier(org.id, { name: LODZ, country: "TR", riskLevel: "high", riskScore: 70 });
  const shenzhen = insertSupplier(org.id, {
    name: SHENZHEN,
    country: "CN",
    riskLevel: "critical",
    riskScore: 90,
  });
  insertSupplier(org.id, { name: "Dye house", country: "CN", parentId: shenzhen.id });

  sendQuestionnaire(org.id, lodz.id, "accepted", IN);
  sendQuestionnaire(org.id, shenzhen.id, "submitted", IN);
  sendQuestionnaire(org.id, shenzhen.id, "sent", IN);
  sendQuestionnaire(org.id, shenzhen.id, "revoked", IN);
  sendQuestionnaire(org.id, lodz.id, "submitted", BEFORE); // previous year
  sendQuestionnaire(org.id, lodz.id, "sent", AFTER); // next year

  recordAuditWithFindings(org.id, shenzhen.id, "2025-09-01", [
    { grade: "zero_tolerance", ilo: "7" },
    { grade: "major", status: "closed" },
    { grade: "minor" },
  ]);
  recordAuditWithFindings(org.id, lodz.id, "2026-03-31", [{ grade: "critical", ilo: "9" }]);
  recordAuditWithFindings(org.id, lodz.id, "2025-03-31", [{ grade: "critical", ilo: "9" }]); // previous year

  raiseTask(org.id, shenzhen.id, IN, { ilo: "7", dueDate: "2025-11-01" });
  raiseTask(org.id, lodz.id, IN, { status: "completed", ilo: "8" });
  raiseTask(org.id, lodz.id, BEFORE, { ilo: "8" }); // previous year
  return { org, lodz, shenzhen };
}

describe("gatherStatementFacts", () => {
  it("counts the organisation's own rows within the financial year", async () => {
    const { org } = await seededOrg();
    await seededOrg(); // another tenant's identical data must not leak into the count
    const facts = gatherStatementFacts(
      db(),
      org.id,
      { start: FY.periodStart, end: FY.periodEnd },
      new Date("2026-05-01"),
    );

    expect(facts.suppliers.total).toBe(3);
    expect(facts.suppliers.byTier).toEqual([
      { tier: 1, count: 2 },
      { tier: 2, count: 1 },
    ]);
    expect(facts.suppliers.byCountry.map((c) => [c.country, c.names])).toEqual([
      ["CN", ["Dye house", SHENZHEN]],
      ["TR", [LODZ]],
    ]);
    expect(facts.suppliers.highRisk).toBe(2);
    expect(facts.questionnaires).toMatchObject({
      sent: 3,
      completed: 2,
      accepted: 1,
      revoked: 1,
      suppliersCovered: 2,
    });
    expect(facts.questionnaires.responseRate).toBeCloseTo(2 / 3);
    expect(facts.audits).toMatchObject({ total: 2, suppliersAudited: 2 });
    expect(facts.findings).toMatchObject({ total: 4, open: 3, closed: 1 });
    expect(Object.fromEntries(facts.findings.byGrade.map((g) => [g.grade, g.total]))).toEqual({
      zero_tolerance: 1,
      critical: 1,
      major: 1,
      minor: 1,
      observation: 0,
    });
    expect(facts.remediation).toMatchObject({ raised: 2, open: 1, completed: 1, overdue: 1 });
    expect(facts.redFlags.byIndicator).toEqual([
      { indicator: 7, name: "Retention of identity documents", answers: 1, findings: 1 },
      { indicator: 8, name: "Withholding of wages", answers: 1, findings: 0 },
      { indicator: 9, name: "Debt bondage", answers: 0, findings: 1 },
    ]);
  });
});

describe("statement lifecycle", () => {
  it("creates one draft per financial year, with starting text, and records it in the audit log", async () => {
    const { members } = await createOrg();
    const ctx = members.executive.ctx;
    const { id } = createStatement(ctx, FY);
    expect(() => createStatement(ctx, FY)).toThrow(ConflictError);
    expect(() => createStatement(ctx, { periodStart: "2026-03-31", periodEnd: "2025-04-01" })).toThrow(
      ValidationError,
    );
    expect(() =>
      createStatement(members.procurement.ctx, { periodStart: "2024-04-01", periodEnd: "2025-03-31" }),
    ).toThrow(ForbiddenError);
    const s = getStatement(ctx, id);
    expect(s).toMatchObject({ status: "draft", financialYear: "FY2025-26", publishBy: "2026-09-30" });
    expect(s.narrative.dueDiligence).toContain("self-assessment questionnaire");
    expect(listStatements(ctx).map((x) => x.id)).toEqual([id]);
    const logged = db().select().from(auditLog).where(eq(auditLog.entityId, id)).all();
    expect(logged.map((r) => r.action)).toEqual(["statement.created"]);
  });

  it("approves only with a board date after the year end, a director and no starting-text placeholders", async () => {
    const { members } = await createOrg();
    const ctx = { ...members.executive.ctx, now: () => new Date("2026-07-01T09:00:00Z") };
    const { id } = createStatement(ctx, FY);

    expect(() => approveStatement(ctx, id)).toThrow(ValidationError);
    try {
      updateStatement(ctx, id, { boardApprovalDate: "2026-03-01" });
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).fieldErrors.boardApprovalDate).toMatch(/after the financial year ends/);
    }

    const filled = Object.fromEntries(SECTIONS.map((s) => [s.key, `Our ${s.heading.toLowerCase()}.`]));
    updateStatement(ctx, id, {
      narrative: filled,
      boardApprovalDate: "2026-06-15",
      directorName: "Zoë Łukasiewicz",
      directorTitle: "Chief Executive Officer",
    });
    expect(() => approveStatement(members.procurement.ctx, id)).toThrow(ForbiddenError);
    approveStatement(ctx, id);
    expect(getStatement(ctx, id).status).toBe("approved");
    expect(() => updateStatement(ctx, id, { directorTitle: "CEO" })).toThrow(ConflictError);
    // A revision starts as a new draft for the same year.
    expect(createStatement(ctx, FY).id).not.toBe(id);
  });

  it("refuses approval while placeholders remain, naming the sections", async () => {
    const { members } = await createOrg();
    const ctx = members.executive.ctx;
    const { id } = createStatement(ctx, FY);
    updateStatement(ctx, id, { boardApprovalDate: "2026-06-15", directorName: "A Director" });
    try {
      approveStatement(ctx, id);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fieldErrors)).toEqual(
        expect.arrayContaining(["structure", "policies", "training"]),
      );
    }
  });

  it("generates the PDF, stores it in S3 with its SHA-256 and snapshots the facts", async () => {
    const { org } = await seededOrg();
    const ctx = org.members.executive.ctx;
    const { id } = createStatement(ctx, FY);
    const result = await generateStatementPdf(ctx, id);

    const stored = await getObjectBuffer(result.storageKey);
    expect(sha256Hex(stored)).toBe(result.sha256);
    expect(stored.length).toBe(result.sizeBytes);
    expect(result.storageKey.startsWith(`org/${org.id}/statements/`)).toBe(true);

    const row = db()
      .select()
      .from(statementDocuments)
      .where(eq(statementDocuments.id, result.documentId))
      .get()!;
    expect(row).toMatchObject({ organizationId: org.id, statementId: id, sha256: result.sha256 });
    expect((row.facts as { facts: { suppliers: { total: number } } }).facts.suppliers.total).toBe(3);

    const docs = getStatement(ctx, id).documents;
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      draft: true,
      fileName: "Modern slavery statement FY2025-26 (draft).pdf",
    });

    expect(statementDocumentFile(ctx, id, result.documentId)).toEqual({
      key: result.storageKey,
      fileName: "Modern slavery statement FY2025-26 (draft).pdf",
      contentType: "application/pdf",
    });

    const other = await createOrg();
    expect(() => statementDocumentFile(other.members.executive.ctx, id, result.documentId)).toThrow(
      NotFoundError,
    );
    await expect(generateStatementPdf(other.members.executive.ctx, id)).rejects.toThrow(NotFoundError);

    if (hasPoppler) {
      const text = pdfText(stored);
      expect(text).toContain(LODZ);
      expect(text).toContain(SHENZHEN);
      expect(text).toContain("DRAFT — not approved");
    }
  });
});

describe("renderStatementPdf", () => {
  it.skipIf(!hasPoppler)(
    "renders the s.54 structure, Unicode supplier names and the approval block",
    async () => {
      const { org } = await seededOrg();
      const facts = gatherStatementFacts(
        db(),
        org.id,
        { start: FY.periodStart, end: FY.periodEnd },
        new Date("2026-07-01"),
      );
      const narrative = Object.fromEntries(
        SECTIONS.map((s) => [s.key, `Narrative for ${s.letter}: 我们的政策 and Ş.`]),
      );
      const bytes = await renderStatementPdf({
        statement: {
          legalName: "Acme Apparel Holdings plc",
          ...FY,
          status: "approved",
          narrative: narrative as never,
          boardApprovalDate: "2026-07-15",
          directorName: "Zoë Łukasiewicz",
          directorTitle: "Director",
        },
        facts,
        generatedAt: new Date("2026-07-20T10:00:00Z"),
      });
      const text = pdfText(bytes).replace(/\s+/g, " ");
      expect(text).toContain("Modern Slavery Statement");
      expect(text).toContain("Acme Apparel Holdings plc");
      expect(text).toContain("section 54(1) of the Modern Slavery Act 2015");
      expect(text).toContain("financial year ending 31 March 2026");
      for (const section of SECTIONS) expect(text).toContain(SECTION_HEADING(section));
      expect(text).toContain(LODZ);
      expect(text).toContain(SHENZHEN);
      expect(text).toContain("我们的政策");
      expect(text).toContain("This statement was approved by the board of directors on 15 July 2026");
      expect(text).toContain("Zoë Łukasiewicz");
      expect(text).not.toContain("DRAFT");

      const png = pdfPagePng(bytes, 1);
      expect(fs.statSync(png).size).toBeGreaterThan(5_000);
      if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, bytes);
    },
  );

  it.skipIf(hasPoppler)(popplerSkipReason, () => {});
});
