import { describe, expect, it } from "vitest";
import { languageDir } from "~/i18n/languages";
import * as supplierActionsLanding from "~/routes/a.$token";
import * as dashboard from "~/routes/dashboard";
import * as portal from "~/routes/portal.$assignmentId";
import * as portalVerify from "~/routes/portal.$assignmentId_.verify";
import * as landing from "~/routes/s.$token";
import * as supplierActions from "~/routes/supplier-actions._index";
import * as supplierActionsVerify from "~/routes/supplier-actions.verify";
import { SUPPLIER_PAGE, supplierPageOf } from "./supplier-page";

describe("supplier pages", () => {
  it("are every page a supplier reaches, and no buyer page", () => {
    for (const route of [
      landing,
      portal,
      portalVerify,
      supplierActionsLanding,
      supplierActions,
      supplierActionsVerify,
    ])
      expect((route as { handle?: unknown }).handle).toBe(SUPPLIER_PAGE);
    expect((dashboard as { handle?: unknown }).handle).toBeUndefined();
  });

  it("give the html its lang and dir from the deepest supplier page's loader data", () => {
    const root = { handle: undefined, data: { nav: [] } };
    expect(supplierPageOf([root, { handle: undefined, data: {} }])).toBeNull();
    expect(supplierPageOf([root, { handle: SUPPLIER_PAGE, data: { lang: "zh-Hans" } }])).toEqual({
      lang: "zh-Hans",
      dir: "ltr",
    });
    // No data (an error before the loader answered): still a supplier page, in English.
    expect(supplierPageOf([root, { handle: SUPPLIER_PAGE, data: undefined }])).toEqual({
      lang: "en",
      dir: "ltr",
    });
    expect(languageDir("ar")).toBe("rtl");
    expect(languageDir("he-IL")).toBe("rtl");
    expect(languageDir("tr")).toBe("ltr");
  });
});
