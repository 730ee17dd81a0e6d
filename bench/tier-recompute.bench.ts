/**
 * tier_recompute: the tier maintenance after inserting one link near the root of a 100,000-supplier graph
 * (a tier-1 supplier becomes a parent of a tier-3 supplier: it and everything below it move up), timed
 * through the real verb (tenant checks, cycle check, insert, incremental breadth-first tier update, audit
 * row, one transaction). Also reported: the cycle refusal, removing that link again (tiers rise: the
 * child's subtree is recomputed), and, on stderr for information, the whole-graph recompute used by
 * imports, which then must agree with the incremental results.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedLargeOrg } from "./seed-100k";

const TARGET_MS = 500;
const SUPPLIERS = 100_000;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-tiers-"));
process.env.DATABASE_PATH = path.join(work, "bench.sqlite");
process.env.SQLITE_SYNCHRONOUS = "NORMAL";

try {
  const { db } = await import("~/infra/db.server");
  const { addSupplierLink, removeSupplierLink } = await import("~/suppliers/links.server");
  const { recomputeAllTiers } = await import("~/suppliers/tiers.server");
  const { ConflictError } = await import("~/infra/errors");

  const database = db();
  const t0 = performance.now();
  const org = await seedLargeOrg(database, { suppliers: SUPPLIERS });
  console.error(`seeded ${SUPPLIERS} suppliers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const ctx = {
    organizationId: org.organizationId,
    actor: { type: "system" as const, label: "bench" },
  };
  const client = database.$client;
  const tierOf = (id: string) =>
    (client.prepare("select tier from suppliers where id = ?").get(id) as { tier: number }).tier;

  // A tier-3 supplier with children, so the change cascades below it.
  const child = client
    .prepare(
      `select s.id from suppliers s join supplier_links l on l.parent_supplier_id = s.id
        where s.organization_id = ? and s.tier = 3 group by s.id order by count(*) desc limit 1`,
    )
    .pluck()
    .get(org.organizationId) as string;
  const parent = org.byTier[1][0];

  // Warm the prepared statements with an unrelated pair, undone straight away.
  addSupplierLink(ctx, { parentSupplierId: org.byTier[1][1], childSupplierId: org.byTier[4][0] });
  removeSupplierLink(ctx, { parentSupplierId: org.byTier[1][1], childSupplierId: org.byTier[4][0] });

  let start = performance.now();
  const added = addSupplierLink(ctx, { parentSupplierId: parent, childSupplierId: child });
  const addMs = performance.now() - start;
  if (added.childTier !== 2 || tierOf(child) !== 2)
    throw new Error(`expected tier 2, got ${added.childTier}`);
  console.error(`link added: ${added.tiersChanged} tiers lowered`);

  start = performance.now();
  let refused = false;
  try {
    addSupplierLink(ctx, { parentSupplierId: child, childSupplierId: parent });
  } catch (err) {
    refused = err instanceof ConflictError && /cycle/.test(err.message);
  }
  const cycleMs = performance.now() - start;
  if (!refused) throw new Error("the cycle was not refused");

  start = performance.now();
  const removed = removeSupplierLink(ctx, { parentSupplierId: parent, childSupplierId: child });
  const removeMs = performance.now() - start;
  if (removed.childTier !== 3) throw new Error(`expected tier 3 after removal, got ${removed.childTier}`);
  console.error(`link removed: ${removed.tiersChanged} tiers raised (subtree recompute)`);

  // The whole-graph recompute (imports, repairs): informational, it is not on a user's click path.
  start = performance.now();
  const fullChanged = database.transaction((tx) => recomputeAllTiers(tx, org.organizationId));
  const fullMs = performance.now() - start;
  if (fullChanged !== 0) throw new Error(`full recompute disagreed on ${fullChanged} tiers`);
  console.error(`full recompute of ${SUPPLIERS} suppliers: ${fullMs.toFixed(0)} ms (info, no target)`);

  console.log(`BENCH name=tier_recompute value=${addMs.toFixed(2)} unit=ms target=${TARGET_MS}`);
  console.log(`BENCH name=tier_recompute_remove value=${removeMs.toFixed(2)} unit=ms target=${TARGET_MS}`);
  console.log(`BENCH name=tier_cycle_check value=${cycleMs.toFixed(2)} unit=ms target=${TARGET_MS}`);
  database.$client.close();
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
