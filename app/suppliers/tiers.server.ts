import type Database from "better-sqlite3";
import { db, type DbOrTx } from "~/infra/db.server";

/**
 * Tier maintenance over the raw better-sqlite3 connection. Drizzle builds a query object per call, which
 * costs more than the query itself when a breadth-first walk touches thousands of suppliers; these
 * prepared statements are compiled once per connection. They run on the same connection as the
 * caller's transaction, so they see and join its uncommitted writes.
 */
type Statements = {
  childrenWithTier: Database.Statement<[string, string], { id: string; tier: number }>;
  parentsOf: Database.Statement<[string, string], { parentId: string | null }>;
  parentsWithTier: Database.Statement<[string, string], { parentId: string | null; tier: number | null }>;
  setTier: Database.Statement<[number, string, string]>;
  allLinks: Database.Statement<[string], [string | null, string]>;
  allTiers: Database.Statement<[string], [string, number]>;
};

const cache = new WeakMap<Database.Database, Statements>();

function statements(client: Database.Database): Statements {
  let s = cache.get(client);
  if (!s) {
    s = {
      childrenWithTier: client.prepare(
        `select s.id as id, s.tier as tier from supplier_links l
           join suppliers s on s.id = l.child_supplier_id
          where l.parent_supplier_id = ? and l.organization_id = ?`,
      ),
      parentsOf: client.prepare(
        `select parent_supplier_id as parentId from supplier_links
          where child_supplier_id = ? and organization_id = ?`,
      ),
      parentsWithTier: client.prepare(
        `select l.parent_supplier_id as parentId, p.tier as tier from supplier_links l
           left join suppliers p on p.id = l.parent_supplier_id
          where l.child_supplier_id = ? and l.organization_id = ?`,
      ),
      setTier: client.prepare(`update suppliers set tier = ? where id = ? and organization_id = ?`),
      allLinks: client
        .prepare(`select parent_supplier_id, child_supplier_id from supplier_links where organization_id = ?`)
        .raw() as unknown as Statements["allLinks"],
      allTiers: client
        .prepare(`select id, tier from suppliers where organization_id = ?`)
        .raw() as unknown as Statements["allTiers"],
    };
    cache.set(client, s);
  }
  return s;
}

/** The connection behind db(); `_tx` documents that the caller holds a transaction on it. */
function clientFor(_tx: DbOrTx): Database.Database {
  return db().$client;
}

/**
 * After a link parent → child was added (parent null = the buyer): the child's tier can only drop, to
 * parentTier + 1, and then only suppliers below it whose tier drops too need visiting. Breadth-first from
 * the child, so each visited supplier is settled at its shortest distance the first time; suppliers whose
 * tier does not decrease stop the walk. Returns how many tiers changed.
 */
export function lowerTiersFrom(
  tx: DbOrTx,
  organizationId: string,
  childId: string,
  candidateTier: number,
  currentTier: number,
): number {
  if (candidateTier >= currentTier) return 0;
  const st = statements(clientFor(tx));
  st.setTier.run(candidateTier, childId, organizationId);
  let changed = 1;
  let frontier = [childId];
  let tier = candidateTier;
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const c of st.childrenWithTier.all(id, organizationId)) {
        if (c.tier > tier + 1) {
          st.setTier.run(tier + 1, c.id, organizationId);
          changed++;
          next.push(c.id);
        }
      }
    }
    // Reading the tier from the table (not a visited set) means a supplier lowered once is not lowered
    // again by a sibling at the same level: its stored tier is already tier + 1.
    frontier = next;
    tier++;
  }
  return changed;
}

/**
 * After a link into `childId` was removed: tiers can only grow, and only for the child and the suppliers
 * below it (any other supplier's shortest path cannot pass through the child). So: collect that subtree,
 * seed each member with the best tier offered by its parents outside the subtree (whose tiers are final),
 * and settle the subtree breadth-first in tier order. Work is proportional to the subtree, not to the
 * organisation; recomputeAllTiers is the whole-graph equivalent. Returns how many tiers changed.
 */
export function raiseTiersBelow(
  tx: DbOrTx,
  organizationId: string,
  childId: string,
  childTier: number,
): number {
  const st = statements(clientFor(tx));
  const below = new Map<string, string[]>([[childId, []]]);
  const current = new Map<string, number>([[childId, childTier]]);
  let frontier = [childId];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const c of st.childrenWithTier.all(id, organizationId)) {
        below.get(id)!.push(c.id);
        if (!below.has(c.id)) {
          below.set(c.id, []);
          current.set(c.id, c.tier);
          next.push(c.id);
        }
      }
    }
    frontier = next;
  }
  const best = new Map<string, number>();
  for (const id of below.keys()) {
    let tier = Infinity;
    for (const p of st.parentsWithTier.all(id, organizationId)) {
      if (p.parentId === null) tier = 1;
      else if (!below.has(p.parentId) && p.tier !== null) tier = Math.min(tier, p.tier + 1);
    }
    best.set(id, tier);
  }
  // Unit weights: a bucket per tier; a supplier is final the first time it is taken from a bucket.
  const buckets = new Map<number, string[]>();
  for (const [id, tier] of best) {
    if (tier === Infinity) continue;
    const b = buckets.get(tier);
    if (b) b.push(id);
    else buckets.set(tier, [id]);
  }
  const settled = new Map<string, number>();
  const maxTier = below.size + Math.max(0, ...[...buckets.keys()]);
  for (let tier = 1; tier <= maxTier && settled.size < below.size; tier++) {
    for (const id of buckets.get(tier) ?? []) {
      if (settled.has(id)) continue;
      settled.set(id, tier);
      for (const c of below.get(id)!) {
        if (!settled.has(c) && (best.get(c) ?? Infinity) > tier + 1) {
          best.set(c, tier + 1);
          const b = buckets.get(tier + 1);
          if (b) b.push(c);
          else buckets.set(tier + 1, [c]);
        }
      }
    }
  }
  let changed = 0;
  for (const [id, tier] of settled) {
    if (current.get(id) !== tier) {
      st.setTier.run(tier, id, organizationId);
      changed++;
    }
  }
  return changed;
}

/**
 * Shortest distance from the buyer for every supplier of the organisation, by one breadth-first pass over
 * an adjacency list loaded with a single query. Used after a link is removed, when tiers can grow.
 * Suppliers no longer reachable keep their tier (the link verbs never leave a supplier without a parent).
 */
export function recomputeAllTiers(tx: DbOrTx, organizationId: string): number {
  const st = statements(clientFor(tx));
  const changes = allTierChanges(tx, organizationId);
  for (const { id, tier } of changes) st.setTier.run(tier, id, organizationId);
  return changes.length;
}

/**
 * The tiers recomputeAllTiers would write, with the tier stored now, without writing them: a bulk writer
 * (the import) reads them in one snapshot and writes them in short transactions of its own.
 */
export function allTierChanges(
  tx: DbOrTx,
  organizationId: string,
): { id: string; before: number; tier: number }[] {
  const st = statements(clientFor(tx));
  const children = new Map<string, string[]>();
  const tiers = new Map<string, number>();
  let frontier: string[] = [];
  for (const [parent, child] of st.allLinks.all(organizationId)) {
    if (parent === null) {
      if (!tiers.has(child)) {
        tiers.set(child, 1);
        frontier.push(child);
      }
    } else {
      const list = children.get(parent);
      if (list) list.push(child);
      else children.set(parent, [child]);
    }
  }
  let depth = 1;
  while (frontier.length) {
    depth++;
    const next: string[] = [];
    for (const id of frontier) {
      const list = children.get(id);
      if (!list) continue;
      for (const child of list) {
        if (!tiers.has(child)) {
          tiers.set(child, depth);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  const changes: { id: string; before: number; tier: number }[] = [];
  for (const [id, tier] of st.allTiers.all(organizationId)) {
    const t = tiers.get(id);
    if (t !== undefined && t !== tier) changes.push({ id, before: tier, tier: t });
  }
  return changes;
}

/**
 * The chain of links that already leads from `from` down to `to`, as ids [from, …, to], or null. Walks
 * upwards from `to` through its parents: adding a link near the root then touches only the few suppliers
 * above it, not the large tree below.
 */
export function pathDown(tx: DbOrTx, organizationId: string, from: string, to: string): string[] | null {
  if (from === to) return [from];
  const st = statements(clientFor(tx));
  const cameFrom = new Map<string, string>([[to, to]]);
  let frontier = [to];
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const { parentId } of st.parentsOf.all(id, organizationId)) {
        if (parentId === null || cameFrom.has(parentId)) continue;
        cameFrom.set(parentId, id);
        if (parentId === from) {
          const path = [from];
          let cur = from;
          while (cur !== to) {
            cur = cameFrom.get(cur)!;
            path.push(cur);
          }
          return path;
        }
        next.push(parentId);
      }
    }
    frontier = next;
  }
  return null;
}
