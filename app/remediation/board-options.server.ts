import { and, asc, eq } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { suppliers } from "~db/schema";

/** Above this many suppliers the board offers no supplier list (the supplier's page links to its view). */
export const SUPPLIER_SELECT_MAX = 300;

/**
 * The supplier choices of the board's filter: every supplier of a small organisation; for a large one
 * only the supplier already chosen (reached from its profile), so the board stays fast at 100k actions.
 */
export function boardSupplierOptions(ctx: Ctx, selected?: string): { id: string; name: string }[] {
  const org = ctx.organizationId;
  // More than the maximum exactly when a row exists past it: reads at most that many index entries,
  // where counting a 20,000-supplier organisation read all of them.
  const beyondMax = db()
    .select({ id: suppliers.id })
    .from(suppliers)
    .where(eq(suppliers.organizationId, org))
    .limit(1)
    .offset(SUPPLIER_SELECT_MAX)
    .get();
  if (!beyondMax)
    return db()
      .select({ id: suppliers.id, name: suppliers.name })
      .from(suppliers)
      .where(eq(suppliers.organizationId, org))
      .orderBy(asc(suppliers.name))
      .all();
  if (!selected) return [];
  return db()
    .select({ id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(and(eq(suppliers.organizationId, org), eq(suppliers.id, selected)))
    .all();
}
