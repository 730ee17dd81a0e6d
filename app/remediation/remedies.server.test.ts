import { describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { createOrg, insertSupplier } from "../../test/factories";
import { recordRemedy, remedyTotals } from "./remedies.server";

const pdf = () => new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "receipts.pdf");

describe("remedy to workers", () => {
  it("records fees repaid to 40 workers with evidence and totals them per currency", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const supplierId = insertSupplier(org.id).id;
    const ctx = org.members.procurement.ctx;
    const audit = createAudit(org.members.auditor.ctx, {
      supplierId,
      scheme: "SMETA",
      auditDate: "2026-01-10",
    });
    const { taskId } = addFinding(org.members.auditor.ctx, {
      auditId: audit.id,
      title: "Fees",
      schemeGrade: "Critical",
    });
    const file = await uploadEvidence(ctx, { actionId: taskId, file: pdf() });

    expect(() =>
      recordRemedy(ctx, taskId, { kind: "recruitment_fees_repaid", workers: "40", remediedOn: "2026-02-01" }),
    ).toThrow(ValidationError);
    expect(() =>
      recordRemedy(ctx, taskId, {
        kind: "recruitment_fees_repaid",
        amount: "24000",
        workers: "0",
        currency: "USD",
        remediedOn: "2026-02-01",
      }),
    ).toThrow(ValidationError);
    expect(() =>
      recordRemedy(ctx, taskId, {
        kind: "recruitment_fees_repaid",
        amount: "24000",
        currency: "USD",
        workers: "40",
        remediedOn: "2999-01-01",
      }),
    ).toThrow(/cannot be in the future/);
    expect(() =>
      recordRemedy(other.members.admin.ctx, taskId, {
        kind: "documents_returned",
        workers: "3",
        remediedOn: "2026-02-01",
      }),
    ).toThrow(NotFoundError);

    recordRemedy(ctx, taskId, {
      kind: "recruitment_fees_repaid",
      amount: "24,000.50",
      currency: "usd",
      workers: "40",
      remediedOn: "2026-02-01",
      evidenceId: file.id,
    });
    recordRemedy(ctx, taskId, { kind: "documents_returned", workers: "12", remediedOn: "2026-02-02" });
    expect(remedyTotals(ctx)).toEqual({
      remedies: 2,
      workers: 52,
      amounts: [{ currency: "USD", amountMinor: 2_400_050 }],
      byKind: expect.arrayContaining([
        { kind: "recruitment_fees_repaid", remedies: 1, workers: 40 },
        { kind: "documents_returned", remedies: 1, workers: 12 },
      ]),
    });
    expect(remedyTotals(ctx, { from: "2026-02-02" }).workers).toBe(12);
    expect(remedyTotals(other.members.admin.ctx).remedies).toBe(0);
  });
});
