import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, lte } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { evidenceFiles } from "~db/schema";

/** The one definition of "expired" for a file: a current, not withdrawn version whose last valid day is before `today`. */
function expiredOn(organizationId: string, today: string) {
  return and(
    eq(evidenceFiles.organizationId, organizationId),
    lt(evidenceFiles.expiresOn, today),
    isNull(evidenceFiles.supersededAt),
    // A withdrawn file is no longer evidence of anything, expired or not.
    isNull(evidenceFiles.withdrawnAt),
    isNotNull(evidenceFiles.supplierId),
  );
}

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
    .where(expiredOn(organizationId, today))
    .groupBy(evidenceFiles.supplierId)
    .all();
  return new Map(rows.map((r) => [r.supplierId!, r.n]));
}

export type ExpiredEvidence = { id: string; fileName: string; expiresOn: string };

/** Which suppliers to read: a list of ids, or an id range (after, last] as the risk recompute's chunks. */
export type SupplierSelection = { ids: string[] } | { after: string; last: string };

/**
 * The expired files themselves (same rule as the count), for the suppliers selected, in one query:
 * the risk model names each file in its explanation. Ordered by expiry date, then name and id, so the
 * per-supplier and the organisation-wide reads give the same list. Suppliers with none are absent.
 */
export function expiredEvidenceBySupplier(
  database: DbOrTx,
  organizationId: string,
  asOf: Date,
  selection: SupplierSelection,
): Map<string, ExpiredEvidence[]> {
  const today = asOf.toISOString().slice(0, 10);
  const which =
    "ids" in selection
      ? inArray(evidenceFiles.supplierId, selection.ids)
      : and(gt(evidenceFiles.supplierId, selection.after), lte(evidenceFiles.supplierId, selection.last));
  const rows = database
    .select({
      supplierId: evidenceFiles.supplierId,
      id: evidenceFiles.id,
      fileName: evidenceFiles.fileName,
      expiresOn: evidenceFiles.expiresOn,
    })
    .from(evidenceFiles)
    .where(and(expiredOn(organizationId, today), which))
    .orderBy(
      asc(evidenceFiles.supplierId),
      asc(evidenceFiles.expiresOn),
      asc(evidenceFiles.fileName),
      asc(evidenceFiles.id),
    )
    .all();
  const out = new Map<string, ExpiredEvidence[]>();
  for (const r of rows) {
    const file = { id: r.id, fileName: r.fileName, expiresOn: r.expiresOn! };
    const list = out.get(r.supplierId!);
    if (list) list.push(file);
    else out.set(r.supplierId!, [file]);
  }
  return out;
}
