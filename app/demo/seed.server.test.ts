import { and, eq, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/audit-log/audit-log.server";
import { db } from "~/infra/db.server";
import { organisationGraph, parseOrgGraphQuery } from "~/maps/graph-data.server";
import { logIn } from "~/orgs/accounts.server";
import { publicStatements } from "~/statements/public.server";
import {
  assignments,
  evidenceFiles,
  importJobs,
  organizations,
  remediationTasks,
  sites,
  statements,
  suppliers,
  trainingCompletions,
} from "~db/schema";
import { DEMO_MEMBERS, DEMO_PASSWORD, seedDemoIfEmpty } from "./seed.server";

describe("demo seed", () => {
  it("seeds a year of activity for one organisation with a member per role, once, in seconds", async () => {
    const lines: string[] = [];
    const started = performance.now();
    expect(await seedDemoIfEmpty((l) => lines.push(l))).toBe(true);
    const seconds = (performance.now() - started) / 1000;
    expect(await seedDemoIfEmpty(() => {})).toBe(false);
    console.log(lines.find((l) => l.startsWith("Demo organisation seeded")));
    expect(seconds).toBeLessThan(60);
    const orgs = db().select().from(organizations).all();
    expect(orgs).toHaveLength(1);
    const org = orgs[0];

    // 40-80 suppliers over three tiers in a dozen countries, with the goods where the risk is.
    const rows = db().select().from(suppliers).where(eq(suppliers.organizationId, org.id)).all();
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows.length).toBeLessThanOrEqual(80);
    expect(new Set(rows.map((r) => r.country)).size).toBeGreaterThanOrEqual(12);
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set([1, 2, 3]));
    const goods = new Set(rows.flatMap((r) => r.goods as string[]));
    for (const g of ["Cotton", "Polysilicon", "Shrimp", "Fish", "Cocoa", "Electronics"])
      expect(goods).toContain(g);

    // Risk from low to critical; one supplier raised by upstream exposure; one override.
    expect(rows.every((r) => r.riskLevel !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.riskLevel))).toEqual(new Set(["low", "medium", "high", "critical"]));
    const porto = rows.find((r) => r.name === "Porto Fios Lda")!;
    expect(porto.exposureScore!).toBeGreaterThan(porto.residualScore!);
    expect((porto.exposurePath as { path: { name: string }[] }).path[0].name).toBe("Golden Fibre Cotton Gin");
    expect(rows.filter((r) => r.overrideLevel)).toHaveLength(1);

    // The organisation graph opens deep enough to show the tier-3 cotton gin.
    const graph = organisationGraph(
      { organizationId: org.id, actor: { type: "system", label: "test" } },
      parseOrgGraphQuery(new URLSearchParams()),
    );
    expect(graph.view.status).toBe("ok");
    if (graph.view.status === "ok")
      expect(graph.view.nodes.some((n) => n.label === "Golden Fibre Cotton Gin" && n.tier === 3)).toBe(true);

    expect(lines.join("\n")).toContain(DEMO_PASSWORD);
    for (const m of DEMO_MEMBERS) {
      expect(lines.join("\n")).toContain(m.email);
      const r = await logIn({ email: m.email, password: DEMO_PASSWORD, ip: "127.0.0.1" });
      expect(r).toBeTruthy();
    }

    // Corrective actions at every stage of the workflow, through the real verbs.
    const states = new Set(
      db()
        .select({ state: remediationTasks.state })
        .from(remediationTasks)
        .where(eq(remediationTasks.organizationId, org.id))
        .all()
        .map((r) => r.state),
    );
    for (const s of [
      "open",
      "plan_submitted",
      "plan_returned",
      "plan_accepted",
      "in_progress",
      "escalated",
      "closed",
    ])
      expect(states).toContain(s);

    // A campaign answered in several languages, with questionnaires at every stage.
    const sent = db().select().from(assignments).where(eq(assignments.organizationId, org.id)).all();
    expect(new Set(sent.map((a) => a.status))).toEqual(
      new Set(["sent", "in_progress", "submitted", "returned", "accepted"]),
    );
    const answeredLanguages = new Set(sent.filter((a) => a.status !== "sent").map((a) => a.language));
    expect(answeredLanguages.size).toBeGreaterThanOrEqual(4);

    // Evidence, some of it expired.
    const today = new Date().toISOString().slice(0, 10);
    const expired = db()
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.organizationId, org.id), lt(evidenceFiles.expiresOn, today)))
      .all();
    expect(expired.length).toBeGreaterThanOrEqual(2);

    // An approved (and published) UK statement for last year and a draft Australian one.
    const st = db().select().from(statements).where(eq(statements.organizationId, org.id)).all();
    const lastYear = String(new Date().getUTCFullYear() - 1);
    expect(st.map((s) => [s.regime, s.status, s.periodEnd]).sort()).toEqual([
      ["au_msa_s16", "draft", `${lastYear}-12-31`],
      ["uk_msa_s54", "published", `${lastYear}-12-31`],
    ]);
    const page = publicStatements(org.id, lastYear);
    const mapped = page.statements[0].facts.indicators.find((i) => i.key === "suppliers_mapped")!;
    expect(mapped.value).toBe(rows.length);
    const scored = page.statements[0].facts.indicators.find((i) => i.key === "suppliers_scored")!;
    expect(scored.value).toBe(rows.length);
    // Last year's worker reports and training are facts of last year's statements (approved and draft).
    const published = page.statements[0].facts.indicators;
    const valueOf = (key: string) => published.find((i) => i.key === key)?.value;
    expect(valueOf("grievances_received")).toBe(4);
    expect(valueOf("grievances_substantiated")).toBe(1);
    expect(valueOf("grievances_open_at_end")).toBe(1);
    expect(valueOf("staff_trained")).toBe(12);
    expect(valueOf("staff_training_rate")).toBeCloseTo(12 / 18);
    // The public JSON carries the same facts: warning signs named 3 times or more, others withheld.
    expect(page.statements[0].facts.grievanceWarningSigns).toContainEqual({
      label: "excessive overtime",
      count: 3,
    });
    expect(page.statements[0].facts.training).toMatchObject({
      staffHeadcountYear: Number(lastYear),
      staffInScope: 18,
    });

    // Training: staff and supplier courses, completions by hand, imported and passed in the portal.
    const completions = db()
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.organizationId, org.id))
      .all();
    expect(new Set(completions.map((c) => c.source))).toEqual(new Set(["manual", "import", "portal"]));
    expect(completions.filter((c) => c.completedOn.startsWith(`${lastYear}-`)).length).toBeGreaterThanOrEqual(
      16,
    );

    // The sample sites file went through the sites import: four sites added, one unknown reference.
    const siteImport = db()
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.organizationId, org.id), eq(importJobs.kind, "sites")))
      .get()!;
    expect(siteImport).toMatchObject({ status: "done", createdCount: 4, errorCount: 1 });
    const dyeHouse = db().select().from(sites).where(eq(sites.name, "Ashulia dyeing unit")).get()!;
    expect(dyeHouse).toMatchObject({ agencyWorkersPct: 45, country: "BD" });
    expect(rows.find((r) => r.id === dyeHouse.supplierId)?.name).toBe("Dhaka Knitwear Ltd");
    expect(verifyAuditChain(db(), org.id).ok).toBe(true);
  }, 120_000);
});
