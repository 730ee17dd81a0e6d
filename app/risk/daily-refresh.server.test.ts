import { and, asc, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { updateEvidenceDetails, uploadEvidence } from "~/evidence/evidence.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { runDueJobs, type JobHandlers } from "~/scheduler/scheduler.server";
import {
  auditLog,
  evidenceFiles,
  remediationTasks,
  riskAssessments,
  riskSettings,
  scheduledJobs,
  suppliers,
} from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  ensureDailyRiskRefresh,
  nextDailyRun,
  RISK_DAILY_JOB,
  RISK_DAILY_ORG_JOB,
  RISK_REFRESH_TRIGGER,
  riskDailyJobHandlers,
  suppliersCrossingDates,
} from "./daily-refresh.server";
import { COVERAGE_POINTS, OVERDUE_ACTION_POINTS, type FactorLine } from "./model";
import { recomputeSupplierRisk } from "./risk.server";

const DAY_MS = 86_400_000;
// Test organisations are created with the real clock, so the injected days are relative to today.
const TODAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const day = (n: number) => new Date(TODAY + n * DAY_MS).toISOString().slice(0, 10);
const at = (n: number, hour = 12) => new Date(TODAY + n * DAY_MS + hour * 3_600_000);

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);

/** Run the refresh's jobs as the scheduler would at `now`, until none is due. */
async function runDaily(now: Date) {
  const handlers: JobHandlers = riskDailyJobHandlers;
  let done = 0;
  for (;;) {
    const r = await runDueJobs({
      handlers,
      workerId: "test",
      now: () => now,
      kinds: [RISK_DAILY_JOB, RISK_DAILY_ORG_JOB],
    });
    expect(r.failed + r.retried).toBe(0);
    if (!r.done) return done;
    done += r.done;
  }
}

function assessments(organizationId: string, supplierId: string) {
  return db()
    .select()
    .from(riskAssessments)
    .where(
      and(eq(riskAssessments.organizationId, organizationId), eq(riskAssessments.supplierId, supplierId)),
    )
    .orderBy(desc(riskAssessments.computedAt), desc(sql`rowid`))
    .all();
}

const supplierRow = (id: string) => db().select().from(suppliers).where(eq(suppliers.id, id)).get()!;

function addFile(organizationId: string, supplierId: string, fileName: string, expiresOn: string | null) {
  return writeTx((tx) =>
    tx
      .insert(evidenceFiles)
      .values({
        organizationId,
        supplierId,
        storageKey: `org/${organizationId}/${crypto.randomUUID()}`,
        fileName,
        contentType: "application/pdf",
        sizeBytes: 10,
        sha256: "0".repeat(64),
        expiresOn,
      })
      .returning()
      .get(),
  );
}

function summaries(organizationId: string) {
  return db()
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, organizationId), eq(auditLog.action, "risk.recompute_done")))
    .orderBy(asc(auditLog.seq))
    .all()
    .map((r) => JSON.parse(r.details ?? "{}") as Record<string, unknown>);
}

describe("daily risk refresh", () => {
  it("an evidence file whose last valid day passes raises the score the next morning, naming the file", async () => {
    const org = await createOrg();
    const ctx = (n: number): Ctx => ({ ...org.members.admin.ctx, now: () => at(n) });
    // A garment maker in Bangladesh with an open finding: high enough that no floor hides 3 points.
    const s = insertSupplier(org.id, { country: "BD", sector: "Textiles and apparel" });
    const untouched = insertSupplier(org.id, { country: "BD", sector: "Textiles and apparel" });
    addFile(org.id, s.id, "fire-safety-licence.pdf", day(0)); // today is its last valid day
    addFile(org.id, untouched.id, "policy.pdf", day(40));
    writeTx((tx) => {
      recomputeSupplierRisk(tx, ctx(0), s.id, "test");
      recomputeSupplierRisk(tx, ctx(0), untouched.id, "test");
    });
    const before = supplierRow(s.id);
    const untouchedCount = assessments(org.id, untouched.id).length;

    // Today's run: nothing has crossed yet.
    ensureDailyRiskRefresh(db(), at(0, 0));
    await runDaily(at(0, 0));
    expect(assessments(org.id, s.id)).toHaveLength(1);

    // The next morning the file has expired.
    await runDaily(nextDailyRun(at(0, 0)));
    const after = supplierRow(s.id);
    const [latest] = assessments(org.id, s.id);
    expect(latest.trigger).toBe(RISK_REFRESH_TRIGGER);
    const line = (latest.factors as FactorLine[]).find((l) => l.factor.includes("evidence document"));
    expect(line).toEqual({
      part: "coverage",
      factor: `1 evidence document expired: fire-safety-licence.pdf (valid until ${day(0)})`,
      points: COVERAGE_POINTS.expiredEvidence,
      source: expect.stringContaining("Evidence files") as string,
    });
    expect(after.residualScore).toBe(before.residualScore! + COVERAGE_POINTS.expiredEvidence);
    expect(latest.changeNote).toContain("fire-safety-licence.pdf");
    // Only the supplier whose date passed was rescored.
    expect(assessments(org.id, untouched.id)).toHaveLength(untouchedCount);
    const summary = summaries(org.id).at(-1)!;
    expect(summary).toMatchObject({ processed: 1, changed: 1, window: { since: day(0), today: day(1) } });
    expect(
      db().select().from(riskSettings).where(eq(riskSettings.organizationId, org.id)).get()?.refreshedOn,
    ).toBe(day(1));
    // Tomorrow's fan-out is queued; running the same morning again does nothing.
    const next = db()
      .select()
      .from(scheduledJobs)
      .where(eq(scheduledJobs.uniqueKey, `risk-daily:${day(2)}`))
      .get();
    expect(next?.runAt.toISOString()).toBe(nextDailyRun(at(1, 0)).toISOString());
    expect(await runDaily(nextDailyRun(at(0, 0)))).toBe(0);
    expect(assessments(org.id, s.id)).toHaveLength(2);
  });

  it("a corrective action whose deadline passes becomes an overdue line with its date", async () => {
    const org = await createOrg();
    const ctx = (n: number): Ctx => ({ ...org.members.admin.ctx, now: () => at(n) });
    const s = insertSupplier(org.id, { country: "BD", sector: "Textiles and apparel" });
    writeTx((tx) =>
      tx
        .insert(remediationTasks)
        .values({
          organizationId: org.id,
          supplierId: s.id,
          sourceType: "finding",
          sourceRef: crypto.randomUUID(),
          title: "Return retained passports",
          grade: "critical",
          state: "in_progress",
          dueDate: day(10),
        })
        .run(),
    );
    writeTx((tx) => recomputeSupplierRisk(tx, ctx(10), s.id, "test"));
    const before = supplierRow(s.id);
    expect(assessments(org.id, s.id)[0].factors as FactorLine[]).not.toContainEqual(
      expect.objectContaining({ part: "actions" }),
    );

    ensureDailyRiskRefresh(db(), at(11, 0));
    await runDaily(at(11, 0));
    const [latest] = assessments(org.id, s.id);
    expect(latest.trigger).toBe(RISK_REFRESH_TRIGGER);
    expect(latest.factors as FactorLine[]).toContainEqual({
      part: "actions",
      factor: "Overdue corrective action: Return retained passports",
      points: OVERDUE_ACTION_POINTS,
      source: `Due ${day(10)}`,
    });
    expect(supplierRow(s.id).residualScore).toBe(before.residualScore! + OVERDUE_ACTION_POINTS);
    expect(summaries(org.id).at(-1)).toMatchObject({ processed: 1, changed: 1 });
  });

  it("reads only suppliers with a date in the window", async () => {
    const org = await createOrg();
    const a = insertSupplier(org.id);
    const b = insertSupplier(org.id);
    const c = insertSupplier(org.id);
    addFile(org.id, a.id, "a.pdf", day(3));
    addFile(org.id, b.id, "b.pdf", day(5)); // still valid on day 5
    addFile(org.id, c.id, "c.pdf", day(2)); // had expired by day 3
    const settings = { saqMaxAgeMonths: 12, auditMaxAgeMonths: 24 };
    expect(suppliersCrossingDates(db(), org.id, day(3), day(5), settings)).toEqual([a.id]);
    expect(suppliersCrossingDates(db(), org.id, day(2), day(6), settings)).toEqual([a.id, b.id, c.id].sort());
    expect(suppliersCrossingDates(db(), org.id, day(5), day(5), settings)).toEqual([]);
  });

  it("uploading or re-dating evidence rescores its supplier in the same transaction, and only when it moved", async () => {
    const org = await createOrg();
    const admin = org.members.admin;
    const ctx = (n: number): Ctx => ({ ...admin.ctx, now: () => at(n) });
    const s = insertSupplier(org.id, { country: "BD", sector: "Textiles and apparel" });
    const first = await uploadEvidence(ctx(20), {
      supplierId: s.id,
      expiresOn: day(20),
      file: new File([PDF], "licence.pdf", { type: "application/pdf" }),
    });
    writeTx((tx) => recomputeSupplierRisk(tx, ctx(21), s.id, "test"));
    const expired = supplierRow(s.id);
    expect(assessments(org.id, s.id)[0].factors as FactorLine[]).toContainEqual(
      expect.objectContaining({
        factor: `1 evidence document expired: licence.pdf (valid until ${day(20)})`,
      }),
    );

    // A renewed version replaces the expired one: the line goes at once.
    const renewed = await uploadEvidence(ctx(21), {
      supplierId: s.id,
      replacesId: first.id,
      expiresOn: day(400),
      file: new File([PDF], "licence-2027.pdf", { type: "application/pdf" }),
    });
    const [latest] = assessments(org.id, s.id);
    expect(latest.trigger).toBe("evidence.uploaded");
    expect((latest.factors as FactorLine[]).some((l) => l.factor.includes("evidence document"))).toBe(false);
    expect(supplierRow(s.id).residualScore).toBe(expired.residualScore! - COVERAGE_POINTS.expiredEvidence);

    // A change that leaves the outcome as it was writes no history row.
    const count = assessments(org.id, s.id).length;
    updateEvidenceDetails(ctx(21), {
      evidenceId: renewed.id,
      ownerUserId: admin.userId,
      expiresOn: day(300),
    });
    await uploadEvidence(ctx(21), {
      supplierId: s.id,
      file: new File([PDF], "policy.pdf", { type: "application/pdf" }),
    });
    expect(assessments(org.id, s.id)).toHaveLength(count);
  });
});
