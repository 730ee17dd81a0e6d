import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env } from "~/infra/env.server";
import { getObjectBuffer, s3 } from "~/infra/storage.server";
import { createSession } from "~/orgs/session.server";
import { loader as caseLoader } from "~/routes/grievances.$caseId";
import { loader as downloadLoader } from "~/routes/grievances.$caseId_.attachments.$attachmentId";
import { action as reportAction } from "~/routes/report.$orgId";
import { action as statusAction } from "~/routes/report.$orgId_.status";
import { auditLog, grievanceAttachments, grievanceCases, memberships, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, requestAs } from "../../test/factories";
import { ATTACHMENT_MAX_BYTES } from "./attachments.server";

let n = 0;
async function addMember(organizationId: string, role: Role) {
  const passwordHash = await hash("correct horse battery staple");
  return writeTx((tx) => {
    const email = `${role}-att-${Date.now()}-${n++}@example.test`;
    const user = tx
      .insert(users)
      .values({ email, name: `${role} person`, passwordHash })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId, userId: user.id, role }).run();
    const { cookie } = createSession(tx, { userId: user.id, organizationId });
    const ctx: Ctx = { organizationId, actor: { type: "user", id: user.id, label: `${role} person`, role } };
    return { cookie: cookie.split(";")[0], ctx };
  });
}

const ascii = (s: string) => Buffer.from(s, "latin1");
const segment = (marker: number, payload: Buffer) =>
  Buffer.concat([
    Buffer.from([0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]),
    payload,
  ]);
const JFIF = segment(0xe0, ascii("JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
const PICTURE = Buffer.concat([
  segment(0xdb, Buffer.alloc(65, 3)),
  segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0])),
  segment(0xc4, Buffer.alloc(20, 2)),
  segment(0xda, Buffer.from([1, 1, 0, 0, 63, 0])),
  Buffer.from([0x12, 0xff, 0x00, 0x34, 0x56]),
  Buffer.from([0xff, 0xd9]),
]);
/** A phone photo as far as metadata goes: GPS position, camera make/model/serial, owner, XMP creator. */
const PHOTO = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  segment(
    0xe1,
    ascii(
      "Exif\0\0MM\0*GPSLatitude 23.8103 GPSLongitude 90.4125 Make Apple Model iPhone 14 BodySerial F2LX9",
    ),
  ),
  JFIF,
  segment(0xe1, ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>Rahim Uddin</dc:creator>")),
  segment(0xed, ascii("Photoshop 3.0\x008BIM By-line Rahim Uddin")),
  PICTURE,
]);
const CLEAN_PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF, PICTURE]);
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(Buffer.from(text, "latin1"));

function multipart(path: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string }) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  if (file)
    fd.append(
      "file",
      new File([new Uint8Array(file.bytes)], file.name, { type: "application/octet-stream" }),
    );
  return new Request(`http://localhost:3000${path}`, { method: "POST", body: fd });
}

type Result = { data: Record<string, unknown>; status: number };
function unwrap(out: unknown): Result {
  if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = out as { data: Record<string, unknown>; init: ResponseInit | null };
    return { data, status: init?.status ?? 200 };
  }
  return { data: out as Record<string, unknown>, status: 200 };
}
const args = (request: Request, params: Record<string, string>) =>
  ({ request, params, context: { clientIp: "203.0.113.9" } }) as never;

async function objectsOf(orgId: string): Promise<string[]> {
  const out = await s3().send(
    new ListObjectsV2Command({ Bucket: env().S3_BUCKET, Prefix: `org/${orgId}/grievance/` }),
  );
  return (out.Contents ?? []).map((o) => o.Key!);
}

async function statusOf(fn: () => unknown): Promise<number> {
  try {
    const out = await fn();
    return out instanceof Response ? out.status : 200;
  } catch (r) {
    if (r instanceof Response) return r.status;
    throw r;
  }
}

describe("report attachments", () => {
  it("strips GPS, camera and author metadata before storage, and keeps no original file name", async () => {
    const org = await createOrg();
    const out = unwrap(
      await reportAction(
        args(
          multipart(
            `/report/${org.id}?lang=en`,
            { whatHappened: "They took our passports. Photo of the locked cabinet." },
            { bytes: PHOTO, name: "IMG_20261204_143012.jpg" },
          ),
          { orgId: org.id },
        ),
      ),
    );
    expect(out.status).toBe(200);
    expect(out.data.ok).toBe(true);

    const c = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).get()!;
    const rows = db().select().from(grievanceAttachments).where(eq(grievanceAttachments.caseId, c.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      organizationId: org.id,
      fileName: "attachment-1.jpg",
      contentType: "image/jpeg",
      sizeBytes: CLEAN_PHOTO.length,
      addedOn: c.receivedOn,
    });
    expect(rows[0].storageKey).toMatch(new RegExp(`^org/${org.id}/grievance/[0-9a-f-]{36}\\.jpg$`));
    // Read back from the embedded S3: the bytes stored are the photo without its metadata.
    const stored = await getObjectBuffer(rows[0].storageKey);
    for (const text of ["Exif", "GPS", "23.8103", "Apple", "iPhone", "F2LX9", "Rahim", "xmpmeta", "8BIM"])
      expect(has(stored, text), text).toBe(false);
    expect(stored).toEqual(CLEAN_PHOTO);
    expect(JSON.stringify(rows)).not.toContain("IMG_2026");
  });

  it("strips a PDF's author added with the receipt code, and a file alone is enough to add", async () => {
    const org = await createOrg();
    const sent = unwrap(
      await reportAction(
        args(multipart(`/report/${org.id}?lang=bn`, { whatHappened: "বেতন দেওয়া হয়নি" }), { orgId: org.id }),
      ),
    );
    const code = String(sent.data.code);
    const pdf = await PDFDocument.create();
    pdf.addPage([100, 100]);
    pdf.setAuthor("Rahim Uddin");
    pdf.setCreator("Rahim's phone");
    const bytes = Buffer.from(await pdf.save());
    const added = unwrap(
      await statusAction(
        args(
          multipart(
            `/report/${org.id}/status?lang=bn`,
            { intent: "add", code, message: "" },
            { bytes, name: "payslip.pdf" },
          ),
          { orgId: org.id },
        ),
      ),
    );
    expect(added.status).toBe(200);
    expect(added.data).toMatchObject({ ok: true, added: true });
    expect((added.data.view as { attachments: unknown[] }).attachments).toEqual([
      { fileName: "attachment-1.pdf", addedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    const row = db()
      .select()
      .from(grievanceAttachments)
      .where(eq(grievanceAttachments.organizationId, org.id))
      .get()!;
    const stored = await getObjectBuffer(row.storageKey);
    expect(has(stored, "Rahim")).toBe(false);
    expect((await PDFDocument.load(stored, { updateMetadata: false })).getAuthor()).toBeUndefined();

    // A wrong code with a file stores nothing and answers like any wrong code.
    const wrong = unwrap(
      await statusAction(
        args(
          multipart(
            `/report/${org.id}/status?lang=bn`,
            { intent: "add", code: "1111 2222 3333 4444", message: "x" },
            { bytes, name: "a.pdf" },
          ),
          { orgId: org.id },
        ),
      ),
    );
    expect(wrong.status).toBe(404);
    expect(await objectsOf(org.id)).toEqual([row.storageKey]);
  });

  it("refuses other types, HEIC and oversized files in the reporter's language, storing nothing", async () => {
    const org = await createOrg();
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), ascii("ftypheic"), Buffer.alloc(64)]);
    const cases: [Buffer, string][] = [
      [ascii("MZ\x90\0 not an image"), "এই ফাইল পাঠানো যাবে না। একটি ছবি (JPEG, PNG বা WebP) বা PDF পাঠান।"],
      [heic, "এই ফাইল পাঠানো যাবে না। একটি ছবি (JPEG, PNG বা WebP) বা PDF পাঠান।"],
      [Buffer.concat([PHOTO.subarray(0, 40)]), "ফাইলটি পড়া যায়নি। অন্য একটি ফাইল চেষ্টা করুন।"],
      [Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0xff), "ফাইলটি খুব বড়। সীমা 10 MB।"],
    ];
    for (const [bytes, message] of cases) {
      const out = unwrap(
        await reportAction(
          args(
            multipart(`/report/${org.id}?lang=bn`, { whatHappened: "passports" }, { bytes, name: "x.jpg" }),
            {
              orgId: org.id,
            },
          ),
        ),
      );
      expect(out.status).toBe(400);
      expect((out.data.errors as Record<string, string>).file).toBe(message);
      expect((out.data.values as Record<string, string>).whatHappened).toBe("passports");
    }
    // A field error with a good file asks for the file again; nothing is stored either way.
    const blank = unwrap(
      await reportAction(
        args(
          multipart(`/report/${org.id}?lang=en`, { whatHappened: "  " }, { bytes: PHOTO, name: "p.jpg" }),
          {
            orgId: org.id,
          },
        ),
      ),
    );
    expect(blank.status).toBe(400);
    expect(blank.data.errors).toMatchObject({ file: "Please choose the file again." });
    expect(db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all()).toEqual(
      [],
    );
    expect(await objectsOf(org.id)).toEqual([]);
  });

  it("handlers see and download attachments (each download logged); others get 404", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const handler = await addMember(org.id, "grievance_handler");
    const foreign = await addMember(other.id, "grievance_handler");
    unwrap(
      await reportAction(
        args(
          multipart(
            `/report/${org.id}?lang=en`,
            { whatHappened: "Photo attached" },
            { bytes: PHOTO, name: "p.jpg" },
          ),
          {
            orgId: org.id,
          },
        ),
      ),
    );
    const c = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).get()!;
    const page = (await caseLoader(args(requestAs(handler, `/grievances/${c.id}`), { caseId: c.id }))) as {
      c: { attachments: { id: string; fileName: string; sizeBytes: number }[] };
    };
    expect(page.c.attachments).toMatchObject([
      { fileName: "attachment-1.jpg", sizeBytes: CLEAN_PHOTO.length },
    ]);
    const attachmentId = page.c.attachments[0].id;
    const url = `/grievances/${c.id}/attachments/${attachmentId}`;

    const res = (await downloadLoader(
      args(requestAs(handler, url), { caseId: c.id, attachmentId }),
    )) as Response;
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain(`grievance-${c.number}-attachment-1.jpg`);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(CLEAN_PHOTO);
    const logged = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "grievance.attachment_downloaded")))
      .all();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ entityId: c.id, actorLabel: "grievance_handler person" });

    for (const role of ["admin", "procurement", "auditor", "executive"] as const) {
      expect(
        await statusOf(() =>
          downloadLoader(args(requestAs(org.members[role], url), { caseId: c.id, attachmentId })),
        ),
        role,
      ).toBe(404);
    }
    expect(
      await statusOf(() => downloadLoader(args(requestAs(foreign, url), { caseId: c.id, attachmentId }))),
    ).toBe(404);
    // Another case's id with this attachment is not found either.
    expect(
      await statusOf(() =>
        downloadLoader(
          args(requestAs(handler, url), { caseId: "00000000-0000-4000-8000-000000000000", attachmentId }),
        ),
      ),
    ).toBe(404);
  });
});
