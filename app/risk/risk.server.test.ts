import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { auditLog, audits, findings, riskAssessments, supplierLinks, suppliers } from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import { createOrg, insertSupplier } from "../../test/factories";
import type { AnswersInput } from "./model";
import { parseTipFullCsv } from "./reference";
import { referenceData, setReferenceData } from "./reference.server";
import { propagateExposure, recomputeSupplierRisk, rederiveAssessment, riskHistory } from "./risk.server";

// The questionnaires capability produces the answers input; here we feed it directly to test the wiring.
const answers = vi.hoisted(() => ({ value: null as AnswersInput | null }));
vi.mock("~/questionnaires/signals.server", () => ({ answerRiskInputs: () => answers.value }));

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

const row = (id: string) => db().select().from(suppliers).where(eq(suppliers.id, id)).get()!;

describe("recomputeSupplierRisk (model v2)", () => {
  it("an ILAB-listed good in a listed country is at least high inherent risk", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const cases = [
      { country: "TM", goods: ["Cotton"], sector: "Agriculture" }, // forced and child labour
      { country: "CI", goods: ["Cocoa"], sector: "Agriculture" }, // child labour
      { country: "CN", goods: ["Polysilicon"], sector: "Solar and polysilicon" },
      { country: "BD", goods: ["Leather"], sector: "Footwear and leather" },
    ];
    for (const c of cases) {
      const s = insertSupplier(org.id, c);
      const r = writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "test"));
      expect(r.inherent, `${c.goods[0]} from ${c.country}`).toBeGreaterThanOrEqual(50);
      const [h] = riskHistory(db(), ctx, s.id);
      const goodsLine = h.factors.find((f) => f.part === "goods")!;
      expect(goodsLine.factor).toContain(c.goods[0]);
      expect(goodsLine.edition).toMatch(/ILAB/);
    }
  });

  it("an unassessed supplier is never low 0, in any country", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    for (const country of ["DE", "BD", "PK", "VN", "TR", "GB"]) {
      const s = insertSupplier(org.id, { country, sector: "Professional services" });
      const r = writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "test"));
      expect(r.coverage).toBe("not_assessed");
      expect(r.score).toBeGreaterThan(0);
      expect(r.level).not.toBe("low");
      expect(row(s.id)).toMatchObject({ coverage: "not_assessed", riskLevel: r.level });
    }
  });

  it("a past score re-derives exactly from its stored inputs, even after the reference data changed", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const s = insertSupplier(org.id, { country: "KH", goods: ["Bricks", "Widgets"], sector: "Construction" });
    addFinding(org.id, s.id, "major", "Excessive overtime");
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "test"));
    const [first] = riskHistory(db(), ctx, s.id);

    // A new TIP edition that moves Cambodia to Tier 1: today's recompute changes, the stored one does not.
    const original = referenceData();
    const edited = parseTipFullCsv("report_year,country,iso2,tier\n2026,Cambodia,KH,Tier 1\n");
    setReferenceData({
      ...original,
      tip: edited.tip,
      tipEdition: edited.edition,
      editions: { ...original.editions, tip: "TIP 2026 (test)" },
    });
    try {
      writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "edition"));
      const [second] = riskHistory(db(), ctx, s.id);
      expect(second.score).not.toBe(first.score);
      expect(second.changeNote).toContain("TIP 2026 (test)");

      const again = rederiveAssessment(db(), ctx, first.id)!;
      expect(again.derived.residual.score).toBe(first.score);
      expect(again.derived.inherent.score).toBe(first.inherentScore);
      expect([...again.derived.inherent.lines, ...again.derived.residual.lines]).toEqual(first.factors);
    } finally {
      setReferenceData(original);
    }
  });

  it("stores history with inputs and editions, and audits only real changes", async () => {
    const org = await createOrg();
    const ctx = org.members.auditor.ctx;
    const s = insertSupplier(org.id, { country: "DE", sector: "Professional services" });
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "a"));
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "b"));
    expect(riskAudits(org.id, s.id)).toHaveLength(1);
    addFinding(org.id, s.id, "critical", "Passports kept in the office safe");
    const r = writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "finding.added"));
    expect(r.residual).toBeGreaterThanOrEqual(65);
    const h = riskHistory(db(), ctx, s.id);
    expect(h.map((x) => x.trigger)).toEqual(["finding.added", "b", "a"]);
    expect(h[0].changeNote).toContain("Open critical finding: Passports kept in the office safe");
    expect(h[0].editions?.tip).toMatch(/TIP Report 2025/);
    expect(riskAudits(org.id, s.id)).toHaveLength(2);
  });

  it("unreviewed answers: a red flag counts at once (provisional), a control only after acceptance", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const s = insertSupplier(org.id, { country: "DE", sector: "Professional services" });
    const signals = [
      {
        questionId: "I1",
        question: "Documents held?",
        answer: "Yes",
        points: 15,
        redFlag: true,
        iloIndicators: [7],
        control: null,
      },
      {
        questionId: "P1",
        question: "Policy?",
        answer: "Yes",
        points: -6,
        redFlag: false,
        iloIndicators: [],
        control: "evidenced" as const,
      },
    ];
    answers.value = {
      title: "SAQ",
      version: 2,
      status: "submitted",
      submittedOn: "2026-03-01",
      acceptedOn: null,
      signals,
    };
    try {
      const submitted = writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "submitted"));
      expect(submitted.residual).toBeGreaterThanOrEqual(60);
      const [h] = riskHistory(db(), ctx, s.id);
      expect(h.factors.find((f) => f.factor.includes("Documents held"))!.provisional).toBe(true);
      expect(h.factors.find((f) => f.factor.includes("Policy"))!.points).toBe(0);
      answers.value = { ...answers.value, status: "accepted", acceptedOn: "2026-03-02" };
      writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "accepted"));
      const [a] = riskHistory(db(), ctx, s.id);
      expect(a.factors.find((f) => f.factor.includes("Policy"))!.points).toBe(-6);
    } finally {
      answers.value = null;
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

describe("upstream exposure", () => {
  it("a zero-tolerance finding on tier 3 reaches tier 2 and tier 1 with the path named", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const t1 = insertSupplier(org.id, {
      name: "Anadolu Tekstil",
      country: "DE",
      sector: "Professional services",
    });
    const t2 = insertSupplier(org.id, {
      name: "Kaya Iplik",
      country: "DE",
      sector: "Professional services",
      parentId: t1.id,
    });
    const t3 = insertSupplier(org.id, {
      name: "Ahal Cotton Gin",
      country: "TM",
      sector: "Agriculture",
      parentId: t2.id,
      tier: 3,
    });
    for (const s of [t1, t2, t3]) writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "init"));

    addFinding(org.id, t3.id, "zero_tolerance", "Forced labour at harvest");
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, t3.id, "finding.added"));
    expect(row(t3.id).riskScore).toBeGreaterThanOrEqual(85);
    const mid = row(t2.id);
    expect(mid.exposureScore).toBeGreaterThanOrEqual(60);
    expect(mid.riskLevel).toBe("high");
    const top = row(t1.id);
    expect(top.exposureScore).toBe(42);
    expect(top.riskLevel).not.toBe("low");
    const path = top.exposurePath as { path: { name: string }[]; reason: string };
    expect(path.path.map((h) => h.name)).toEqual(["Kaya Iplik", "Ahal Cotton Gin"]);
    expect(path.reason).toBe("open zero-tolerance finding: Forced labour at harvest");

    // Closing the finding carries the relief up the chain too.
    db().update(findings).set({ status: "closed" }).where(eq(findings.supplierId, t3.id)).run();
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, t3.id, "finding.closed"));
    expect(row(t1.id).exposureScore!).toBeLessThan(42);
  });

  it("a cycle in the links (old data) cannot loop the propagation", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const a = insertSupplier(org.id, { country: "TM", goods: ["Cotton"], sector: "Agriculture" });
    const b = insertSupplier(org.id, { country: "DE", parentId: a.id });
    // b → a closes a loop the link verbs would refuse.
    db()
      .insert(supplierLinks)
      .values({ organizationId: org.id, parentSupplierId: b.id, childSupplierId: a.id })
      .run();
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, a.id, "t"));
    writeTx((tx) => recomputeSupplierRisk(tx, ctx, b.id, "t"));
    const steps = writeTx((tx) => propagateExposure(tx, ctx, [a.id, b.id], "t"));
    expect(steps).toBeLessThan(10);
    const pa = row(a.id).exposurePath as { path: { id: string }[] } | null;
    expect(pa?.path.some((h) => h.id === a.id) ?? false).toBe(false);
    const n = db()
      .select({ n: sql<number>`count(*)` })
      .from(suppliers)
      .where(eq(suppliers.organizationId, org.id))
      .get()!.n;
    expect(n).toBe(2);
  });
});
