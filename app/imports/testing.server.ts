import type { Ctx } from "~/infra/context";
import { createImportJob, getImportJob, saveImportMapping } from "./imports.server";
import { IMPORT_FIELDS, type ColumnMapping } from "./mapping";
import { runImportJob, type RunOptions } from "./runner.server";
import { receiveImportUpload } from "./upload.server";

/** Test helpers: drive an upload through the real multipart path, as the browser would. */
export function uploadRequest(content: string | Uint8Array, fileName = "suppliers.csv"): Request {
  const form = new FormData();
  form.set(
    "file",
    new File([typeof content === "string" ? content : Buffer.from(content)], fileName, { type: "text/csv" }),
  );
  return new Request("http://localhost:3000/imports", { method: "POST", body: form });
}

export async function uploadCsv(
  ctx: Ctx,
  content: string | Uint8Array,
  opts: { fileName?: string; maxBytes?: number; maxRows?: number } = {},
): Promise<string> {
  const received = await receiveImportUpload(uploadRequest(content, opts.fileName), opts);
  if (!received.ok) throw new Error(received.message);
  return (await createImportJob(ctx, received.upload)).id;
}

/** The mapping as the job page's form posts it (field → header index, "" = not imported). */
export function mappingForm(mapping: ColumnMapping): Record<string, string> {
  return Object.fromEntries(
    IMPORT_FIELDS.map((f) => [f, mapping[f] === undefined ? "" : String(mapping[f])]),
  );
}

/** Upload, accept the suggested mapping, run the job to the end; returns the finished job. */
export async function importCsv(
  ctx: Ctx,
  content: string,
  opts: { mapping?: ColumnMapping; run?: RunOptions } = {},
) {
  const jobId = await uploadCsv(ctx, content);
  const job = await getImportJob(ctx, jobId);
  saveImportMapping(ctx, { jobId, form: mappingForm(opts.mapping ?? job.mapping), start: true });
  await runImportJob(jobId, opts.run);
  return getImportJob(ctx, jobId);
}
