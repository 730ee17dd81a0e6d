import { beforeAll, describe, expect, it } from "vitest";
import { OPERATIONS } from "~/api/operations.server";
import { callApi, keyFor } from "~/api/testing.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { API_SCOPES } from "~db/schema/api.constants";
import { createOrg, type TestOrg } from "../factories";
import { snapshot } from "./route-harness";

/**
 * The access matrix of every REST API operation (app/api/operations.server.ts): without a key, with a
 * session cookie only, with a key lacking exactly the operation's scope, with another tenant's key on
 * org A's ids, and with the right key. Every operation needs a sample below, so a new operation cannot
 * ship without someone deciding how it is reached.
 */

const MARK = "zq9api";

type Fx = { a: TestOrg; b: TestOrg; supplierId: string; ids: string[] };
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
  fx = { a, b, supplierId: supplier.id, ids: [a.id, supplier.id] };
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
