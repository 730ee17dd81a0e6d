/**
 * Tier = shortest distance from the buying organisation through the supply-chain links: a link with no
 * parent is a direct (tier 1) relationship. Breadth-first, so a supplier reached by several paths gets
 * the shortest, and cycles cannot loop. Suppliers not reachable from the buyer are left out.
 */
export function computeTiers(
  links: { parentSupplierId: string | null; childSupplierId: string }[],
): Map<string, number> {
  const children = new Map<string, string[]>();
  const tiers = new Map<string, number>();
  let frontier: string[] = [];
  for (const l of links) {
    if (l.parentSupplierId === null) {
      if (!tiers.has(l.childSupplierId)) {
        tiers.set(l.childSupplierId, 1);
        frontier.push(l.childSupplierId);
      }
    } else {
      const list = children.get(l.parentSupplierId) ?? [];
      list.push(l.childSupplierId);
      children.set(l.parentSupplierId, list);
    }
  }
  let depth = 1;
  while (frontier.length) {
    depth++;
    const next: string[] = [];
    for (const id of frontier) {
      for (const child of children.get(id) ?? []) {
        if (!tiers.has(child)) {
          tiers.set(child, depth);
          next.push(child);
        }
      }
    }
    frontier = next;
  }
  return tiers;
}
