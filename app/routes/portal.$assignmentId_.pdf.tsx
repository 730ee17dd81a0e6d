import type { LoaderFunctionArgs } from "@remix-run/node";
import { answersPdf } from "~/questionnaires/answers-pdf.server";
import { requirePortalAccess } from "~/questionnaires/portal.server";

/**
 * "Download a PDF copy" of the supplier's answers, in their language, generated on request (never
 * stored: it is a copy of what the database already holds). GET reads only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = requirePortalAccess(request, params.assignmentId ?? "");
  const { bytes, fileName } = await answersPdf(access);
  return new Response(Buffer.from(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
