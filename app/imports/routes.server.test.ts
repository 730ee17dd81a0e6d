import { beforeAll, describe, expect, it } from "vitest";
import { action as jobAction, loader as jobLoader } from "~/routes/imports.$jobId";
import { loader as errorsLoader } from "~/routes/imports.$jobId.errors";
import { loader as progressLoader } from "~/routes/imports.$jobId.progress";
import { action as indexAction, loader as indexLoader } from "~/routes/imports._index";
import { createOrg, requestAs, type TestOrg } from "../../test/factories";
import { runImportJob } from "./runner.server";

let org: TestOrg;
beforeAll(async () => {
  org = await createOrg();
});

const call = async (fn: (args: never) => unknown, request: Request, params: Record<string, string> = {}) => {
  try {
    return (await fn({ request, params, context: {} } as never)) as unknown;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
};

describe("import pages", () => {
  it("upload → mapping with preview → start → progress → summary → error report", async () => {
    const me = org.members.procurement;
    const csv = "Vendor;ERP ID;Land\nRoute Mill;RT-1;Viet Nam\nBad Row;RT-2;Atlantis\n";
    const upload = (await call(
      indexAction as never,
      requestAs(me, "/imports", {
        form: { file: new File([csv], "route.csv", { type: "text/csv" }) as unknown as string },
      }),
    )) as Response;
    expect(upload.status).toBe(302);
    const jobId = upload.headers.get("Location")!.split("/").pop()!;

    const page = (await call(jobLoader as never, requestAs(me, `/imports/${jobId}`), { jobId })) as {
      status: string;
      mapping: Record<string, number>;
      preview: { mapped: Record<string, string>; errors: string[] }[];
    };
    expect(page.status).toBe("mapping");
    expect(page.mapping).toEqual({ name: 0, external_ref: 1, country: 2 });
    expect(page.preview.map((r) => r.mapped.country)).toEqual(["Vietnam (VN)", ""]);
    expect(page.preview[1].errors).toEqual(['unknown country "Atlantis"']);

    const missing = (await call(
      jobAction as never,
      requestAs(me, `/imports/${jobId}`, {
        form: { intent: "start", name: "0", external_ref: "", country: "2" },
      }),
      { jobId },
    )) as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(missing.init.status).toBe(400);
    expect(missing.data.fieldErrors.external_ref).toMatch(/Choose the column/);

    const started = (await call(
      jobAction as never,
      requestAs(me, `/imports/${jobId}`, {
        form: { intent: "start", name: "0", external_ref: "1", country: "2" },
      }),
      { jobId },
    )) as Response;
    expect(started.status).toBe(302);
    const queued = (await call(progressLoader as never, requestAs(me, `/imports/${jobId}/progress`), {
      jobId,
    })) as Response;
    expect(await queued.json()).toMatchObject({ status: "queued", percent: 0 });

    await runImportJob(jobId);
    const done = (await call(progressLoader as never, requestAs(me, `/imports/${jobId}/progress`), {
      jobId,
    })) as Response;
    expect(done.headers.get("Cache-Control")).toBe("no-store");
    expect(await done.json()).toMatchObject({ status: "done", percent: 100, createdCount: 1, errorCount: 1 });

    const report = (await call(errorsLoader as never, requestAs(me, `/imports/${jobId}/errors`), {
      jobId,
    })) as Response;
    expect(report.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(report.headers.get("Content-Disposition")).toContain('filename="route-errors.csv"');
    const bytes = Buffer.from(await report.arrayBuffer());
    // A BOM first, so Excel reads the UTF-8 text correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe(
      'Vendor;ERP ID;Land;error\r\nBad Row;RT-2;Atlantis;"line 3: unknown country ""Atlantis"""\r\n',
    );

    const list = (await call(indexLoader as never, requestAs(me, "/imports"))) as { jobs: { id: string }[] };
    expect(list.jobs.map((j) => j.id)).toContain(jobId);
  });

  it("a refused upload re-renders with the reason (400), never a 500", async () => {
    const me = org.members.admin;
    const out = (await call(
      indexAction as never,
      requestAs(me, "/imports", {
        form: { file: new File([new Uint8Array([0x50, 0x4b, 3, 4, 0])], "book.xlsx") as unknown as string },
      }),
    )) as { init: { status: number }; data: { fieldErrors: { file: string } } };
    expect(out.init.status).toBe(400);
    expect(out.data.fieldErrors.file).toMatch(/Excel workbook/);
  });
});
