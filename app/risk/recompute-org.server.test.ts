import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/audit-log/audit-log.server";
import { db, writeTx } from "~/infra/db.server";
import { runDueJobs } from "~/scheduler/scheduler.server";
import { auditLog, riskAssessments, riskJobs, riskSettings, suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  enqueueStaleOrganisations,
  recomputeOrgNow,
  riskFingerprint,
  riskJobHandlers,
  riskJobsOf,
} from "./recompute-org.server";
import { parseTipFullCsv } from "./reference";
import { referenceData, setReferenceData } from "./reference.server";
import { recomputeSupplierRisk, riskHistory } from "./risk.server";

const summaries = (organizationId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "risk.recompute_done")))
    .orderBy(auditLog.seq)
    .all()
    .map((r) => ({ ...r, details: JSON.parse(r.details ?? "null") as unknown }));

describe("organisation-wide recompute", () => {
  it("gives the same scores as the per-supplier recompute", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const a = insertSupplier(org.id, { country: "TM", goods: ["Cotton"], sector: "Agriculture" });
    const b = insertSupplier(org.id, { country: "DE", sector: "Logistics", parentId: a.id });
    for (const s of [b, a]) writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "one by one"));
    const before = db().select().from(suppliers).where(eq(suppliers.organizationId, org.id)).all();
    const r = recomputeOrgNow(db(), ctx, "check");
    expect(r).toEqual({ processed: 2, changed: 0 });
    const after = db().select().from(suppliers).where(eq(suppliers.organizationId, org.id)).all();
    expect(after.map((s) => [s.inherentScore, s.residualScore, s.riskScore, s.coverage])).toEqual(
      before.map((s) => [s.inherentScore, s.residualScore, s.riskScore, s.coverage]),
    );
    // Even a recompute that changed nothing leaves one summary row saying so.
    const [row, ...more] = summaries(org.id);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ actorType: "user", actorId: org.members.admin.userId, entityId: org.id });
    expect(row.details).toEqual({
      reason: "check",
      requestedBy: "admin user",
      processed: 2,
      changed: 0,
      exposureUpdated: 0,
    });
  });

  it("writes one summary audit row with the counts, committed with the scores or not at all", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const gin = insertSupplier(org.id, { country: "TM", goods: ["Cotton"], sector: "Agriculture" });
    const buyer = insertSupplier(org.id, { country: "DE", sector: "Logistics" });
    insertSupplier(org.id, { country: "TM", goods: ["Cotton"], parentId: buyer.id });
    const r = recomputeOrgNow(db(), ctx, "first scores", 1);
    expect(r).toEqual({ processed: 3, changed: 3 });
    expect(summaries(org.id).map((a) => a.details)).toEqual([
      { reason: "first scores", requestedBy: "admin user", processed: 3, changed: 3, exposureUpdated: 1 },
    ]);
    expect(verifyAuditChain(db(), org.id).ok).toBe(true);

    // A supplier row the model cannot read fails the recompute: no scores, no assessments, no summary.
    db().$client.prepare("update suppliers set goods = '{' where id = ?").run(gin.id);
    const assessments = () =>
      db().select().from(riskAssessments).where(eq(riskAssessments.organizationId, org.id)).all().length;
    const before = assessments();
    expect(() => recomputeOrgNow(db(), ctx, "broken", 1)).toThrow();
    expect(assessments()).toBe(before);
    expect(summaries(org.id)).toHaveLength(1);
  });

  it("a new reference edition queues a background job that rescores with progress and says why", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    const kh = insertSupplier(org.id, { country: "KH", sector: "Construction" });
    const de = insertSupplier(org.id, { country: "DE", sector: "Logistics" });
    recomputeOrgNow(db(), ctx, "first");
    const original = referenceData();
    const edited = parseTipFullCsv(
      "report_year,country,iso2,tier\n2026,Cambodia,KH,Tier 1\n2026,Germany,DE,Tier 1\n",
    );
    setReferenceData({
      ...original,
      tip: edited.tip,
      tipEdition: edited.edition,
      editions: { ...original.editions, tip: "TIP Report 2026 (test)" },
    });
    try {
      const queued = enqueueStaleOrganisations();
      expect(queued).toBeGreaterThanOrEqual(1);
      const [job] = riskJobsOf(ctx);
      expect(job).toMatchObject({ status: "queued", total: 2, done: 0 });
      const run = await runDueJobs({ handlers: riskJobHandlers, workerId: "test" });
      expect(run.failed).toBe(0);
      const done = db().select().from(riskJobs).where(eq(riskJobs.id, job.id)).get()!;
      expect(done).toMatchObject({ status: "done", done: 2, changed: 1 });
      const [h] = riskHistory(db(), ctx, kh.id);
      expect(h.trigger).toMatch(/^recompute: /);
      expect(h.changeNote).toMatch(/inherent \d+ → \d+/);
      expect(h.editions?.tip).toBe("TIP Report 2026 (test)");
      expect(riskHistory(db(), ctx, de.id)).toHaveLength(1); // unchanged: no new assessment
      const fp = db().select().from(riskSettings).where(eq(riskSettings.organizationId, org.id)).get()!;
      expect(fp.appliedFingerprint).toBe(riskFingerprint());
      const last = summaries(org.id).at(-1)!;
      expect(last).toMatchObject({ actorType: "system", actorLabel: "risk recompute" });
      expect(last.details).toEqual({
        riskJobId: job.id,
        reason: job.reason,
        requestedBy: "risk model",
        processed: 2,
        changed: 1,
        exposureUpdated: 0,
      });
    } finally {
      setReferenceData(original);
    }
  });
});
