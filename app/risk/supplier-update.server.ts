import type Database from "better-sqlite3";

/** A column of `suppliers` the organisation-wide risk passes write, with the value before and after. */
export type ColumnChange = readonly [column: SupplierRiskColumn, before: unknown, after: unknown];

type SupplierRiskColumn =
  | "inherent_score"
  | "residual_score"
  | "coverage"
  | "risk_headline"
  | "risk_score"
  | "risk_level"
  | "exposure_score"
  | "exposure_path";

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * UPDATE one supplier's risk columns, setting only those whose value changed (none: no statement).
 * SQLite rewrites the entries of every index on a SET column even when the value stays the same, and
 * risk_score sits in four of the supplier-list indexes (inherent and residual in the matrix one): on the
 * 100k-supplier recompute most rows change their own scores but keep the score lists sort by. Raw SQL
 * on a measured hot path (risk_recompute_100k); one prepared statement per column set, reused.
 */
export function updateSupplierRisk(
  client: Database.Database,
  organizationId: string,
  supplierId: string,
  changes: readonly ColumnChange[],
  // The row's rowid, when the caller read it in this transaction: the UPDATE then finds the row directly
  // instead of through the id index (the organisation-wide passes write tens of thousands of rows).
  rowid?: number,
): boolean {
  const set = changes.filter(([, before, after]) => before !== after);
  if (!set.length) return false;
  let statements = cache.get(client);
  if (!statements) cache.set(client, (statements = new Map()));
  const byRowid = rowid !== undefined;
  const key = `${byRowid ? "rowid:" : ""}${set.map(([c]) => c).join(",")}`;
  let st = statements.get(key);
  if (!st) {
    st = client.prepare(
      `UPDATE suppliers SET ${set.map(([c]) => `${c} = ?`).join(", ")}
        WHERE ${byRowid ? "rowid = ? AND " : ""}id = ? AND organization_id = ?`,
    );
    statements.set(key, st);
  }
  const values = set.map(([, , after]) => after);
  if (byRowid) st.run(...values, rowid, supplierId, organizationId);
  else st.run(...values, supplierId, organizationId);
  return true;
}
