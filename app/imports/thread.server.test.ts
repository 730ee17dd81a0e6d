import { threadId } from "node:worker_threads";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { listSuppliers } from "~/suppliers/list.server";
import { suppliers } from "~db/schema";
import { createOrg } from "../../test/factories";
import { getImportJob, saveImportMapping } from "./imports.server";
import { mappingForm, uploadCsv } from "./testing.server";
import { runImportJobInThread } from "./thread.server";

const HEADER =
  "external_ref,name,trade_name,country,address,sector,goods,annual_spend,currency,status,tags,contact_name,contact_email,parent_external_ref";

describe("import thread", () => {
  it("runs the job in a worker thread and keeps the web thread's totals fresh", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const rows = Array.from(
      { length: 300 },
      (_, i) => `T-${i},Thread Supplier ${i},,VN,,,,,,,,,,${i >= 200 ? "T-1" : ""}`,
    );
    // The list's totals are memoised in this thread: the import thread's commits must drop them.
    expect(listSuppliers(ctx).total).toBe(0);
    const jobId = await uploadCsv(ctx, [HEADER, ...rows].join("\n"));
    const job = await getImportJob(ctx, jobId);
    saveImportMapping(ctx, { jobId, form: mappingForm(job.mapping), start: true });

    const run = await runImportJobInThread(jobId);
    expect(run.outcome).toBe("done");
    expect(run.threadId).not.toBe(threadId);
    expect(await getImportJob(ctx, jobId)).toMatchObject({
      status: "done",
      createdCount: 300,
      errorCount: 0,
    });
    const tiers = db()
      .select({ tier: suppliers.tier })
      .from(suppliers)
      .where(eq(suppliers.organizationId, ctx.organizationId))
      .all();
    expect(tiers.filter((t) => t.tier === 2)).toHaveLength(100);
    expect(listSuppliers(ctx).total).toBe(300);
    // The web thread's connection checkpoints on its own commits again afterwards.
    expect(db().$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
  }, 60_000);

  it("a job that is not queued or running is skipped", async () => {
    const { ctx } = (await createOrg()).members.procurement;
    const jobId = await uploadCsv(ctx, [HEADER, "S-1,Skipped,,VN,,,,,,,,,,"].join("\n"));
    // Uploaded but never started (no mapping saved): status "mapping".
    expect((await runImportJobInThread(jobId)).outcome).toBe("skipped");
  }, 60_000);
});
