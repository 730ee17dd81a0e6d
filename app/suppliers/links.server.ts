import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { writeTx, type Tx } from "~/infra/db.server";
import { ConflictError, NotFoundError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { recomputeExposureAfterLinkChange } from "~/risk/risk.server";
import { supplierLinks, suppliers } from "~db/schema";
import { invalidateSupplierCounts } from "./list.server";
import { lowerTiersFrom, pathDown, raiseTiersBelow } from "./tiers.server";

/** "" or absent parent = the buying organisation itself (a direct, tier-1 relationship). */
export const BUYER = "buyer";

export const linkSchema = z.object({
  parentSupplierId: z
    .string()
    .trim()
    .max(64)
    .transform((v) => (v === "" || v === BUYER ? null : v)),
  childSupplierId: z.string().trim().min(1, "Choose a supplier.").max(64),
});
export type LinkInput = { parentSupplierId: string | null; childSupplierId: string };

function parseLink(input: LinkInput): { parentSupplierId: string | null; childSupplierId: string } {
  return parseInput(linkSchema, { ...input, parentSupplierId: input.parentSupplierId ?? "" });
}

function loadOwn(tx: Tx, ctx: Ctx, ids: string[]) {
  const rows = tx
    .select({ id: suppliers.id, name: suppliers.name, tier: suppliers.tier })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, ctx.organizationId), inArray(suppliers.id, ids)))
    .all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) if (!byId.has(id)) throw new NotFoundError("Supplier not found");
  return byId;
}

function edgeWhere(ctx: Ctx, parentId: string | null, childId: string) {
  return and(
    eq(supplierLinks.organizationId, ctx.organizationId),
    eq(supplierLinks.childSupplierId, childId),
    parentId === null ? isNull(supplierLinks.parentSupplierId) : eq(supplierLinks.parentSupplierId, parentId),
  );
}

export type LinkChange = { childTier: number; tiersChanged: number };

/**
 * Record that `child` sells to `parent` (or directly to the buyer). Both must belong to the caller's
 * organisation (else 404). A link that would close a loop is refused with the loop spelled out. Tiers
 * only shrink when a link is added, so only the suppliers whose tier drops are visited.
 */
export function addSupplierLink(ctx: Ctx, input: LinkInput): LinkChange {
  const v = parseLink(input);
  return writeTx((tx) => {
    const ids = v.parentSupplierId ? [v.parentSupplierId, v.childSupplierId] : [v.childSupplierId];
    const byId = loadOwn(tx, ctx, ids);
    const child = byId.get(v.childSupplierId)!;
    const parent = v.parentSupplierId ? byId.get(v.parentSupplierId)! : null;
    if (
      tx
        .select({ id: supplierLinks.id })
        .from(supplierLinks)
        .where(edgeWhere(ctx, v.parentSupplierId, child.id))
        .get()
    ) {
      throw new ConflictError(
        parent
          ? `${child.name} is already recorded as a sub-supplier of ${parent.name}.`
          : `${child.name} is already a direct supplier.`,
      );
    }
    if (parent) {
      // parent → child closes a loop exactly when child already leads down to parent.
      const loop = pathDown(tx, ctx.organizationId, child.id, parent.id);
      if (loop) {
        const names = loadNames(tx, ctx, loop);
        const cycle = [parent.id, ...loop].map((id) => names.get(id) ?? id).join(" → ");
        throw new ConflictError(`This link would create a cycle: ${cycle}.`);
      }
    }
    tx.insert(supplierLinks)
      .values({
        organizationId: ctx.organizationId,
        parentSupplierId: parent?.id ?? null,
        childSupplierId: child.id,
        createdAt: nowOf(ctx),
      })
      .run();
    const candidate = parent ? parent.tier + 1 : 1;
    const tiersChanged = lowerTiersFrom(tx, ctx.organizationId, child.id, candidate, child.tier);
    // The parent now carries the child's risk (upstream exposure), and its buyers in turn.
    recomputeExposureAfterLinkChange(tx, ctx, parent?.id ?? null);
    invalidateSupplierCounts(ctx.organizationId);
    const childTier = Math.min(candidate, child.tier);
    recordAudit(tx, ctx, {
      action: "supplier.link_added",
      entityType: "supplier",
      entityId: child.id,
      details: {
        parentSupplierId: parent?.id ?? null,
        tierBefore: child.tier,
        tierAfter: childTier,
        tiersChanged,
      },
    });
    return { childTier, tiersChanged };
  });
}

function loadNames(tx: Tx, ctx: Ctx, ids: string[]): Map<string, string> {
  return new Map(
    tx
      .select({ id: suppliers.id, name: suppliers.name })
      .from(suppliers)
      .where(and(eq(suppliers.organizationId, ctx.organizationId), inArray(suppliers.id, ids)))
      .all()
      .map((r) => [r.id, r.name]),
  );
}

/**
 * Remove the link child → parent (or the direct relationship). A supplier keeps at least one link, so it
 * always has a tier: removing its last one is refused. Tiers can only grow here; when the removed link
 * was not on one of the child's shortest paths, or another parent gives the same tier, nothing moves;
 * otherwise the child's subtree is recomputed (raiseTiersBelow).
 */
export function removeSupplierLink(ctx: Ctx, input: LinkInput): LinkChange {
  const v = parseLink(input);
  return writeTx((tx) => {
    const ids = v.parentSupplierId ? [v.parentSupplierId, v.childSupplierId] : [v.childSupplierId];
    const byId = loadOwn(tx, ctx, ids);
    const child = byId.get(v.childSupplierId)!;
    const parent = v.parentSupplierId ? byId.get(v.parentSupplierId)! : null;
    const edge = tx
      .select({ id: supplierLinks.id })
      .from(supplierLinks)
      .where(edgeWhere(ctx, v.parentSupplierId, child.id))
      .get();
    if (!edge) throw new NotFoundError("Link not found");
    const others = tx
      .select({ parentId: supplierLinks.parentSupplierId, parentTier: suppliers.tier })
      .from(supplierLinks)
      .leftJoin(suppliers, eq(suppliers.id, supplierLinks.parentSupplierId))
      .where(
        and(
          eq(supplierLinks.organizationId, ctx.organizationId),
          eq(supplierLinks.childSupplierId, child.id),
          sql`${supplierLinks.id} <> ${edge.id}`,
        ),
      )
      .all();
    if (others.length === 0) {
      throw new ConflictError(
        `${child.name} must sell to you or to another supplier: add its new link before removing this one.`,
      );
    }
    tx.delete(supplierLinks).where(eq(supplierLinks.id, edge.id)).run();
    const wasTight = (parent ? parent.tier + 1 : 1) === child.tier;
    const stillTight = others.some(
      (o) => (o.parentId === null ? 1 : (o.parentTier ?? Infinity) + 1) === child.tier,
    );
    const tiersChanged =
      wasTight && !stillTight ? raiseTiersBelow(tx, ctx.organizationId, child.id, child.tier) : 0;
    recomputeExposureAfterLinkChange(tx, ctx, parent?.id ?? null);
    invalidateSupplierCounts(ctx.organizationId);
    const after = tx
      .select({ tier: suppliers.tier })
      .from(suppliers)
      .where(and(eq(suppliers.id, child.id), eq(suppliers.organizationId, ctx.organizationId)))
      .get()!;
    recordAudit(tx, ctx, {
      action: "supplier.link_removed",
      entityType: "supplier",
      entityId: child.id,
      details: {
        parentSupplierId: parent?.id ?? null,
        tierBefore: child.tier,
        tierAfter: after.tier,
        tiersChanged,
      },
    });
    return { childTier: after.tier, tiersChanged };
  });
}
