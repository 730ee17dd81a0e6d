import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/audit-log/audit-log.server";
import { db } from "~/infra/db.server";
import { logIn } from "~/orgs/accounts.server";
import { publicStatements } from "~/statements/public.server";
import { organizations, remediationTasks, statements, suppliers } from "~db/schema";
import { DEMO_MEMBERS, DEMO_PASSWORD, seedDemoIfEmpty } from "./seed.server";

describe("demo seed", () => {
  it("seeds one organisation with a member per role and suppliers in several countries and tiers, once", async () => {
    const lines: string[] = [];
    expect(await seedDemoIfEmpty((l) => lines.push(l))).toBe(true);
    expect(await seedDemoIfEmpty(() => {})).toBe(false);
    const orgs = db().select().from(organizations).all();
    expect(orgs).toHaveLength(1);
    const rows = db().select().from(suppliers).where(eq(suppliers.organizationId, orgs[0].id)).all();
    expect(new Set(rows.map((r) => r.country)).size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...rows.map((r) => r.tier))).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.riskLevel !== null)).toBe(true);
    // A realistic spread, not everything low; one supplier raised by upstream exposure; one override.
    expect(new Set(rows.map((r) => r.riskLevel)).size).toBeGreaterThanOrEqual(3);
    const porto = rows.find((r) => r.name === "Porto Fios Lda")!;
    expect(porto.exposureScore!).toBeGreaterThan(porto.residualScore!);
    expect((porto.exposurePath as { path: { name: string }[] }).path[0].name).toBe("Golden Fibre Cotton Gin");
    expect(rows.filter((r) => r.overrideLevel)).toHaveLength(1);
    expect(lines.join("\n")).toContain(DEMO_PASSWORD);
    for (const m of DEMO_MEMBERS) {
      expect(lines.join("\n")).toContain(m.email);
      const r = await logIn({ email: m.email, password: DEMO_PASSWORD, ip: "127.0.0.1" });
      expect(r).toBeTruthy();
    }
    // Corrective actions in several states, through the real workflow (timelines and audit log included).
    const states = db()
      .select({ state: remediationTasks.state })
      .from(remediationTasks)
      .where(eq(remediationTasks.organizationId, orgs[0].id))
      .all()
      .map((r) => r.state)
      .sort();
    // (The second "open" one is the cotton gin's zero-tolerance finding of the risk picture.)
    expect(states).toEqual(["closed", "in_progress", "open", "open", "plan_returned", "plan_submitted"]);
    // An approved (and published) UK statement for last year and a draft Australian one.
    const st = db().select().from(statements).where(eq(statements.organizationId, orgs[0].id)).all();
    const lastYear = String(new Date().getUTCFullYear() - 1);
    expect(st.map((s) => [s.regime, s.status, s.periodEnd]).sort()).toEqual([
      ["au_msa_s16", "draft", `${lastYear}-12-31`],
      ["uk_msa_s54", "published", `${lastYear}-12-31`],
    ]);
    const page = publicStatements(orgs[0].id, lastYear);
    const mapped = page.statements[0].facts.indicators.find((i) => i.key === "suppliers_mapped")!;
    expect(mapped.value).toBe(rows.length);
    const scored = page.statements[0].facts.indicators.find((i) => i.key === "suppliers_scored")!;
    expect(scored.value).toBe(rows.length);
    expect(verifyAuditChain(db(), orgs[0].id).ok).toBe(true);
  });
});
