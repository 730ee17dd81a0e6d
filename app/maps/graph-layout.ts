/**
 * Layered layout of a supply-chain graph: one column per tier, nodes ordered inside their column by
 * the barycentre (mean row) of their neighbours in the adjacent columns, which removes most edge
 * crossings (the classic Sugiyama sweep, without dummy nodes: edges spanning columns are drawn as
 * curves). Pure and deterministic: the same graph gives the same picture whatever the input order.
 */

export type LayoutInput = { id: string; column: number; label: string };
export type LayoutEdgeInput = { from: string; to: string };

export type Placed<T> = T & { x: number; y: number; row: number };
export type PlacedEdge = { from: string; to: string; d: string };
export type GraphLayout<T> = {
  nodes: Placed<T>[];
  edges: PlacedEdge[];
  columns: { column: number; x: number; count: number }[];
  width: number;
  height: number;
};

export const NODE_W = 208;
export const NODE_H = 44;
export const COL_GAP = 96;
export const ROW_GAP = 12;
export const PAD = 16;
/** Room above the first row for the column headings. */
export const HEADER_H = 32;

const SWEEPS = 4;
/** Columns are centred on the tallest one up to this many rows. */
export const CENTRE_UP_TO = 12;

function byLabel(a: LayoutInput, b: LayoutInput): number {
  return a.label < b.label ? -1 : a.label > b.label ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function layoutGraph<T extends LayoutInput>(nodes: T[], edges: LayoutEdgeInput[]): GraphLayout<T> {
  const byId = new Map<string, T>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const unique = [...byId.values()];
  const columnValues = [...new Set(unique.map((n) => n.column))].sort((a, b) => a - b);
  const colIndex = new Map(columnValues.map((c, i) => [c, i]));

  // Undirected neighbour lists (edges to unknown nodes are dropped), deduplicated and sorted.
  const validEdges = new Map<string, LayoutEdgeInput>();
  for (const e of edges) {
    if (e.from === e.to || !byId.has(e.from) || !byId.has(e.to)) continue;
    validEdges.set(`${e.from}\u0000${e.to}`, { from: e.from, to: e.to });
  }
  const neighbours = new Map<string, string[]>(unique.map((n) => [n.id, []]));
  for (const e of validEdges.values()) {
    neighbours.get(e.from)!.push(e.to);
    neighbours.get(e.to)!.push(e.from);
  }

  const layers: T[][] = columnValues.map((c) => unique.filter((n) => n.column === c).sort(byLabel));
  // Centred position of each node in its column, so columns of different heights compare.
  const pos = new Map<string, number>();
  const record = (layer: T[]) => layer.forEach((n, i) => pos.set(n.id, i - (layer.length - 1) / 2));
  layers.forEach(record);

  const reorder = (li: number, side: -1 | 1) => {
    const layer = layers[li];
    const keyed = layer.map((n) => {
      const adj = neighbours.get(n.id)!.filter((m) => {
        const mi = colIndex.get(byId.get(m)!.column)!;
        return side < 0 ? mi < li : mi > li;
      });
      const bary = adj.length ? adj.reduce((s, m) => s + pos.get(m)!, 0) / adj.length : pos.get(n.id)!;
      return { n, bary };
    });
    keyed.sort((a, b) => a.bary - b.bary || byLabel(a.n, b.n));
    layers[li] = keyed.map((k) => k.n);
    record(layers[li]);
  };
  for (let s = 0; s < SWEEPS; s++) {
    for (let li = 1; li < layers.length; li++) reorder(li, -1);
    for (let li = layers.length - 2; li >= 0; li--) reorder(li, 1);
  }
  for (let li = 1; li < layers.length; li++) reorder(li, -1);

  const tallest = Math.max(0, ...layers.map((l) => l.length));
  const step = NODE_H + ROW_GAP;
  const placed = new Map<string, Placed<T>>();
  const columns = layers.map((layer, li) => {
    const x = PAD + li * (NODE_W + COL_GAP);
    // Small graphs read best centred (the buyer level with its suppliers); past a screenful, a short
    // column centred beside a long one would sit far below the fold, so columns start at the top.
    const top = PAD + HEADER_H + (tallest <= CENTRE_UP_TO ? ((tallest - layer.length) * step) / 2 : 0);
    layer.forEach((n, row) => placed.set(n.id, { ...n, x, y: top + row * step, row }));
    return { column: columnValues[li], x, count: layer.length };
  });

  const round = (v: number) => Math.round(v * 10) / 10;
  const placedEdges = [...validEdges.values()]
    .map((e) => {
      const a = placed.get(e.from)!;
      const b = placed.get(e.to)!;
      const sx = a.x + NODE_W;
      const sy = a.y + NODE_H / 2;
      const ex = b.x;
      const ey = b.y + NODE_H / 2;
      // Forward edges bend halfway; an edge pointing back (a child at a lower tier through another
      // parent) loops out to the right and back in from the left, so it never hides behind nodes.
      const bend = ex > sx ? (ex - sx) / 2 : COL_GAP;
      const d = `M${round(sx)},${round(sy)} C${round(sx + bend)},${round(sy)} ${round(ex - bend)},${round(ey)} ${round(ex)},${round(ey)}`;
      return { from: e.from, to: e.to, d };
    })
    .sort((p, q) => (p.from + p.to < q.from + q.to ? -1 : 1));

  return {
    nodes: unique.map((n) => placed.get(n.id)!).sort((p, q) => p.x - q.x || p.y - q.y),
    edges: placedEdges,
    columns,
    width: layers.length ? PAD * 2 + layers.length * NODE_W + (layers.length - 1) * COL_GAP : 0,
    height: layers.length ? PAD * 2 + HEADER_H + tallest * step - ROW_GAP : 0,
  };
}

/** Number of pairwise crossings between edges joining adjacent columns (for tests and tuning). */
export function countCrossings<T extends LayoutInput>(layout: GraphLayout<T>): number {
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const spans = layout.edges
    .map((e) => [at.get(e.from)!, at.get(e.to)!] as const)
    .filter(([a, b]) => b.x > a.x);
  let crossings = 0;
  for (let i = 0; i < spans.length; i++) {
    for (let j = i + 1; j < spans.length; j++) {
      const [a1, b1] = spans[i];
      const [a2, b2] = spans[j];
      if (a1.x !== a2.x || b1.x !== b2.x) continue;
      if ((a1.y - a2.y) * (b1.y - b2.y) < 0) crossings++;
    }
  }
  return crossings;
}
