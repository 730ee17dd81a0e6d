import type { DbOrTx } from "~/infra/db.server";
import type { Ctx } from "~/infra/context";

export type RaiseTaskInput = {
  supplierId: string;
  sourceType: "answer" | "finding";
  /** "<assignmentId>:<questionId>" for answers, the finding id for findings. */
  sourceRef: string;
  title: string;
  iloIndicator?: string | null;
  severity: "red_flag" | "zero_tolerance" | "critical";
};

/**
 * Open a remediation task for a red-flag answer or a grave finding, inside the caller's transaction.
 * Idempotent per source. Owned by the remediation capability (being implemented).
 */
export function raiseRemediationTask(
  _tx: DbOrTx,
  _ctx: Ctx,
  _input: RaiseTaskInput,
): { id: string; created: boolean } {
  throw new Error("raiseRemediationTask is being implemented by the remediation capability");
}
