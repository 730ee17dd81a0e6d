import { type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { downloadResponse } from "~/infra/storage.server";
import { publicStatementPdf } from "~/statements/public.server";

/** Deliberately public (no login): the published PDF of one regime's statement; unpublished → 404. */
export async function loader({ params }: LoaderFunctionArgs) {
  return handle(() =>
    downloadResponse(publicStatementPdf(params.orgId ?? "", params.year ?? "", params.regime ?? "")),
  );
}
