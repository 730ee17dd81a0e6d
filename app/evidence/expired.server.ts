import { and, count, eq, isNull, isNotNull, lt } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { evidenceFiles } from "~db/schema";

/**
 * Expired evidence per supplier on a given day: current versions (a file replaced by a newer version no
 * longer counts) whose last valid day is before `asOf`. For the risk model's "expired evidence" factor;
 * derived from the dates on every call, so it is right whatever ran or did not run at midnight. Suppliers
 * with none are absent from the map. Uses the (organization_id, expires_on) index.
 */
export function countExpiredEvidenceBySupplier(
  database: DbOrTx,
  organizationId: string,
  asOf: Date,
): Map<string, number> {
  const today = asOf.toISOString().slice(0, 10);
  const rows = database
    .select({ supplierId: evidenceFiles.supplierId, n: count() })
    .from(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.organizationId, organizationId),
        lt(evidenceFiles.expiresOn, today),
        isNull(evidenceFiles.supersededAt),
        isNotNull(evidenceFiles.supplierId),
      ),
    )
    .groupBy(evidenceFiles.supplierId)
    .all();
  return new Map(rows.map((r) => [r.supplierId!, r.n]));
}
