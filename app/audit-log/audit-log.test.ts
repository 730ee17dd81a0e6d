import { describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { createOrg } from "../../test/factories";
import { listAuditLog, recordAudit, verifyAuditChain } from "./audit-log.server";

describe("audit log", () => {
  it("appends rows with a verifiable per-tenant hash chain", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.admin.ctx;
    writeTx((tx) =>
      recordAudit(tx, ctx, { action: "supplier.create", entityType: "supplier", entityId: "s1" }),
    );
    writeTx((tx) =>
      recordAudit(tx, other.members.admin.ctx, { action: "x", entityType: "y", entityId: "z" }),
    );
    writeTx((tx) =>
      recordAudit(tx, ctx, {
        action: "supplier.update",
        entityType: "supplier",
        entityId: "s1",
        details: { a: 1 },
      }),
    );
    expect(verifyAuditChain(db(), org.id)).toEqual({ ok: true, brokenAt: null, rows: 2 });
    expect(listAuditLog(db(), org.id).map((r) => r.action)).toEqual(["supplier.update", "supplier.create"]);
  });

  it("refuses UPDATE and DELETE at the database level", async () => {
    const org = await createOrg();
    writeTx((tx) => recordAudit(tx, org.members.admin.ctx, { action: "a", entityType: "t", entityId: "1" }));
    expect(() => db().$client.exec("UPDATE audit_log SET action = 'tampered'")).toThrow(/append-only/);
    expect(() => db().$client.exec("DELETE FROM audit_log")).toThrow(/append-only/);
  });

  it("detects a tampered row", async () => {
    const org = await createOrg();
    const ctx = org.members.admin.ctx;
    writeTx((tx) => recordAudit(tx, ctx, { action: "a", entityType: "t", entityId: "1" }));
    writeTx((tx) => recordAudit(tx, ctx, { action: "b", entityType: "t", entityId: "2" }));
    const client = db().$client;
    client.exec("DROP TRIGGER audit_log_no_update");
    client
      .prepare("UPDATE audit_log SET action = 'forged' WHERE organization_id = ? AND action = 'a'")
      .run(org.id);
    const result = verifyAuditChain(db(), org.id);
    expect(result.ok).toBe(false);
  });
});
