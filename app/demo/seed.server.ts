import { count } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { addFinding, createAudit } from "~/audits/audits.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { hashPassword } from "~/orgs/passwords.server";
import { seedDemoActions } from "~/remediation/demo.server";
import { decideOverride, requestOverride } from "~/risk/overrides.server";
import { seedDemoStatements } from "~/statements/demo.server";
import { addSupplierLink } from "~/suppliers/links.server";
import { createSite } from "~/suppliers/sites.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { memberships, organizations, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";

export const DEMO_PASSWORD = "clearsource-demo";
export const DEMO_MEMBERS: { role: Role; name: string; email: string }[] = [
  { role: "admin", name: "Alex Admin", email: "admin@demo.clearsource.test" },
  { role: "procurement", name: "Priya Procurement", email: "procurement@demo.clearsource.test" },
  { role: "auditor", name: "Aiko Auditor", email: "auditor@demo.clearsource.test" },
  { role: "executive", name: "Erik Executive", email: "executive@demo.clearsource.test" },
];

/** Suppliers in several countries, two tiers deep, with names that exercise Unicode in the PDF. */
const DEMO_SUPPLIERS = [
  {
    key: "lodz",
    name: "Łódź Tekstil Sanayi A.Ş.",
    country: "TR",
    sector: "Textiles and apparel",
    contactName: "Ayşe Yılmaz",
    goods: "Garments; Textiles",
  },
  {
    key: "shenzhen",
    name: "深圳市工厂",
    country: "CN",
    sector: "Electronics",
    contactName: "Li Wei",
    goods: "Electronics",
  },
  {
    key: "saigon",
    name: "Saigon Garment Co.",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Nguyễn Thị Lan",
    goods: "Garments",
  },
  {
    key: "dhaka",
    name: "Dhaka Knitwear Ltd",
    country: "BD",
    sector: "Textiles and apparel",
    contactName: "Rahim Uddin",
    parent: "lodz",
    goods: "Garments; Textiles",
  },
  {
    key: "cotton",
    name: "Golden Fibre Cotton Gin",
    country: "TM",
    sector: "Agriculture",
    contactName: "Batyr Orazov",
    parent: "dhaka",
    goods: "Cotton",
  },
  {
    key: "sialkot",
    name: "Sialkot Leather Works",
    country: "PK",
    sector: "Footwear and leather",
    contactName: "Imran Khan",
    goods: "Leather; Footwear",
  },
  {
    key: "porto",
    name: "Porto Fios Lda",
    country: "PT",
    sector: "Textiles and apparel",
    contactName: "Inês Carvalho",
    parent: "saigon",
    goods: "Thread/Yarn",
  },
  {
    key: "hamburg",
    name: "Hamburg Logistik GmbH",
    country: "DE",
    sector: "Logistics",
    contactName: "Jonas Becker",
    goods: "Warehousing",
  },
  {
    key: "leicester",
    name: "Leicester Packaging Ltd",
    country: "GB",
    sector: "Manufacturing",
    contactName: "Sarah Patel",
    goods: "Cartons; Labels",
  },
] as const;

/**
 * Seed the demo organisation when the database has no organisation at all. Idempotent: a second start
 * finds the organisation and does nothing.
 */
export async function seedDemoIfEmpty(log: (line: string) => void = console.log): Promise<boolean> {
  const existing = db().select({ n: count() }).from(organizations).get();
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { organizationId, adminCtx, ctxs } = writeTx((tx) => {
    const org = tx
      .insert(organizations)
      .values({ name: "Northwind Apparel", legalName: "Northwind Apparel Ltd", country: "GB" })
      .returning()
      .get();
    let admin: Ctx | undefined;
    const byRole: Partial<Record<Role, Ctx>> = {};
    for (const m of DEMO_MEMBERS) {
      const user = tx.insert(users).values({ email: m.email, name: m.name, passwordHash }).returning().get();
      tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: m.role }).run();
      byRole[m.role] = {
        organizationId: org.id,
        actor: { type: "user", id: user.id, label: m.name, role: m.role },
      };
      if (m.role === "admin") admin = byRole.admin;
    }
    recordAudit(
      tx,
      { organizationId: org.id, actor: { type: "system", label: "demo seed" } },
      {
        action: "organization.seeded",
        entityType: "organization",
        entityId: org.id,
      },
    );
    return { organizationId: org.id, adminCtx: admin!, ctxs: byRole as Record<Role, Ctx> };
  });
  const ids: Record<string, string> = {};
  // Suppliers were onboarded early last year, so last year's statement has a supply chain and risk history.
  const onboardedCtx: Ctx = {
    ...adminCtx,
    now: () => new Date(Date.UTC(new Date().getUTCFullYear() - 1, 0, 15)),
  };
  for (const s of DEMO_SUPPLIERS) {
    const parent = "parent" in s ? ids[s.parent] : undefined;
    const created = await createSupplier(onboardedCtx, {
      name: s.name,
      country: s.country,
      sector: s.sector,
      contactName: s.contactName,
      contactEmail: `${s.key}@suppliers.demo.clearsource.test`,
      parentSupplierId: parent,
      goods: s.goods,
    });
    ids[s.key] = created.id;
  }
  await seedDemoActions(organizationId, ids.sialkot, log);
  seedRiskPicture(ids, ctxs);
  await seedDemoStatements(adminCtx);
  log(
    `Seeded demo organisation "Northwind Apparel" (${organizationId}). Log in at ${env().publicOrigin}/login with:`,
  );
  for (const m of DEMO_MEMBERS) log(`  ${m.role.padEnd(12)} ${m.email}  password: ${DEMO_PASSWORD}`);
  return true;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * A realistic spread of risk: sites with workforce facts, a recent clean audit (a control), a state-imposed
 * forced labour finding at the Turkmen gin that a Portuguese spinner buys from (upstream exposure), and an
 * approved override raising the Shenzhen factory until the buyer's own audit.
 */
function seedRiskPicture(ids: Record<string, string>, ctx: Record<Role, Ctx>): void {
  createSite(ctx.procurement, ids.lodz, {
    name: "Denizli weaving mill",
    country: "TR",
    latitude: 37.78,
    longitude: 29.09,
    workersTotal: 640,
    migrantWorkersPct: 35,
    agencyWorkersPct: 20,
    dormitories: "no",
    seasonalWork: "no",
  });
  createSite(ctx.procurement, ids.saigon, {
    name: "Thu Duc sewing plant",
    country: "VN",
    latitude: 10.85,
    longitude: 106.75,
    workersTotal: 1200,
    migrantWorkersPct: 15,
    agencyWorkersPct: 5,
    dormitories: "yes",
    seasonalWork: "no",
  });
  createSite(ctx.procurement, ids.cotton, {
    name: "Mary province gin",
    country: "TM",
    workersTotal: 300,
    migrantWorkersPct: 0,
    agencyWorkersPct: 0,
    dormitories: "yes",
    seasonalWork: "yes",
  });
  createSite(ctx.procurement, ids.porto, {
    name: "Guimarães spinning",
    country: "PT",
    latitude: 41.44,
    longitude: -8.29,
    workersTotal: 180,
    migrantWorkersPct: 10,
    agencyWorkersPct: 0,
    dormitories: "no",
    seasonalWork: "no",
  });
  createSite(ctx.procurement, ids.hamburg, {
    name: "Hafen warehouse",
    country: "DE",
    latitude: 53.54,
    longitude: 9.98,
    workersTotal: 85,
    migrantWorkersPct: 0,
    agencyWorkersPct: 0,
    dormitories: "no",
    seasonalWork: "no",
  });
  createAudit(ctx.auditor, { supplierId: ids.hamburg, scheme: "SMETA", auditDate: daysAgo(200) });
  createAudit(ctx.auditor, { supplierId: ids.porto, scheme: "SMETA", auditDate: daysAgo(60) });
  createAudit(ctx.auditor, { supplierId: ids.saigon, scheme: "amfori BSCI", auditDate: daysAgo(120) });
  // The Portuguese spinner buys Turkmen cotton: the gin's finding reaches it as upstream exposure.
  addSupplierLink(ctx.procurement, { parentSupplierId: ids.porto, childSupplierId: ids.cotton });
  const gin = createAudit(ctx.auditor, {
    supplierId: ids.cotton,
    scheme: "Other",
    auditDate: daysAgo(30),
    summary: "Desk review of public reporting on the 2026 harvest.",
  });
  addFinding(ctx.auditor, {
    auditId: gin.id,
    title: "State-mobilised labour in the cotton harvest",
    grade: "zero_tolerance",
    iloIndicator: "6",
  });
  const o = requestOverride(ctx.executive, ids.shenzhen, {
    level: "critical",
    justification:
      "Media reports of workers transferred from Xinjiang to this factory; treat as critical until our own audit.",
    expiresOn: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
  });
  decideOverride(ctx.admin, o.id, { decision: "approve", note: "Agreed until the audit in Q1." });
}
