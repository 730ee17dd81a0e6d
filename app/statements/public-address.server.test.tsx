import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "~/audit-log/audit-log.server";
import { db } from "~/infra/db.server";
import { loader as detailLoader } from "~/routes/statements.$statementId";
import { action as indexAction, loader as indexLoader } from "~/routes/statements._index";
import { loader as publicPageLoader } from "~/routes/transparency.$org.$year";
import { loader as publicFactsLoader } from "~/routes/transparency.$org.$year_.facts[.]json";
import { loader as publicPdfLoader } from "~/routes/transparency.$org.$year_.pdf.$regime";
import { auditLog } from "~db/schema";
import { createOrg, requestAs, type TestOrg } from "../../test/factories";
import { addGoverningBodyMember } from "./governance.server";
import { publicAddress, publicSlugOf, setPublicSlug } from "./public-address.server";
import { templateFor } from "./regimes";
import {
  approveStatement,
  createStatement,
  publishStatement,
  signStatement,
  submitForReview,
  updateStatement,
} from "./statements.server";

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

/** What a public loader answers: its data, or the thrown Response (redirect / 404). */
async function answer(
  fn: () => Promise<unknown>,
): Promise<{ status: number; location?: string | null; data?: unknown }> {
  try {
    const out = await fn();
    if (out instanceof Response) return { status: out.status, location: out.headers.get("Location") };
    return { status: 200, data: out };
  } catch (err) {
    if (err instanceof Response) return { status: err.status, location: err.headers.get("Location") };
    throw err;
  }
}

const page = (org: string, year = "2024") =>
  answer(() =>
    publicPageLoader(args(new Request(`http://localhost/transparency/${org}/${year}`), { org, year })),
  );
const facts = (org: string, year = "2024") =>
  answer(() =>
    publicFactsLoader(
      args(new Request(`http://localhost/transparency/${org}/${year}/facts.json`), { org, year }),
    ),
  );
const pdf = (org: string, year = "2024") =>
  answer(() =>
    publicPdfLoader(
      args(new Request(`http://localhost/transparency/${org}/${year}/pdf/uk_msa_s54`), {
        org,
        year,
        regime: "uk_msa_s54",
      }),
    ),
  );

/** A UK statement for 2024, approved, signed and published through the verbs. */
async function publishUk(org: TestOrg) {
  const exec = org.members.executive.ctx;
  const s = createStatement(exec, { periodStart: "2024-01-01", periodEnd: "2024-12-31" });
  updateStatement(exec, s.id, {
    narrative: Object.fromEntries(
      templateFor("uk_msa_s54", "2024-12-31").criteria.map((c) => [
        c.key,
        `What we did on ${c.heading}. `.repeat(12),
      ]),
    ),
  });
  const member = addGoverningBodyMember(org.members.admin.ctx, {
    name: "Zoë Łukasiewicz",
    title: "Director",
    body: "Board of directors",
    appointedOn: "2020-01-01",
  });
  submitForReview(exec, s.id);
  approveStatement(exec, s.id, {
    governingBody: "Board of directors",
    approvalDate: "2025-03-01",
    signatoryMemberId: member.id,
  });
  signStatement(exec, s.id, { signedOn: "2025-03-02" });
  await publishStatement(exec, s.id);
  return s.id;
}

const auditActions = (orgId: string, action: string) =>
  db()
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.action, action)))
    .all()
    .map((r) => ({
      details: typeof r.details === "string" ? (JSON.parse(r.details) as unknown) : r.details,
    }));

describe("public address (slug) of published statements", () => {
  let org: TestOrg;
  let statementId: string;
  const name = `Łódź Tekstil ${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    org = await createOrg({ name });
    statementId = await publishUk(org);
  });

  it("the first publication derives the slug from the name and the page answers at it", async () => {
    const slug = publicSlugOf(org.id)!;
    expect(slug).toMatch(/^lodz-tekstil-[a-z0-9]+$/);
    expect(auditActions(org.id, "organisation.slug_assigned")).toEqual([{ details: { slug } }]);
    const out = await page(slug);
    expect(out.status).toBe(200);
    expect(JSON.stringify(out.data)).toContain(`/transparency/${slug}/2024/pdf/uk_msa_s54`);
    expect((await facts(slug)).status).toBe(200);
    expect((await pdf(slug)).status).toBeLessThan(400);
    const detail = await detailLoader(
      args(requestAs(org.members.auditor, `/statements/${statementId}`), { statementId }),
    );
    expect(detail.statement.publicPath).toBe(`/transparency/${slug}/2024`);
  });

  it("the organisation-id address answers 301 to the slug address, suffix kept", async () => {
    const slug = publicSlugOf(org.id)!;
    expect(await page(org.id)).toEqual({ status: 301, location: `/transparency/${slug}/2024` });
    expect(await facts(org.id)).toEqual({ status: 301, location: `/transparency/${slug}/2024/facts.json` });
    expect(await pdf(org.id)).toEqual({ status: 301, location: `/transparency/${slug}/2024/pdf/uk_msa_s54` });
  });

  it("an admin changes the slug: the old one redirects, the new one answers, the change is logged", async () => {
    const old = publicSlugOf(org.id)!;
    const fresh = `${old}-group`;
    const request = requestAs(org.members.admin, "/statements", {
      method: "POST",
      form: { intent: "public-address", slug: `  ${fresh.toUpperCase()} ` },
    });
    const out = (await indexAction(args(request))) as { ok: boolean };
    expect(out).toMatchObject({ ok: true });
    expect(publicSlugOf(org.id)).toBe(fresh);
    expect(await page(old)).toEqual({ status: 301, location: `/transparency/${fresh}/2024` });
    expect(await pdf(old)).toEqual({ status: 301, location: `/transparency/${fresh}/2024/pdf/uk_msa_s54` });
    expect(await page(org.id)).toEqual({ status: 301, location: `/transparency/${fresh}/2024` });
    expect((await page(fresh)).status).toBe(200);
    expect(auditActions(org.id, "organisation.slug_changed")).toEqual([
      { details: { from: old, to: fresh } },
    ]);
    expect(publicAddress(org.members.auditor.ctx)).toMatchObject({ slug: fresh, previous: [old] });
    expect(verifyAuditChain(db(), org.id).ok).toBe(true);

    // Going back to the earlier slug makes it current again; the other one now redirects.
    setPublicSlug(org.members.admin.ctx, { slug: old });
    expect((await page(old)).status).toBe(200);
    expect(await page(fresh)).toEqual({ status: 301, location: `/transparency/${old}/2024` });
  });

  it("refuses a malformed slug or one another organisation has or had, re-rendering the field error", async () => {
    const other = await createOrg();
    await publishUk(other);
    const theirs = publicSlugOf(other.id)!;
    setPublicSlug(other.members.admin.ctx, { slug: `${theirs}-renamed` });
    for (const [slug, error] of [
      ["no spaces here", /lower-case letters/],
      ["ab", /3 to 60 characters/],
      [theirs, /Another organisation uses this address/],
      [`${theirs}-renamed`, /Another organisation uses this address/],
    ] as const) {
      const request = requestAs(org.members.admin, "/statements", {
        method: "POST",
        form: { intent: "public-address", slug },
      });
      const out = (await indexAction(args(request))) as {
        data: { fieldErrors: Record<string, string>; values: Record<string, string> };
        init: ResponseInit;
      };
      expect(out.init.status, slug).toBe(400);
      expect(out.data.fieldErrors.slug, slug).toMatch(error);
    }
    // Their old slug still leads to them, not to us.
    expect(await page(theirs)).toEqual({ status: 301, location: `/transparency/${theirs}-renamed/2024` });
  });

  it("only an admin may change it; the page shows the address to every reader", async () => {
    const request = requestAs(org.members.executive, "/statements", {
      method: "POST",
      form: { intent: "public-address", slug: "executive-choice" },
    });
    const status = await answer(() => indexAction(args(request)));
    expect(status.status).toBe(403);
    const data = await indexLoader(args(requestAs(org.members.auditor, "/statements")));
    expect(data.address.slug).toBe(publicSlugOf(org.id));
    expect(data.canEditAddress).toBe(false);
  });

  it("a name without Latin letters gets a neutral slug; unknown addresses are 404", async () => {
    const cjk = await createOrg({ name: "深圳市工厂" });
    await publishUk(cjk);
    expect(publicSlugOf(cjk.id)).toBe(`organisation-${cjk.id.slice(0, 8)}`);
    expect((await page("no-such-organisation")).status).toBe(404);
    expect((await page(publicSlugOf(cjk.id)!, "2023")).status).toBe(404);
    expect((await page(publicSlugOf(cjk.id)!, "20x4")).status).toBe(404);
  });
});
