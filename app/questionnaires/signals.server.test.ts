import { describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { answers, assignments } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { FORCED_LABOUR_SAQ_V1 } from "./builtin/forced-labour-saq.v1";
import { answerRiskSignals } from "./signals.server";

function insertAssignment(
  orgId: string,
  supplierId: string,
  status: (typeof assignments.$inferInsert)["status"],
  submittedAt: Date | null,
  values: Record<string, string | number>,
) {
  return writeTx((tx) => {
    const a = tx
      .insert(assignments)
      .values({
        organizationId: orgId,
        supplierId,
        templateKey: FORCED_LABOUR_SAQ_V1.key,
        templateVersion: FORCED_LABOUR_SAQ_V1.version,
        questionsSnapshot: FORCED_LABOUR_SAQ_V1,
        recipientName: "R",
        recipientEmail: "r@example.test",
        status,
        tokenHash: crypto.randomUUID(),
        tokenExpiresAt: new Date(Date.now() + 86_400_000),
        sentAt: new Date(),
        submittedAt,
      })
      .returning()
      .get();
    for (const [questionId, value] of Object.entries(values)) {
      tx.insert(answers).values({ organizationId: orgId, assignmentId: a.id, questionId, value }).run();
    }
    return a;
  });
}

describe("answerRiskSignals", () => {
  it("returns nothing before any submission, and ignores drafts", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    expect(answerRiskSignals(db(), org.id, s.id)).toEqual([]);
    insertAssignment(org.id, s.id, "in_progress", null, { I1: "yes" });
    expect(answerRiskSignals(db(), org.id, s.id)).toEqual([]);
  });

  it("scores the latest submitted assignment with red flags, controls and ILO tags", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    insertAssignment(org.id, s.id, "accepted", new Date("2026-01-01"), { R1: "yes" });
    insertAssignment(org.id, s.id, "submitted", new Date("2026-03-01"), {
      I1: "yes",
      R1: "no",
      H1: 65,
      PO1: "yes",
      P1: 120,
    });
    const signals = answerRiskSignals(db(), org.id, s.id);
    const byId = Object.fromEntries(signals.map((x) => [x.questionId, x]));
    expect(byId.I1).toMatchObject({ redFlag: true, points: 25, answer: "Yes", iloIndicators: [7] });
    expect(byId.I1.source).toContain("submitted 2026-03-01");
    expect(byId.H1).toMatchObject({ redFlag: false, points: 12, answer: "65 hours per week" });
    expect(byId.PO1.points).toBeLessThan(0);
    expect(byId.PO1.source).toContain("self-declared");
    // The older assignment's red flag does not leak in; neutral answers are not listed.
    expect(byId.R1).toBeUndefined();
    expect(byId.P1).toBeUndefined();
  });

  it("never reads another tenant's answers", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const s = insertSupplier(a.id);
    insertAssignment(a.id, s.id, "submitted", new Date(), { I1: "yes" });
    expect(answerRiskSignals(db(), b.id, s.id)).toEqual([]);
  });
});
