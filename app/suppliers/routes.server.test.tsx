import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { db } from "~/infra/db.server";
import SupplierDetail, { loader as detailLoader } from "~/routes/suppliers.$supplierId";
import SuppliersIndex, { loader as indexLoader } from "~/routes/suppliers._index";
import NewSupplier, { action as newAction, loader as newLoader } from "~/routes/suppliers.new";
import { suppliers } from "~db/schema";
import { createOrg, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { createSupplier } from "./suppliers.server";

const form = {
  name: "Łódź Tekstil Sanayi A.Ş.",
  country: "TR",
  sector: "Textiles and apparel",
  contactName: "Ayşe Yılmaz",
  contactEmail: "ayse@lodz.example",
};

let org: TestOrg;
let other: TestOrg;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
});

function supplierCount(orgId: string) {
  return db().select().from(suppliers).where(eq(suppliers.organizationId, orgId)).all().length;
}

describe("/suppliers/new", () => {
  it("creates a sub-supplier at tier 2 and redirects to it", async () => {
    const parent = createSupplier(org.members.procurement.ctx, { ...form, name: "Parent Mill" });
    const res = await newAction(
      routeArgs(
        requestAs(org.members.procurement, "/suppliers/new", {
          form: { ...form, name: "Dhaka Knitwear", country: "BD", parentSupplierId: parent.id },
        }),
      ),
    );
    expect(res).toBeInstanceOf(Response);
    const location = (res as Response).headers.get("Location")!;
    const id = location.match(/^\/suppliers\/([^?]+)\?created=1$/)![1];

    const data = await detailLoader(
      routeArgs(requestAs(org.members.procurement, location), { supplierId: id }),
    );
    expect(data.supplier.tier).toBe(2);
    const html = await renderPage(SupplierDetail, data, location, "/suppliers/:supplierId");
    expect(html).toContain("Supplier added at <strong>tier 2</strong>");
    expect(html).toContain("Parent Mill");
    expect(html).toContain("Bangladesh");
    expect(html).toContain(`/questionnaires/send?supplierId=${id}`);
  });

  it("answers bad input with 400, field errors and the user's values, and writes nothing", async () => {
    const before = supplierCount(org.id);
    const res = (await newAction(
      routeArgs(
        requestAs(org.members.procurement, "/suppliers/new", {
          form: { ...form, country: "XX", contactEmail: "not-an-email", name: "" },
        }),
      ),
    )) as unknown as {
      init: { status: number };
      data: { fieldErrors: Record<string, string>; values: Record<string, string> };
    };
    expect(res.init.status).toBe(400);
    expect(Object.keys(res.data.fieldErrors).sort()).toEqual(["contactEmail", "country", "name"]);
    expect(res.data.values.contactName).toBe("Ayşe Yılmaz");
    expect(supplierCount(org.id)).toBe(before);
  });

  it("refuses another tenant's parent with 404 and writes nothing", async () => {
    const foreign = createSupplier(other.members.admin.ctx, { ...form, name: "Foreign" });
    const before = supplierCount(org.id);
    const res = await settle(
      newAction(
        routeArgs(
          requestAs(org.members.procurement, "/suppliers/new", {
            form: { ...form, parentSupplierId: foreign.id },
          }),
        ),
      ),
    );
    expect((res as Response).status).toBe(404);
    expect(supplierCount(org.id)).toBe(before);
  });

  it("needs suppliers:write (an auditor gets 403)", async () => {
    const res = await settle(
      newAction(routeArgs(requestAs(org.members.auditor, "/suppliers/new", { form }))),
    );
    expect((res as Response).status).toBe(403);
    expect(
      ((await settle(newLoader(routeArgs(requestAs(org.members.auditor, "/suppliers/new"))))) as Response)
        .status,
    ).toBe(403);
  });

  it("renders the form with country names and the sub-supplier select", async () => {
    const data = await newLoader(routeArgs(requestAs(org.members.procurement, "/suppliers/new")));
    const html = await renderPage(NewSupplier, data, "/suppliers/new", "/suppliers/new");
    expect(html).toContain('<option value="TR">Türkiye</option>');
    expect(html).toContain("Parent Mill");
  });
});

describe("/suppliers", () => {
  it("lists with names, country names, tiers and risk, filtered from the URL", async () => {
    const data = await indexLoader(
      routeArgs(requestAs(org.members.executive, "/suppliers?country=BD&tier=2")),
    );
    expect(data.rows.map((r) => r.name)).toEqual(["Dhaka Knitwear"]);
    const html = await renderPage(SuppliersIndex, data, "/suppliers?country=BD&tier=2", "/suppliers");
    expect(html).toContain("Dhaka Knitwear");
    expect(html).toContain("Bangladesh");
    expect(html).toContain("Tier 2");
    expect(html).not.toContain("Foreign");
  });
});

describe("/suppliers/:supplierId", () => {
  it("explains the risk score with factors and sources, and shows audits and remediation", async () => {
    const s = createSupplier(org.members.procurement.ctx, {
      ...form,
      name: "Phnom Penh Garments",
      country: "KH",
    });
    const audit = createAudit(org.members.auditor.ctx, {
      supplierId: s.id,
      scheme: "SMETA",
      auditDate: "2026-02-01",
    });
    addFinding(org.members.auditor.ctx, {
      auditId: audit.id,
      title: "Passports held by HR",
      grade: "zero_tolerance",
      iloIndicator: "7",
    });
    const data = await detailLoader(
      routeArgs(requestAs(org.members.executive, `/suppliers/${s.id}`), { supplierId: s.id }),
    );
    expect(data.riskView).toMatchObject({ level: "critical", coverage: "partial" });
    expect(data.riskView.score).toBeGreaterThanOrEqual(85);
    expect(data.tasks).toHaveLength(1);
    const html = await renderPage(SupplierDetail, data, `/suppliers/${s.id}`, "/suppliers/:supplierId");
    expect(html).toContain("TIP Report 2025: Tier 3");
    expect(html).toContain("Open zero-tolerance finding: Passports held by HR");
    expect(html).toContain("Capped at 100");
    expect(html).toContain("Partly assessed");
    expect(html).toContain("SMETA · 2026-02-01");
    // The executive may not send questionnaires or record audits: no such buttons.
    expect(html).not.toContain("/audits/new?supplierId=");
  });

  it("answers 404 for another tenant's supplier", async () => {
    const s = createSupplier(org.members.admin.ctx, { ...form, name: "Mine" });
    const res = await settle(
      detailLoader(routeArgs(requestAs(other.members.admin, `/suppliers/${s.id}`), { supplierId: s.id })),
    );
    expect((res as Response).status).toBe(404);
  });
});
