import { renderToString } from "react-dom/server";
import type { RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import StatementDetail, {
  action as detailAction,
  loader as detailLoader,
} from "~/routes/statements.$statementId";
import { loader as downloadLoader } from "~/routes/statements.$statementId.documents.$documentId";
import StatementsIndex, { loader as indexLoader } from "~/routes/statements._index";
import NewStatement, { action as newAction, loader as newLoader } from "~/routes/statements.new";
import { createOrg, insertSupplier, requestAs, type TestMember, type TestOrg } from "../../test/factories";
import { addGoverningBodyMember } from "./governance.server";
import { templateFor } from "./regimes";
import { createStatement, generateStatementPdf, getStatement } from "./statements.server";

type Payload = { data: Record<string, unknown>; init: ResponseInit | null };

/** Server-render a route component with its real loader data (and action data, as after a POST). */
async function render(
  Component: () => JSX.Element,
  loaderData: unknown,
  path: string,
  pattern: string,
  actionData?: unknown,
) {
  const routes: RouteObject[] = [
    {
      id: "page",
      path: pattern,
      element: <Component />,
      loader: () => loaderData as Record<string, unknown>,
      action: () => actionData as Record<string, unknown>,
    },
  ];
  const request = new Request(
    `http://localhost${path}`,
    actionData ? { method: "POST", body: new FormData() } : {},
  );
  const context = await createStaticHandler(routes).query(request);
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const html = renderToString(
    <StaticRouterProvider router={createStaticRouter(routes, context)} context={context} hydrate={false} />,
  );
  return html.replaceAll("<!-- -->", "");
}

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

async function thrownStatus(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof Response) return err.status;
    throw err;
  }
  throw new Error("expected a thrown Response");
}

function post(member: TestMember | null, url: string, form: Record<string, string>) {
  return requestAs(member, url, { method: "POST", form });
}

let org: TestOrg;
let other: TestOrg;
let statementId: string;
let documentId: string;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  insertSupplier(org.id, { name: "Łódź Tekstil Sanayi A.Ş.", country: "TR" });
  insertSupplier(org.id, { name: "深圳市工厂", country: "CN" });
  statementId = createStatement(org.members.executive.ctx, {
    periodStart: "2025-04-01",
    periodEnd: "2026-03-31",
  }).id;
  documentId = (await generateStatementPdf(org.members.executive.ctx, statementId)).documentId;
});

describe("access", () => {
  it("sends anonymous visitors to log in and lets every role read", async () => {
    const res = await thrownStatus(() => indexLoader(args(requestAs(null, "/statements"))));
    expect(res).toBe(302);
    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      const data = await indexLoader(args(requestAs(org.members[role], "/statements")));
      expect(data.statements.map((s) => s.id)).toEqual([statementId]);
    }
  });

  it("answers 404 for another tenant's statement and document", async () => {
    const member = other.members.executive;
    expect(
      await thrownStatus(() =>
        detailLoader(args(requestAs(member, `/statements/${statementId}`), { statementId })),
      ),
    ).toBe(404);
    expect(
      await thrownStatus(() =>
        downloadLoader(
          args(requestAs(member, `/statements/${statementId}/documents/${documentId}`), {
            statementId,
            documentId,
          }),
        ),
      ),
    ).toBe(404);
    expect(
      await thrownStatus(() =>
        detailAction(
          args(post(member, `/statements/${statementId}`, { intent: "generate" }), { statementId }),
        ),
      ),
    ).toBe(404);
  });

  it("streams the PDF to a member of the tenant as an attachment, after the access check", async () => {
    const res = await downloadLoader(
      args(requestAs(org.members.procurement, `/statements/${statementId}/documents/${documentId}`), {
        statementId,
        documentId,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Location")).toBeNull();
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toContain(
      "Modern slavery statement FY2025-26 (draft).pdf",
    );
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^sandbox/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("lets procurement neither create, edit nor approve (403)", async () => {
    const member = org.members.procurement;
    expect(await thrownStatus(() => newLoader(args(requestAs(member, "/statements/new"))))).toBe(403);
    for (const intent of ["save", "submit", "approve", "sign", "publish", "generate", "revise"]) {
      expect(
        await thrownStatus(() =>
          detailAction(args(post(member, `/statements/${statementId}`, { intent }), { statementId })),
        ),
      ).toBe(403);
    }
  });
});

describe("new statement form", () => {
  it("re-renders with field errors and the values typed when the dates are wrong", async () => {
    const member = org.members.executive;
    const result = (await newAction(
      args(post(member, "/statements/new", { periodStart: "2026-03-31", periodEnd: "2025-04-01" })),
    )) as unknown as Payload;
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ periodEnd: "The financial year must end after it starts." });

    const loaderData = await newLoader(args(requestAs(member, "/statements/new")));
    const html = await render(NewStatement, loaderData, "/statements/new", "/statements/new", result.data);
    expect(html).toContain("The financial year must end after it starts.");
    expect(html).toContain('value="2026-03-31"');
    expect(html).toContain('aria-invalid="true"');
  });

  it.each([
    [{ periodStart: "not a date", periodEnd: "2026-03-31" }, "periodStart"],
    [{ periodStart: "2025-01-01", periodEnd: "2026-12-31" }, "periodEnd"],
    [{ periodStart: "2025-04-01", periodEnd: "2026-02-30" }, "periodEnd"],
  ])("rejects %j on %s", async (form, field) => {
    const result = (await newAction(
      args(post(org.members.admin, "/statements/new", form)),
    )) as unknown as Payload;
    expect(result.init?.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors as object)).toEqual([field]);
  });

  it("creates a draft and redirects to it; a second draft for the same year is a conflict", async () => {
    const member = org.members.admin;
    const form = { periodStart: "2024-01-01", periodEnd: "2024-12-31" };
    const res = (await newAction(args(post(member, "/statements/new", form)))) as unknown as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/statements\/[0-9a-f-]{36}$/);
    const again = (await newAction(args(post(member, "/statements/new", form)))) as unknown as Payload;
    expect(again.init?.status).toBe(409);
    expect(again.data.formError).toMatch(
      /already a draft UK Modern Slavery Act 2015, s.54 statement for FY2024/,
    );
    // The same year under another law is a separate statement.
    const au = (await newAction(
      args(post(member, "/statements/new", { ...form, regime: "au_msa_s16" })),
    )) as unknown as Response;
    expect(au.status).toBe(302);
  });

  it("suggests the last completed financial year", async () => {
    const data = await newLoader(args(requestAs(org.members.executive, "/statements/new")));
    expect(data.suggested.periodEnd < new Date().toISOString().slice(0, 10)).toBe(true);
  });
});

describe("statement page", () => {
  it("re-renders bad input with field errors; refuses approval with the reasons; approves, signs and publishes", async () => {
    // Australia: all seven s.16(1) criteria are mandatory, so an empty one refuses approval (the UK's
    // s.54(5) areas are only recommended and never refuse it).
    const exec = org.members.executive;
    const { id } = createStatement(exec.ctx, {
      periodStart: "2023-04-01",
      periodEnd: "2024-03-31",
      regime: "au_msa_s16",
    });
    const url = `/statements/${id}`;
    const t = templateFor("au_msa_s16", "2024-03-31");
    const narrative = Object.fromEntries(
      t.criteria.map((c) => [`n.${c.key}`, `Our ${c.heading.toLowerCase()}. `.repeat(8)]),
    );
    const act = async (form: Record<string, string>) =>
      (await detailAction(args(post(exec, url, form), { statementId: id }))) as unknown as Payload & {
        ok?: boolean;
      };

    const tooLong = await act({ intent: "save", ...narrative, "n.other": "x".repeat(20_001) });
    expect(tooLong.init?.status).toBe(400);
    const loaderData = await detailLoader(args(requestAs(exec, url), { statementId: id }));
    const html = await render(StatementDetail, loaderData, url, "/statements/:statementId", tooLong.data);
    expect(html).toContain("Keep this under 20,000 characters.");
    expect(html).toContain(`Our ${t.criteria[0].heading.toLowerCase()}.`);

    const unknown = await act({ intent: "save", bogus: "x" });
    expect(unknown.init?.status).toBe(400);

    expect(await act({ intent: "save", ...narrative, "n.other": "" })).toMatchObject({
      ok: true,
      intent: "save",
    });
    expect(await act({ intent: "submit" })).toMatchObject({ ok: true });
    const member = addGoverningBodyMember(exec.ctx, {
      name: "Zoë Łukasiewicz",
      title: "Chief Executive",
      body: "Board of directors",
      appointedOn: "2019-01-01",
    });
    const approve = {
      intent: "approve",
      governingBody: "Board of directors",
      approvalDate: "2024-07-10",
      signatoryMemberId: member.id,
    };
    const refused = await act(approve);
    expect(refused.init?.status).toBe(400);
    expect(refused.data.formError).toMatch(
      /mandatory items are missing — Criterion 7: Any other relevant information/,
    );
    const page = await render(
      StatementDetail,
      await detailLoader(args(requestAs(exec, url), { statementId: id })),
      url,
      "/statements/:statementId",
      refused.data,
    );
    expect(page).toContain("mandatory items are missing");
    expect(page).toContain('data-criterion="other" data-status="missing"');

    expect(await act({ intent: "save", ...narrative })).toMatchObject({ ok: true });
    expect(await act({ ...approve, approvalDate: "2099-01-01" })).toMatchObject({ init: { status: 400 } });
    expect(await act(approve)).toMatchObject({ ok: true, intent: "approve" });
    const twice = await act(approve);
    expect(twice.init?.status).toBe(409);
    expect(twice.data.formError).toMatch(/cannot be approved twice/);
    expect((await act({ intent: "save", ...narrative })).init?.status).toBe(409);
    expect(await act({ intent: "sign", signedOn: "2024-07-11" })).toMatchObject({ ok: true });
    expect(await act({ intent: "publish" })).toMatchObject({ ok: true, intent: "publish" });

    const after = await detailLoader(args(requestAs(org.members.auditor, url), { statementId: id }));
    expect(after.statement.status).toBe("published");
    const done = await render(StatementDetail, after, url, "/statements/:statementId");
    expect(after.statement.publicPath).toMatch(/^\/transparency\/[a-z0-9-]+\/2024$/);
    expect(after.statement.publicPath).not.toContain(org.id);
    expect(done).toContain(after.statement.publicPath);
    expect(done).not.toContain('<textarea name="n.');
    expect(done).toContain("Criterion check at approval (kept)");
  });

  it("renders the editor with the six areas, the checker and the publication deadline for a draft", async () => {
    const url = `/statements/${statementId}`;
    const data = await detailLoader(args(requestAs(org.members.executive, url), { statementId }));
    const html = await render(StatementDetail, data, url, "/statements/:statementId");
    expect(html.match(/name="n\./g)).toHaveLength(6);
    expect(html).toContain("30 September 2026");
    expect(html).toContain("Submit for review");
    expect(html).toContain("Generate PDF");
    expect(html).toContain('data-testid="checker"');
    expect(getStatement(org.members.executive.ctx, statementId).documents).toHaveLength(1);
  });

  it("list page shows statuses and download links", async () => {
    const data = await indexLoader(args(requestAs(org.members.executive, "/statements")));
    const html = await render(StatementsIndex, data, "/statements", "/statements");
    expect(html).toContain("FY2025-26");
    expect(html).toContain(`/statements/${statementId}/documents/${documentId}`);
    expect(html).toContain("Governing body");
  });
});
