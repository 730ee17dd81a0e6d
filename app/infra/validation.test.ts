import { describe, expect, it } from "vitest";
import { siteSchema } from "~/suppliers/sites.server";
import { createSupplierSchema } from "~/suppliers/suppliers.server";
import { requiredChoice, zodFieldErrors } from "./validation";

describe("requiredChoice", () => {
  it("gives one message in words for a missing, blank or unknown value", () => {
    const schema = requiredChoice(["GB", "TR"], "Choose a country from the list.", { upperCase: true });
    expect(schema.parse(" tr ")).toBe("TR");
    for (const bad of [undefined, null, "", "ZZ", 7]) {
      const r = schema.safeParse(bad);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.error.issues[0].message).toBe("Choose a country from the list.");
    }
  });

  it("is what the supplier and site forms say when Country is left out", () => {
    const supplier = createSupplierSchema.safeParse({
      name: "Porto Fios Lda",
      sector: "Textiles and apparel",
      contactName: "Inês Carvalho",
      contactEmail: "ines@porto.test",
    });
    expect(supplier.success).toBe(false);
    if (!supplier.success)
      expect(zodFieldErrors(supplier.error).country).toBe("Choose a country from the list.");
    const site = siteSchema.safeParse({ name: "Guimarães spinning" });
    expect(site.success).toBe(false);
    if (!site.success) expect(zodFieldErrors(site.error).country).toBe("Choose a country from the list.");
  });
});
