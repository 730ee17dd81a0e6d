import { hash } from "@node-rs/argon2";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { createSession } from "~/orgs/session.server";
import { memberships, organizations, suppliers, supplierLinks, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";

export type TestMember = {
  userId: string;
  email: string;
  password: string;
  role: Role;
  organizationId: string;
  cookie: string;
  ctx: Ctx;
};

export type TestOrg = {
  id: string;
  name: string;
  members: Record<Role, TestMember>;
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

// One hash for all factory users keeps tests fast; the value is still a real argon2id hash.
let cachedHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = "correct horse battery staple";
function factoryHash() {
  cachedHash ??= hash(FACTORY_PASSWORD);
  return cachedHash;
}

/** An organisation with one signed-in member per role; each member carries a valid session cookie. */
export async function createOrg(overrides: { name?: string } = {}): Promise<TestOrg> {
  const passwordHash = await factoryHash();
  const name = overrides.name ?? `Org ${unique()}`;
  return writeTx((tx) => {
    const org = tx
      .insert(organizations)
      .values({ name, legalName: `${name} Ltd` })
      .returning()
      .get();
    const members = {} as Record<Role, TestMember>;
    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      const email = `${role}-${unique()}@example.test`;
      const user = tx
        .insert(users)
        .values({ email, name: `${role} user`, passwordHash })
        .returning()
        .get();
      tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role }).run();
      const { cookie } = createSession(tx, { userId: user.id, organizationId: org.id });
      members[role] = {
        userId: user.id,
        email,
        password: FACTORY_PASSWORD,
        role,
        organizationId: org.id,
        cookie: cookie.split(";")[0],
        ctx: { organizationId: org.id, actor: { type: "user", id: user.id, label: `${role} user`, role } },
      };
    }
    return { id: org.id, name, members };
  });
}

/** Insert a supplier directly (bypassing the domain verb), linked to the buyer or to a parent. */
export function insertSupplier(
  organizationId: string,
  overrides: Partial<typeof suppliers.$inferInsert> & { parentId?: string | null } = {},
) {
  const { parentId = null, ...fields } = overrides;
  return writeTx((tx) => {
    const s = tx
      .insert(suppliers)
      .values({
        organizationId,
        name: `Supplier ${unique()}`,
        country: "VN",
        sector: "Textiles and apparel",
        contactName: "Contact Person",
        contactEmail: `contact-${unique()}@supplier.test`,
        tier: parentId ? 2 : 1,
        ...fields,
      })
      .returning()
      .get();
    tx.insert(supplierLinks)
      .values({ organizationId, parentSupplierId: parentId, childSupplierId: s.id })
      .run();
    return s;
  });
}

/** Build a Request as a signed-in member (or anonymous when member is null). */
export function requestAs(
  member: { cookie: string } | null,
  url: string,
  init: {
    method?: string;
    form?: Record<string, string | string[]>;
    body?: BodyInit;
    headers?: Record<string, string>;
  } = {},
): Request {
  const headers = new Headers(init.headers);
  if (member) headers.set("Cookie", member.cookie);
  let body = init.body;
  if (init.form) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(init.form)) {
      for (const item of Array.isArray(v) ? v : [v]) fd.append(k, item);
    }
    body = fd;
  }
  return new Request(new URL(url, "http://localhost:3000"), {
    method: init.method ?? (body ? "POST" : "GET"),
    headers,
    body,
  });
}

export { db };
