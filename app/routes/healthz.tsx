import { sql } from "drizzle-orm";
import { db } from "~/infra/db.server";

/** Liveness + database check for load balancers and the e2e harness. */
export async function loader() {
  db().get(sql`select 1`);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
