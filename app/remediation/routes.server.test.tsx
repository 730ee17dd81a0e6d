import { beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import ActionPage, { action as actionPost, loader as actionLoader } from "~/routes/remediation.$taskId";
import BoardPage, { loader as boardLoader } from "~/routes/remediation._index";
import SettingsPage, {
  action as settingsPost,
  loader as settingsLoader,
} from "~/routes/settings.remediation";
import { createOrg, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { getActionDetail } from "./detail.server";

let org: TestOrg;
let other: TestOrg;
let actionId: string;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  const supplierId = insertSupplier(org.id, { name: "Saigon Garment Co.", country: "VN" }).id;
  const audit = createAudit(org.members.auditor.ctx, {
    supplierId,
    scheme: "SMETA",
    auditDate: "2026-02-01",
  });
  actionId = addFinding(org.members.auditor.ctx, {
    auditId: audit.id,
    title: "Recruitment fees paid by workers",
    schemeGrade: "Critical",
    iloIndicator: "9",
  }).taskId;
});

const post = (member: TestOrg["members"]["admin"], form: Record<string, string>) =>
  settle(
    actionPost(routeArgs(requestAs(member, `/remediation/${actionId}`, { form }), { taskId: actionId })),
  );

describe("/remediation (the actions board)", () => {
  it("lists the organisation's actions with their state and deadlines; another tenant sees none", async () => {
    const data = await boardLoader(routeArgs(requestAs(org.members.executive, "/remediation")));
    expect(data.page.rows.map((r) => r.id)).toEqual([actionId]);
    const html = await renderPage(BoardPage, data, "/remediation", "/remediation");
    expect(html).toContain("Saigon Garment Co.");
    expect(html).toContain("Open — plan due");
    const theirs = await boardLoader(routeArgs(requestAs(other.members.admin, "/remediation")));
    expect(theirs.page.total).toBe(0);
  });
});

describe("/remediation/:taskId", () => {
  it("shows the source in the auditor's words and only the steps the state allows", async () => {
    const data = await actionLoader(
      routeArgs(requestAs(org.members.procurement, `/remediation/${actionId}`), { taskId: actionId }),
    );
    expect(data.steps).toEqual(["submit_plan", "escalate"]);
    const html = await renderPage(ActionPage, data, `/remediation/${actionId}`, "/remediation/:taskId");
    expect(html).toContain("“Critical” finding in the SMETA audit of 2026-02-01");
    expect(html).toContain("Submit plan");
    expect(html).not.toContain("Accept plan");
    expect(html).toContain("Regulators and the UN Guiding Principles warn");
  });

  it("re-renders a plan without root cause or date with field errors; nothing changes", async () => {
    const res = (await post(org.members.procurement, {
      intent: "submit_plan",
      correctiveAction: "Repay every worker in full.",
    })) as unknown as {
      init: { status: number };
      data: { intent: string; fieldErrors: Record<string, string>; values: Record<string, string> };
    };
    expect(res.init.status).toBe(400);
    expect(res.data.intent).toBe("submit_plan");
    expect(Object.keys(res.data.fieldErrors)).toEqual(
      expect.arrayContaining(["rootCause", "planTargetDate", "preventiveAction", "supplierOwner"]),
    );
    expect(res.data.values.correctiveAction).toBe("Repay every worker in full.");
    expect(getActionDetail(org.members.admin.ctx, actionId).action.state).toBe("open");
  });

  it("refuses a transition the state does not allow, with the reason, as the form's error", async () => {
    const res = (await post(org.members.procurement, { intent: "accept_plan", comment: "" })) as unknown as {
      init: { status: number };
      data: { formError: string };
    };
    expect(res.init.status).toBe(409);
    expect(res.data.formError).toMatch(/A plan can be accepted only once a plan has been submitted/);
  });

  it("refuses an executive (403) and another tenant (404), loader and action", async () => {
    expect(
      ((await post(org.members.executive, { intent: "return_plan", comment: "x y z" })) as Response).status,
    ).toBe(403);
    expect(
      ((await post(other.members.admin, { intent: "return_plan", comment: "x y z" })) as Response).status,
    ).toBe(404);
    const loaded = await settle(
      actionLoader(
        routeArgs(requestAs(other.members.admin, `/remediation/${actionId}`), { taskId: actionId }),
      ),
    );
    expect((loaded as Response).status).toBe(404);
  });

  it("submits a plan through the form", async () => {
    const res = await post(org.members.procurement, {
      intent: "submit_plan",
      rootCause: "Agents charged fees nobody checked.",
      correctiveAction: "Repay every worker in full.",
      preventiveAction: "Employer-pays clause in every agency contract.",
      planTargetDate: "2099-03-31",
      supplierOwner: "HR manager",
    });
    expect(res).toMatchObject({ ok: true, intent: "submit_plan", notice: "Plan submitted." });
    expect(getActionDetail(org.members.admin.ctx, actionId).action.state).toBe("plan_submitted");
  });
});

describe("/remediation/:taskId remedy form", () => {
  it("records fees repaid with an amount through the form (parsed at the edge and again in the verb)", async () => {
    const res = await post(org.members.procurement, {
      intent: "remedy",
      kind: "recruitment_fees_repaid",
      workers: "40",
      remediedOn: "2026-03-20",
      amount: "24,000",
      currency: "USD",
    });
    expect(res).toMatchObject({ ok: true, intent: "remedy" });
    const data = await actionLoader(
      routeArgs(requestAs(org.members.procurement, `/remediation/${actionId}`), { taskId: actionId }),
    );
    expect(data.remedies[0]).toMatchObject({ workers: 40, amountMinor: 2_400_000, currency: "USD" });
  });
});

describe("/settings/remediation", () => {
  it("shows and saves the deadline table for admins only", async () => {
    const data = await settingsLoader(routeArgs(requestAs(org.members.admin, "/settings/remediation")));
    expect(data.table.critical).toEqual({ planDays: 7, resolutionDays: 90 });
    const html = await renderPage(SettingsPage, data, "/settings/remediation", "/settings/remediation");
    expect(html).toContain("SMETA grade words");
    const bad = (await settle(
      settingsPost(
        routeArgs(
          requestAs(org.members.admin, "/settings/remediation", {
            form: { intent: "deadlines", "critical.planDays": "x" },
          }),
        ),
      ),
    )) as unknown as { init: { status: number } };
    expect(bad.init.status).toBe(400);
    const denied = await settle(
      settingsLoader(routeArgs(requestAs(org.members.procurement, "/settings/remediation"))),
    );
    expect((denied as Response).status).toBe(403);
  });
});
