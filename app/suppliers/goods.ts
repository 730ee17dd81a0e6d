/**
 * Goods and commodities: matched to the names of the ILAB List of Goods Produced by Child Labor or Forced
 * Labor (db/reference/ilab-goods.csv) where possible, kept as the user's free text otherwise. Matching
 * ignores case, accents, punctuation and a plural "s", so "cocoa", "Cocoa " and "COCOA" all store the
 * ILAB spelling "Cocoa", and the risk model can later join goods to the list by exact name.
 */
export type GoodsIndex = { names: readonly string[]; byKey: ReadonlyMap<string, string> };

export const MAX_GOODS = 50;
export const MAX_GOOD_LENGTH = 100;

/** Enough English plurals for goods names: berries/berry, tomatoes/tomato, bricks/brick, glass stays. */
function singular(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("oes")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export function goodKey(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map(singular)
    .join(" ");
}

export function buildGoodsIndex(names: Iterable<string>): GoodsIndex {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b, "en"));
  return { names: sorted, byKey: new Map(sorted.map((n) => [goodKey(n), n])) };
}

/** One good: the ILAB name when it matches, else the trimmed text with inner whitespace collapsed. */
export function matchGood(index: GoodsIndex, input: string): { name: string; ilab: boolean } {
  const text = input.trim().replace(/\s+/g, " ");
  const hit = index.byKey.get(goodKey(text));
  return hit ? { name: hit, ilab: true } : { name: text, ilab: false };
}

/**
 * A list of goods from a form or a CSV cell: split on ";" (and newlines), matched, empty entries dropped,
 * duplicates (after matching) removed, order kept.
 */
export function normaliseGoods(index: GoodsIndex, input: string | readonly string[]): string[] {
  const parts =
    typeof input === "string" ? input.split(/[;\n\r]+/) : input.flatMap((p) => p.split(/[;\n\r]+/));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part.trim()) continue;
    const { name } = matchGood(index, part);
    const key = goodKey(name);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Tags: trimmed, split on ";" or ",", case-insensitively unique, order kept. */
export function normaliseTags(input: string | readonly string[]): string[] {
  const parts =
    typeof input === "string" ? input.split(/[;,\n\r]+/) : input.flatMap((p) => p.split(/[;,\n\r]+/));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    const tag = part.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}
