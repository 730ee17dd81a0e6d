import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { dispatchApi } from "~/api/router.server";

/**
 * The REST API, /api/v1/* (D40): one resource route hands every request to the API's router, which
 * authenticates the bearer key (never the session cookie), checks the operation's scope, parses with its
 * zod schemas and runs one domain verb. Operations are listed in app/api/operations.server.ts.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return dispatchApi(request, params["*"] ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return dispatchApi(request, params["*"] ?? "");
}
