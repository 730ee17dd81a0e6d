import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { auditLog, audits, findings, riskAssessments, suppliers } from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import { createOrg, insertSupplier } from "../../test/factories";
import { recomputeSupplierRisk, riskHistory } from "./risk.server";
import type { AnswerSignal } from "./signals";

// The questionnaires capability produces signals; here we feed them directly to test the wiring.
const signals = vi.hoisted(() => ({ value: [] as AnswerSignal[] }));
vi.mock("~/questionnaires/signals.server", () => ({ answerRiskSignals: () => signals.value }));

function addFinding(orgId: string, supplierId: string, grade: FindingGrade, title = `${grade} finding`) {
  return writeTx((tx) => {
    const audit = tx
      .insert(audits)
      .values({ organizationId: orgId, supplierId, scheme: "SMETA", auditDate: "2026-01-05" })
      .returning()
      .get();
    return tx
      .insert(findings)
      .values({ organizationId: orgId, auditId: audit.id, supplierId, title, grade, iloIndicator: "7" })
      .returning()
      .get();
  });
}

function riskAudits(orgId: string, supplierId: string) {
  return db()
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.organizationId, orgId),
        eq(auditLog.entityId, supplierId),
        eq(auditLog.action, "risk.recomputed"),
      ),
    )
    .orderBy(asc(auditLog.seq))
    .all();
}

describe("recomputeSupplierRisk", () => {
  it("stores each assessment as history with its explanation, and updates the supplier", async () => {
    const org = await createOrg();
    const ctx = org.members.auditor.ctx;
    const s = insertSupplier(org.id, { country: "KH" }); // Tier 3 in 2025

    expect(writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "test.initial"))).toEqual({
      score: 35,
      level: "medium",
    });
    addFinding(org.id, s.id, "critical", "Passports kept in the office safe");
    expect(writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "finding.recorded"))).toEqual({
      score: 60,
      level: "high",
    });

    const history = riskHistory(db(), ctx, s.id);
    expect(history.map((h) => [h.score, h.trigger])).toEqual([
      [60, "finding.recorded"],
      [35, "test.initial"],
    ]);
    expect(history[0].factors).toEqual([
      { factor: "Country: Cambodia (KH)", points: 35, source: "TIP Report 2025: Tier 3" },
      {
        factor: "Open critical finding: Passports kept in the office safe",
        points: 25,
        source: "SMETA audit of 2026-01-05 · ILO indicator 7",
      },
    ]);
    const row = db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!;
    expect([row.riskScore, row.riskLevel]).toEqual([60, "high"]);
    expect(riskAudits(org.id, s.id).map((a) => JSON.parse(a.details!).to)).toEqual([
      { score: 35, level: "medium" },
      { score: 60, level: "high" },
    ]);
  });

  it("records an audit row only when the score or level changes", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const s = insertSupplier(org.id, { country: "DE" });
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "a"));
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "b"));
    expect(riskAudits(org.id, s.id)).toHaveLength(1);
    const n = db()
      .select({ n: sql<number>`count(*)` })
      .from(riskAssessments)
      .where(eq(riskAssessments.supplierId, s.id))
      .get()!.n;
    expect(n).toBe(2);
  });

  it("ignores closed findings, floors on zero tolerance and on red-flag answers", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const s = insertSupplier(org.id, { country: "DE" });
    const closed = addFinding(org.id, s.id, "critical");
    db().update(findings).set({ status: "closed" }).where(eq(findings.id, closed.id)).run();
    expect(writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "t")).score).toBe(0);

    signals.value = [
      {
        questionId: "Q1",
        question: "Are identity documents held by the employer?",
        answer: "Yes",
        points: 15,
        redFlag: true,
        iloIndicators: [7],
        source: "Self-assessment v1, question Q1",
      },
    ];
    try {
      expect(writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "t"))).toEqual({
        score: 60,
        level: "high",
      });
      addFinding(org.id, s.id, "zero_tolerance");
      expect(writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "t"))).toEqual({
        score: 85,
        level: "critical",
      });
    } finally {
      signals.value = [];
    }
  });

  it("refuses another tenant's supplier", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(other.id);
    expect(() => writeTx((tx) => recomputeSupplierRisk(tx, org.members.admin.ctx, s.id, "t"))).toThrow(
      NotFoundError,
    );
    expect(
      db().select().from(riskAssessments).where(eq(riskAssessments.supplierId, s.id)).all(),
    ).toHaveLength(0);
  });
});
