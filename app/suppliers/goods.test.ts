import { describe, expect, it } from "vitest";
import { buildGoodsIndex, matchGood, normaliseGoods, normaliseTags } from "./goods";
import { matchGoods } from "./goods.server";

const index = buildGoodsIndex([
  "Tomatoes",
  "Cocoa",
  "Bricks",
  "Açaí Berries",
  "Brazil Nuts/Chestnuts",
  "Glass",
]);

describe("matchGood", () => {
  it.each([
    ["Cocoa", "Cocoa", true],
    ["  cocoa ", "Cocoa", true],
    ["BRICK", "Bricks", true],
    ["acai berry", "Açaí Berries", true],
    ["brazil nuts chestnuts", "Brazil Nuts/Chestnuts", true],
    ["glass", "Glass", true],
    ["tomato", "Tomatoes", true],
    ["Widgets   deluxe", "Widgets deluxe", false],
  ])("%j → %j (ilab %s)", (input, name, ilab) => {
    expect(matchGood(index, input)).toEqual({ name, ilab });
  });
});

describe("normaliseGoods / normaliseTags", () => {
  it("splits, matches and removes duplicates after matching", () => {
    expect(normaliseGoods(index, "cocoa; Cocoa ;; widgets;bricks")).toEqual(["Cocoa", "widgets", "Bricks"]);
    expect(normaliseGoods(index, ["cocoa", "glass;brick"])).toEqual(["Cocoa", "Glass", "Bricks"]);
  });
  it("tags split on ; or , and are case-insensitively unique", () => {
    expect(normaliseTags("Strategic, strategic; EU  hub;")).toEqual(["Strategic", "EU hub"]);
  });
  it("the shipped ILAB list is loaded", () => {
    expect(matchGoods("cotton; polysilicon; gizmos")).toEqual(["Cotton", "Polysilicon", "gizmos"]);
  });
});
