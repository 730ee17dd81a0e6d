import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { auditLog, riskAssessments, supplierLinks, suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { createSupplier, getSupplierDetail, listSuppliers, recomputeTiers } from "./suppliers.server";

const base = {
  name: "Saigon Garment Co.",
  country: "VN",
  sector: "Textiles and apparel",
  contactName: "Nguyễn Thị Lan",
  contactEmail: "Lan@Saigon.example",
};

describe("createSupplier", () => {
  it("creates a direct supplier at tier 1, scored, with an audit row", async () => {
    const org = await createOrg();
    const s = createSupplier(org.members.procurement.ctx, { ...base, country: "CN" });
    // China, TIP Tier 3; textiles; never assessed: inherent 43, residual 58 (coverage gaps +15).
    expect(s).toMatchObject({ tier: 1, countryName: "China", riskScore: 58, riskLevel: "high" });
    const row = db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!;
    expect(row.contactEmail).toBe("lan@saigon.example");
    expect(row).toMatchObject({
      riskLevel: "high",
      inherentScore: 43,
      residualScore: 58,
      coverage: "not_assessed",
    });
    const link = db().select().from(supplierLinks).where(eq(supplierLinks.childSupplierId, s.id)).get()!;
    expect(link.parentSupplierId).toBeNull();
    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, s.id)))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["supplier.created", "risk.recomputed"]);
  });

  it("puts a sub-supplier one tier below its parent", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const parent = createSupplier(ctx, base);
    const child = createSupplier(ctx, {
      ...base,
      name: "Dhaka Knitwear",
      country: "BD",
      parentSupplierId: parent.id,
    });
    const grandchild = createSupplier(ctx, {
      ...base,
      name: "Gin",
      country: "TM",
      parentSupplierId: child.id,
    });
    expect([parent.tier, child.tier, grandchild.tier]).toEqual([1, 2, 3]);
    const detail = getSupplierDetail(ctx, child.id);
    expect(detail.parents.map((p) => p.id)).toEqual([parent.id]);
    expect(detail.children.map((c) => c.id)).toEqual([grandchild.id]);
    expect(detail.direct).toBe(false);
  });

  it("treats another tenant's parent as not found and writes nothing", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const foreign = insertSupplier(other.id);
    expect(() => createSupplier(org.members.admin.ctx, { ...base, parentSupplierId: foreign.id })).toThrow(
      NotFoundError,
    );
    expect(db().select().from(suppliers).where(eq(suppliers.organizationId, org.id)).all()).toHaveLength(0);
  });

  it("rejects bad input with field errors", async () => {
    const org = await createOrg();
    try {
      createSupplier(org.members.admin.ctx, {
        ...base,
        country: "ZZ",
        sector: "Knitting",
        contactEmail: "nope",
        name: " ",
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      expect(Object.keys((err as ValidationError).fieldErrors).sort()).toEqual([
        "contactEmail",
        "country",
        "name",
        "sector",
      ]);
    }
  });
});

describe("recomputeTiers", () => {
  it("takes the shortest path when a supplier gains a closer parent", async () => {
    const org = await createOrg();
    const a = insertSupplier(org.id);
    const b = insertSupplier(org.id, { parentId: a.id });
    const c = insertSupplier(org.id, { parentId: b.id, tier: 3 });
    writeTx((tx) => {
      tx.insert(supplierLinks)
        .values({ organizationId: org.id, parentSupplierId: a.id, childSupplierId: c.id })
        .run();
      expect(recomputeTiers(tx, org.id)).toBe(1);
    });
    expect(
      db().select({ tier: suppliers.tier }).from(suppliers).where(eq(suppliers.id, c.id)).get()!.tier,
    ).toBe(2);
  });
});

describe("listSuppliers", () => {
  it("filters by name, country, tier and level within the tenant only", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.executive.ctx;
    const a = createSupplier(org.members.admin.ctx, { ...base, name: "Alpha 100% Cotton", country: "CN" });
    createSupplier(org.members.admin.ctx, {
      ...base,
      name: "Beta Knit",
      country: "DE",
      parentSupplierId: a.id,
    });
    createSupplier(other.members.admin.ctx, { ...base, name: "Alpha elsewhere", country: "CN" });

    expect(listSuppliers(ctx).total).toBe(2);
    expect(listSuppliers(ctx, { q: "alpha" }).rows.map((r) => r.name)).toEqual(["Alpha 100% Cotton"]);
    expect(listSuppliers(ctx, { q: "100%" }).total).toBe(1);
    expect(listSuppliers(ctx, { q: "%" }).total).toBe(1);
    expect(listSuppliers(ctx, { country: "DE" }).rows.map((r) => r.countryName)).toEqual(["Germany"]);
    expect(listSuppliers(ctx, { tier: 2 }).rows.map((r) => r.name)).toEqual(["Beta Knit"]);
    expect(listSuppliers(ctx, { level: "high" }).rows.map((r) => r.name)).toEqual(["Alpha 100% Cotton"]);
    expect(listSuppliers(ctx, { level: "medium" }).rows.map((r) => r.name)).toEqual(["Beta Knit"]);
    expect(listSuppliers(ctx).countries.sort()).toEqual(["CN", "DE"]);
  });
});

describe("getSupplierDetail", () => {
  it("returns the supplier with one stored assessment; 404 across tenants", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = createSupplier(org.members.admin.ctx, { ...base, country: "BR" });
    const detail = getSupplierDetail(org.members.auditor.ctx, s.id);
    expect(detail.supplier).toMatchObject({ id: s.id, riskLevel: "high", riskScore: 50 });
    expect(
      db().select().from(riskAssessments).where(eq(riskAssessments.supplierId, s.id)).all(),
    ).toHaveLength(1);
    expect(() => getSupplierDetail(other.members.admin.ctx, s.id)).toThrow(NotFoundError);
  });
});
