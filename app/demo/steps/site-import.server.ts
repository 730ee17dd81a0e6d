import fs from "node:fs";
import path from "node:path";
import { commitSiteImport, createSiteImportJob, getSiteImport } from "~/imports/sites/sites-import.server";
import { receiveImportUpload } from "~/imports/upload.server";
import type { DemoStep } from "../context.server";

/**
 * The sites sample of docs/samples (the file the README points to), imported through the sites import:
 * second sites with their workforce facts for four suppliers (agency labour at the Bangladeshi dye house,
 * a hostel spinning unit in Tiruppur, seasonal stitching in Sialkot, tannery dormitories in Kasur), and
 * one row naming a supplier reference that does not exist, so the import page shows its error report.
 */
export const siteImportStep: DemoStep = {
  name: "site import",
  async run(demo) {
    const ctx = demo.as("procurement", 40);
    const file = path.join(process.cwd(), "docs/samples/sites.csv");
    const form = new FormData();
    form.set("file", new File([fs.readFileSync(file)], "northwind-sites.csv", { type: "text/csv" }));
    const received = await receiveImportUpload(
      new Request("http://localhost/imports/sites", { method: "POST", body: form }),
    );
    if (!received.ok) throw new Error(`demo sites file refused: ${received.message}`);
    const { id } = await createSiteImportJob(ctx, received.upload);
    const job = await getSiteImport(ctx, id);
    const mapping = Object.fromEntries(Object.entries(job.mapping).map(([k, v]) => [k, String(v)]));
    await commitSiteImport(ctx, { jobId: id, form: mapping });
  },
};
