import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "~/api/operations.server";
import { apiReference } from "~/api/reference.server";
import { callApi, keyFor } from "~/api/testing.server";
import { addFinding, createAudit } from "~/audits/audits.server";
import { createStatement, generateStatementPdf } from "~/statements/statements.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { API_SCOPES } from "~db/schema/api.constants";
import { createOrg, type TestOrg } from "../factories";
import { validateJson } from "./json-schema";
import { snapshot } from "./route-harness";

/**
 * The access matrix of every REST API operation (app/api/operations.server.ts): without a key, with a
 * session cookie only, with a key lacking exactly the operation's scope, with another tenant's key on
 * org A's ids, and with the right key. Every operation needs a sample below, so a new operation cannot
 * ship without someone deciding how it is reached.
 */

const MARK = "zq9api";

type Fx = {
  a: TestOrg;
  b: TestOrg;
  supplierId: string;
  auditId: string;
  statementId: string;
  documentId: string;
  ids: string[];
};
let fx: Fx;

type Sample = {
  /** The path with org A's ids filled in. */
  path: (fx: Fx) => string;
  body?: (fx: Fx) => unknown;
  /** What org B's key gets on org A's ids: 404, or 200 with only its own data for lists. */
  foreign: 404 | "own-data";
  ok: number;
};

const SAMPLES: Record<string, Sample> = {
  listSuppliers: { path: () => "/suppliers", foreign: "own-data", ok: 200 },
  getSupplier: { path: (f) => `/suppliers/${f.supplierId}`, foreign: 404, ok: 200 },
  createSupplier: {
    path: () => "/suppliers",
    body: (f) => ({
      name: "Zq9Api Sub Mill",
      country: "VN",
      sector: "Textiles and apparel",
      contactName: "Sub",
      contactEmail: "sub@zq9api.test",
      parentSupplierId: f.supplierId,
    }),
    foreign: 404,
    ok: 201,
  },
  getSupplierRisk: { path: (f) => `/suppliers/${f.supplierId}/risk`, foreign: 404, ok: 200 },
  listQuestionnaireAssignments: { path: () => "/questionnaires/assignments", foreign: "own-data", ok: 200 },
  listAudits: { path: () => "/audits", foreign: "own-data", ok: 200 },
  getAudit: { path: (f) => `/audits/${f.auditId}`, foreign: 404, ok: 200 },
  listCorrectiveActions: { path: () => "/corrective-actions?state=all", foreign: "own-data", ok: 200 },
  listStatements: { path: () => "/statements", foreign: "own-data", ok: 200 },
  downloadStatementPdf: {
    path: (f) => `/statements/${f.statementId}/documents/${f.documentId}/pdf`,
    foreign: 404,
    ok: 200,
  },
  getGrievanceCounts: { path: () => "/grievances/counts", foreign: "own-data", ok: 200 },
  updateSupplier: {
    path: (f) => `/suppliers/${f.supplierId}`,
    body: () => ({ tags: ["zq9api-tag"] }),
    foreign: 404,
    ok: 200,
  },
};

beforeAll(async () => {
  const a = await createOrg({ name: "Zq9Api Apparel" });
  const b = await createOrg({ name: "Beta Api Foods" });
  const supplier = createSupplier(a.members.procurement.ctx, {
    name: "Zq9Api Spinning Mill",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Zq9Api Contact",
    contactEmail: "contact@zq9api.test",
  });
  const audit = createAudit(a.members.auditor.ctx, {
    supplierId: supplier.id,
    scheme: "SMETA",
    auditDate: "2026-01-15",
    summary: "Zq9Api audit summary",
  });
  addFinding(a.members.auditor.ctx, { auditId: audit.id, title: "Zq9Api wages withheld", grade: "critical" });
  const statement = createStatement(a.members.executive.ctx, {
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
  });
  const document = await generateStatementPdf(a.members.executive.ctx, statement.id);
  fx = {
    a,
    b,
    supplierId: supplier.id,
    auditId: audit.id,
    statementId: statement.id,
    documentId: document.documentId,
    ids: [a.id, supplier.id, audit.id, statement.id, document.documentId],
  };
});

const leaks = (text: string) =>
  [MARK, ...fx.ids].filter((needle) => text.toLowerCase().includes(needle.toLowerCase()));

describe("api operations", () => {
  it("every operation has a sample, and every sample an operation", () => {
    expect(OPERATIONS.map((o) => o.id).filter((id) => !SAMPLES[id])).toEqual([]);
    expect(Object.keys(SAMPLES).filter((id) => !OPERATIONS.some((o) => o.id === id))).toEqual([]);
  });

  describe.each(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s",
    (_name, op) => {
      const call = (token: string | null, headers: Record<string, string> = {}) => {
        const s = SAMPLES[op.id];
        return callApi(token, op.method.toUpperCase(), s.path(fx), { body: s.body?.(fx), headers });
      };

      it("without a key, or with a session cookie only, 401 and nothing changes", async () => {
        const before = snapshot(fx.a.id);
        for (const headers of [{}, { Cookie: fx.a.members.admin.cookie }] as Record<string, string>[]) {
          const r = await call(null, headers);
          expect(r.status).toBe(401);
          expect(r.headers.get("Content-Type")).toBe("application/problem+json");
          expect(leaks(r.text)).toEqual([]);
        }
        expect(snapshot(fx.a.id)).toEqual(before);
      });

      it(`a key without ${op.scope} gets 403 naming it, and nothing changes`, async () => {
        const token = keyFor(
          fx.a.members.admin.ctx,
          API_SCOPES.filter((s) => s !== op.scope),
        );
        const before = snapshot(fx.a.id);
        const r = await call(token);
        expect(r.status).toBe(403);
        expect(r.json).toMatchObject({ missingScope: op.scope });
        expect(leaks(r.text)).toEqual([]);
        expect(snapshot(fx.a.id).auditLog).toBe(before.auditLog);
      });

      it("another tenant's key on org A's ids gets 404 (or only its own data), and nothing of org A changes", async () => {
        const token = keyFor(fx.b.members.admin.ctx);
        const before = snapshot(fx.a.id);
        const r = await call(token);
        const sample = SAMPLES[op.id];
        if (sample.foreign === 404) expect(r.status).toBe(404);
        else expect(r.status).toBe(200);
        expect(leaks(r.text)).toEqual([]);
        expect(snapshot(fx.a.id).auditLog).toBe(before.auditLog);
      });

      it(`a key with ${op.scope} of the same tenant is answered`, async () => {
        const token = keyFor(fx.a.members.admin.ctx, [op.scope]);
        const r = await call(token);
        expect(r.status, r.text).toBe(SAMPLES[op.id].ok);
      });
    },
  );
});

// -------------------------------------------------------------------------------------------------------
// Contract: the generated OpenAPI document and the live routes agree
// -------------------------------------------------------------------------------------------------------

describe("contract: /api/v1/openapi.json and the live routes", () => {
  type Doc = Record<string, unknown> & {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        {
          operationId: string;
          parameters?: { in: string; name: string }[];
          responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
        }
      >
    >;
  };
  let doc: Doc;
  beforeAll(async () => {
    const r = await callApi(null, "GET", "/openapi.json");
    expect(r.status).toBe(200);
    doc = r.json as Doc;
  });

  it("is OpenAPI 3.1 and documents exactly the operations the router serves", () => {
    expect(doc.openapi).toBe("3.1.0");
    const documented = Object.entries(doc.paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, o]) => `${m.toUpperCase()} ${p} ${o.operationId}`),
    );
    const served = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.id}`);
    expect(documented.sort()).toEqual(served.sort());
    for (const op of OPERATIONS) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const params = (doc.paths[op.path][op.method].parameters ?? []).filter((p) => p.in === "path");
      expect(params.map((p) => p.name).sort(), op.id).toEqual(names);
    }
  });

  it.each(OPERATIONS.map((op) => [op.id, op] as const))(
    "%s: live answers (success, 401, 403) have the documented status, type and shape",
    async (_id, op) => {
      const sample = SAMPLES[op.id];
      const documented = doc.paths[op.path][op.method].responses;
      const check = async (token: string | null) => {
        const r = await callApi(token, op.method.toUpperCase(), sample.path(fx), { body: sample.body?.(fx) });
        const answer = documented[String(r.status)];
        expect(answer, `${op.id}: status ${r.status} is not documented`).toBeTruthy();
        const type = (r.headers.get("Content-Type") ?? "").split(";")[0];
        const content = answer.content?.[type];
        expect(content, `${op.id} ${r.status}: ${type} is not documented`).toBeTruthy();
        if (type.endsWith("json")) {
          expect(validateJson(r.json, content!.schema, doc), `${op.id} ${r.status}`).toEqual([]);
        }
        return r.status;
      };
      expect(await check(keyFor(fx.a.members.admin.ctx, [op.scope]))).toBe(sample.ok);
      expect(await check(null)).toBe(401);
      expect(
        await check(
          keyFor(
            fx.a.members.admin.ctx,
            API_SCOPES.filter((s) => s !== op.scope),
          ),
        ),
      ).toBe(403);
    },
  );

  it("the reference page lists every operation with its scope", () => {
    const ref = apiReference();
    expect(ref.operations.map((o) => `${o.method} ${o.path} ${o.scope}`).sort()).toEqual(
      OPERATIONS.map((o) => `${o.method.toUpperCase()} /api/v1${o.path} ${o.scope}`).sort(),
    );
  });

  it("documents the problems a bad request gets (400 validation on a create)", async () => {
    const r = await callApi(keyFor(fx.a.members.admin.ctx), "POST", "/suppliers", { body: { name: "" } });
    expect(r.status).toBe(400);
    const content = doc.paths["/suppliers"].post.responses["400"].content!["application/problem+json"];
    expect(validateJson(r.json, content.schema, doc)).toEqual([]);
  });
});
