import { pingDatabase } from "~/infra/db.server";

/** Liveness + database check for load balancers and the e2e harness. */
export async function loader() {
  pingDatabase();
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
