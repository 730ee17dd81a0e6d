import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { auditLog, supplierLinks, suppliers } from "~db/schema";
import { createOrg, type TestOrg } from "../../test/factories";
import { addSupplierLink, removeSupplierLink } from "./links.server";
import { createSupplier, recomputeTiers } from "./suppliers.server";

const base = {
  country: "VN",
  sector: "Textiles and apparel",
  contactName: "Lan",
  contactEmail: "lan@example.test",
};

function make(org: TestOrg, name: string, parentSupplierId?: string) {
  return createSupplier(org.members.procurement.ctx, { ...base, name, parentSupplierId }).id;
}
const tier = (id: string) =>
  db().select({ t: suppliers.tier }).from(suppliers).where(eq(suppliers.id, id)).get()!.t;
const linkCount = (orgId: string) =>
  db().select().from(supplierLinks).where(eq(supplierLinks.organizationId, orgId)).all().length;

/** After every change the incremental tiers must equal a full recompute (which then changes nothing). */
function expectConsistent(orgId: string) {
  expect(writeTx((tx) => recomputeTiers(tx, orgId))).toBe(0);
}

describe("addSupplierLink / removeSupplierLink", () => {
  it("a second, closer parent lowers the tier of the child and everything below it", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const a = make(org, "A");
    const b = make(org, "B", a);
    const c = make(org, "C", b);
    const d = make(org, "D", c);
    const e = make(org, "E", d);
    expect([a, b, c, d, e].map(tier)).toEqual([1, 2, 3, 4, 5]);

    const r = addSupplierLink(ctx, { parentSupplierId: a, childSupplierId: d });
    expect(r).toEqual({ childTier: 2, tiersChanged: 2 });
    expect([a, b, c, d, e].map(tier)).toEqual([1, 2, 3, 2, 3]);
    expectConsistent(org.id);

    // Several parents: removing the closer one restores the longer path.
    const back = removeSupplierLink(ctx, { parentSupplierId: a, childSupplierId: d });
    expect(back).toEqual({ childTier: 4, tiersChanged: 2 });
    expect([a, b, c, d, e].map(tier)).toEqual([1, 2, 3, 4, 5]);
    expectConsistent(org.id);

    const audit = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.entityId, d)))
      .all()
      .map((x) => x.action);
    expect(audit).toEqual(expect.arrayContaining(["supplier.link_added", "supplier.link_removed"]));
  });

  it("a direct link makes a supplier tier 1; a longer extra parent changes nothing", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const a = make(org, "A");
    const b = make(org, "B", a);
    const c = make(org, "C", b);
    expect(addSupplierLink(ctx, { parentSupplierId: null, childSupplierId: c })).toEqual({
      childTier: 1,
      tiersChanged: 1,
    });
    const x = make(org, "X", c);
    expect(tier(x)).toBe(2);
    // C is tier 1; an extra parent at tier 2 is not shorter.
    expect(addSupplierLink(ctx, { parentSupplierId: b, childSupplierId: x })).toEqual({
      childTier: 2,
      tiersChanged: 0,
    });
    // Removing the direct link: C falls back to tier 3, X to tier 3 (via B, which is tier 2).
    removeSupplierLink(ctx, { parentSupplierId: null, childSupplierId: c });
    expect([a, b, c, x].map(tier)).toEqual([1, 2, 3, 3]);
    expectConsistent(org.id);
  });

  it("refuses a cycle with the loop spelled out, and writes nothing", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const a = make(org, "Alpha");
    const b = make(org, "Beta", a);
    const c = make(org, "Gamma", b);
    const before = linkCount(org.id);
    expect(() => addSupplierLink(ctx, { parentSupplierId: b, childSupplierId: a })).toThrow(
      new ConflictError("This link would create a cycle: Beta → Alpha → Beta."),
    );
    expect(() => addSupplierLink(ctx, { parentSupplierId: c, childSupplierId: a })).toThrow(
      "would create a cycle: Gamma → Alpha → Beta → Gamma",
    );
    expect(() => addSupplierLink(ctx, { parentSupplierId: a, childSupplierId: a })).toThrow(
      "would create a cycle: Alpha → Alpha",
    );
    expect(linkCount(org.id)).toBe(before);
  });

  it("refuses duplicates and removing a supplier's last link", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const a = make(org, "A");
    const b = make(org, "B", a);
    expect(() => addSupplierLink(ctx, { parentSupplierId: a, childSupplierId: b })).toThrow(ConflictError);
    expect(() => addSupplierLink(ctx, { parentSupplierId: null, childSupplierId: a })).toThrow(ConflictError);
    expect(() => removeSupplierLink(ctx, { parentSupplierId: a, childSupplierId: b })).toThrow(
      /must sell to you or to another supplier/,
    );
    expect(() => removeSupplierLink(ctx, { parentSupplierId: null, childSupplierId: b })).toThrow(
      NotFoundError,
    );
  });

  it("treats another tenant's supplier as not found, either end of the link", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const mine = make(org, "Mine");
    const theirs = make(other, "Theirs");
    const ctx = org.members.procurement.ctx;
    expect(() => addSupplierLink(ctx, { parentSupplierId: mine, childSupplierId: theirs })).toThrow(
      NotFoundError,
    );
    expect(() => addSupplierLink(ctx, { parentSupplierId: theirs, childSupplierId: mine })).toThrow(
      NotFoundError,
    );
    expect(() => removeSupplierLink(ctx, { parentSupplierId: null, childSupplierId: theirs })).toThrow(
      NotFoundError,
    );
    expect(linkCount(other.id)).toBe(1);
  });

  it("keeps tiers equal to a full recompute through a random sequence of changes", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const ids: string[] = [];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 25; i++)
      ids.push(make(org, `S${i}`, i < 3 ? undefined : ids[Math.floor(rand() * i)]));
    for (let step = 0; step < 60; step++) {
      const p = ids[Math.floor(rand() * ids.length)];
      const c = ids[Math.floor(rand() * ids.length)];
      try {
        if (rand() < 0.6)
          addSupplierLink(ctx, { parentSupplierId: rand() < 0.1 ? null : p, childSupplierId: c });
        else removeSupplierLink(ctx, { parentSupplierId: p, childSupplierId: c });
      } catch (err) {
        if (!(err instanceof ConflictError || err instanceof NotFoundError)) throw err;
      }
      expectConsistent(org.id);
    }
  });
});
