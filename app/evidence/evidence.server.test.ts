import { HeadObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { sha256Hex } from "~/infra/crypto.server";
import { env, resetEnv } from "~/infra/env.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { getObjectBuffer, s3 } from "~/infra/storage.server";
import * as auditPage from "~/routes/audits.$auditId";
import * as download from "~/routes/evidence.$evidenceId.download";
import { audits, auditLog, evidenceFiles } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { evidenceFile, listEvidence, uploadEvidence } from "./evidence.server";

const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
    "trailer<</Root 1 0 R>>\n%%EOF\n",
  "latin1",
);
// A real 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

let org: TestOrg;
let other: TestOrg;
let supplierId: string;
let auditId: string;

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as never;

type Failure = {
  data: { ok: false; formError?: string; fieldErrors: Record<string, string> };
  init: ResponseInit;
};

function uploadRequest(member: { cookie: string }, file: File, extra: Record<string, string> = {}) {
  const fd = new FormData();
  fd.append("intent", "upload");
  for (const [k, v] of Object.entries(extra)) fd.append(k, v);
  fd.append("file", file);
  return requestAs(member, `/audits/${auditId}`, { method: "POST", body: fd });
}

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: env().S3_BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

const rowsFor = (audit: string) =>
  db()
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.organizationId, org.id), eq(evidenceFiles.auditId, audit)))
    .all();

function withEnv(vars: Record<string, string>) {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  resetEnv();
  restore.push(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetEnv();
  });
}
const restore: (() => void)[] = [];
afterEach(() => {
  while (restore.length) restore.pop()!();
});

beforeAll(async () => {
  org = await createOrg();
  other = await createOrg();
  supplierId = insertSupplier(org.id).id;
});

function freshAudit() {
  auditId = createAudit(org.members.auditor.ctx, { supplierId, scheme: "SMETA", auditDate: "2025-03-01" }).id;
  return auditId;
}

describe("uploading evidence", () => {
  it("an auditor uploads a PDF: stored in S3 under the tenant prefix, row with sha256/size/type, audit row", async () => {
    freshAudit();
    const res = await auditPage.action(
      args(
        uploadRequest(org.members.auditor, new File([PDF], "SMETA report.pdf", { type: "application/pdf" })),
        { auditId },
      ),
    );
    expect(res).toMatchObject({ ok: true, intent: "upload", notice: "Uploaded SMETA report.pdf." });
    const [row] = rowsFor(auditId);
    expect(row).toMatchObject({
      organizationId: org.id,
      supplierId,
      auditId,
      fileName: "SMETA report.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
      sha256: sha256Hex(PDF),
      uploadedByUserId: org.members.auditor.userId,
    });
    expect(row.storageKey).toMatch(new RegExp(`^org/${org.id}/evidence/[0-9a-f-]{36}\\.pdf$`));
    expect(await getObjectBuffer(row.storageKey)).toEqual(PDF);
    const head = await s3().send(new HeadObjectCommand({ Bucket: env().S3_BUCKET, Key: row.storageKey }));
    expect(head.ContentType).toBe("application/pdf");
    const logged = db().select().from(auditLog).where(eq(auditLog.entityId, row.id)).all();
    expect(logged.map((l) => l.action)).toEqual(["evidence.uploaded"]);
  });

  it("attaches to a finding of the audit, and refuses a finding of another audit", async () => {
    freshAudit();
    const { finding } = addFinding(org.members.auditor.ctx, {
      auditId,
      title: "Payslips missing",
      grade: "minor",
    });
    const row = await uploadEvidence(org.members.auditor.ctx, {
      auditId,
      findingId: finding.id,
      file: new File([PNG], "payslip.png"),
    });
    expect(row).toMatchObject({ findingId: finding.id, auditId, supplierId });
    expect(listEvidence(org.members.auditor.ctx, { findingId: finding.id }).map((e) => e.id)).toEqual([
      row.id,
    ]);
    const elsewhere = createAudit(org.members.auditor.ctx, {
      supplierId,
      scheme: "RBA",
      auditDate: "2025-01-01",
    });
    await expect(
      uploadEvidence(org.members.auditor.ctx, {
        auditId: elsewhere.id,
        findingId: finding.id,
        file: new File([PNG], "x.png"),
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it("content wins: a PNG named .pdf and sent as application/pdf is stored as image/png", async () => {
    freshAudit();
    const res = await auditPage.action(
      args(uploadRequest(org.members.auditor, new File([PNG], "scan.pdf", { type: "application/pdf" })), {
        auditId,
      }),
    );
    expect(res).toMatchObject({ ok: true });
    const [row] = rowsFor(auditId);
    expect(row.contentType).toBe("image/png");
    expect(row.fileName).toBe("scan.pdf.png");
    expect(row.storageKey.endsWith(".png")).toBe(true);
  });

  it.each([
    ["a text file claiming to be a PDF", Buffer.from("just some text, not a PDF at all"), "notes.pdf"],
    [
      "a Windows executable renamed .pdf",
      Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]),
      "report.pdf",
    ],
    ["an HTML page renamed .png", Buffer.from("<html><script>alert(1)</script></html>"), "photo.png"],
  ])("refuses %s: clear error, no row, no object", async (_label, bytes, name) => {
    freshAudit();
    const before = await keysUnder(`org/${org.id}/`);
    const res = (await auditPage.action(
      args(uploadRequest(org.members.auditor, new File([bytes], name, { type: "application/pdf" })), {
        auditId,
      }),
    )) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.fieldErrors.file).toMatch(/not an accepted type.*PDF, PNG, JPEG, WebP or HEIC/);
    expect(rowsFor(auditId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
  });

  it("an empty file or no file at all is a field error", async () => {
    freshAudit();
    const empty = (await auditPage.action(
      args(uploadRequest(org.members.auditor, new File([], "")), { auditId }),
    )) as unknown as Failure;
    expect(empty.init.status).toBe(400);
    expect(empty.data.fieldErrors.file).toBe("Choose a file to upload.");
    await expect(
      uploadEvidence(org.members.auditor.ctx, { auditId, file: new File([], "empty.pdf") }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("an oversized upload is refused while streaming: clear error naming the limit, no row, no object", async () => {
    withEnv({ UPLOAD_MAX_BYTES: String(1024 * 1024) });
    freshAudit();
    const before = await keysUnder(`org/${org.id}/`);
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
    const res = (await auditPage.action(
      args(uploadRequest(org.members.auditor, new File([big], "huge.pdf", { type: "application/pdf" })), {
        auditId,
      }),
    )) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.fieldErrors.file).toContain("larger than the 1 MB limit");
    expect(res.data.formError).toContain("1 MB");
    expect(rowsFor(auditId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
  });

  it("the verb stops reading a huge stream as soon as it passes the limit", async () => {
    withEnv({ UPLOAD_MAX_BYTES: String(256 * 1024) });
    freshAudit();
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024);
    chunk.set(PDF.subarray(0, 8));
    const endless = {
      name: "endless.pdf",
      stream: () =>
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
    };
    const err = await uploadEvidence(org.members.auditor.ctx, { auditId, file: endless }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.file).toContain("0.25 MB");
    // At most the limit plus the chunk that crossed it (and one the stream may have queued ahead).
    expect(pulled).toBeLessThanOrEqual(256 * 1024 + 2 * chunk.byteLength);
    expect(rowsFor(auditId)).toEqual([]);
  });

  it("S3 unreachable: a clear 503 within seconds and no row", async () => {
    freshAudit();
    withEnv({ S3_ENDPOINT: "http://127.0.0.1:1" });
    const started = Date.now();
    const res = (await auditPage.action(
      args(uploadRequest(org.members.auditor, new File([PDF], "report.pdf")), { auditId }),
    )) as unknown as Failure;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(res.init.status).toBe(503);
    expect(res.data.formError).toMatch(/File storage is unavailable.*Nothing was saved/);
    expect(rowsFor(auditId)).toEqual([]);
  });

  it("if the row cannot be committed after the upload, the object is removed again", async () => {
    const doomed = freshAudit();
    const before = await keysUnder(`org/${org.id}/`);
    // The audit disappears while the file is being read, so the insert fails its foreign key.
    const racing = {
      name: "race.pdf",
      stream: () =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new Uint8Array(PDF));
          },
          pull(controller) {
            db().delete(audits).where(eq(audits.id, doomed)).run();
            controller.close();
          },
        }),
    };
    await expect(
      uploadEvidence(org.members.auditor.ctx, { auditId: doomed, file: racing }),
    ).rejects.toThrow();
    expect(db().select().from(evidenceFiles).where(eq(evidenceFiles.auditId, doomed)).all()).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
  });

  it("an executive cannot upload (403); procurement can", async () => {
    freshAudit();
    await expect(
      auditPage.action(args(uploadRequest(org.members.executive, new File([PDF], "r.pdf")), { auditId })),
    ).rejects.toMatchObject({ status: 403 });
    const res = await auditPage.action(
      args(uploadRequest(org.members.procurement, new File([PDF], "r.pdf")), { auditId }),
    );
    expect(res).toMatchObject({ ok: true });
  });

  it("another tenant cannot upload to this audit (404) and nothing is stored", async () => {
    freshAudit();
    const before = await keysUnder(`org/`);
    await expect(
      auditPage.action(args(uploadRequest(other.members.auditor, new File([PDF], "r.pdf")), { auditId })),
    ).rejects.toMatchObject({ status: 404 });
    expect(await keysUnder(`org/`)).toEqual(before);
  });
});

describe("downloading evidence", () => {
  it("streams the owner's file through the app as a sandboxed attachment (never an S3 URL)", async () => {
    freshAudit();
    const row = await uploadEvidence(org.members.auditor.ctx, {
      auditId,
      file: new File([PDF], 'Łódź Tekstil "audit" 深圳.pdf'),
    });
    const file = (await download.loader(
      args(requestAs(org.members.executive, `/evidence/${row.id}/download`), { evidenceId: row.id }),
    )) as Response;
    expect(file.status).toBe(200);
    expect(file.headers.get("Location")).toBeNull();
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    const disposition = file.headers.get("Content-Disposition")!;
    expect(disposition).toMatch(/^attachment; filename="/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('Łódź Tekstil "audit" 深圳.pdf')}`);
    expect(disposition).not.toMatch(/filename="[^"]*"[^;]*"/);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(file.headers.get("Content-Security-Policy")).toBe("sandbox; default-src 'none'");
    expect(file.headers.get("Cache-Control")).toBe("private, no-store");
  });

  // The probe's defect: s3rver checks no signatures and honours response-content-type, so a stored
  // "%PDF-<html><script>" ran as HTML when fetched from it. Through the app it is a PDF attachment in a
  // sandbox, whatever the request asks for.
  it("serves a PDF that smuggles HTML as an inert PDF attachment, ignoring response-content-type", async () => {
    freshAudit();
    const smuggled = Buffer.from("%PDF-<html><script>alert(document.domain)</script></html>", "latin1");
    const row = await uploadEvidence(org.members.auditor.ctx, {
      auditId,
      file: new File([smuggled], "x.pdf"),
    });
    const file = (await download.loader(
      args(requestAs(org.members.executive, `/evidence/${row.id}/download?response-content-type=text/html`), {
        evidenceId: row.id,
      }),
    )) as Response;
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("application/pdf");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("Content-Security-Policy")).toMatch(/^sandbox/);
    expect(file.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("redirects to a short-lived presigned URL only when S3_DOWNLOADS=presigned (a real S3)", async () => {
    freshAudit();
    const row = await uploadEvidence(org.members.auditor.ctx, { auditId, file: new File([PDF], "r.pdf") });
    withEnv({ S3_DOWNLOADS: "presigned" });
    {
      const res = (await download.loader(
        args(requestAs(org.members.executive, `/evidence/${row.id}/download`), { evidenceId: row.id }),
      )) as Response;
      expect(res.status).toBe(302);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
      const url = new URL(res.headers.get("Location")!);
      expect(url.pathname).toContain(`org/${org.id}/evidence/`);
      expect(Number(url.searchParams.get("X-Amz-Expires"))).toBe(env().PRESIGNED_URL_TTL_SECONDS);
      expect(url.searchParams.get("response-content-disposition")).toMatch(/^attachment;/);
    }
  });

  it("another tenant's evidence id answers 404, and so does an unknown id", async () => {
    freshAudit();
    const row = await uploadEvidence(org.members.auditor.ctx, { auditId, file: new File([PDF], "r.pdf") });
    await expect(
      download.loader(
        args(requestAs(other.members.admin, `/evidence/${row.id}/download`), { evidenceId: row.id }),
      ),
    ).rejects.toMatchObject({ status: 404 });
    expect(() => evidenceFile(other.members.admin.ctx, row.id)).toThrow(NotFoundError);
    await expect(
      download.loader(args(requestAs(org.members.admin, `/evidence/nope/download`), { evidenceId: "nope" })),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("anonymous visitors are sent to log in, not to S3", async () => {
    await expect(
      download.loader(args(requestAs(null, `/evidence/x/download`), { evidenceId: "x" })),
    ).rejects.toMatchObject({ status: 302 });
  });

  it("the download route has no action: it is GET only", () => {
    expect((download as Record<string, unknown>).action).toBeUndefined();
  });
});

describe("multipart limits", () => {
  it("several file parts cannot add up past the limit: a second file part is refused", async () => {
    withEnv({ UPLOAD_MAX_BYTES: String(1024 * 1024) });
    freshAudit();
    const fd = new FormData();
    fd.append("intent", "upload");
    const part = Buffer.concat([PDF, Buffer.alloc(700 * 1024)]);
    fd.append("file", new File([part], "a.pdf"));
    fd.append("file", new File([part], "b.pdf"));
    const res = (await auditPage.action(
      args(requestAs(org.members.auditor, `/audits/${auditId}`, { method: "POST", body: fd }), { auditId }),
    )) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.fieldErrors.file).toBe("Upload one file at a time.");
    expect(rowsFor(auditId)).toEqual([]);
  });

  it("a request that is not a readable multipart body is a 400 form error, not a 500", async () => {
    freshAudit();
    const res = (await auditPage.action(
      args(
        requestAs(org.members.auditor, `/audits/${auditId}`, {
          method: "POST",
          body: "garbage",
          headers: { "Content-Type": "multipart/form-data" },
        }),
        { auditId },
      ),
    )) as unknown as Failure;
    expect(res.init.status).toBe(400);
  });
});
