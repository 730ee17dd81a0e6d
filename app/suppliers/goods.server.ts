import fs from "node:fs";
import path from "node:path";
import { parseCsv } from "~/risk/csv";
import { buildGoodsIndex, normaliseGoods, type GoodsIndex } from "./goods";

/** Read once at module load from the shipped reference file (see db/reference/SOURCES.md). */
const index: GoodsIndex = buildGoodsIndex(
  parseCsv(fs.readFileSync(path.resolve(process.cwd(), "db/reference/ilab-goods.csv"), "utf8"))
    .map((r) => r.good)
    .filter((g): g is string => !!g),
);

export function ilabGoods(): GoodsIndex {
  return index;
}

/** normaliseGoods against the ILAB list: for forms and imports. */
export function matchGoods(input: string | readonly string[]): string[] {
  return normaliseGoods(index, input);
}
