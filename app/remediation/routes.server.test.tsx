import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import type { RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { db, writeTx } from "~/infra/db.server";
import RemediationTask, { action as taskAction, loader as taskLoader } from "~/routes/remediation.$taskId";
import RemediationIndex, { loader as indexLoader } from "~/routes/remediation._index";
import { remediationTasks } from "~db/schema";
import { createOrg, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { getRemediationTask, raiseRemediationTask } from "./remediation.server";

async function render(Component: () => JSX.Element, data: unknown, path: string, pattern: string) {
  const routes: RouteObject[] = [
    { id: "page", path: pattern, element: <Component />, loader: () => data as Record<string, unknown> },
  ];
  const context = await createStaticHandler(routes).query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const html = renderToString(
    <StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />,
  );
  return html.replaceAll("<!-- -->", "");
}

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

async function settle<T>(p: Promise<T>): Promise<T | Response> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof Response) return err;
    throw err;
  }
}

let org: TestOrg;
let other: TestOrg;
let findingTaskId: string;
let overdueTaskId: string;
let supplierId: string;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  supplierId = insertSupplier(org.id, { name: "Saigon Garment Co.", country: "VN" }).id;
  const audit = createAudit(org.members.auditor.ctx, {
    supplierId,
    scheme: "amfori BSCI",
    auditDate: "2026-02-01",
  });
  addFinding(org.members.auditor.ctx, {
    auditId: audit.id,
    title: "Recruitment fees paid by workers",
    grade: "critical",
    iloIndicator: "9",
  });
  findingTaskId = getTaskIdBySource(supplierId);
  const longAgo = { ...org.members.procurement.ctx, now: () => new Date("2025-01-01T00:00:00Z") };
  overdueTaskId = writeTx((tx) =>
    raiseRemediationTask(tx, longAgo, {
      supplierId,
      sourceType: "answer",
      sourceRef: "assignment-x:Q1",
      title: "Return identity documents",
      iloIndicator: "7",
      severity: "red_flag",
    }),
  ).id;
});

/** The finding's task was raised by the audits capability; find it by its supplier. */
function getTaskIdBySource(sid: string) {
  return db()
    .select({ id: remediationTasks.id })
    .from(remediationTasks)
    .where(eq(remediationTasks.supplierId, sid))
    .get()!.id;
}

describe("/remediation", () => {
  it("lists open tasks first with the overdue one highlighted", async () => {
    const data = await indexLoader(args(requestAs(org.members.executive, "/remediation")));
    expect(data.tasks.map((t) => t.id)).toEqual([overdueTaskId, findingTaskId]);
    const html = await render(RemediationIndex, data, "/remediation", "/remediation");
    expect(html).toContain("1 overdue");
    expect(html).toContain("bg-red-50");
    expect(html).toContain("9. Debt bondage");
    expect(html).toContain("Saigon Garment Co.");
  });
});

describe("/remediation/:taskId", () => {
  it("shows where the task came from", async () => {
    const data = await taskLoader(
      args(requestAs(org.members.auditor, `/remediation/${findingTaskId}`), { taskId: findingTaskId }),
    );
    const html = await render(RemediationTask, data, `/remediation/${findingTaskId}`, "/remediation/:taskId");
    expect(html).toContain("critical finding in the amfori BSCI audit of 2026-02-01");
    expect(html).toContain("Mark as completed");
  });

  it("rejects a too-short note with 400 and keeps the task open", async () => {
    const res = (await taskAction(
      args(
        requestAs(org.members.auditor, `/remediation/${overdueTaskId}`, { form: { completionNote: "done" } }),
        { taskId: overdueTaskId },
      ),
    )) as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(res.init.status).toBe(400);
    expect(res.data.fieldErrors.completionNote).toMatch(/at least 10/);
    expect(getRemediationTask(org.members.auditor.ctx, overdueTaskId).status).toBe("open");
  });

  it("completes the task for someone with remediation:write, but not for an executive", async () => {
    const denied = await settle(
      taskAction(
        args(
          requestAs(org.members.executive, `/remediation/${overdueTaskId}`, {
            form: { completionNote: "Documents returned to all workers." },
          }),
          { taskId: overdueTaskId },
        ),
      ),
    );
    expect((denied as Response).status).toBe(403);

    const res = await settle(
      taskAction(
        args(
          requestAs(org.members.procurement, `/remediation/${overdueTaskId}`, {
            form: { completionNote: "Documents returned to all workers." },
          }),
          { taskId: overdueTaskId },
        ),
      ),
    );
    expect((res as Response).headers.get("Location")).toBe(`/remediation/${overdueTaskId}?completed=1`);
    const task = getRemediationTask(org.members.procurement.ctx, overdueTaskId);
    expect(task).toMatchObject({ status: "completed", completedBy: "procurement user" });
  });

  it("answers 404 for another tenant's task, to the loader and the action", async () => {
    const loaded = await settle(
      taskLoader(
        args(requestAs(other.members.admin, `/remediation/${findingTaskId}`), { taskId: findingTaskId }),
      ),
    );
    expect((loaded as Response).status).toBe(404);
    const acted = await settle(
      taskAction(
        args(
          requestAs(other.members.admin, `/remediation/${findingTaskId}`, {
            form: { completionNote: "Closing someone else's task." },
          }),
          { taskId: findingTaskId },
        ),
      ),
    );
    expect((acted as Response).status).toBe(404);
    expect(getRemediationTask(org.members.admin.ctx, findingTaskId).status).toBe("open");
  });
});
