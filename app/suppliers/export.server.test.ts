import { describe, expect, it } from "vitest";
import { parseCsv } from "~/risk/csv";
import { loader as suppliersCsv } from "~/routes/suppliers.export[.]csv";
import { loader as sitesCsv } from "~/routes/suppliers.sites[.]csv";
import { createOrg, requestAs } from "../../test/factories";
import { unneutraliseCell } from "./csv";
import { SITE_CSV_COLUMNS, SUPPLIER_CSV_COLUMNS, SUPPLIER_RISK_CSV_COLUMNS } from "./csv-columns";
import { addSupplierLink } from "./links.server";
import { createSite } from "./sites.server";
import { createSupplier } from "./suppliers.server";

const base = { sector: "Textiles and apparel", contactName: "Lan", contactEmail: "lan@x.test" };
const args = (request: Request) => ({ request, params: {}, context: {} }) as never;

describe("CSV exports", () => {
  it("suppliers: the import's columns, lists joined with ;, parents by reference, formulas neutralised", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.procurement.ctx;
    const a = createSupplier(ctx, {
      ...base,
      name: '=HYPERLINK("http://evil")',
      externalRef: "A-1",
      country: "VN",
      goods: "cotton; -dyes",
      annualSpend: "1500.5",
      currency: "EUR",
      tags: "strategic; @home",
      address: "12 Road, District 1",
    });
    const b = createSupplier(ctx, { ...base, name: "Beta, Ltd", externalRef: "B-2", country: "IN" });
    const c = createSupplier(ctx, {
      ...base,
      name: "Gamma",
      externalRef: "C-3",
      country: "BD",
      parentSupplierId: a.id,
    });
    addSupplierLink(ctx, { parentSupplierId: b.id, childSupplierId: c.id });
    createSupplier(other.members.admin.ctx, { ...base, name: "Other tenant", country: "VN" });

    const res = await suppliersCsv(args(requestAs(org.members.auditor, "/suppliers/export.csv")));
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="suppliers-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A UTF-8 byte order mark, so spreadsheet programs read the accents right.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split("\r\n")[0]).toBe([...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_RISK_CSV_COLUMNS].join(","));
    expect(text).not.toContain("Other tenant");
    const rows = parseCsv(text);
    const byRef = new Map(rows.map((r) => [r.external_ref, r]));
    expect(byRef.get("A-1")).toEqual({
      external_ref: "A-1",
      name: '\'=HYPERLINK("http://evil")',
      trade_name: "",
      country: "VN",
      address: "12 Road, District 1",
      sector: "Textiles and apparel",
      goods: "Cotton;-dyes",
      annual_spend: "1500.5",
      currency: "EUR",
      status: "active",
      tags: "strategic;@home",
      contact_name: "Lan",
      contact_email: "lan@x.test",
      parent_external_ref: "",
      // Risk, read-only: Viet Nam, textiles (cotton is on the ILAB list, not for Viet Nam), never assessed;
      // its sub-supplier Gamma (Bangladesh) passes on exposure, below A's own residual.
      risk_level: "medium",
      risk_score: "43",
      inherent_score: "28",
      residual_score: "43",
      coverage: "not_assessed",
      upstream_exposure: "32",
      upstream_path: 'via Gamma, BD, tier 2: Sector "Textiles and apparel"',
      computed_level: "medium",
      override_until: "",
    });
    expect(byRef.get("B-2")!.name).toBe("Beta, Ltd");
    expect(byRef.get("C-3")!.parent_external_ref).toBe("A-1;B-2");
    // Neutralisation is undone by the import: the values come back unchanged.
    expect(unneutraliseCell(byRef.get("A-1")!.name)).toBe('=HYPERLINK("http://evil")');
  });

  it("sites: numbers are never neutralised (negative coordinates stay numbers)", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const s = createSupplier(ctx, { ...base, name: "Lima Knits", externalRef: "L-9", country: "PE" });
    createSite(ctx, s.id, {
      name: "+Main plant",
      country: "PE",
      latitude: "-12.0464",
      longitude: "-77.0428",
      workersTotal: "300",
      migrantWorkersPct: "12.5",
      dormitories: "no",
      xinjiangNexus: false,
    });
    createSite(ctx, s.id, {
      name: "Seasonal packing shed",
      country: "PE",
      dormitories: "yes",
      seasonalWork: "yes",
      xinjiangNexus: true,
    });
    const res = await sitesCsv(args(requestAs(org.members.executive, "/suppliers/sites.csv")));
    // The export pages by site id (random), so compare in a fixed order.
    const rows = parseCsv(await res.text()).sort((a, b) => a.site_name.localeCompare(b.site_name));
    expect(Object.keys(rows[0])).toEqual([...SITE_CSV_COLUMNS]);
    expect(rows).toEqual([
      {
        supplier_external_ref: "L-9",
        site_name: "'+Main plant",
        address: "",
        country: "PE",
        latitude: "-12.0464",
        longitude: "-77.0428",
        workers_total: "300",
        migrant_workers_pct: "12.5",
        agency_workers_pct: "",
        dormitories: "no",
        seasonal_work: "",
        xinjiang_nexus: "no",
      },
      {
        supplier_external_ref: "L-9",
        site_name: "Seasonal packing shed",
        address: "",
        country: "PE",
        latitude: "",
        longitude: "",
        workers_total: "",
        migrant_workers_pct: "",
        agency_workers_pct: "",
        dormitories: "yes",
        seasonal_work: "yes",
        xinjiang_nexus: "yes",
      },
    ]);
  });
});
