import { describe, expect, it } from "vitest";
import { CENTRE_UP_TO, countCrossings, layoutGraph, NODE_H, NODE_W, type LayoutInput } from "./graph-layout";

const n = (id: string, column: number, label = id): LayoutInput => ({ id, column, label });

function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// A small chain: buyer → two tier-1 → their sub-suppliers, with labels chosen so that alphabetical
// order alone would cross the edges.
const NODES = [
  n("buyer", 0, "Buyer"),
  n("a", 1, "Alpha"),
  n("b", 1, "Beta"),
  n("a1", 2, "Zulu (under Alpha)"),
  n("b1", 2, "Able (under Beta)"),
  n("b2", 2, "Baker (under Beta)"),
  n("x", 3, "Xray (under Zulu and Able)"),
];
const EDGES = [
  { from: "buyer", to: "a" },
  { from: "buyer", to: "b" },
  { from: "a", to: "a1" },
  { from: "b", to: "b1" },
  { from: "b", to: "b2" },
  { from: "a1", to: "x" },
  { from: "b1", to: "x" },
];

describe("layoutGraph", () => {
  it("puts each tier in its own column, left to right, empty tiers skipped", () => {
    const layout = layoutGraph([n("p", 1), n("q", 3), n("r", 3), n("s", 4)], [{ from: "p", to: "q" }]);
    const x = (id: string) => layout.nodes.find((m) => m.id === id)!.x;
    expect(layout.columns.map((c) => c.column)).toEqual([1, 3, 4]);
    expect(layout.columns.map((c) => c.count)).toEqual([1, 2, 1]);
    expect(x("p")).toBeLessThan(x("q"));
    expect(x("q")).toBe(x("r"));
    expect(x("r")).toBeLessThan(x("s"));
    expect(x("s") - x("q")).toBe(x("q") - x("p"));
  });

  it("never overlaps two nodes and keeps every node inside the drawing", () => {
    const many = Array.from({ length: 60 }, (_, i) => n(`s${i}`, 1 + (i % 4), `Supplier ${i}`));
    const edges = many.slice(15).map((m, i) => ({ from: many[i].id, to: m.id }));
    const layout = layoutGraph(many, edges);
    for (const a of layout.nodes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + NODE_W).toBeLessThanOrEqual(layout.width);
      expect(a.y + NODE_H).toBeLessThanOrEqual(layout.height);
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + NODE_W <= b.x || b.x + NODE_W <= a.x || a.y + NODE_H <= b.y || b.y + NODE_H <= a.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
  });

  it("orders children by their parents' rows, so the sample graph draws without crossings", () => {
    const layout = layoutGraph(NODES, EDGES);
    expect(countCrossings(layout)).toBe(0);
    const row = (id: string) => layout.nodes.find((m) => m.id === id)!.row;
    expect(row("a")).toBeLessThan(row("b"));
    // Alphabetically Zulu would come last; its parent Alpha sits above Beta, so it goes first.
    expect(row("a1")).toBeLessThan(row("b1"));
    expect(row("b1")).toBeLessThan(row("b2"));
  });

  it("is deterministic: input order does not change the picture", () => {
    const reference = layoutGraph(NODES, EDGES);
    for (const seed of [1, 2, 3, 42]) {
      const again = layoutGraph(shuffle(NODES, seed), shuffle(EDGES, seed + 7));
      expect(again).toEqual(reference);
    }
  });

  it("draws one path per distinct edge between known nodes, from the parent's right to the child's left", () => {
    const layout = layoutGraph(NODES, [
      ...EDGES,
      EDGES[0],
      { from: "a", to: "ghost" },
      { from: "a", to: "a" },
    ]);
    expect(layout.edges).toHaveLength(EDGES.length);
    const buyer = layout.nodes.find((m) => m.id === "buyer")!;
    const a = layout.nodes.find((m) => m.id === "a")!;
    const edge = layout.edges.find((e) => e.from === "buyer" && e.to === "a")!;
    expect(edge.d.startsWith(`M${buyer.x + NODE_W},${buyer.y + NODE_H / 2} C`)).toBe(true);
    expect(edge.d.endsWith(` ${a.x},${a.y + NODE_H / 2}`)).toBe(true);
  });

  it("centres short columns in a small graph and top-aligns them in a tall one", () => {
    const small = layoutGraph([n("p", 0), n("a", 1), n("b", 1), n("c", 1)], []);
    const y = (l: typeof small, id: string) => l.nodes.find((m) => m.id === id)!.y;
    expect(y(small, "p")).toBe(y(small, "b"));
    const many = Array.from({ length: CENTRE_UP_TO + 1 }, (_, i) => n(`c${String(i).padStart(2, "0")}`, 1));
    const tall = layoutGraph([n("p", 0), ...many], []);
    expect(y(tall, "p")).toBe(y(tall, "c00"));
  });

  it("handles an empty graph and duplicate nodes", () => {
    expect(layoutGraph([], [])).toMatchObject({ nodes: [], edges: [], width: 0, height: 0 });
    expect(layoutGraph([n("a", 1), n("a", 1)], []).nodes).toHaveLength(1);
  });
});
