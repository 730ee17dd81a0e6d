import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { riskAssessments, sites, supplierContacts, suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import { addContact, deleteContact, setPrimaryContact, updateContact } from "./contacts.server";
import { createSite, deleteSite, updateSite } from "./sites.server";
import { createSupplier, getSupplierDetail, updateSupplier } from "./suppliers.server";

const base = {
  name: "Saigon Garment Co.",
  country: "VN",
  sector: "Textiles and apparel",
  contactName: "Lan",
  contactEmail: "lan@saigon.example",
};

const primaries = (supplierId: string) =>
  db()
    .select()
    .from(supplierContacts)
    .where(eq(supplierContacts.supplierId, supplierId))
    .all()
    .filter((c) => c.isPrimary);
const supplierRow = (id: string) => db().select().from(suppliers).where(eq(suppliers.id, id)).get()!;

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.fieldErrors;
    throw err;
  }
  throw new Error("expected a ValidationError");
}

describe("contacts", () => {
  it("exactly one primary, mirrored into the supplier row", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const s = createSupplier(ctx, base);
    expect(primaries(s.id).map((c) => c.email)).toEqual(["lan@saigon.example"]);

    const minh = addContact(ctx, s.id, { name: "Minh", email: "Minh@Saigon.example", isPrimary: "on" });
    expect(primaries(s.id).map((c) => c.id)).toEqual([minh.id]);
    expect(supplierRow(s.id)).toMatchObject({ contactName: "Minh", contactEmail: "minh@saigon.example" });

    updateContact(ctx, minh.id, { name: "Minh Tran", email: "minh@saigon.example" });
    expect(supplierRow(s.id).contactName).toBe("Minh Tran");

    const lan = db()
      .select()
      .from(supplierContacts)
      .where(eq(supplierContacts.email, "lan@saigon.example"))
      .get()!;
    setPrimaryContact(ctx, lan.id);
    expect(primaries(s.id).map((c) => c.id)).toEqual([lan.id]);
    expect(supplierRow(s.id).contactEmail).toBe("lan@saigon.example");

    expect(() => deleteContact(ctx, lan.id)).toThrow(ConflictError);
    deleteContact(ctx, minh.id);
    expect(getSupplierDetail(ctx, s.id).contacts.map((c) => c.name)).toEqual(["Lan"]);
  });

  it("a supplier without contact rows gets its mirrored contact as the primary row first", async () => {
    const org = await createOrg();
    const ctx = org.members.procurement.ctx;
    const s = insertSupplier(org.id, { contactName: "Old Contact", contactEmail: "old@x.test" });
    expect(getSupplierDetail(ctx, s.id).contacts).toEqual([
      expect.objectContaining({ id: null, name: "Old Contact", isPrimary: true }),
    ]);
    addContact(ctx, s.id, { name: "New", email: "new@x.test" });
    expect(primaries(s.id).map((c) => c.email)).toEqual(["old@x.test"]);
    expect(fieldErrors(() => addContact(ctx, s.id, { name: "Dup", email: "NEW@x.test" }))).toHaveProperty(
      "email",
    );
  });

  it("validates and keeps tenants apart", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = createSupplier(org.members.procurement.ctx, base);
    expect(
      Object.keys(
        fieldErrors(() =>
          addContact(org.members.procurement.ctx, s.id, { name: "", email: "x", language: "!!" }),
        ),
      ).sort(),
    ).toEqual(["email", "language", "name"]);
    expect(() => addContact(other.members.admin.ctx, s.id, { name: "X", email: "x@x.test" })).toThrow(
      NotFoundError,
    );
    const c = primaries(s.id)[0];
    expect(() => setPrimaryContact(other.members.admin.ctx, c.id)).toThrow(NotFoundError);
    expect(() => deleteContact(other.members.admin.ctx, c.id)).toThrow(NotFoundError);
  });
});

describe("sites", () => {
  it("creates, updates and deletes with validated coordinates and shares", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.procurement.ctx;
    const s = createSupplier(ctx, base);
    const site = createSite(ctx, s.id, {
      name: "Dye house",
      country: "vn",
      latitude: "10.762",
      longitude: "106.66",
      workersTotal: "1,200",
      migrantWorkersPct: "35.5",
      agencyWorkersPct: "",
      dormitories: "yes",
    });
    expect(db().select().from(sites).where(eq(sites.id, site.id)).get()).toMatchObject({
      country: "VN",
      latitude: 10.762,
      longitude: 106.66,
      workersTotal: 1200,
      migrantWorkersPct: 35.5,
      agencyWorkersPct: null,
      dormitories: true,
    });
    expect(
      Object.keys(
        fieldErrors(() =>
          createSite(ctx, s.id, {
            name: "",
            country: "ZZ",
            latitude: "91",
            longitude: "10",
            workersTotal: "1.5",
            migrantWorkersPct: "101",
            agencyWorkersPct: "-1",
          }),
        ),
      ).sort(),
    ).toEqual(["agencyWorkersPct", "country", "latitude", "migrantWorkersPct", "name", "workersTotal"]);
    expect(fieldErrors(() => createSite(ctx, s.id, { name: "Half", country: "VN", latitude: "10" }))).toEqual(
      {
        longitude: "Enter both latitude and longitude, or neither.",
      },
    );
    updateSite(ctx, site.id, { name: "Dye house 2", country: "KH", dormitories: "no" });
    expect(getSupplierDetail(ctx, s.id).sites).toEqual([
      expect.objectContaining({
        name: "Dye house 2",
        countryName: "Cambodia",
        dormitories: false,
        latitude: null,
      }),
    ]);
    expect(() => updateSite(other.members.admin.ctx, site.id, { name: "X", country: "VN" })).toThrow(
      NotFoundError,
    );
    expect(() => deleteSite(other.members.admin.ctx, site.id)).toThrow(NotFoundError);
    expect(() => createSite(other.members.admin.ctx, s.id, { name: "X", country: "VN" })).toThrow(
      NotFoundError,
    );
    deleteSite(ctx, site.id);
    expect(getSupplierDetail(ctx, s.id).sites).toEqual([]);
  });
});

describe("supplier profile", () => {
  it("stores every field, matches goods to ILAB names and keeps references unique per organisation", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const ctx = org.members.procurement.ctx;
    const s = createSupplier(ctx, {
      ...base,
      tradeName: "SGC",
      externalRef: "V-100",
      address: "12  Le Loi, District 1",
      goods: "cotton; garment; hand-made widgets",
      annualSpend: "1,250,000.50",
      currency: "usd",
      status: "onboarding",
      tags: "strategic, EU hub",
    });
    expect(supplierRow(s.id)).toMatchObject({
      tradeName: "SGC",
      externalRef: "V-100",
      address: "12 Le Loi, District 1",
      goods: ["Cotton", "Garments", "hand-made widgets"],
      annualSpend: 1250000.5,
      currency: "USD",
      status: "onboarding",
      tags: ["strategic", "EU hub"],
    });
    expect(fieldErrors(() => createSupplier(ctx, { ...base, externalRef: "V-100" }))).toHaveProperty(
      "externalRef",
    );
    // Another tenant may use the same reference.
    expect(createSupplier(other.members.admin.ctx, { ...base, externalRef: "V-100" }).id).toBeTruthy();
    expect(fieldErrors(() => createSupplier(ctx, { ...base, annualSpend: "12" }))).toEqual({
      currency: "Choose the currency of the annual spend.",
    });
    expect(
      Object.keys(
        fieldErrors(() => createSupplier(ctx, { ...base, annualSpend: "-5", status: "zombie" })),
      ).sort(),
    ).toEqual(["annualSpend", "status"]);

    const r = updateSupplier(ctx, s.id, {
      ...base,
      name: "Saigon Garment JSC",
      country: "KH",
      status: "active",
    });
    expect(r.changed.sort()).toEqual(
      [
        "address",
        "annualSpend",
        "country",
        "currency",
        "externalRef",
        "goods",
        "name",
        "status",
        "tags",
        "tradeName",
      ].sort(),
    );
    expect(supplierRow(s.id)).toMatchObject({
      name: "Saigon Garment JSC",
      country: "KH",
      externalRef: null,
      goods: [],
    });
    // The country drives the risk model: rescored in the same transaction.
    expect(
      db()
        .select({ trigger: riskAssessments.trigger })
        .from(riskAssessments)
        .where(eq(riskAssessments.supplierId, s.id))
        .all()
        .map((a) => a.trigger),
    ).toEqual(["supplier.created", "supplier.updated"]);
    expect(() => updateSupplier(other.members.admin.ctx, s.id, base)).toThrow(NotFoundError);
  });
});
