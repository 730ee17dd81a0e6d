import { and, count, eq, notInArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { remediationTasks, suppliers } from "~db/schema";
import { ACTION_STATES, type ActionState } from "~db/schema/remediation.constants";
import { createOrg, insertSupplier } from "../../test/factories";
import { submitPlan } from "./actions.server";
import { boardSupplierOptions, SUPPLIER_SELECT_MAX } from "./board-options.server";
import { ACTIONS_PAGE_SIZE, actionCountsByState, listActionBoard } from "./board.server";
import { RESOLVED } from "./deadlines";
import { raiseRemediationTask } from "./remediation.server";

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });

function raise(ctx: Ctx, supplierId: string, n: number, prefix: string, day?: (i: number) => number) {
  return writeTx((tx) =>
    Array.from(
      { length: n },
      (_, i) =>
        raiseRemediationTask(tx, day ? { ...ctx, now: () => new Date(Date.UTC(2026, 0, day(i))) } : ctx, {
          supplierId,
          sourceType: "answer",
          sourceRef: `${prefix}:${i}`,
          title: `${prefix} ${i}`,
          grade: "major",
        }).id,
    ),
  );
}

/** What the tabs must say: a GROUP BY over the tenant's actions, computed here independently. */
function countedByHand(organizationId: string): Record<string, number> {
  const rows = db()
    .select({ state: remediationTasks.state, n: count() })
    .from(remediationTasks)
    .where(eq(remediationTasks.organizationId, organizationId))
    .groupBy(remediationTasks.state)
    .all();
  const out: Record<string, number> = Object.fromEntries(ACTION_STATES.map((s) => [s, 0]));
  for (const r of rows) out[r.state] = r.n;
  const unresolved = db()
    .select({ n: count() })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, organizationId),
        notInArray(remediationTasks.state, [...RESOLVED]),
      ),
    )
    .get()!.n;
  return { ...out, unresolved, all: rows.reduce((a, r) => a + r.n, 0) };
}

const setState = (id: string, state: ActionState) =>
  db().update(remediationTasks).set({ state }).where(eq(remediationTasks.id, id)).run();

describe("the board's state counts", () => {
  it("equal a count of the tenant's actions after raising, transitions, direct writes and deletes", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = at(org.members.procurement.ctx, "2026-03-01T09:00:00Z");
    const s1 = insertSupplier(org.id).id;
    const s2 = insertSupplier(org.id).id;
    const ids = [...raise(ctx, s1, 6, "a"), ...raise(ctx, s2, 4, "b")];
    raise(at(other.members.procurement.ctx, "2026-03-01T09:00:00Z"), insertSupplier(other.id).id, 3, "o");
    expect(actionCountsByState(ctx)).toEqual(countedByHand(org.id));
    expect(actionCountsByState(ctx)).toMatchObject({ open: 10, unresolved: 10, all: 10, closed: 0 });

    submitPlan(ctx, ids[0], {
      rootCause: "Agents charged fees.",
      correctiveAction: "Repay the fees.",
      preventiveAction: "Employer-pays clause.",
      planTargetDate: "2026-06-30",
      supplierOwner: "HR manager",
    });
    setState(ids[1], "verified");
    setState(ids[2], "closed");
    setState(ids[7], "in_progress");
    setState(ids[7], "in_progress"); // no change of state: no change of count
    db().update(remediationTasks).set({ title: "Renamed" }).where(eq(remediationTasks.id, ids[3])).run();
    expect(actionCountsByState(ctx)).toEqual(countedByHand(org.id));
    expect(actionCountsByState(ctx)).toMatchObject({
      open: 6,
      plan_submitted: 1,
      verified: 1,
      closed: 1,
      in_progress: 1,
      unresolved: 8,
      all: 10,
    });

    // Deleting a supplier removes its actions by cascade; the counts follow.
    db().delete(suppliers).where(eq(suppliers.id, s2)).run();
    expect(actionCountsByState(ctx)).toEqual(countedByHand(org.id));
    expect(actionCountsByState(ctx).all).toBe(6);
    expect(actionCountsByState(other.members.admin.ctx)).toEqual(countedByHand(other.id));
    expect(actionCountsByState(other.members.admin.ctx).all).toBe(3);

    // The total of a view filtered by state alone is the tab's count; with other filters it is counted.
    for (const state of ["unresolved", "all", ...ACTION_STATES] as const)
      expect(listActionBoard(ctx, { state }).total).toBe(countedByHand(org.id)[state]);
    expect(listActionBoard(ctx, { state: "open", supplierId: s1 }).total).toBe(3);
    expect(listActionBoard(ctx, { state: "open", grade: "minor" }).total).toBe(0);
  });
});

describe("the board's keyset pages", () => {
  it("walk every action once, in (due date, id) order, when many share a due date", async () => {
    const org = await createOrg();
    const ctx = at(org.members.auditor.ctx, "2026-01-01T00:00:00Z");
    const supplierId = insertSupplier(org.id).id;
    const n = ACTIONS_PAGE_SIZE * 2 + 7;
    raise(ctx, supplierId, n, "tie", (i) => 1 + (i % 3));
    const seen: { id: string; dueDate: string }[] = [];
    let page = listActionBoard(ctx, { state: "open" });
    const pages = [page];
    seen.push(...page.rows);
    while (page.next) {
      page = listActionBoard(ctx, { state: "open", after: page.next });
      pages.push(page);
      seen.push(...page.rows);
    }
    expect(pages).toHaveLength(3);
    expect(seen).toHaveLength(n);
    const sorted = [...seen].sort((a, b) =>
      a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
    );
    expect(seen.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
    const back = listActionBoard(ctx, { state: "open", before: pages[2].prev! });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1].rows.map((r) => r.id));
    const first = listActionBoard(ctx, { state: "open", before: back.prev! });
    expect(first.rows.map((r) => r.id)).toEqual(pages[0].rows.map((r) => r.id));
    expect(first.prev).toBeNull();
  });
});

describe("the board's supplier choices", () => {
  it("lists every supplier up to the maximum, and above it only the one chosen", async () => {
    const org = await createOrg();
    const ctx = org.members.auditor.ctx;
    writeTx((tx) => {
      for (let i = 0; i < SUPPLIER_SELECT_MAX; i++)
        tx.insert(suppliers)
          .values({
            organizationId: org.id,
            name: `S ${String(i).padStart(3, "0")}`,
            country: "VN",
            sector: "Textiles and apparel",
            contactName: "Contact",
            contactEmail: `c${i}@supplier.test`,
            tier: 1,
          })
          .run();
    });
    expect(boardSupplierOptions(ctx)).toHaveLength(SUPPLIER_SELECT_MAX);
    const extra = insertSupplier(org.id);
    expect(boardSupplierOptions(ctx)).toEqual([]);
    expect(boardSupplierOptions(ctx, extra.id)).toEqual([{ id: extra.id, name: extra.name }]);
  });
});
