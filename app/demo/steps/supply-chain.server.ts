import { updateContact } from "~/suppliers/contacts.server";
import { addSupplierLink } from "~/suppliers/links.server";
import { createSite } from "~/suppliers/sites.server";
import { createSupplier, getSupplierDetail } from "~/suppliers/suppliers.server";
import { DEMO_SUPPLIERS } from "../catalogue";
import type { DemoContext, DemoStep } from "../context.server";

/**
 * The supply chain, onboarded in the first quarter of last year (so last year's statement has it): each
 * supplier under its buyer (three tiers), its primary contact's language, its site with workforce facts,
 * and the links of suppliers that sell to more than one buyer. Parents come before children in the
 * catalogue, so one pass suffices.
 */
export const supplyChainStep: DemoStep = {
  name: "supply chain",
  run(demo: DemoContext) {
    const year = demo.anchor.getUTCFullYear() - 1;
    DEMO_SUPPLIERS.forEach((s, i) => {
      const onboarded = new Date(Date.UTC(year, 0, 10 + i));
      const ctx = { ...demo.as("procurement"), now: () => onboarded };
      const parent = s.parent ? demo.suppliers[s.parent] : undefined;
      if (s.parent && !parent)
        throw new Error(`demo catalogue: ${s.key} listed before its parent ${s.parent}`);
      const created = createSupplier(ctx, {
        name: s.name,
        country: s.country,
        sector: s.sector,
        goods: s.goods,
        contactName: s.contactName,
        contactEmail: `${s.key}@suppliers.demo.clearsource.test`,
        parentSupplierId: parent,
        xinjiangNexus: s.xinjiangNexus ?? false,
        annualSpend: s.spend ?? null,
        currency: s.spend ? "GBP" : null,
        externalRef: `NW-${String(1001 + i)}`,
      });
      demo.suppliers[s.key] = created.id;
      if (s.language !== "en") {
        const primary = getSupplierDetail(ctx, created.id).contacts[0];
        if (primary?.id)
          updateContact(ctx, primary.id, { name: primary.name, email: primary.email, language: s.language });
      }
      if (s.site) {
        createSite(ctx, created.id, {
          name: s.site.name,
          country: s.country,
          latitude: s.site.lat ?? null,
          longitude: s.site.lon ?? null,
          workersTotal: s.site.workers,
          migrantWorkersPct: s.site.migrantPct,
          agencyWorkersPct: s.site.agencyPct,
          dormitories: s.site.dormitories,
          seasonalWork: s.site.seasonal,
          xinjiangNexus: s.xinjiangNexus ?? false,
        });
      }
    });
    const linked = { ...demo.as("procurement"), now: () => new Date(Date.UTC(year, 2, 20)) };
    for (const s of DEMO_SUPPLIERS) {
      for (const buyer of s.alsoSupplies ?? [])
        addSupplierLink(linked, {
          parentSupplierId: demo.suppliers[buyer],
          childSupplierId: demo.suppliers[s.key],
        });
    }
  },
};
