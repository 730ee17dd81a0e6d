import { beforeAll, describe, expect, it } from "vitest";
import { uploadEvidence } from "~/evidence/evidence.server";
import AuditDetail, { loader as detailLoader } from "~/routes/audits.$auditId";
import AuditsIndex, { loader as indexLoader } from "~/routes/audits._index";
import NewAudit, { loader as newLoader } from "~/routes/audits.new";
import { createOrg, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs } from "../../test/render";
import { addFinding, createAudit } from "./audits.server";

let org: TestOrg;
let auditId: string;
let supplierId: string;

beforeAll(async () => {
  org = await createOrg();
  supplierId = insertSupplier(org.id, { name: "Łódź Tekstil Sanayi A.Ş.", country: "TR" }).id;
  auditId = createAudit(org.members.auditor.ctx, {
    supplierId,
    scheme: "SMETA",
    auditDate: "2025-03-14",
    siteId: "new",
    newSiteName: "Dormitory block B",
    newSiteCountry: "TR",
    summary: "Two-day announced audit.",
  }).id;
  addFinding(org.members.auditor.ctx, {
    auditId,
    title: "Passports held by HR",
    grade: "zero_tolerance",
    iloIndicator: "7",
  });
  addFinding(org.members.auditor.ctx, { auditId, title: "No rest day in week 12", grade: "minor" });
  await uploadEvidence(org.members.auditor.ctx, {
    auditId,
    file: new File([Buffer.from("%PDF-1.4\n%%EOF\n")], "<img src=x onerror=alert(1)>.pdf"),
  });
});

describe("audit pages render", () => {
  it("list shows the supplier, scheme, date and findings by grade", async () => {
    const data = await indexLoader(routeArgs(requestAs(org.members.auditor, "/audits")));
    const html = await renderPage(AuditsIndex, data, "/audits", "/audits");
    expect(html).toContain("Łódź Tekstil Sanayi A.Ş.");
    expect(html).toContain("2025-03-14");
    expect(html).toContain("Zero tolerance");
    expect(html).toContain("Record an audit");
  });

  it("new-audit form lists this tenant's suppliers and the schemes", async () => {
    const data = await newLoader(
      routeArgs(requestAs(org.members.auditor, `/audits/new?supplierId=${supplierId}`)),
    );
    const html = await renderPage(NewAudit, data, "/audits/new", "/audits/new");
    expect(html).toContain("Łódź Tekstil Sanayi A.Ş. (TR, tier 1)");
    for (const scheme of ["SMETA", "amfori BSCI", "RBA", "SA8000"]) expect(html).toContain(scheme);
    // The site is chosen from the preselected supplier's recorded sites, or added.
    expect(html).toMatch(/<option value="[0-9a-f-]{36}">Dormitory block B \(TR\)<\/option>/);
    expect(html).toContain('<option value="new">Add a new site…</option>');
    expect(html).not.toContain('name="siteName"');
  });

  it("detail page shows findings, evidence (escaped) and the upload hint for an auditor", async () => {
    const data = await detailLoader(
      routeArgs(requestAs(org.members.auditor, `/audits/${auditId}`), { auditId }),
    );
    const html = await renderPage(AuditDetail, data, `/audits/${auditId}`, "/audits/:auditId");
    expect(html).toContain("Passports held by HR");
    expect(html).toContain("7. Retention of identity documents");
    expect(html).toContain("bg-red-100");
    expect(html).toMatch(/enctype="multipart\/form-data"/i);
    expect(html).toContain("PDF, PNG, JPEG, WebP or HEIC, up to 10 MB");
    expect(html).toMatch(/href="\/evidence\/[0-9a-f-]{36}\/download"/);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;.pdf");
    expect(html).not.toContain("<img");
  });

  it("an executive sees the audit without the write and upload forms", async () => {
    const data = await detailLoader(
      routeArgs(requestAs(org.members.executive, `/audits/${auditId}`), { auditId }),
    );
    const html = await renderPage(AuditDetail, data, `/audits/${auditId}`, "/audits/:auditId");
    expect(html).toContain("Passports held by HR");
    expect(html).not.toContain("Add finding");
    expect(html).not.toMatch(/enctype="multipart\/form-data"/i);
  });
});
