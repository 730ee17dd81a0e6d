import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { recomputeSupplierRisk } from "~/risk/risk.server";
import { auditLog, remediationTasks, suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  completeRemediationTask,
  getRemediationTask,
  listRemediationTasks,
  raiseRemediationTask,
  type RaiseTaskInput,
} from "./remediation.server";

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });

const input = (supplierId: string, over: Partial<RaiseTaskInput> = {}): RaiseTaskInput => ({
  supplierId,
  sourceType: "answer",
  sourceRef: `assignment-1:Q1-${supplierId}`,
  title: "Return identity documents to workers",
  iloIndicator: "7",
  severity: "red_flag",
  ...over,
});

describe("raiseRemediationTask", () => {
  it("is idempotent per source and audits only the first raise", async () => {
    const org = await createOrg();
    const ctx = at(org.members.procurement.ctx, "2026-03-01T09:00:00Z");
    const s = insertSupplier(org.id);
    const first = writeTx((tx) => raiseRemediationTask(tx, ctx, input(s.id)));
    const again = writeTx((tx) => raiseRemediationTask(tx, ctx, input(s.id, { title: "changed" })));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    expect(
      db().select().from(remediationTasks).where(eq(remediationTasks.organizationId, org.id)).all(),
    ).toHaveLength(1);
    const raised = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "remediation.raised")))
      .all();
    expect(raised).toHaveLength(1);
  });

  it.each([
    ["zero_tolerance", "2026-03-08"],
    ["critical", "2026-03-15"],
    ["red_flag", "2026-03-31"],
  ] as const)("a %s task is due %s", async (severity, due) => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const ctx = at(org.members.auditor.ctx, "2026-03-01T09:00:00Z");
    const { id } = writeTx((tx) =>
      raiseRemediationTask(
        tx,
        ctx,
        input(s.id, { sourceType: "finding", sourceRef: `f-${severity}`, severity }),
      ),
    );
    expect(getRemediationTask(ctx, id).dueDate).toBe(due);
  });

  it("refuses another tenant's supplier", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(other.id);
    expect(() => writeTx((tx) => raiseRemediationTask(tx, org.members.admin.ctx, input(s.id)))).toThrow(
      NotFoundError,
    );
  });
});

describe("completeRemediationTask", () => {
  it("completes with a note, audits, and removes the overdue points from the risk score", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { country: "DE" });
    const raisedCtx = at(org.members.procurement.ctx, "2026-03-01T09:00:00Z");
    const { id } = writeTx((tx) =>
      raiseRemediationTask(
        tx,
        raisedCtx,
        input(s.id, { sourceType: "finding", sourceRef: "f1", severity: "zero_tolerance" }),
      ),
    );
    const later = at(org.members.auditor.ctx, "2026-04-01T09:00:00Z");
    expect(writeTx((tx) => recomputeSupplierRisk(tx, later, s.id, "daily")).score).toBe(5);
    expect(listRemediationTasks(later)[0]).toMatchObject({ id, overdue: true, status: "open" });

    const result = completeRemediationTask(later, id, {
      completionNote: "Passports returned to all 42 workers.",
    });
    expect(result.score).toBe(0);
    const task = getRemediationTask(later, id);
    expect(task).toMatchObject({
      status: "completed",
      overdue: false,
      completionNote: "Passports returned to all 42 workers.",
      completedBy: "auditor user",
    });
    expect(db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!.riskScore).toBe(0);
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.organizationId, org.id))
      .all()
      .map((r) => r.action);
    expect(actions).toContain("remediation.completed");

    expect(() => completeRemediationTask(later, id, { completionNote: "Second time round" })).toThrow(
      ConflictError,
    );
  });

  it("lists open tasks first, soonest due first", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const ctx = at(org.members.admin.ctx, "2026-03-01T09:00:00Z");
    const red = writeTx((tx) => raiseRemediationTask(tx, ctx, input(s.id, { sourceRef: "a" })));
    const zt = writeTx((tx) =>
      raiseRemediationTask(tx, ctx, input(s.id, { sourceRef: "b", severity: "zero_tolerance" })),
    );
    const done = writeTx((tx) =>
      raiseRemediationTask(tx, ctx, input(s.id, { sourceRef: "c", severity: "critical" })),
    );
    completeRemediationTask(ctx, done.id, { completionNote: "Fees refunded to workers." });
    expect(listRemediationTasks(ctx).map((t) => t.id)).toEqual([zt.id, red.id, done.id]);
  });

  it("treats another tenant's task as not found", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(other.id);
    const { id } = writeTx((tx) => raiseRemediationTask(tx, other.members.admin.ctx, input(s.id)));
    expect(() => getRemediationTask(org.members.admin.ctx, id)).toThrow(NotFoundError);
    expect(() =>
      completeRemediationTask(org.members.admin.ctx, id, { completionNote: "Not mine to close." }),
    ).toThrow(NotFoundError);
    expect(getRemediationTask(other.members.admin.ctx, id).status).toBe("open");
  });
});
