import fs from "node:fs";
import path from "node:path";
import { parseTipCsv, tipPlacement, type TipPlacement, type TipTable } from "./tip";

/**
 * Read once at module load: the server and vitest both run from the repository root, where the reference
 * file ships. A missing or malformed file stops start-up instead of silently scoring every country low.
 */
const table: TipTable = parseTipCsv(
  fs.readFileSync(path.resolve(process.cwd(), "db/reference/tip-tiers.csv"), "utf8"),
);

export function tipTable(): TipTable {
  return table;
}

export function countryTip(countryCode: string): TipPlacement {
  return tipPlacement(table, countryCode);
}
