import type { Ctx } from "~/infra/context";
import { uploadRequest } from "../testing.server";
import { receiveImportUpload } from "../upload.server";
import { SITE_FIELDS, type SiteMapping } from "./mapping";
import { createSiteImportJob } from "./sites-import.server";

/** Test helpers: a sites file through the real multipart path, and the mapping as the page posts it. */
export async function uploadSitesCsv(ctx: Ctx, content: string, fileName = "sites.csv"): Promise<string> {
  const received = await receiveImportUpload(uploadRequest(content, fileName));
  if (!received.ok) throw new Error(received.message);
  return (await createSiteImportJob(ctx, received.upload)).id;
}

export function siteMappingForm(mapping: SiteMapping): Record<string, string> {
  return Object.fromEntries(SITE_FIELDS.map((f) => [f, mapping[f] === undefined ? "" : String(mapping[f])]));
}
