import { count } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { hashPassword } from "~/orgs/passwords.server";
import { memberships, organizations, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { DAY_MS, dayOf, type DemoContext, type DemoStep } from "./context.server";
import { prng } from "./prng";
import { sialkotActionsStep, statementsStep } from "./steps/actions.server";
import { auditsStep } from "./steps/audits.server";
import { campaignStep } from "./steps/campaign.server";
import { followUpAuditsStep } from "./steps/follow-up.server";
import { grievancesStep, pastGrievancesStep } from "./steps/grievances.server";
import { expiringEvidenceStep, overrideStep, recomputeStep } from "./steps/risk.server";
import { siteImportStep } from "./steps/site-import.server";
import { supplyChainStep } from "./steps/supply-chain.server";
import { trainingStep } from "./steps/training.server";
import { webhooksStep } from "./steps/webhooks.server";

export const DEMO_PASSWORD = "clearsource-demo";
export const DEMO_MEMBERS: { role: Role; name: string; email: string }[] = [
  { role: "admin", name: "Alex Admin", email: "admin@demo.clearsource.test" },
  { role: "procurement", name: "Priya Procurement", email: "procurement@demo.clearsource.test" },
  { role: "auditor", name: "Aiko Auditor", email: "auditor@demo.clearsource.test" },
  { role: "executive", name: "Erik Executive", email: "executive@demo.clearsource.test" },
  { role: "grievance_handler", name: "Grace Grievances", email: "grievances@demo.clearsource.test" },
];

/**
 * Seed the demo organisation when the database has no organisation at all. Idempotent: a second start
 * finds the organisation and does nothing.
 */
export async function seedDemoIfEmpty(log: (line: string) => void = console.log): Promise<boolean> {
  const existing = db().select({ n: count() }).from(organizations).get();
  if ((existing?.n ?? 0) > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const { organizationId, ctxs } = writeTx((tx) => {
    const org = tx
      .insert(organizations)
      .values({ name: "Northwind Apparel", legalName: "Northwind Apparel Ltd", country: "GB" })
      .returning()
      .get();
    const byRole: Partial<Record<Role, Ctx>> = {};
    for (const m of DEMO_MEMBERS) {
      const user = tx.insert(users).values({ email: m.email, name: m.name, passwordHash }).returning().get();
      tx.insert(memberships).values({ organizationId: org.id, userId: user.id, role: m.role }).run();
      byRole[m.role] = {
        organizationId: org.id,
        actor: { type: "user", id: user.id, label: m.name, role: m.role },
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
    return { organizationId: org.id, ctxs: byRole as Record<Role, Ctx> };
  });
  const started = performance.now();
  const demo = demoContext(organizationId, ctxs, new Date(), log);
  const timings: string[] = [];
  for (const step of DEMO_STEPS) {
    const t = performance.now();
    await step.run(demo);
    timings.push(`${step.name} ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  log(
    `Demo organisation seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${timings.join(", ")}).`,
  );
  log(
    `Seeded demo organisation "Northwind Apparel" (${organizationId}). Log in at ${env().publicOrigin}/login with:`,
  );
  for (const m of DEMO_MEMBERS) log(`  ${m.role.padEnd(12)} ${m.email}  password: ${DEMO_PASSWORD}`);
  return true;
}

/**
 * The demo, in order. Each step records through the domain verbs (so the demo stays true as they change)
 * and reads the suppliers the first step created from `demo.suppliers`. A capability that adds something
 * a newcomer should see adds a step here; the risk recompute stays last.
 */
export const DEMO_STEPS: DemoStep[] = [
  supplyChainStep,
  webhooksStep,
  campaignStep,
  auditsStep,
  followUpAuditsStep,
  sialkotActionsStep,
  overrideStep,
  trainingStep,
  pastGrievancesStep,
  statementsStep,
  grievancesStep,
  expiringEvidenceStep,
  siteImportStep,
  recomputeStep,
];

/** The seed's fixed PRNG seed: the same demo every time. */
export const DEMO_SEED = 20_240_601;

function demoContext(
  organizationId: string,
  members: Record<Role, Ctx>,
  anchor: Date,
  log: (line: string) => void,
): DemoContext {
  return {
    organizationId,
    anchor,
    rand: prng(DEMO_SEED),
    suppliers: {},
    log,
    as: (role, daysAgo = 0) => ({
      ...members[role],
      now: () => new Date(anchor.getTime() - daysAgo * DAY_MS),
    }),
    userId: (role) => (members[role].actor as { id: string }).id,
    day: (daysAgo) => dayOf(anchor, daysAgo),
  };
}
