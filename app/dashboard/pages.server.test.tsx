import { describe, expect, it } from "vitest";
import Dashboard, { loader } from "~/routes/dashboard";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { renderPage, routeArgs } from "../../test/render";

describe("dashboard", () => {
  it("shows an empty organisation its first steps, each a link to where it is done", async () => {
    const org = await createOrg();
    const data = await loader(routeArgs(requestAs(org.members.admin, "/dashboard")));
    const html = await renderPage(Dashboard, data, "/dashboard", "/dashboard");
    expect(html).toContain("Get started");
    for (const href of ["/suppliers/new", "/imports", "/campaigns/new", "/audits/new", "/settings/members"])
      expect(html).toContain(`href="${href}"`);
    expect(html).not.toContain("Inherent × residual risk");
  });

  it("shows the figures, not the steps, once there is a supplier", async () => {
    const org = await createOrg();
    insertSupplier(org.id, { name: "Porto Fios Lda", country: "PT" });
    const data = await loader(routeArgs(requestAs(org.members.admin, "/dashboard")));
    const html = await renderPage(Dashboard, data, "/dashboard", "/dashboard");
    expect(html).not.toContain("Get started");
    expect(html).toContain("Inherent × residual risk");
  });
});
