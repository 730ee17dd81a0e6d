/**
 * Upstream exposure: a supplier carries part of its sub-suppliers' risk, decaying per tier.
 *
 *   exposure(s) = max over children c of  DECAY × max(residual(c), exposure(c))
 *
 * so a critical tier-2 supplier (≥ 75) gives its tier-1 buyer at least 53 (high), a tier-3 one reaches
 * tier 1 at ≥ 37 (medium). The strongest path is kept and named ("via Kaya Iplik, TR, tier 2 ← Ahal
 * Cotton Gin, TM, tier 3: open zero-tolerance finding"). A path never passes through the supplier itself,
 * so cycles (refused by the link verbs, but possible in old data) cannot feed a supplier its own risk, and
 * propagation stops because a value only changes when a strictly better acyclic path appears.
 */
export const EXPOSURE_DECAY = 0.7;
export const EXPOSURE_MODEL = `upstream decay ${EXPOSURE_DECAY} per tier`;

export type ExposureHop = { id: string; name: string; country: string; tier: number };
export type Exposure = { score: number; path: ExposureHop[]; reason: string; originScore: number };

export type ChildRisk = ExposureHop & {
  residual: number | null;
  headline: string | null;
  exposure: Exposure | null;
};

// Integer arithmetic: 85 × 0.7 in floating point is 59.4999…, which would round down.
const decayed = (score: number) => Math.round((score * Math.round(EXPOSURE_DECAY * 100)) / 100);

export function exposureFrom(selfId: string, children: readonly ChildRisk[]): Exposure | null {
  let best: Exposure | null = null;
  const consider = (e: Exposure) => {
    if (e.score <= 0) return;
    if (!best || e.score > best.score || (e.score === best.score && e.path.length < best.path.length))
      best = e;
  };
  for (const c of children) {
    if (c.id === selfId) continue;
    const hop: ExposureHop = { id: c.id, name: c.name, country: c.country, tier: c.tier };
    if (c.residual !== null) {
      consider({
        score: decayed(c.residual),
        path: [hop],
        reason: c.headline ?? "its own risk",
        originScore: c.residual,
      });
    }
    if (c.exposure && !c.exposure.path.some((h) => h.id === selfId || h.id === c.id)) {
      consider({
        score: decayed(c.exposure.score),
        path: [hop, ...c.exposure.path],
        reason: c.exposure.reason,
        originScore: c.exposure.originScore,
      });
    }
  }
  return best;
}

export function sameExposure(a: Exposure | null, b: Exposure | null): boolean {
  if (!a || !b) return a === b;
  return (
    a.score === b.score &&
    a.reason === b.reason &&
    a.originScore === b.originScore &&
    a.path.length === b.path.length &&
    a.path.every((h, i) => h.id === b.path[i].id && h.name === b.path[i].name && h.tier === b.path[i].tier)
  );
}

/** "via Ahal Cotton Gin, TM, tier 2: open zero-tolerance finding" (hops joined with ←). */
export function exposureText(e: Exposure): string {
  return `via ${e.path.map((h) => `${h.name}, ${h.country}, tier ${h.tier}`).join(" ← ")}: ${e.reason}`;
}

/** The score lists, maps and filters use: the supplier's own residual or its upstream exposure. */
export function effectiveScore(residual: number | null, exposure: number | null): number | null {
  if (residual === null) return exposure;
  return Math.max(residual, exposure ?? 0);
}
