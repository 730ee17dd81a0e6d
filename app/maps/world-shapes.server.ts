import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { geoEqualEarth, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { countryName } from "~/suppliers/countries";
import { alpha2ForShape } from "./iso-numeric";

/**
 * Country outlines as SVG path strings, projected once per process from world-atlas (Natural Earth
 * 1:110m, shipped in the npm package: no network at run time). Requests only join counts onto them.
 */

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

export type CountryShape = { code: string; name: string; d: string };
export type WorldShapes = {
  width: number;
  height: number;
  /** One entry per alpha-2 code (Natural Earth pieces of the same country merged into one path). */
  countries: CountryShape[];
  /** Codes that have an outline at this scale. */
  drawn: ReadonlySet<string>;
  /** Projects [longitude, latitude] onto the map, null when off the drawn area. */
  project: (lon: number, lat: number) => [number, number] | null;
};

/** Antarctica takes a fifth of the map and hosts no suppliers: it is left out of the drawing. */
const LEFT_OUT = new Set(["AQ"]);

function atlasFile(): string {
  const specifier = "world-atlas/countries-110m.json";
  // The server bundle may live outside the project (REMIX_OUT), so fall back to the working directory.
  for (const base of [import.meta.url, path.join(process.cwd(), "package.json")]) {
    try {
      return createRequire(base).resolve(specifier);
    } catch {
      // try the next base
    }
  }
  throw new Error(`Cannot find ${specifier}: is the world-atlas package installed?`);
}

let cached: WorldShapes | null = null;

export function worldShapes(): WorldShapes {
  if (cached) return cached;
  const topology = JSON.parse(fs.readFileSync(atlasFile(), "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const kept = collection.features.filter((f) => {
    const code = alpha2ForShape(f.id, f.properties?.name);
    return code && !LEFT_OUT.has(code);
  });
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    { type: "FeatureCollection", features: kept } as GeoPermissibleObjects,
  );
  // One decimal is sub-pixel at this size and halves the payload.
  const pathOf = geoPath(projection).digits(1);

  const byCode = new Map<string, string[]>();
  for (const f of kept) {
    const code = alpha2ForShape(f.id, f.properties?.name)!;
    const d = pathOf(f);
    if (!d) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), d]);
  }
  const countries = [...byCode.entries()]
    .map(([code, parts]) => ({ code, name: countryName(code), d: parts.join("") }))
    .sort((a, b) => a.code.localeCompare(b.code));

  cached = {
    width: MAP_WIDTH,
    height: MAP_HEIGHT,
    countries,
    drawn: new Set(byCode.keys()),
    project: (lon, lat) => {
      const p = projection([lon, lat]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return null;
      return [Math.round(p[0] * 10) / 10, Math.round(p[1] * 10) / 10];
    },
  };
  return cached;
}
