import type { Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { gradeForRedFlag } from "~/remediation/deadlines";
import { raiseRemediationTask } from "~/remediation/remediation.server";
import type { GrievanceIndicator } from "~db/schema/grievances.constants";
import { INDICATOR_LABELS, indicatorNumbers } from "./indicators";

/**
 * A substantiated case raises one corrective action on its supplier through the shared model
 * (`raiseRemediationTask`, source "grievance", idempotent per case), graded by the ILO indicators the
 * worker reported, as red-flag answers are (retained documents, debt bondage and violence are zero
 * tolerance). The title names the case by number and the warning signs, never what the worker wrote:
 * procurement staff read actions, and the worker's words stay behind the grievance role.
 */
export function raiseCaseAction(
  tx: DbOrTx,
  ctx: Ctx,
  c: { id: string; number: number; supplierId: string | null; indicators: GrievanceIndicator[] },
): { id: string; created: boolean } {
  if (!c.supplierId) throw new Error("raiseCaseAction needs a triaged case");
  const numbers = indicatorNumbers(c.indicators);
  const signs = c.indicators.map((i) => INDICATOR_LABELS[i]).join(", ");
  return raiseRemediationTask(tx, ctx, {
    supplierId: c.supplierId,
    sourceType: "grievance",
    sourceRef: c.id,
    title: `Substantiated worker grievance #${c.number}${signs ? `: ${signs}` : ""}`,
    iloIndicator: numbers,
    grade: gradeForRedFlag(numbers),
  });
}
