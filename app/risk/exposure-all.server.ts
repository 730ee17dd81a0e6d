import type Database from "better-sqlite3";
import { effectiveScore, exposureFrom, sameExposure, type ChildRisk, type Exposure } from "./exposure";
import { levelFor } from "./model";
import { updateSupplierRisk, type ColumnChange } from "./supplier-update.server";

/**
 * One supplier in an organisation-wide exposure pass. storedJson: exposure_path as stored, parsed only
 * when it differs from the recomputed one as text. `pending` and `rescored` come from a recompute that
 * defers its supplier writes to this pass (recomputeOrgNow): its own columns that changed, and whether
 * its own scores were rewritten, so that each supplier gets one UPDATE with everything that changed.
 */
export type ExposureNode = ChildRisk & {
  storedJson: string | null;
  storedScore: number | null;
  score: number | null;
  level: string | null;
  pending?: readonly ColumnChange[];
  rescored?: boolean;
  /** The row's rowid as read in this transaction: the pass then writes in rowid (table) order. */
  rowid?: number;
};

/** Every supplier of the organisation as it is stored now. */
export function loadExposureNodes(
  client: Database.Database,
  organizationId: string,
): Map<string, ExposureNode> {
  const nodes = new Map<string, ExposureNode>();
  for (const r of client
    .prepare(
      `SELECT rowid, id, name, country, tier, residual_score, risk_headline, exposure_score, exposure_path,
              risk_score, risk_level
         FROM suppliers WHERE organization_id = ?`,
    )
    .iterate(organizationId) as Iterable<{
    rowid: number;
    id: string;
    name: string;
    country: string;
    tier: number;
    residual_score: number | null;
    risk_headline: string | null;
    exposure_score: number | null;
    exposure_path: string | null;
    risk_score: number | null;
    risk_level: string | null;
  }>) {
    nodes.set(r.id, {
      id: r.id,
      name: r.name,
      country: r.country,
      tier: r.tier,
      residual: r.residual_score,
      headline: r.risk_headline,
      exposure: null,
      storedJson: r.exposure_path,
      storedScore: r.exposure_score,
      score: r.risk_score,
      level: r.risk_level,
      rowid: r.rowid,
    });
  }
  return nodes;
}

/**
 * Exposure for a whole organisation in one pass (after an import or in the organisation-wide recompute):
 * one scan of suppliers and links, children before parents (depth-first post-order; a back edge of a
 * cycle is skipped, so it cannot loop), and an UPDATE only for suppliers whose exposure changed.
 * Incremental changes use propagateExposure instead. Returns the number of suppliers whose exposure changed.
 */
export function recomputeOrgExposure(client: Database.Database, organizationId: string): number {
  return exposurePass(client, organizationId, loadExposureNodes(client, organizationId));
}

/** The pass itself over nodes already in memory (see ExposureNode for deferred own-score writes). */
export function exposurePass(
  client: Database.Database,
  organizationId: string,
  nodes: Map<string, ExposureNode>,
  // The import collects the writes here and applies them in short transactions of its own.
  write?: typeof updateSupplierRisk,
): number {
  // Without a writer of its own, the changes are applied after the walk in rowid order: the walk visits
  // suppliers in link order, scattered over the table; sorted, the UPDATEs touch its pages in sequence.
  const writes: { rowid: number; id: string; changes: ColumnChange[] }[] = [];
  const children = new Map<string, string[]>();
  for (const l of client
    .prepare(
      `SELECT parent_supplier_id AS p, child_supplier_id AS c FROM supplier_links
        WHERE organization_id = ? AND parent_supplier_id IS NOT NULL`,
    )
    .iterate(organizationId) as Iterable<{ p: string; c: string }>) {
    const list = children.get(l.p);
    if (list) list.push(l.c);
    else children.set(l.p, [l.c]);
  }

  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  let updated = 0;
  for (const start of nodes.keys()) {
    if (state.has(start)) continue;
    // Iterative post-order: deep chains must not overflow the call stack.
    const stack: { id: string; i: number }[] = [{ id: start, i: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const kids = children.get(top.id) ?? [];
      if (top.i < kids.length) {
        const next = kids[top.i++];
        if (!state.has(next) && nodes.has(next)) {
          state.set(next, 1);
          stack.push({ id: next, i: 0 });
        }
        continue;
      }
      stack.pop();
      state.set(top.id, 2);
      const node = nodes.get(top.id)!;
      const kidRisks = kids.map((k) => nodes.get(k)).filter((k): k is ExposureNode => !!k);
      node.exposure = exposureFrom(node.id, kidRisks);
      const json = node.exposure ? JSON.stringify(node.exposure) : null;
      // Equal text is the same exposure; otherwise compare as sameExposure does (what a path shows).
      const exposureChanged =
        json !== node.storedJson &&
        !sameExposure(node.storedJson ? (JSON.parse(node.storedJson) as Exposure) : null, node.exposure);
      if (!exposureChanged && !node.rescored) continue;
      const changes: ColumnChange[] = [...(node.pending ?? [])];
      let score: number | null;
      if (exposureChanged) {
        changes.push(
          ["exposure_score", node.storedScore, node.exposure?.score ?? null],
          ["exposure_path", node.storedJson, json],
        );
        score = effectiveScore(node.residual, node.exposure?.score ?? null);
        updated++;
      } else {
        // Rescored, exposure as stored: what the chunk's own write would have given.
        score = effectiveScore(node.residual, node.storedScore);
      }
      changes.push(
        ["risk_score", node.score, score],
        ["risk_level", node.level, score === null ? null : levelFor(score)],
      );
      if (write) write(client, organizationId, node.id, changes);
      else if (node.rowid === undefined) updateSupplierRisk(client, organizationId, node.id, changes);
      else writes.push({ rowid: node.rowid, id: node.id, changes });
    }
  }
  writes.sort((a, b) => a.rowid - b.rowid);
  for (const w of writes) updateSupplierRisk(client, organizationId, w.id, w.changes, w.rowid);
  return updated;
}
