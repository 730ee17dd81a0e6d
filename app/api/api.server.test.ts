import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { apiKeys, auditLog, suppliers } from "~db/schema";
import { createOrg, type TestOrg } from "../../test/factories";
import { createApiKey, listApiKeys, revokeApiKey, sweepIdempotency } from "./keys.server";
import { supplierPageSchema, supplierSchema } from "./schemas";
import { callApi, keyFor } from "./testing.server";

let a: TestOrg;
let b: TestOrg;
let token: string;
const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

const newSupplier = (over: Record<string, unknown> = {}) => ({
  name: "Api Mill",
  country: "VN",
  sector: "Textiles and apparel",
  contactName: "Lan",
  contactEmail: "lan@mill.test",
  ...over,
});

beforeAll(async () => {
  a = await createOrg({ name: "Api Alpha" });
  b = await createOrg({ name: "Api Beta" });
  token = keyFor(a.members.admin.ctx);
});

describe("API keys", () => {
  it("are shown once, stored as a SHA-256 only, and audit-logged on create and revoke", () => {
    const created = createApiKey(a.members.admin.ctx, {
      label: "ERP sync",
      scopes: ["suppliers:read"],
      expiresOn: soon,
    });
    expect(created.token).toMatch(/^cs_live_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
    const row = db().select().from(apiKeys).where(eq(apiKeys.id, created.id)).get()!;
    expect(JSON.stringify(row)).not.toContain(created.token.slice(-43));
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    revokeApiKey(a.members.admin.ctx, { keyId: created.id });
    const rows = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, a.id), eq(auditLog.entityId, created.id)))
      .all();
    expect(rows.map((r) => r.action).sort()).toEqual(["api_key.created", "api_key.revoked"]);
    expect(JSON.stringify(rows)).not.toContain(created.token.slice(-43));
    expect(listApiKeys(a.members.admin.ctx).find((k) => k.id === created.id)?.state).toBe("revoked");
  });

  it("refuse bad input with field errors, and only admins may create them", () => {
    expect(() =>
      createApiKey(a.members.admin.ctx, { label: "", scopes: ["nope"], expiresOn: "2020-01-01" }),
    ).toThrow(
      expect.objectContaining({ fieldErrors: expect.objectContaining({ label: expect.any(String) }) }),
    );
    expect(() =>
      createApiKey(a.members.admin.ctx, { label: "x", scopes: ["risk:read"], expiresOn: "2000-01-01" }),
    ).toThrow(expect.objectContaining({ fieldErrors: { expiresOn: "Choose a date after today." } }));
    expect(() =>
      createApiKey(a.members.procurement.ctx, { label: "x", scopes: ["risk:read"], expiresOn: soon }),
    ).toThrow("permission");
  });

  it("401 without a key, with a cookie only, with an unknown, revoked or expired key", async () => {
    expect((await callApi(null, "GET", "/suppliers")).status).toBe(401);
    const cookieOnly = await callApi(null, "GET", "/suppliers", {
      headers: { Cookie: a.members.admin.cookie },
    });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.headers.get("Content-Type")).toBe("application/problem+json");
    const wrongSecret = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect((await callApi(wrongSecret, "GET", "/suppliers")).status).toBe(401);
    const revoked = createApiKey(a.members.admin.ctx, {
      label: "r",
      scopes: ["suppliers:read"],
      expiresOn: soon,
    });
    revokeApiKey(a.members.admin.ctx, { keyId: revoked.id });
    const r = await callApi(revoked.token, "GET", "/suppliers");
    expect(r.status).toBe(401);
    expect((r.json as { detail: string }).detail).toMatch(/revoked/);
    const expiring = createApiKey(a.members.admin.ctx, {
      label: "e",
      scopes: ["suppliers:read"],
      expiresOn: soon,
    });
    db()
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, expiring.id))
      .run();
    const e = await callApi(expiring.token, "GET", "/suppliers");
    expect(e.status).toBe(401);
    expect((e.json as { detail: string }).detail).toMatch(/expired/);
  });

  it("403 names the missing scope", async () => {
    const readOnly = keyFor(a.members.admin.ctx, ["suppliers:read"]);
    const r = await callApi(readOnly, "POST", "/suppliers", { body: newSupplier() });
    expect(r.status).toBe(403);
    expect(r.json).toMatchObject({ status: 403, missingScope: "suppliers:write" });
    expect((r.json as { detail: string }).detail).toContain("suppliers:write");
  });

  it("limit each key per minute with 429 and Retry-After, and record the last use", async () => {
    const limited = keyFor(a.members.admin.ctx, ["suppliers:read"], { ratePerMinute: 3 });
    for (let i = 0; i < 3; i++)
      expect((await callApi(limited, "GET", "/suppliers?limit=1")).status).toBe(200);
    const r = await callApi(limited, "GET", "/suppliers?limit=1");
    expect(r.status).toBe(429);
    expect(Number(r.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(r.json).toMatchObject({ type: "/api/v1/problems/rate-limited" });
    const prefix = limited.split("_")[2];
    expect(db().select().from(apiKeys).where(eq(apiKeys.prefix, prefix)).get()!.lastUsedAt).not.toBeNull();
  });
});

describe("suppliers API", () => {
  it("creates through the domain verb, audit-logged as the key, and reads back with contacts, sites, links", async () => {
    const r = await callApi(token, "POST", "/suppliers", { body: newSupplier({ name: "Api Created Mill" }) });
    expect(r.status).toBe(201);
    const s = supplierSchema.parse(r.json);
    expect(s).toMatchObject({ name: "Api Created Mill", tier: 1, links: { direct: true } });
    expect(s.contacts[0]).toMatchObject({ email: "lan@mill.test", isPrimary: true });
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, "supplier.created")))
      .get()!;
    expect(audit.actorType).toBe("api_key");
    expect(audit.actorLabel).toBe("API key “Test key”");
    const got = await callApi(token, "GET", `/suppliers/${s.id}`);
    expect(got.status).toBe(200);
    expect(supplierSchema.parse(got.json).id).toBe(s.id);
  });

  it("replays an Idempotency-Key with the same body and refuses it with another body", async () => {
    const headers = { "Idempotency-Key": "create-once-1" };
    const first = await callApi(token, "POST", "/suppliers", {
      body: newSupplier({ name: "Idem Mill" }),
      headers,
    });
    const again = await callApi(token, "POST", "/suppliers", {
      // Same body, keys in another order.
      body: Object.fromEntries(Object.entries(newSupplier({ name: "Idem Mill" })).reverse()),
      headers,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    const count = db()
      .select()
      .from(suppliers)
      .where(and(eq(suppliers.organizationId, a.id), eq(suppliers.name, "Idem Mill")))
      .all().length;
    expect(count).toBe(1);
    const other = await callApi(token, "POST", "/suppliers", {
      body: newSupplier({ name: "Other Mill" }),
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ type: "/api/v1/problems/idempotency-key-reused" });
    // Kept a day, then swept by housekeeping: the key may be used again.
    expect(sweepIdempotency(new Date(Date.now() + 2 * 86_400_000))).toBeGreaterThan(0);
    const later = await callApi(token, "POST", "/suppliers", {
      body: newSupplier({ name: "Other Mill" }),
      headers,
    });
    expect(later.status).toBe(201);
  });

  it("answers 400 problem+json for wrong content type, malformed JSON and invalid fields; never 500", async () => {
    const wrongType = await callApi(token, "POST", "/suppliers", {
      rawBody: "name=x",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.json).toMatchObject({ type: "/api/v1/problems/unsupported-media-type" });
    const malformed = await callApi(token, "POST", "/suppliers", { rawBody: '{"name": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ type: "/api/v1/problems/malformed-json" });
    const invalid = await callApi(token, "POST", "/suppliers", {
      body: { name: "", country: "XX", extra: 1 },
    });
    expect(invalid.status).toBe(400);
    const errors = (invalid.json as { errors: Record<string, string> }).errors;
    expect(errors.country).toBe("Choose a country from the list.");
    expect(errors.name).toBeTruthy();
    expect(errors.contactEmail).toBeTruthy();
    const notArray = await callApi(token, "POST", "/suppliers", { body: [1, 2] });
    expect(notArray.status).toBe(400);
    const badQuery = await callApi(token, "GET", "/suppliers?limit=1000&colour=red");
    expect(badQuery.status).toBe(400);
    expect(Object.keys((badQuery.json as { errors: object }).errors).sort()).toEqual(
      ["_form", "limit"].sort(),
    );
  });

  it("updates only the fields sent, through the edit verb", async () => {
    const created = createSupplier(a.members.procurement.ctx, {
      ...newSupplier({ name: "Patch Mill", tags: ["cotton"], xinjiangNexus: true }),
    });
    const r = await callApi(token, "PATCH", `/suppliers/${created.id}`, { body: { status: "suspended" } });
    expect(r.status).toBe(200);
    const s = supplierSchema.parse(r.json);
    expect(s).toMatchObject({
      status: "suspended",
      tags: ["cotton"],
      xinjiangNexus: true,
      name: "Patch Mill",
    });
    const bad = await callApi(token, "PATCH", `/suppliers/${created.id}`, { body: { currency: "ZZZ" } });
    expect(bad.status).toBe(400);
    expect((bad.json as { errors: Record<string, string> }).errors.currency).toBe(
      "Choose a currency from the list.",
    );
  });

  it("pages by cursor with the UI's filters; another tenant's ids are 404", async () => {
    for (let i = 0; i < 5; i++)
      createSupplier(b.members.admin.ctx, newSupplier({ name: `Beta ${i}`, country: "BD" }));
    const bToken = keyFor(b.members.admin.ctx);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const q: string = `/suppliers?country=bd&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const r = await callApi(bToken, "GET", q);
      expect(r.status).toBe(200);
      const page = supplierPageSchema.parse(r.json);
      expect(page.total).toBe(5);
      seen.push(...page.data.map((s) => s.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(["Beta 0", "Beta 1", "Beta 2", "Beta 3", "Beta 4"]);
    const tampered = await callApi(bToken, "GET", `/suppliers?country=VN&cursor=abc`);
    expect(tampered.status).toBe(400);

    const aSupplier = db().select().from(suppliers).where(eq(suppliers.organizationId, a.id)).get()!;
    const foreign = await callApi(bToken, "GET", `/suppliers/${aSupplier.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(aSupplier.name);
    const foreignPatch = await callApi(bToken, "PATCH", `/suppliers/${aSupplier.id}`, {
      body: { name: "Stolen" },
    });
    expect(foreignPatch.status).toBe(404);
    const foreignParent = await callApi(bToken, "POST", "/suppliers", {
      body: newSupplier({ parentSupplierId: aSupplier.id }),
    });
    expect(foreignParent.status).toBe(404);
  });

  it("answers 404 for unknown paths and 405 for wrong methods", async () => {
    expect((await callApi(token, "GET", "/nothing")).status).toBe(404);
    const r = await callApi(token, "POST", "/suppliers/x", { body: {} });
    expect(r.status).toBe(405);
    expect(r.headers.get("Allow")).toBe("GET, PATCH");
  });
});
