import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import Database from "better-sqlite3";
import remixConfig from "../remix.config.js";
import { outboxText, signIn, watch } from "./helpers";

/**
 * axe-core in the real browser on every page of the route manifest (issue 13, Deliver 3): each page as every
 * role of the demo organisation, the supplier pages (questionnaire and corrective actions) in several
 * languages, and the public pages (worker report pages in several scripts, statements, log-in). Fails on any
 * serious or critical violation. The pages come from Remix's own route manifest: a route file with a page
 * component is a page, its audience follows from its guard, and each URL parameter is filled from the seeded
 * demo, so a new page is walked without anyone listing it here, and a new parameter fails until it is given
 * a value below.
 */

type Audience = "member" | "supplier" | "public";
type PageRoute = { id: string; pattern: string; params: string[]; audience: Audience };

function pageRoutes(): PageRoute[] {
  const appDir = path.resolve("app");
  const manifest = flatRoutes(appDir, remixConfig.ignoredRouteFiles ?? []);
  const fullPath = (id: string): string => {
    const r = manifest[id];
    const own = r.path ?? "";
    if (!r.parentId || r.parentId === "root") return own;
    return [fullPath(r.parentId), own].filter(Boolean).join("/");
  };
  return Object.values(manifest)
    .map((r) => ({ r, source: fs.readFileSync(path.join(appDir, r.file), "utf8") }))
    .filter(({ source }) => /^export default /m.test(source))
    .sort((a, b) => a.r.id.localeCompare(b.r.id))
    .map(({ r, source }) => {
      const pattern = `/${fullPath(r.id)}`;
      const audience: Audience = /\bSUPPLIER_PAGE\b/.test(source)
        ? "supplier"
        : /\brequire(Member|GrievanceMember|Permission)\(/.test(source)
          ? "member"
          : "public";
      return { id: r.id, pattern, params: [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]), audience };
    });
}

const ROUTES = pageRoutes();
const MEMBERS = {
  admin: "admin@demo.clearsource.test",
  procurement: "procurement@demo.clearsource.test",
  auditor: "auditor@demo.clearsource.test",
  executive: "executive@demo.clearsource.test",
  grievance_handler: "grievances@demo.clearsource.test",
} as const;
/** Supplier pages: a CJK script, two Latin-script languages with diacritics, and English. */
const SUPPLIER_LANGUAGES = ["zh-Hans", "vi", "es", "en"] as const;
/** Worker report pages: Latin, a CJK script, an Indic script and right-to-left Arabic. */
const REPORT_LANGUAGES = ["en", "zh-Hans", "bn", "ar"] as const;

type Violation = { page: string; who: string; rule: string; impact: string; help: string; nodes: string[] };
const found: Violation[] = [];

async function check(page: Page, who: string) {
  const results = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).analyze();
  for (const v of results.violations) {
    if (v.impact !== "serious" && v.impact !== "critical") continue;
    found.push({
      page: new URL(page.url()).pathname + new URL(page.url()).search,
      who,
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? ""}`),
    });
  }
}

/** Fails the test with every serious or critical violation found since the last call, page by page. */
function expectNoViolations() {
  const lines = found
    .splice(0)
    .map((v) => `${v.impact} ${v.rule} on ${v.page} as ${v.who}: ${v.help}\n    ${v.nodes.join("\n    ")}`);
  expect(lines, "no serious or critical axe violations").toEqual([]);
}

function demoDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.join(process.env.E2E_DATA_DIR!, "e2e.sqlite"), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function memberContext(browser: Browser, email: string): Promise<BrowserContext> {
  const page = await signIn(browser, email);
  return page.context();
}

function fill(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (!value)
      throw new Error(`No demo value for :${name} in ${pattern}: add one to the accessibility spec`);
    return encodeURIComponent(value);
  });
}

test.describe.serial("accessibility (axe-core, WCAG 2.2 AA)", () => {
  test.setTimeout(600_000);
  test.use({ actionTimeout: 15_000, navigationTimeout: 30_000 });
  let ids: Record<string, string> = {};
  /** Route-specific values for parameters whose meaning differs by route (`token`). */
  const tokens: Record<string, string> = {};

  // Ids for the pages' parameters, from the seeded demo and what the set-up adds.
  test.beforeAll(async ({ browser }) => {
    test.setTimeout(180_000);
    const admin = await memberContext(browser, MEMBERS.admin);
    const setup = watch(await admin.newPage());
    // What the seed has no need for but a page does: a draft template, an import waiting for its mapping.
    await setup.goto("/templates");
    await setup.locator("#name-builtin").fill("Accessibility check");
    await setup.getByRole("button", { name: "Clone and edit" }).click();
    await expect(setup).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
    const versionId = new URL(setup.url()).pathname.split("/")[2];
    await setup.goto("/imports");
    await setup.locator("#file").setInputFiles({
      name: "suppliers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("Name,Country,Reference\nAxe Check Ltd,VN,AX-1\n"),
    });
    await setup.getByRole("button", { name: "Upload and map columns" }).click();
    await expect(setup).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
    const jobId = new URL(setup.url()).pathname.split("/")[2];
    await admin.close();

    ids = demoDb((db) => {
      const org = db
        .prepare(
          `SELECT m.organization_id AS id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ?`,
        )
        .get(MEMBERS.admin) as { id: string };
      const one = (sql: string) => {
        const row = db.prepare(sql).get(org.id) as { v: string } | undefined;
        if (!row) throw new Error(`The demo has no row for: ${sql}`);
        return row.v;
      };
      const auditId = one(
        `SELECT a.id AS v FROM audits a WHERE a.organization_id = ? AND EXISTS (SELECT 1 FROM findings f WHERE f.audit_id = a.id) ORDER BY a.id LIMIT 1`,
      );
      const supplierId = db.prepare(`SELECT supplier_id AS v FROM audits WHERE id = ?`).get(auditId) as {
        v: string;
      };
      const statement = db
        .prepare(
          `SELECT id, substr(period_end, 1, 4) AS year FROM statements WHERE organization_id = ? AND status = 'published' LIMIT 1`,
        )
        .get(org.id) as { id: string; year: string };
      return {
        orgId: org.id,
        supplierId: supplierId.v,
        auditId,
        siteId: one(`SELECT id AS v FROM sites WHERE organization_id = ? ORDER BY id LIMIT 1`),
        evidenceId: one(`SELECT id AS v FROM evidence_files WHERE organization_id = ? ORDER BY id LIMIT 1`),
        taskId: one(`SELECT id AS v FROM remediation_tasks WHERE organization_id = ? ORDER BY id LIMIT 1`),
        campaignId: one(`SELECT id AS v FROM campaigns WHERE organization_id = ? LIMIT 1`),
        courseId: one(`SELECT id AS v FROM training_courses WHERE organization_id = ? ORDER BY id LIMIT 1`),
        caseId: one(`SELECT id AS v FROM grievance_cases WHERE organization_id = ? ORDER BY id LIMIT 1`),
        endpointId: one(
          `SELECT id AS v FROM webhook_endpoints WHERE organization_id = ? ORDER BY id LIMIT 1`,
        ),
        emailId: one(
          `SELECT id AS v FROM email_outbox WHERE organization_id = ? AND template = 'questionnaire-invitation' LIMIT 1`,
        ),
        assignmentId: one(
          `SELECT id AS v FROM questionnaire_assignments WHERE organization_id = ? AND status = 'returned' ORDER BY id LIMIT 1`,
        ),
        statementId: statement.id,
        org: one(`SELECT slug AS v FROM organization_slugs WHERE organization_id = ? LIMIT 1`),
        year: statement.year,
        versionId,
        jobId,
      };
    });
  });

  test("every member page, as every role of the demo organisation", async ({ browser }) => {
    expect(ROUTES.filter((r) => r.audience === "member").length).toBeGreaterThan(30);
    const checkedRoutes = new Set<string>();
    const refused = new Set<number>();
    for (const role of Object.keys(MEMBERS) as (keyof typeof MEMBERS)[]) {
      const context = await memberContext(browser, MEMBERS[role]);
      const page = watch(await context.newPage());
      let first = true;
      // The dashboard first: every role has it, and its header shows the navigation's current-page style.
      const walk = ROUTES.filter((r) => r.audience === "member").sort(
        (a, b) => Number(b.pattern === "/dashboard") - Number(a.pattern === "/dashboard"),
      );
      for (const route of walk) {
        const response = await page.goto(fill(route.pattern, ids));
        const status = response?.status() ?? 0;
        expect(status, `${role} ${route.pattern}`).toBeLessThan(500);
        // A page this role may not open shows the error page: checked once per status.
        if (status >= 400) {
          if (refused.has(status)) continue;
          refused.add(status);
          await check(page, role);
          continue;
        }
        // Each page is checked as the first role that may open it, and each role's own header on its first
        // page: what differs between roles on a page is which of the same shared controls it shows. With
        // A11Y_EVERY_ROLE=1 every page is checked as every role (several times longer).
        const seen = checkedRoutes.has(route.id);
        checkedRoutes.add(route.id);
        if (seen && !first && !process.env.A11Y_EVERY_ROLE) continue;
        first = false;
        await check(page, role);
      }
      await context.close();
    }
    expectNoViolations();
  });

  test("the supplier pages, in several languages", async ({ browser }) => {
    const supplierRoutes = ROUTES.filter((r) => r.audience === "supplier");
    expect(supplierRoutes.map((r) => r.pattern)).toEqual(
      expect.arrayContaining(["/s/:token", "/portal/:assignmentId", "/a/:token", "/supplier-actions"]),
    );
    // Corrective actions reach the supplier through a link procurement emails from an action's page.
    const buyer = await memberContext(browser, MEMBERS.procurement);
    const share = watch(await buyer.newPage());
    await share.goto(`/remediation/${ids.taskId}`);
    const actionContact = `actions.axe.${Date.now()}@suppliers.test`;
    await share.getByLabel("Contact name").fill("Axe Check");
    await share.getByLabel("Contact email").fill(actionContact);
    await share.getByLabel("Language").selectOption("zh-Hans");
    await share.getByRole("button", { name: "Email the link" }).click();
    await expect(share.getByText(`Link emailed to ${actionContact}.`)).toBeVisible();
    await buyer.close();

    // Questionnaires the demo sent and that are still open, one per language (returned ones show comments).
    const open = demoDb(
      (db) =>
        db
          .prepare(
            `SELECT id, recipient_email AS email, status FROM questionnaire_assignments
             WHERE organization_id = ? AND status IN ('returned', 'in_progress', 'sent') ORDER BY status DESC, id`,
          )
          .all(ids.orgId) as { id: string; email: string; status: string }[],
    );
    for (const [i, lang] of SUPPLIER_LANGUAGES.entries()) {
      const assignment = open[i * 3];
      const invitation = await outboxText(assignment.email, "questionnaire-invitation");
      const link = new URL(invitation.match(/https?:\/\/[^\s"<>]+\/s\/[A-Za-z0-9_-]{43,}/)![0]).pathname;
      const context = await browser.newContext();
      const page = watch(await context.newPage());
      await page.goto(`${link}?lang=${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await check(page, `supplier (${lang})`);
      await page.locator('main form button[type="submit"]').first().click();
      await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}\/verify$/);
      await check(page, `supplier (${lang})`);
      const code = (await outboxText(assignment.email, "portal-verification-code")).match(/\b(\d{6})\b/)![1];
      await page.locator('input[autocomplete="one-time-code"]').fill(code);
      await page.locator('main button[type="submit"]').first().click();
      await expect(page).toHaveURL(/\/portal\/[0-9a-f-]{36}$/);
      await check(page, `supplier (${lang})`);
      // Every other page of the confirmed portal (e.g. the course), from the manifest.
      const assignmentId = new URL(page.url()).pathname.split("/")[2];
      for (const route of supplierRoutes.filter(
        (r) => r.pattern.startsWith("/portal/:assignmentId/") && !r.pattern.endsWith("/verify"),
      )) {
        const response = await page.goto(fill(route.pattern, { assignmentId }));
        expect(response?.status() ?? 0, route.pattern).toBeLessThan(400);
        await check(page, `supplier (${lang})`);
      }
      await context.close();
    }

    const actionMail = await outboxText(actionContact, "action-portal-invitation");
    const link = new URL(actionMail.match(/https?:\/\/[^\s"<>]+\/a\/[A-Za-z0-9_-]{43,}/)![0]).pathname;
    const context = await browser.newContext();
    const page = watch(await context.newPage());
    await page.goto(link);
    await check(page, "supplier (actions)");
    await page.locator('main button[type="submit"]').first().click();
    await expect(page).toHaveURL(/\/supplier-actions\/verify/);
    await check(page, "supplier (actions)");
    const code = (await outboxText(actionContact, "action-portal-code")).match(/\b(\d{6})\b/)![1];
    await page.locator('input[autocomplete="one-time-code"]').fill(code);
    await page.locator('main button[type="submit"]').first().click();
    await expect(page).toHaveURL(/\/supplier-actions$/);
    await check(page, "supplier (actions)");
    await context.close();
    expectNoViolations();
  });

  test("the public pages: worker report pages in several scripts, statements, accounts", async ({
    browser,
  }) => {
    const context = await browser.newContext();
    const page = watch(await context.newPage());
    // Links that only travel by email, read from the outbox: a password reset and a teammate invitation.
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(MEMBERS.auditor);
    await page
      .getByRole("button")
      .filter({ hasText: /reset|send/i })
      .first()
      .click();
    tokens["reset-password"] = (await outboxText(MEMBERS.auditor, "password-reset")).match(
      /\/reset-password\/([\w-]+)/,
    )![1];
    for (const route of ROUTES.filter((r) => r.audience === "public")) {
      const values = { ...ids, token: tokens[route.pattern.split("/")[1]] ?? "not-a-real-token" };
      const languages = route.pattern.startsWith("/report/") ? REPORT_LANGUAGES : [null];
      for (const lang of languages) {
        const url = fill(route.pattern, values) + (lang ? `?lang=${lang}` : "");
        const response = await page.goto(url);
        expect(response?.status() ?? 0, url).toBeLessThan(500);
        await check(page, lang ? `worker (${lang})` : "anonymous");
      }
    }
    await context.close();
    expectNoViolations();
  });
});
