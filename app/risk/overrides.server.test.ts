import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { ValidationError } from "~/infra/errors";
import { auditLog, suppliers } from "~db/schema";
import { createOrg, insertSupplier } from "../../test/factories";
import {
  decideOverride,
  overridesOf,
  requestOverride,
  shownLevel,
  withdrawOverride,
} from "./overrides.server";

const at = (ctx: Ctx, iso: string): Ctx => ({ ...ctx, now: () => new Date(iso) });
const why = "Audited in person last month; the country score overstates this site.";

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fieldErrors;
    throw e;
  }
  throw new Error("expected a ValidationError");
}

describe("risk overrides", () => {
  it.each([
    ["no justification", { level: "low", expiresOn: "2027-01-01" }, "justification"],
    [
      "a one-word justification",
      { level: "low", justification: "fine", expiresOn: "2027-01-01" },
      "justification",
    ],
    ["a past expiry", { level: "low", justification: why, expiresOn: "2026-11-30" }, "expiresOn"],
    ["expiry today", { level: "low", justification: why, expiresOn: "2026-12-01" }, "expiresOn"],
    ["more than a year", { level: "low", justification: why, expiresOn: "2028-01-01" }, "expiresOn"],
    ["no level", { justification: why, expiresOn: "2027-01-01" }, "level"],
  ])("refuses %s with a field error", async (_n, input, field) => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const ctx = at(org.members.executive.ctx, "2026-12-01T10:00:00Z");
    expect(fieldErrors(() => requestOverride(ctx, s.id, input))).toHaveProperty(field);
    expect(overridesOf(db(), ctx, s.id)).toHaveLength(0);
  });

  it("needs a second person, shows beside the computed score, expires on its date, all audited", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { riskScore: 58, riskLevel: "high" });
    const exec = at(org.members.executive.ctx, "2026-12-01T10:00:00Z");
    const admin = at(org.members.admin.ctx, "2026-12-01T11:00:00Z");
    const { id } = requestOverride(exec, s.id, {
      level: "medium",
      justification: why,
      expiresOn: "2026-12-31",
    });

    expect(fieldErrors(() => decideOverride(exec, id, { decision: "approve" }))).toHaveProperty("decision");
    expect(decideOverride(admin, id, { decision: "approve", note: "Agreed" }).status).toBe("approved");

    const row = db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!;
    expect(row).toMatchObject({ riskLevel: "high", riskScore: 58, overrideLevel: "medium" });
    expect(shownLevel(row.riskLevel, row.overrideLevel, row.overrideExpiresOn, "2026-12-31")).toEqual({
      level: "medium",
      overridden: true,
    });
    expect(shownLevel(row.riskLevel, row.overrideLevel, row.overrideExpiresOn, "2027-01-01")).toEqual({
      level: "high",
      overridden: false,
    });
    const later = at(org.members.admin.ctx, "2027-01-01T00:00:00Z");
    expect(overridesOf(db(), later, s.id)[0]).toMatchObject({
      active: false,
      expired: true,
      computedScore: 58,
    });

    const actions = db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, s.id))
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(["risk.override_requested", "risk.override_approved"]);
  });

  it("a rejected request changes nothing; ending an approved one clears it", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { riskScore: 80, riskLevel: "critical" });
    const exec = at(org.members.executive.ctx, "2026-12-01T10:00:00Z");
    const admin = at(org.members.admin.ctx, "2026-12-01T11:00:00Z");
    const a = requestOverride(exec, s.id, { level: "low", justification: why, expiresOn: "2027-02-01" });
    decideOverride(admin, a.id, { decision: "reject", note: "No evidence" });
    expect(db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!.overrideLevel).toBeNull();
    const b = requestOverride(exec, s.id, { level: "high", justification: why, expiresOn: "2027-02-01" });
    decideOverride(admin, b.id, { decision: "approve" });
    withdrawOverride(admin, b.id);
    expect(db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!.overrideLevel).toBeNull();
    expect(overridesOf(db(), admin, s.id).map((o) => o.status)).toEqual(["withdrawn", "rejected"]);
  });
});
