/**
 * Sequential colour scale for supplier counts. Counts are heavy-tailed (one sourcing country often
 * holds most suppliers), so the classes grow on a 1-2-5 log ladder instead of equal widths.
 */

/** Light → dark teal, ending on the product's accent colour family. */
export const COUNT_RAMP = ["#d3ebe6", "#9fd3c8", "#62b3a5", "#2f8f81", "#17625a"] as const;
export const NO_SUPPLIERS_FILL = "#e8edf2";

/** Lower bounds of the classes (ascending, first is always 1), at most COUNT_RAMP.length of them. */
export function countBreaks(maxCount: number): number[] {
  if (maxCount <= 1) return [1];
  const ladder: number[] = [];
  for (let decade = 1; ladder.length === 0 || ladder[ladder.length - 1] < maxCount; decade *= 10) {
    for (const m of [1, 2, 5]) ladder.push(m * decade);
  }
  const candidates = ladder.filter((n) => n <= maxCount);
  const k = Math.min(COUNT_RAMP.length, candidates.length);
  if (k === candidates.length) return candidates;
  // Spread k picks evenly over the ladder, always keeping 1 and the top rung.
  const picks = new Set<number>();
  for (let i = 0; i < k; i++) picks.add(candidates[Math.round((i * (candidates.length - 1)) / (k - 1))]);
  return [...picks].sort((a, b) => a - b);
}

export function countClass(count: number, breaks: number[]): number {
  if (count < 1) return -1;
  let idx = 0;
  for (let i = 0; i < breaks.length; i++) if (count >= breaks[i]) idx = i;
  return idx;
}

/** Ramp colours for the classes: with fewer classes than ramp steps, use evenly spaced steps. */
export function classColors(breaks: number[]): string[] {
  const n = breaks.length;
  if (n === 1) return [COUNT_RAMP[COUNT_RAMP.length - 2]];
  return breaks.map((_, i) => COUNT_RAMP[Math.round((i * (COUNT_RAMP.length - 1)) / (n - 1))]);
}

export function countFill(count: number, breaks: number[]): string {
  const c = countClass(count, breaks);
  return c < 0 ? NO_SUPPLIERS_FILL : classColors(breaks)[c];
}

/** "1", "2–4", "5+": the legend label of each class, the last one open-ended up to maxCount. */
export function classLabels(breaks: number[], maxCount: number): string[] {
  return breaks.map((b, i) => {
    const hi = i + 1 < breaks.length ? breaks[i + 1] - 1 : maxCount;
    const fmt = (n: number) => n.toLocaleString("en");
    return hi <= b ? fmt(b) : `${fmt(b)}–${fmt(hi)}`;
  });
}
