import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { evidenceFiles, riskAssessments, supplierRiskInputs } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { gatherRiskInputs } from "./gather.server";
import { type AnswersInput, type FactorLine, type RiskInputs, COVERAGE_POINTS } from "./model";
import { recomputeOrgNow } from "./recompute-org.server";
import { recomputeSupplierRisk } from "./risk.server";
import { storedInputs } from "./stored-inputs.server";

const NOW = new Date("2026-11-15T12:00:00Z");

function addFile(
  organizationId: string,
  supplierId: string,
  fileName: string,
  expiresOn: string | null,
  supersededAt: Date | null = null,
) {
  writeTx((tx) =>
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
        supersededAt,
      })
      .run(),
  );
}

function latest(ctx: Ctx, supplierId: string) {
  const row = db()
    .select({
      factors: riskAssessments.factors,
      inputs: riskAssessments.inputs,
      sharedInputs: riskAssessments.sharedInputs,
    })
    .from(riskAssessments)
    .where(
      and(eq(riskAssessments.organizationId, ctx.organizationId), eq(riskAssessments.supplierId, supplierId)),
    )
    .orderBy(sql`rowid desc`)
    .limit(1)
    .get()!;
  return { factors: row.factors, inputs: storedInputs(db(), ctx.organizationId, row) };
}

const evidenceLines = (factors: unknown) =>
  (factors as FactorLine[]).filter((l) => l.part === "coverage" && l.factor.includes("evidence"));

describe("expired evidence as a risk factor", () => {
  it("names each expired current file in one line; valid, undated and superseded files do not count", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx: Ctx = { ...org.members.admin.ctx, now: () => NOW };
    const s = insertSupplier(org.id, { country: "DE", sector: "Logistics" });
    const neighbour = insertSupplier(org.id, { country: "DE", sector: "Logistics" });
    addFile(org.id, s.id, "licence.pdf", "2026-11-14"); // expired yesterday
    addFile(org.id, s.id, "fire-cert.pdf", "2026-10-31");
    addFile(org.id, s.id, "permit.pdf", "2026-11-15"); // today is its last valid day
    addFile(org.id, s.id, "policy.pdf", null);
    addFile(org.id, s.id, "old-licence.pdf", "2025-01-01", new Date("2025-02-01")); // replaced
    addFile(org.id, neighbour.id, "neighbour.pdf", "2026-01-01");
    const foreign = insertSupplier(other.id);
    addFile(other.id, foreign.id, "foreign.pdf", "2026-01-01");

    writeTx((tx) => recomputeSupplierRisk(tx, ctx, s.id, "test"));
    const stored = latest(ctx, s.id);
    expect(evidenceLines(stored.factors)).toEqual([
      {
        part: "coverage",
        factor:
          "2 evidence documents expired: fire-cert.pdf (valid until 2026-10-31), licence.pdf (valid until 2026-11-14)",
        points: 2 * COVERAGE_POINTS.expiredEvidence,
        source: expect.stringContaining("Evidence files") as string,
      },
    ]);
    expect((stored.inputs as RiskInputs).evidence.map((e) => e.fileName)).toEqual([
      "fire-cert.pdf",
      "licence.pdf",
    ]);
  });

  it("the organisation-wide recompute reads the same files per chunk as the per-supplier path", async () => {
    const org = await createOrg();
    const ctx: Ctx = { ...org.members.admin.ctx, now: () => NOW };
    const ids = [0, 1, 2, 3, 4].map(() => insertSupplier(org.id, { country: "BD" }).id);
    ids.forEach((id, n) => {
      for (let k = 0; k < n; k++) addFile(org.id, id, `cert-${k}.pdf`, `2026-0${k + 1}-01`);
    });
    const r = recomputeOrgNow(db(), ctx, "test", 2);
    expect(r).toMatchObject({ processed: 5, changed: 5 });
    for (const [n, id] of ids.entries()) {
      const stored = latest(ctx, id);
      const answers = db()
        .select({ answers: supplierRiskInputs.answers })
        .from(supplierRiskInputs)
        .where(eq(supplierRiskInputs.supplierId, id))
        .get();
      const direct = gatherRiskInputs(db(), ctx, id, (answers?.answers as AnswersInput | null) ?? null);
      expect(stored.inputs).toEqual(JSON.parse(JSON.stringify(direct)));
      const lines = evidenceLines(stored.factors);
      expect(lines).toHaveLength(n ? 1 : 0);
      if (n) {
        expect(lines[0].factor).toMatch(new RegExp(`^${n} evidence documents? expired: cert-0\\.pdf`));
        expect(lines[0].points).toBe(
          Math.min(n * COVERAGE_POINTS.expiredEvidence, COVERAGE_POINTS.expiredEvidenceCap),
        );
        expect(lines[0].factor.endsWith("(capped at 9)")).toBe(n * 3 > 9);
      }
    }
  });
});
