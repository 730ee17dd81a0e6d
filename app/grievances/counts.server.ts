import { and, count, eq, gte } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { grievanceCases } from "~db/schema";
import { GRIEVANCE_STATES, type GrievanceState } from "~db/schema/grievances.constants";

export type GrievanceCounts = {
  total: number;
  byState: Record<GrievanceState, number>;
  /** Cases received in the 365 days up to today (by the day they arrived; D28 keeps no time). */
  receivedLast365Days: number;
};

/**
 * How many worker-channel cases the organisation has, by state: numbers only. Nothing of a case (its
 * text, supplier, site, messages, receipt or contact) leaves this function, so it may be read by those
 * who may not open cases (API keys with grievances:counts).
 */
export function grievanceCaseCounts(ctx: Ctx, today = new Date()): GrievanceCounts {
  const rows = db()
    .select({ state: grievanceCases.state, n: count() })
    .from(grievanceCases)
    .where(eq(grievanceCases.organizationId, ctx.organizationId))
    .groupBy(grievanceCases.state)
    .all();
  const byState = Object.fromEntries(GRIEVANCE_STATES.map((s) => [s, 0])) as Record<GrievanceState, number>;
  for (const r of rows) byState[r.state] = r.n;
  const since = new Date(today.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const recent =
    db()
      .select({ n: count() })
      .from(grievanceCases)
      .where(
        and(eq(grievanceCases.organizationId, ctx.organizationId), gte(grievanceCases.receivedOn, since)),
      )
      .get()?.n ?? 0;
  return { total: rows.reduce((s, r) => s + r.n, 0), byState, receivedLast365Days: recent };
}
