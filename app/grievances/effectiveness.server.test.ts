import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { writeTx } from "~/infra/db.server";
import { createSession } from "~/orgs/session.server";
import { recordRemedy } from "~/remediation/remedies.server";
import EffectivenessPage, { loader } from "~/routes/grievances.effectiveness";
import { createSite } from "~/suppliers/sites.server";
import { memberships, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { transitionCase, triageCase } from "./cases.server";
import { submitReport, type ReportInput } from "./intake.server";

let n = 0;
async function addMember(organizationId: string, role: Role) {
  const passwordHash = await hash("correct horse battery staple");
  return writeTx((tx) => {
    const user = tx
      .insert(users)
      .values({
        email: `${role}-eff-${Date.now()}-${n++}@example.test`,
        name: `${role} person`,
        passwordHash,
      })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId, userId: user.id, role }).run();
    const { cookie } = createSession(tx, { userId: user.id, organizationId });
    const ctx: Ctx = { organizationId, actor: { type: "user", id: user.id, label: `${role} person`, role } };
    return { cookie: cookie.split(";")[0], ctx };
  });
}

const report = (over: Partial<ReportInput> = {}): ReportInput => ({
  whatHappened: "Zq9secret the supervisor keeps our passports",
  place: null,
  since: "months",
  howMany: "many",
  ongoing: "yes",
  indicators: ["retention_of_identity_documents"],
  contact: null,
  ...over,
});

const on = (ctx: Ctx, day: string): Ctx => ({ ...ctx, now: () => new Date(`${day}T10:00:00Z`) });

describe("channel effectiveness dashboard", () => {
  it("shows counts of the year's reports to grievance roles only, never a worker's words or a small site", async () => {
    const org = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const supplier = insertSupplier(org.id, { name: "Dhaka Knit" });
    const big = createSite(org.members.procurement.ctx, supplier.id, { name: "Big Mill", country: "BD" });
    const small = createSite(org.members.procurement.ctx, supplier.id, { name: "Tiny Annex", country: "BD" });
    const file = (siteId: string, day: string, over: Partial<ReportInput> = {}, lang: "bn" | "ne" = "bn") =>
      submitReport({ orgId: org.id, siteId }, lang, report(over), { now: new Date(`${day}T09:00:00Z`) })
        .caseId;
    const a = file(big.id, "2025-02-01", { indicators: ["debt_bondage", "retention_of_identity_documents"] });
    const b = file(big.id, "2025-02-03");
    file(big.id, "2025-03-01");
    file(small.id, "2025-04-01", {}, "ne");
    file(big.id, "2024-12-31"); // another year

    transitionCase(on(handler.ctx, "2025-02-04"), a, { event: "acknowledge" });
    transitionCase(on(handler.ctx, "2025-02-05"), a, { event: "investigate" });
    triageCase(on(handler.ctx, "2025-02-05"), a, { supplierId: supplier.id, siteId: big.id });
    const { actionId } = transitionCase(on(handler.ctx, "2025-03-01"), a, {
      event: "substantiate",
      note: "Confirmed on a site visit.",
    });
    recordRemedy(on(org.members.procurement.ctx, "2025-03-20"), actionId!, {
      kind: "documents_returned",
      workers: 14,
      remediedOn: "2025-03-20",
    } as never);
    transitionCase(on(handler.ctx, "2025-02-10"), b, { event: "acknowledge" });

    const url = "http://localhost/grievances/effectiveness?year=2025";
    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      const out = await settle(loader(routeArgs(requestAs(org.members[role], url))));
      expect((out as Response).status, role).toBe(404);
    }
    const data = await loader(routeArgs(requestAs(handler, url)));
    expect(data.e).toMatchObject({
      year: 2025,
      asOf: "2025-12-31",
      reports: 4,
      bySite: [
        { label: "Big Mill", count: 3 },
        { label: "Other sites (fewer than 3 reports each)", count: 1, merged: 1 },
      ],
      acknowledge: { acknowledged: 2, medianDays: 5, within7: 2, pending: 2, overdue: 2 },
      decided: { decided: 1, substantiated: 1, share: 1 },
      remedies: { records: 1, workers: 14 },
    });
    const html = await renderPage(
      EffectivenessPage,
      data,
      "/grievances/effectiveness",
      "/grievances/effectiveness",
    );
    expect(html).toContain("Big Mill");
    expect(html).toContain("<svg");
    expect(html).toContain("100 %");
    expect(html).not.toContain("Tiny Annex");
    expect(html).not.toContain("Nepali");
    expect(html).not.toContain("Zq9secret");
  });
});
