import type { LoaderFunctionArgs } from "@remix-run/node";
import { chosenPosterLanguages } from "~/grievances/poster-languages";
import { sitePosterPdf } from "~/grievances/poster.server";
import { handle } from "~/infra/http.server";
import { requireMember } from "~/orgs/guard.server";

/**
 * A site's poster for the worker channel, as a PDF: one page per language (`?lang=bn&lang=en`, default
 * the site country's languages), with a QR code and the short address. Generated on request, not stored.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "suppliers:read");
  const langs = chosenPosterLanguages(new URL(request.url).searchParams.getAll("lang"));
  const poster = await handle(() =>
    sitePosterPdf(ctx, { supplierId: params.supplierId ?? "", siteId: params.siteId ?? "" }, langs),
  );
  return new Response(Buffer.from(poster.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${poster.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
