import { and, eq, lte } from "drizzle-orm";
import { actionHistory } from "~/audit-log/audit-log.server";
import type { DbOrTx } from "~/infra/db.server";
import { grievanceCases } from "~db/schema";
import { grievancePeriodFacts, type GrievancePeriodFacts } from "./period-facts";
import { GRIEVANCE_EVENTS } from "./workflow";

/**
 * The dated reads behind a statement's grievance figures: every case received by the period end (dates,
 * state, warning signs; never what the reporter wrote) and the cases' transitions from the audit log up
 * to the period's last instant. Scoped by the organisation; counts and ids leave, nothing else (D28).
 */
export function readGrievancePeriodFacts(
  tx: DbOrTx,
  organizationId: string,
  period: { start: string; end: string },
): GrievancePeriodFacts {
  const cases = tx
    .select({
      id: grievanceCases.id,
      receivedOn: grievanceCases.receivedOn,
      indicators: grievanceCases.indicators,
      state: grievanceCases.state,
      acknowledgedOn: grievanceCases.acknowledgedOn,
      decidedOn: grievanceCases.decidedOn,
      closedOn: grievanceCases.closedOn,
      actionId: grievanceCases.actionId,
    })
    .from(grievanceCases)
    .where(and(eq(grievanceCases.organizationId, organizationId), lte(grievanceCases.receivedOn, period.end)))
    .all();
  const transitions =
    cases.length === 0
      ? []
      : actionHistory(
          tx,
          organizationId,
          GRIEVANCE_EVENTS.map((e) => `grievance.${e}`),
          new Date(`${period.end}T23:59:59.999Z`),
        ).map((t) => ({ caseId: t.entityId, event: t.action.slice("grievance.".length), day: t.day }));
  return grievancePeriodFacts(cases, transitions, period);
}
