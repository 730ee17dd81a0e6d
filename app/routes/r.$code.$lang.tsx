import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { INTAKE_HEADERS } from "~/grievances/intake-pages.server";
import { reportLinkTarget } from "~/grievances/poster.server";
import { handle } from "~/infra/http.server";

/**
 * Deliberately public: the short address printed on a site poster (`/r/<code>/<lang>`), which a worker
 * types or scans; it leads to the site's report page in the poster's language. No cookie, no referrer.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const to = await handle(() => reportLinkTarget((params.code ?? "").toLowerCase(), params.lang));
  throw redirect(to, { status: 302, headers: INTAKE_HEADERS });
}
