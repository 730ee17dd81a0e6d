import { count } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { hashPassword } from "~/orgs/passwords.server";
import { seedDemoActions } from "~/remediation/demo.server";
import { seedDemoStatements } from "~/statements/demo.server";
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
  },
  { key: "shenzhen", name: "深圳市工厂", country: "CN", sector: "Electronics", contactName: "Li Wei" },
  {
    key: "saigon",
    name: "Saigon Garment Co.",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Nguyễn Thị Lan",
  },
  {
    key: "dhaka",
    name: "Dhaka Knitwear Ltd",
    country: "BD",
    sector: "Textiles and apparel",
    contactName: "Rahim Uddin",
    parent: "lodz",
  },
  {
    key: "cotton",
    name: "Golden Fibre Cotton Gin",
    country: "TM",
    sector: "Agriculture",
    contactName: "Batyr Orazov",
    parent: "dhaka",
  },
  {
    key: "sialkot",
    name: "Sialkot Leather Works",
    country: "PK",
    sector: "Manufacturing",
    contactName: "Imran Khan",
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
  const { organizationId, adminCtx } = writeTx((tx) => {
    const org = tx
      .insert(organizations)
      .values({ name: "Northwind Apparel", legalName: "Northwind Apparel Ltd", country: "GB" })
      .returning()
      .get();
    let admin: Ctx | undefined;
    for (const m of DEMO_MEMBERS) {
      const user = tx.insert(users).values({ email: m.email, name: m.name, passwordHash }).returning().get();
      tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: m.role }).run();
      if (m.role === "admin")
        admin = {
          organizationId: org.id,
          actor: { type: "user", id: user.id, label: m.name, role: "admin" },
        };
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
    return { organizationId: org.id, adminCtx: admin! };
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
    });
    ids[s.key] = created.id;
  }
  await seedDemoActions(organizationId, ids.sialkot, log);
  await seedDemoStatements(adminCtx);
  log(
    `Seeded demo organisation "Northwind Apparel" (${organizationId}). Log in at ${env().publicOrigin}/login with:`,
  );
  for (const m of DEMO_MEMBERS) log(`  ${m.role.padEnd(12)} ${m.email}  password: ${DEMO_PASSWORD}`);
  return true;
}
