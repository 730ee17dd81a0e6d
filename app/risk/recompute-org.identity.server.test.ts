/**
 * The organisation-wide recompute must give exactly the scores, levels, coverage, explanations and stored
 * inputs it gave before it was made set-based. The snapshot beside this file was written by the earlier,
 * per-chunk-subquery implementation on this fixture (findings of every grade, overdue, plan-late and
 * verified actions, accepted / submitted / red-flag answers, sites with every workforce field, a Xinjiang
 * nexus, unassessed suppliers, an approved override and three tiers of upstream exposure) and must not
 * change with performance work. The same rows are also checked against the per-supplier reads
 * (gatherRiskInputs), which share no query with the org-wide path.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import {
  audits,
  findings,
  remediationTasks,
  riskAssessments,
  sites,
  supplierLinks,
  supplierRiskInputs,
  suppliers,
} from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import { createOrg, insertSupplier } from "../../test/factories";
import { gatherRiskInputs } from "./gather.server";
import type { AnswersInput } from "./model";
import { decideOverride, requestOverride } from "./overrides.server";
import { recomputeOrgNow } from "./recompute-org.server";
import { referenceData, setReferenceData } from "./reference.server";
import { storedInputs } from "./stored-inputs.server";

const NOW = new Date("2026-11-15T12:00:00Z");

type Fixture = { ctx: Ctx; names: Map<string, string> };

function answers(status: "accepted" | "submitted", redFlag: boolean): AnswersInput {
  return {
    title: "Forced labour self-assessment",
    version: 2,
    status,
    submittedOn: "2026-09-01",
    acceptedOn: status === "accepted" ? "2026-09-10" : null,
    signals: [
      {
        questionId: "P1",
        question: "Written policy against forced labour?",
        answer: "Yes",
        points: -6,
        redFlag: false,
        iloIndicators: [],
        control: "evidenced",
      },
      ...(redFlag
        ? [
            {
              questionId: "I1",
              question: "Does the site hold workers' passports?",
              answer: "Yes",
              points: 25,
              redFlag: true,
              iloIndicators: [7],
              control: null,
            },
          ]
        : []),
    ],
  };
}

async function seedFixture(): Promise<Fixture> {
  const org = await createOrg();
  const ctx: Ctx = { ...org.members.admin.ctx, now: () => NOW };
  const names = new Map<string, string>();
  const add = (name: string, fields: Parameters<typeof insertSupplier>[1]) => {
    const s = insertSupplier(org.id, { name, ...fields });
    names.set(s.id, name);
    return s.id;
  };
  const dhaka = add("Dhaka Garments", { country: "BD", sector: "Textiles and apparel", goods: ["Garments"] });
  const berlin = add("Berlin Logistics", { country: "DE", sector: "Logistics" });
  const ahal = add("Ahal Cotton Gin", {
    country: "TM",
    sector: "Agriculture",
    goods: ["Cotton"],
    parentId: dhaka,
    tier: 2,
  });
  const shenzhen = add("Shenzhen Electronics", {
    country: "CN",
    sector: "Electronics",
    goods: ["Electronics", "Cotton"],
    parentId: berlin,
    tier: 2,
  });
  const poly = add("Urumqi Polysilicon", {
    country: "CN",
    sector: "Solar and polysilicon",
    goods: ["Polysilicon"],
    xinjiangNexus: true,
    parentId: shenzhen,
    tier: 3,
  });
  const istanbul = add("Istanbul Leather", {
    country: "TR",
    sector: "Footwear and leather",
    goods: ["Leather", "Unlisted widget"],
  });
  const widgets = add("Widget Works", { country: "VN", sector: "Widgets (old value)", goods: [] });
  const penang = add("Penang Assembly", {
    country: "MY",
    sector: "Manufacturing",
    goods: ["Rubber gloves"],
    parentId: istanbul,
    tier: 2,
  });
  add("Quiet Supplier", { country: "GB", sector: "Professional services", goods: [] });
  const o = org.id;
  writeTx((tx) => {
    // A second buyer of the tier-2 cotton gin (two paths upstream).
    tx.insert(supplierLinks)
      .values({ organizationId: o, parentSupplierId: berlin, childSupplierId: ahal })
      .run();
    tx.insert(sites)
      .values([
        {
          organizationId: o,
          supplierId: dhaka,
          name: "Gazipur unit 2",
          country: "BD",
          migrantWorkersPct: 35,
          agencyWorkersPct: 20,
          dormitories: true,
          seasonalWork: false,
        },
        {
          organizationId: o,
          supplierId: dhaka,
          name: "Ashulia unit 1",
          country: "BD",
          migrantWorkersPct: 5,
          agencyWorkersPct: null,
          dormitories: null,
          seasonalWork: true,
        },
        {
          organizationId: o,
          supplierId: penang,
          name: "Penang glove line",
          country: "MY",
          migrantWorkersPct: 70,
          agencyWorkersPct: 60,
          dormitories: true,
          seasonalWork: true,
        },
        {
          organizationId: o,
          supplierId: shenzhen,
          name: "Hotan spinning partner",
          country: "CN",
          migrantWorkersPct: null,
          agencyWorkersPct: null,
          dormitories: false,
          seasonalWork: false,
          xinjiangNexus: true,
        },
      ])
      .run();
    const audit = (supplierId: string, date: string, scheme: "SMETA" | "RBA" = "SMETA") =>
      tx
        .insert(audits)
        .values({ organizationId: o, supplierId, scheme, auditDate: date, createdAt: NOW })
        .returning({ id: audits.id })
        .get().id;
    const finding = (
      supplierId: string,
      auditId: string,
      grade: FindingGrade,
      status: "open" | "closed" = "open",
    ) =>
      tx
        .insert(findings)
        .values({
          organizationId: o,
          auditId,
          supplierId,
          title: `${grade} finding`,
          grade,
          iloIndicator: grade === "zero_tolerance" ? "7" : null,
          status,
          createdAt: NOW,
        })
        .returning({ id: findings.id })
        .get().id;
    const task = (
      supplierId: string,
      sourceRef: string,
      title: string,
      state: ActionState,
      dueDate: string,
      extra: Partial<typeof remediationTasks.$inferInsert> = {},
    ) =>
      tx
        .insert(remediationTasks)
        .values({
          organizationId: o,
          supplierId,
          sourceType: "finding",
          sourceRef,
          title,
          state,
          dueDate,
          createdAt: NOW,
          ...extra,
        })
        .run();
    const dhakaAudit = audit(dhaka, "2026-05-01");
    const major = finding(dhaka, dhakaAudit, "major");
    const minor = finding(dhaka, dhakaAudit, "minor");
    finding(dhaka, dhakaAudit, "critical", "closed");
    task(dhaka, major, "Cap overtime", "in_progress", "2026-10-01");
    task(dhaka, minor, "Repay fees", "verified", "2026-08-01", { verifiedAt: new Date("2026-08-20") });
    const oldAudit = audit(istanbul, "2023-02-01");
    const zt = finding(istanbul, oldAudit, "zero_tolerance");
    const old = finding(istanbul, oldAudit, "observation", "closed");
    task(istanbul, zt, "Return passports", "open", "2027-03-01", { planDueDate: "2026-11-01" });
    task(istanbul, old, "Closed long ago", "closed", "2025-01-01", { verifiedAt: new Date("2025-01-05") });
    const polyAudit = audit(poly, "2026-06-01", "RBA");
    finding(poly, polyAudit, "zero_tolerance");
    audit(penang, "2025-12-01");
    audit(penang, "2024-03-01", "RBA");
    const inputs = (supplierId: string, a: AnswersInput | null) =>
      tx
        .insert(supplierRiskInputs)
        .values({ supplierId, organizationId: o, answers: a, updatedAt: NOW })
        .run();
    inputs(dhaka, answers("accepted", false));
    inputs(istanbul, answers("submitted", true));
    inputs(penang, answers("accepted", true));
    inputs(berlin, null);
  });
  // Small chunks, so rows of neighbouring chunks could be mixed up (the snapshot was taken in one chunk).
  const first = recomputeOrgNow(db(), ctx, "first scores", 2);
  expect(first).toEqual({ processed: 9, changed: 9 });
  const ov = requestOverride({ ...org.members.procurement.ctx, now: () => NOW }, widgets, {
    level: "high",
    justification: "Site visit found withheld wages; the questionnaire is not yet in.",
    expiresOn: "2027-02-01",
  });
  decideOverride(ctx, ov.id, { decision: "approve", note: "Agreed after the site visit." });
  return { ctx, names };
}

/** Every supplier's latest stored inputs equal what the per-supplier reads give for it. */
function expectSameAsDirectReads(f: Fixture) {
  for (const [id, name] of f.names) {
    const stored = db()
      .select({ inputs: riskAssessments.inputs, sharedInputs: riskAssessments.sharedInputs })
      .from(riskAssessments)
      .where(
        and(eq(riskAssessments.organizationId, f.ctx.organizationId), eq(riskAssessments.supplierId, id)),
      )
      .orderBy(sql`rowid desc`)
      .limit(1)
      .get();
    const answersRow = db()
      .select({ answers: supplierRiskInputs.answers })
      .from(supplierRiskInputs)
      .where(eq(supplierRiskInputs.supplierId, id))
      .get();
    const direct = gatherRiskInputs(db(), f.ctx, id, (answersRow?.answers as AnswersInput | null) ?? null);
    const inputs = stored && storedInputs(db(), f.ctx.organizationId, stored);
    expect({ name, inputs }).toEqual({ name, inputs: JSON.parse(JSON.stringify(direct)) });
    expect(JSON.stringify(inputs)).toBe(JSON.stringify(direct));
  }
}

/** Everything a user reads from a recompute, with random ids replaced by supplier names or positions. */
function observed(f: Fixture) {
  const org = f.ctx.organizationId;
  const rows = db()
    .select({
      id: suppliers.id,
      inherent: suppliers.inherentScore,
      residual: suppliers.residualScore,
      coverage: suppliers.coverage,
      headline: suppliers.riskHeadline,
      score: suppliers.riskScore,
      level: suppliers.riskLevel,
      exposure: suppliers.exposureScore,
      exposurePath: suppliers.exposurePath,
      overrideLevel: suppliers.overrideLevel,
    })
    .from(suppliers)
    .where(eq(suppliers.organizationId, org))
    .all();
  const assessments = db()
    .select({
      supplierId: riskAssessments.supplierId,
      score: riskAssessments.score,
      level: riskAssessments.level,
      inherent: riskAssessments.inherentScore,
      coverage: riskAssessments.coverage,
      modelVersion: riskAssessments.modelVersion,
      factors: riskAssessments.factors,
      trigger: riskAssessments.trigger,
      inputs: riskAssessments.inputs,
      sharedInputs: riskAssessments.sharedInputs,
      editions: riskAssessments.editions,
      changeNote: riskAssessments.changeNote,
    })
    .from(riskAssessments)
    .where(eq(riskAssessments.organizationId, org))
    .orderBy(asc(riskAssessments.computedAt), asc(sql`rowid`))
    .all();
  let text = JSON.stringify({
    suppliers: rows
      .map(({ id, ...r }) => ({ name: f.names.get(id)!, ...r }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    // The inputs as a reader gets them back (storedInputs), whichever form they were stored in.
    assessments: assessments
      .map(({ supplierId, sharedInputs, inputs, ...a }) => ({
        supplier: f.names.get(supplierId)!,
        ...a,
        inputs: storedInputs(db(), org, { inputs, sharedInputs }),
      }))
      .sort((a, b) => a.supplier.localeCompare(b.supplier)),
  });
  for (const [id, name] of f.names) text = text.replaceAll(id, `<${name}>`);
  const others = [
    ...new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? []),
  ];
  others.forEach((id, i) => (text = text.replaceAll(id, `<record ${i + 1}>`)));
  return JSON.parse(text) as unknown;
}

describe("organisation-wide recompute keeps its results", () => {
  it("scores, levels, coverage, explanations and stored inputs match the earlier implementation", async () => {
    const f = await seedFixture();
    expectSameAsDirectReads(f);
    const original = referenceData();
    const tip = new Map(original.tip);
    tip.set(
      "CN",
      new Map([...(tip.get("CN") ?? new Map()), [original.tipEdition, "Tier 2 Watch List" as const]]),
    );
    setReferenceData({
      ...original,
      tip,
      editions: { ...original.editions, tip: `${original.editions.tip} (test edit: CN Tier 2 Watch List)` },
    });
    try {
      const r = recomputeOrgNow(db(), f.ctx, "TIP edition changed", 4);
      expect(r.processed).toBe(9);
      expect(r.changed).toBeGreaterThanOrEqual(2);
      expect(observed(f)).toMatchSnapshot();
    } finally {
      setReferenceData(original);
    }
  });
});
