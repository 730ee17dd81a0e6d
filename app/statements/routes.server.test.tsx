import { beforeAll, describe, expect, it } from "vitest";
import StatementDetail, {
  action as detailAction,
  loader as detailLoader,
} from "~/routes/statements.$statementId";
import { loader as downloadLoader } from "~/routes/statements.$statementId.documents.$documentId";
import StatementsIndex, { loader as indexLoader } from "~/routes/statements._index";
import NewStatement, { action as newAction, loader as newLoader } from "~/routes/statements.new";
import { createOrg, insertSupplier, requestAs, type TestMember, type TestOrg } from "../../test/factories";
import { renderPage, routeArgs } from "../../test/render";
import { SECTIONS } from "./sections";
import { createStatement, generateStatementPdf, getStatement } from "./statements.server";

type Payload = { data: Record<string, unknown>; init: ResponseInit | null };

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
    const res = await thrownStatus(() => indexLoader(routeArgs(requestAs(null, "/statements"))));
    expect(res).toBe(302);
    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      const data = await indexLoader(routeArgs(requestAs(org.members[role], "/statements")));
      expect(data.statements.map((s) => s.id)).toEqual([statementId]);
    }
  });

  it("answers 404 for another tenant's statement and document", async () => {
    const member = other.members.executive;
    expect(
      await thrownStatus(() =>
        detailLoader(routeArgs(requestAs(member, `/statements/${statementId}`), { statementId })),
      ),
    ).toBe(404);
    expect(
      await thrownStatus(() =>
        downloadLoader(
          routeArgs(requestAs(member, `/statements/${statementId}/documents/${documentId}`), {
            statementId,
            documentId,
          }),
        ),
      ),
    ).toBe(404);
    expect(
      await thrownStatus(() =>
        detailAction(
          routeArgs(post(member, `/statements/${statementId}`, { intent: "generate" }), { statementId }),
        ),
      ),
    ).toBe(404);
  });

  it("streams the PDF to a member of the tenant as an attachment, after the access check", async () => {
    const res = await downloadLoader(
      routeArgs(requestAs(org.members.procurement, `/statements/${statementId}/documents/${documentId}`), {
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
    expect(await thrownStatus(() => newLoader(routeArgs(requestAs(member, "/statements/new"))))).toBe(403);
    for (const intent of ["save", "approve", "generate"]) {
      expect(
        await thrownStatus(() =>
          detailAction(routeArgs(post(member, `/statements/${statementId}`, { intent }), { statementId })),
        ),
      ).toBe(403);
    }
  });
});

describe("new statement form", () => {
  it("re-renders with field errors and the values typed when the dates are wrong", async () => {
    const member = org.members.executive;
    const result = (await newAction(
      routeArgs(post(member, "/statements/new", { periodStart: "2026-03-31", periodEnd: "2025-04-01" })),
    )) as unknown as Payload;
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toEqual({ periodEnd: "The financial year must end after it starts." });

    const loaderData = await newLoader(routeArgs(requestAs(member, "/statements/new")));
    const html = await renderPage(
      NewStatement,
      loaderData,
      "/statements/new",
      "/statements/new",
      result.data,
    );
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
      routeArgs(post(org.members.admin, "/statements/new", form)),
    )) as unknown as Payload;
    expect(result.init?.status).toBe(400);
    expect(Object.keys(result.data.fieldErrors as object)).toEqual([field]);
  });

  it("creates a draft and redirects to it; a second draft for the same year is a conflict", async () => {
    const member = org.members.admin;
    const form = { periodStart: "2024-01-01", periodEnd: "2024-12-31" };
    const res = (await newAction(routeArgs(post(member, "/statements/new", form)))) as unknown as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toMatch(/^\/statements\/[0-9a-f-]{36}$/);
    const again = (await newAction(routeArgs(post(member, "/statements/new", form)))) as unknown as Payload;
    expect(again.init?.status).toBe(409);
    expect(again.data.formError).toMatch(/already a draft statement for FY2024/);
  });

  it("suggests the last completed financial year", async () => {
    const data = await newLoader(routeArgs(requestAs(org.members.executive, "/statements/new")));
    expect(data.suggested.periodEnd < new Date().toISOString().slice(0, 10)).toBe(true);
  });
});

describe("statement page", () => {
  it("saves, keeps the typed values on a bad board date, approves as executive and lists PDFs", async () => {
    const exec = org.members.executive;
    const { id } = createStatement(exec.ctx, { periodStart: "2023-04-01", periodEnd: "2024-03-31" });
    const url = `/statements/${id}`;
    const narrative = Object.fromEntries(SECTIONS.map((s) => [s.key, `Our ${s.heading.toLowerCase()}.`]));

    const bad = (await detailAction(
      routeArgs(
        post(exec, url, {
          intent: "save",
          ...narrative,
          boardApprovalDate: "2024-01-15",
          directorName: "Zoë",
        }),
        {
          statementId: id,
        },
      ),
    )) as unknown as Payload;
    expect(bad.init?.status).toBe(400);
    expect((bad.data.fieldErrors as Record<string, string>).boardApprovalDate).toMatch(
      /after the financial year ends/,
    );
    const loaderData = await detailLoader(routeArgs(requestAs(exec, url), { statementId: id }));
    const html = await renderPage(StatementDetail, loaderData, url, "/statements/:statementId", bad.data);
    expect(html).toContain("after the financial year ends");
    expect(html).toContain('value="2024-01-15"');
    expect(html).toContain("Our training about slavery and human trafficking.");

    const saved = await detailAction(
      routeArgs(
        post(exec, url, {
          intent: "save",
          ...narrative,
          boardApprovalDate: "2024-07-10",
          directorName: "Zoë Łukasiewicz",
          directorTitle: "CEO",
        }),
        { statementId: id },
      ),
    );
    expect(saved).toMatchObject({ ok: true, intent: "save" });
    expect(
      await detailAction(routeArgs(post(exec, url, { intent: "approve" }), { statementId: id })),
    ).toMatchObject({
      ok: true,
      intent: "approve",
    });
    expect(
      await detailAction(routeArgs(post(exec, url, { intent: "generate" }), { statementId: id })),
    ).toMatchObject({
      ok: true,
      intent: "generate",
    });

    const after = await detailLoader(routeArgs(requestAs(org.members.auditor, url), { statementId: id }));
    expect(after.statement.status).toBe("approved");
    expect(after.statement.documents).toHaveLength(1);
    const page = await renderPage(StatementDetail, after, url, "/statements/:statementId");
    expect(page).toContain("Approved by the board on");
    expect(page).toContain(`SHA-256 ${after.statement.documents[0].sha256.slice(0, 12)}`);
    expect(page).toContain(`/statements/${id}/documents/${after.statement.documents[0].id}`);
    expect(page).not.toContain("<textarea");
  });

  it("renders the editor with the six sections and the publication deadline for a draft", async () => {
    const url = `/statements/${statementId}`;
    const data = await detailLoader(routeArgs(requestAs(org.members.executive, url), { statementId }));
    const html = await renderPage(StatementDetail, data, url, "/statements/:statementId");
    expect(html.match(/<textarea/g)).toHaveLength(6);
    expect(html).toContain("30 September 2026");
    expect(html).toContain("Approve statement");
    expect(html).toContain("Generate PDF");
    expect(getStatement(org.members.executive.ctx, statementId).documents).toHaveLength(1);
  });

  it("list page shows statuses and download links", async () => {
    const data = await indexLoader(routeArgs(requestAs(org.members.executive, "/statements")));
    const html = await renderPage(StatementsIndex, data, "/statements", "/statements");
    expect(html).toContain("FY2025-26");
    expect(html).toContain(`/statements/${statementId}/documents/${documentId}`);
    expect(html).toContain("within six months");
  });
});
