import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { handle } from "~/infra/http.server";
import { downloadResponse } from "~/infra/storage.server";
import { publicStatementPdfAt } from "~/statements/public.server";

/**
 * Deliberately public (no login): the published PDF of one regime's statement; unpublished → 404; an
 * earlier address answers 301 to the current one.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = await handle(() =>
    publicStatementPdfAt(params.org ?? "", params.year ?? "", params.regime ?? ""),
  );
  if ("movedTo" in file) throw redirect(file.movedTo, 301);
  return handle(() => downloadResponse(file));
}
