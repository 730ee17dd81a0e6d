import fs from "node:fs";
import path from "node:path";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { addFinding, createAudit } from "~/audits/audits.server";
import { sha256Hex } from "~/infra/crypto.server";
import { env, resetEnv } from "~/infra/env.server";
import { NotFoundError } from "~/infra/errors";
import { deleteObject, getObjectBuffer, putObject, s3, UPLOAD_PART_BYTES } from "~/infra/storage.server";
import { runSupplierIntent } from "~/remediation/supplier-intents.server";
import { action as actionPost } from "~/routes/remediation.$taskId";
import { action as uploadRoute } from "~/routes/remediation.$taskId_.upload";
import { auditLog, evidenceFiles, remediationTasks } from "~db/schema";
import { createOrg, db, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { verifyEvidenceHash } from "./evidence.server";
import { withUploadForm } from "./upload.server";

type Failure = {
  data: { ok: false; intent?: string; formError?: string; fieldErrors: Record<string, string> };
  init: ResponseInit;
};

let org: TestOrg;

beforeAll(async () => {
  org = await createOrg();
});

const restore: (() => void)[] = [];
afterEach(() => {
  while (restore.length) restore.pop()!();
});
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

function newAction(o: TestOrg = org) {
  const supplierId = insertSupplier(o.id).id;
  const audit = createAudit(o.members.auditor.ctx, { supplierId, scheme: "SMETA", auditDate: "2026-02-20" });
  return addFinding(o.members.auditor.ctx, { auditId: audit.id, title: "Wage slips", grade: "major" }).taskId;
}

/** A PDF header followed by `size` pseudo-random bytes (so no two parts are alike). */
function bigPdf(size: number): Buffer<ArrayBuffer> {
  const out = Buffer.alloc(size);
  out.write("%PDF-1.7\n", "latin1");
  let x = 2463534242;
  for (let i = 16; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
    if (i + 8 > size) break;
  }
  return out;
}

/**
 * Fields in the given order (a browser sends them in the form's DOM order, files wherever they are), as
 * the body arrives from a socket: in 64 KB pieces, not the one 20 MB chunk a Blob would be read as.
 */
function post(member: { cookie: string }, actionId: string, parts: [string, string | File][]) {
  const fd = new FormData();
  for (const [k, v] of parts) fd.append(k, v);
  const encoded = new Response(fd);
  const piece = 64 * 1024;
  const body = encoded.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        for (let i = 0; i < chunk.byteLength; i += piece) controller.enqueue(chunk.subarray(i, i + piece));
      },
    }),
  );
  const request = new Request(`http://localhost:3000/remediation/${actionId}`, {
    method: "POST",
    headers: { Cookie: member.cookie, "Content-Type": encoded.headers.get("Content-Type")! },
    body,
    duplex: "half",
  } as RequestInit);
  return actionPost({ request, params: { taskId: actionId }, context: {} } as never);
}

async function keysUnder(prefix: string): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: env().S3_BUCKET, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}
/** Multipart uploads the embedded S3 holds parts for (it has no ListMultipartUploads). */
function openMultipartUploads(): string[] {
  const dir = path.join(inject("tmpRoot"), "s3", env().S3_BUCKET, "._S3rver_uploads");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}
const rowsOf = (actionId: string) =>
  db().select().from(evidenceFiles).where(eq(evidenceFiles.actionId, actionId)).all();

describe("streaming evidence uploads through the route", () => {
  it("a file of several parts is streamed to S3 multipart; the stored hash is the file's real SHA-256", async () => {
    const actionId = newAction();
    const bytes = bigPdf(2 * UPLOAD_PART_BYTES + 12345);
    withEnv({ UPLOAD_MAX_BYTES: String(3 * UPLOAD_PART_BYTES) });
    const res = await post(org.members.procurement, actionId, [
      ["intent", "upload"],
      ["file", new File([bytes], "payroll 2026.pdf", { type: "application/octet-stream" })],
      ["expiresOn", ""],
    ]);
    expect(res).toMatchObject({ ok: true, notice: "Uploaded payroll 2026.pdf." });
    const [row] = rowsOf(actionId);
    expect(row).toMatchObject({ sizeBytes: bytes.length, contentType: "application/pdf" });
    expect(row.sha256).toBe(sha256Hex(bytes));
    expect(sha256Hex(await getObjectBuffer(row.storageKey))).toBe(row.sha256);
    const logged = db().select().from(auditLog).where(eq(auditLog.entityId, row.id)).get()!;
    expect(logged.action).toBe("evidence.uploaded");
    expect(JSON.parse(String(logged.details))).toMatchObject({ sha256: row.sha256 });
  });

  it("refuses an oversized file mid-way through its multipart upload: field error, no row, no object, no parts", async () => {
    const actionId = newAction();
    withEnv({ UPLOAD_MAX_BYTES: String(2 * UPLOAD_PART_BYTES + 1024 * 1024) });
    const before = await keysUnder(`org/${org.id}/`);
    const partsBefore = openMultipartUploads();
    const res = (await post(org.members.procurement, actionId, [
      ["intent", "upload"],
      ["file", new File([bigPdf(4 * UPLOAD_PART_BYTES)], "scan.pdf")],
    ])) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.intent).toBe("upload");
    expect(res.data.fieldErrors.file).toBe(
      "The file is larger than the 11 MB limit. Please upload a smaller file (or split it).",
    );
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
    // Parts had gone up when the third crossed the limit: the upload was aborted, parts deleted.
    expect(openMultipartUploads().filter((id) => !partsBefore.includes(id))).toEqual([]);
  });

  it("a refused type is reported through the intent even when the fields come after the file", async () => {
    const actionId = newAction();
    const before = await keysUnder(`org/${org.id}/`);
    const res = (await post(org.members.procurement, actionId, [
      ["file", new File(["<html><script>alert(1)</script></html>"], "invoice.pdf")],
      ["intent", "upload"],
    ])) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(res.data.intent).toBe("upload");
    expect(res.data.fieldErrors.file).toMatch(/not an accepted type/);
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
  });

  it("a file already in storage goes again when the form's other fields are refused, or the intent is another", async () => {
    const actionId = newAction();
    const before = await keysUnder(`org/${org.id}/`);
    const pdf = () => new File([bigPdf(4096)], "permit.pdf");
    const bad = (await post(org.members.procurement, actionId, [
      ["intent", "upload"],
      ["file", pdf()],
      ["ownerUserId", "someone-else"],
    ])) as unknown as Failure;
    expect(bad.init.status).toBe(400);
    expect(bad.data.fieldErrors.ownerUserId).toMatch(/member of your organisation/);
    const other = (await post(org.members.procurement, actionId, [
      ["file", pdf()],
      ["intent", "nonsense"],
    ])) as unknown as Failure;
    expect(other.init.status).toBe(400);
    // Read-only members are refused (403) after the body was read: the file goes too.
    await expect(
      post(org.members.executive, actionId, [
        ["intent", "upload"],
        ["file", pdf()],
      ]),
    ).rejects.toMatchObject({ status: 403 });
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
  });

  it("a request broken off mid-file (the browser's Cancel, a dropped connection) leaves no row, object or parts", async () => {
    const actionId = newAction();
    withEnv({ UPLOAD_MAX_BYTES: String(6 * UPLOAD_PART_BYTES) });
    const before = await keysUnder(`org/${org.id}/`);
    const partsBefore = openMultipartUploads();
    const fd = new FormData();
    fd.append("intent", "upload");
    fd.append("file", new File([bigPdf(4 * UPLOAD_PART_BYTES)], "scan.pdf"));
    const encoded = new Response(fd);
    // Two and a half parts arrive, then the socket goes away, as when XMLHttpRequest.abort() runs.
    const cutAt = Math.floor(2.5 * UPLOAD_PART_BYTES);
    let sent = 0;
    const reader = encoded.body!.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done || sent >= cutAt) {
          controller.error(new Error("aborted"));
          return;
        }
        for (let i = 0; i < value.byteLength; i += 64 * 1024)
          controller.enqueue(value.subarray(i, i + 64 * 1024));
        sent += value.byteLength;
      },
    });
    const request = new Request(`http://localhost:3000/remediation/${actionId}`, {
      method: "POST",
      headers: {
        Cookie: org.members.procurement.cookie,
        "Content-Type": encoded.headers.get("Content-Type")!,
      },
      body,
      duplex: "half",
    } as RequestInit);
    const res = (await actionPost({
      request,
      params: { taskId: actionId },
      context: {},
    } as never)) as unknown as Failure;
    expect(res.init.status).toBe(400);
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);
    expect(openMultipartUploads().filter((id) => !partsBefore.includes(id))).toEqual([]);
  });

  it("another tenant's action is a 404 before a byte is stored", async () => {
    const actionId = newAction();
    const intruder = await createOrg();
    const before = await keysUnder("org/");
    await expect(
      post(intruder.members.procurement, actionId, [
        ["intent", "upload"],
        ["file", new File([bigPdf(4096)], "x.pdf")],
      ]),
    ).rejects.toMatchObject({ status: 404 });
    expect(await keysUnder("org/")).toEqual(before);
  });
});

describe("the progress bar's upload route (JSON answers)", () => {
  const postJson = (member: { cookie: string }, actionId: string, file: File) => {
    const fd = new FormData();
    fd.append("intent", "upload");
    fd.append("file", file);
    const encoded = new Response(fd);
    const request = new Request(`http://localhost:3000/remediation/${actionId}/upload`, {
      method: "POST",
      headers: { Cookie: member.cookie, "Content-Type": encoded.headers.get("Content-Type")! },
      body: encoded.body,
      duplex: "half",
    } as RequestInit);
    return uploadRoute({ request, params: { taskId: actionId }, context: {} } as never) as Promise<Response>;
  };

  it("answers the stored file, a refusal with its field error, or another tenant's 404, as JSON", async () => {
    const actionId = newAction();
    const ok = await postJson(org.members.procurement, actionId, new File([bigPdf(4096)], "permit.pdf"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(await ok.json()).toMatchObject({ ok: true, intent: "upload", notice: "Uploaded permit.pdf." });
    expect(rowsOf(actionId)).toHaveLength(1);

    const bad = await postJson(org.members.procurement, actionId, new File(["<html></html>"], "x.pdf"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      ok: false,
      fieldErrors: { file: expect.stringMatching(/not an accepted type/) },
    });

    const intruder = await createOrg();
    const before = await keysUnder("org/");
    const foreign = await postJson(intruder.members.procurement, actionId, new File([bigPdf(4096)], "x.pdf"));
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toMatchObject({ ok: false });
    const readOnly = await postJson(org.members.executive, actionId, new File([bigPdf(4096)], "x.pdf"));
    expect(readOnly.status).toBe(403);
    expect(await keysUnder("org/")).toEqual(before);
    expect(rowsOf(actionId)).toHaveLength(1);
  });
});

describe("verifying a stored file's SHA-256", () => {
  const verify = (member: { cookie: string }, actionId: string, evidenceId: string) =>
    actionPost({
      request: requestAs(member, `/remediation/${actionId}`, {
        method: "POST",
        form: { intent: "verify_hash", evidenceId },
      }),
      params: { taskId: actionId },
      context: {},
    } as never);
  const checks = (evidenceId: string) =>
    db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, evidenceId))
      .all()
      .filter((l) => l.action === "evidence.hash_verified")
      .map((l) => ({ actor: l.actorId, ...JSON.parse(String(l.details)) }));

  it("re-reads the object, shows match or mismatch, and logs every check", async () => {
    const actionId = newAction();
    const bytes = bigPdf(70_000);
    await post(org.members.procurement, actionId, [
      ["intent", "upload"],
      ["file", new File([bytes], "contract.pdf")],
    ]);
    const [row] = rowsOf(actionId);
    const ok = await verify(org.members.auditor, actionId, row.id);
    expect(ok).toMatchObject({ ok: true, intent: "verify_hash" });
    expect((ok as { notice: string }).notice).toContain(sha256Hex(bytes));

    // The object is changed behind the app's back: the check says so, with both hashes.
    const tampered = Buffer.from(bytes);
    tampered[50_000] ^= 0xff;
    await putObject({ key: row.storageKey, body: tampered, contentType: "application/pdf" });
    const bad = (await verify(org.members.auditor, actionId, row.id)) as unknown as Failure;
    expect(bad.init.status).toBe(409);
    expect(bad.data.formError).toContain("does NOT match");
    expect(bad.data.formError).toContain(sha256Hex(tampered));

    await deleteObject(row.storageKey);
    const gone = (await verify(org.members.auditor, actionId, row.id)) as unknown as Failure;
    expect(gone.data.formError).toContain("no longer in storage");

    expect(checks(row.id)).toEqual([
      expect.objectContaining({ actor: org.members.auditor.userId, match: true, actual: row.sha256 }),
      expect.objectContaining({ match: false, actual: sha256Hex(tampered), expected: row.sha256 }),
      expect.objectContaining({ match: false, actual: null, missing: true }),
    ]);
  });

  it("another tenant's file is a 404, from its own action page or the verb, and nothing is logged", async () => {
    const actionId = newAction();
    await post(org.members.procurement, actionId, [
      ["intent", "upload"],
      ["file", new File([bigPdf(5000)], "permit.pdf")],
    ]);
    const [row] = rowsOf(actionId);
    const intruder = await createOrg();
    const theirAction = newAction(intruder);
    await expect(verify(intruder.members.procurement, theirAction, row.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(verify(intruder.members.procurement, actionId, row.id)).rejects.toMatchObject({
      status: 404,
    });
    await expect(verifyEvidenceHash(intruder.members.procurement.ctx, row.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A file of another action of the same tenant is not checked from this action's page either.
    const sibling = newAction();
    await expect(verify(org.members.procurement, sibling, row.id)).rejects.toMatchObject({ status: 404 });
    expect(checks(row.id)).toEqual([]);
  });
});

describe("the supplier's uploads on its corrective actions", () => {
  const supplierPost = (actionId: string, supplierId: string, parts: [string, string | File][]) => {
    const fd = new FormData();
    for (const [k, v] of parts) fd.append(k, v);
    const request = new Request("http://localhost:3000/supplier-actions", { method: "POST", body: fd });
    const access = {
      ctx: {
        organizationId: org.id,
        actor: { type: "supplier" as const, id: "link-1", label: "Lucía Pérez (supplier)" },
        now: () => new Date(),
      },
      linkId: "link-1",
      sessionId: "session-1",
      supplierId,
      language: "es" as const,
    };
    return withUploadForm(request, org.id, "upload", async (form, upload) =>
      runSupplierIntent(access, form, upload),
    );
  };
  const supplierOf = (actionId: string) =>
    db().select().from(remediationTasks).where(eq(remediationTasks.id, actionId)).get()!.supplierId;

  it("takes an optional expiry date, and says in Spanish why a date or a file is refused", async () => {
    const actionId = newAction();
    const supplierId = supplierOf(actionId);
    const before = await keysUnder(`org/${org.id}/`);
    const past = (await supplierPost(actionId, supplierId, [
      ["intent", "upload"],
      ["actionId", actionId],
      ["expiresOn", "2001-01-31"],
      ["file", new File([bigPdf(3000)], "permiso.pdf")],
    ])) as unknown as Failure & { data: { target?: string } };
    expect(past.init.status).toBe(400);
    expect(past.data.target).toBe(actionId);
    expect(past.data.fieldErrors.expiresOn).toBe(
      "Indique el último día de validez del archivo: hoy o una fecha posterior.",
    );
    const wrongType = (await supplierPost(actionId, supplierId, [
      ["intent", "upload"],
      ["actionId", actionId],
      ["file", new File(["just text"], "permiso.pdf")],
    ])) as unknown as Failure;
    expect(wrongType.data.fieldErrors.file).toBe(
      "Este tipo de archivo no se acepta. Suba un archivo PDF, PNG, JPEG, WebP o HEIC.",
    );
    expect(rowsOf(actionId)).toEqual([]);
    expect(await keysUnder(`org/${org.id}/`)).toEqual(before);

    const ok = await supplierPost(actionId, supplierId, [
      ["intent", "upload"],
      ["actionId", actionId],
      ["expiresOn", "2099-06-30"],
      ["file", new File([bigPdf(3000)], "permiso.pdf")],
    ]);
    expect(ok).toMatchObject({ ok: true, target: actionId, notice: "Archivo subido." });
    expect(rowsOf(actionId)).toMatchObject([
      { expiresOn: "2099-06-30", uploadedByLabel: "Lucía Pérez (supplier)" },
    ]);
  });
});
