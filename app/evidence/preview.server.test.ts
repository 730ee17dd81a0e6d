import { beforeAll, describe, expect, it } from "vitest";
import { createAudit } from "~/audits/audits.server";
import * as evidencePage from "~/routes/evidence.$evidenceId._index";
import * as preview from "~/routes/evidence.$evidenceId.preview";
import { auditLog } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { uploadEvidence } from "./evidence.server";
import { previewKind } from "./preview";

const PDF: Buffer<ArrayBuffer> = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
const PNG: Buffer<ArrayBuffer> = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
const WEBP: Buffer<ArrayBuffer> = Buffer.concat([
  Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"),
  Buffer.alloc(24),
]);

const args = (request: Request, params: Record<string, string>) =>
  ({ request, params, context: {} }) as never;

let org: TestOrg;
let other: TestOrg;
let auditId: string;

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  const supplierId = insertSupplier(org.id).id;
  auditId = createAudit(org.members.auditor.ctx, { supplierId, scheme: "SMETA", auditDate: "2026-02-20" }).id;
});

async function upload(bytes: Buffer<ArrayBuffer>, name: string) {
  return uploadEvidence(org.members.auditor.ctx, { auditId, file: new File([bytes], name) });
}

async function getPreview(member: { cookie: string }, evidenceId: string): Promise<Response> {
  const request = requestAs(member, `/evidence/${evidenceId}/preview`);
  try {
    return (await preview.loader(args(request, { evidenceId }))) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("the sandboxed preview", () => {
  it("streams a PDF or PNG inline under a sandboxing CSP, framable by our own pages only", async () => {
    for (const [bytes, name, type] of [
      [PDF, "report.pdf", "application/pdf"],
      [PNG, "photo.png", "image/png"],
    ] as const) {
      const row = await upload(bytes, name);
      const res = await getPreview(org.members.executive, row.id);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe(type);
      expect(res.headers.get("Content-Disposition")).toMatch(new RegExp(`^inline; filename="${name}"`));
      const csp = res.headers.get("Content-Security-Policy")!;
      expect(csp.split("; ")).toEqual(
        expect.arrayContaining(["sandbox", "default-src 'none'", "frame-ancestors 'self'"]),
      );
      expect(csp).not.toMatch(/script-src/);
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
  });

  it("sends any other accepted type (WebP, HEIC) as an attachment, still sandboxed", async () => {
    const row = await upload(WEBP, "scan.webp");
    expect(row.contentType).toBe("image/webp");
    expect(previewKind(row.contentType)).toBeNull();
    const res = await getPreview(org.members.auditor, row.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(res.headers.get("Content-Security-Policy")).toMatch(/^sandbox;/);
  });

  it("another tenant's evidence id is a 404, on the preview and on the evidence page", async () => {
    const row = await upload(PDF, "private.pdf");
    expect((await getPreview(other.members.admin, row.id)).status).toBe(404);
    const page = requestAs(other.members.admin, `/evidence/${row.id}`);
    await expect(evidencePage.loader(args(page, { evidenceId: row.id }))).rejects.toMatchObject({
      status: 404,
    });
    const before = db().select().from(auditLog).all().length;
    const verify = requestAs(other.members.admin, `/evidence/${row.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "verify_hash" }),
    });
    await expect(evidencePage.action(args(verify, { evidenceId: row.id }))).rejects.toMatchObject({
      status: 404,
    });
    expect(db().select().from(auditLog).all().length).toBe(before);
  });

  it("the evidence page shows the record and re-verifies the hash (audit-logged)", async () => {
    const row = await upload(PNG, "dorm.png");
    const page = await evidencePage.loader(
      args(requestAs(org.members.executive, `/evidence/${row.id}`), { evidenceId: row.id }),
    );
    expect(page).toMatchObject({
      file: { id: row.id, sha256: row.sha256, auditScheme: "SMETA" },
      preview: "image",
    });
    const verify = requestAs(org.members.executive, `/evidence/${row.id}`, {
      method: "POST",
      body: new URLSearchParams({ intent: "verify_hash" }),
    });
    const result = await evidencePage.action(args(verify, { evidenceId: row.id }));
    expect(result).toMatchObject({ ok: true, intent: "verify_hash" });
    const logged = db()
      .select()
      .from(auditLog)
      .all()
      .filter((r) => r.entityId === row.id);
    expect(logged.map((r) => r.action)).toContain("evidence.hash_verified");
  });
});
