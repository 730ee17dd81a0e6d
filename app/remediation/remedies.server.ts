import { and, count, desc, eq, gte, isNull, lte, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { isoDateField, optionalText, parseInput } from "~/infra/validation";
import { isCurrencyCode } from "~/suppliers/currencies";
import { evidenceFiles, remediationTasks, users, workerRemedies } from "~db/schema";
import { REMEDY_KINDS, type RemedyKind } from "~db/schema/remediation.constants";
import { recordActionEvent } from "./remediation.server";
import { formatMoney, REMEDY_KIND_LABELS } from "./remedy-kinds";

/**
 * Money as text with at most two decimals ("24000", "24,000.50"), kept as text by the schema (so parsing
 * twice, at the edge and in the verb, gives the same value) and turned into hundredths by the verb.
 */
const amountField = z
  .string()
  .trim()
  .transform((v) => v.replace(/[,\s]/g, ""))
  .refine((v) => v === "" || /^\d{1,12}(\.\d{1,2})?$/.test(v), {
    error: "Enter the amount as a number, e.g. 24000 or 24000.50.",
  })
  .nullish()
  .transform((v) => v || null);

const toMinor = (amount: string | null) => (amount === null ? null : Math.round(Number(amount) * 100));

export const remedySchema = z
  .strictObject({
    kind: z.enum(REMEDY_KINDS, { error: "Choose what was remedied." }),
    description: optionalText(2000, "description"),
    amount: amountField,
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .nullish()
      .transform((v) => v || null)
      .refine((v) => v === null || isCurrencyCode(v), { error: "Choose a currency from the list." }),
    workers: z.coerce
      .number({ error: "Enter how many workers received the remedy." })
      .int({ error: "Enter a whole number of workers." })
      .min(1, { error: "At least one worker must have received the remedy." })
      .max(1_000_000, { error: "That is more workers than any site has." }),
    remediedOn: isoDateField("Date of the remedy"),
    evidenceId: optionalText(64, "evidence"),
  })
  .superRefine((v, issue) => {
    if (v.amount !== null && !v.currency)
      issue.addIssue({ code: "custom", path: ["currency"], message: "Choose the currency of the amount." });
    if (v.currency && v.amount === null)
      issue.addIssue({
        code: "custom",
        path: ["amount"],
        message: "Enter the amount paid, or clear the currency.",
      });
    if ((v.kind === "recruitment_fees_repaid" || v.kind === "wages_back_paid") && v.amount === null)
      issue.addIssue({ code: "custom", path: ["amount"], message: "Enter the amount paid to the workers." });
  });
export type RemedyInput = z.input<typeof remedySchema>;

/**
 * Record what reached workers (fees repaid, wages back-paid, documents returned, contracts corrected)
 * against a corrective action: amount and currency, how many workers, when, and the evidence file that
 * shows it (one of the action's own files).
 */
export function recordRemedy(ctx: Ctx, actionId: string, input: RemedyInput) {
  const parsed = parseInput(remedySchema, input);
  const v = { ...parsed, amount: toMinor(parsed.amount) };
  const today = nowOf(ctx).toISOString().slice(0, 10);
  if (v.remediedOn > today) {
    const message = "A remedy is recorded once it has happened: the date cannot be in the future.";
    throw new ValidationError({ remediedOn: message }, message);
  }
  return writeTx((tx) => {
    const action = tx
      .select({ id: remediationTasks.id, supplierId: remediationTasks.supplierId })
      .from(remediationTasks)
      .where(and(eq(remediationTasks.id, actionId), eq(remediationTasks.organizationId, ctx.organizationId)))
      .get();
    if (!action) throw new NotFoundError("Corrective action not found");
    if (v.evidenceId) {
      const file = tx
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.id, v.evidenceId),
            eq(evidenceFiles.organizationId, ctx.organizationId),
            eq(evidenceFiles.actionId, action.id),
            isNull(evidenceFiles.withdrawnAt),
          ),
        )
        .get();
      if (!file) throw new ValidationError({ evidenceId: "Choose one of this action's evidence files." });
    }
    const row = tx
      .insert(workerRemedies)
      .values({
        organizationId: ctx.organizationId,
        actionId: action.id,
        supplierId: action.supplierId,
        kind: v.kind,
        description: v.description,
        amountMinor: v.amount,
        currency: v.currency,
        workers: v.workers,
        remediedOn: v.remediedOn,
        evidenceId: v.evidenceId,
        recordedByUserId: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: nowOf(ctx),
      })
      .returning()
      .get();
    const what = `${REMEDY_KIND_LABELS[v.kind]} to ${v.workers} worker${v.workers === 1 ? "" : "s"}${
      v.amount !== null ? `: ${formatMoney(v.amount, v.currency!)}` : ""
    }`;
    recordActionEvent(tx, ctx, { actionId: action.id, event: "remedy", comment: what });
    recordAudit(tx, ctx, {
      action: "remediation.remedy_recorded",
      entityType: "worker_remedy",
      entityId: row.id,
      details: {
        actionId: action.id,
        supplierId: action.supplierId,
        kind: v.kind,
        amountMinor: v.amount,
        currency: v.currency,
        workers: v.workers,
      },
    });
    return row;
  });
}

export function listRemedies(ctx: Ctx, actionId: string) {
  return db()
    .select({
      id: workerRemedies.id,
      kind: workerRemedies.kind,
      description: workerRemedies.description,
      amountMinor: workerRemedies.amountMinor,
      currency: workerRemedies.currency,
      workers: workerRemedies.workers,
      remediedOn: workerRemedies.remediedOn,
      evidenceId: workerRemedies.evidenceId,
      recordedBy: users.name,
    })
    .from(workerRemedies)
    .leftJoin(users, eq(users.id, workerRemedies.recordedByUserId))
    .where(and(eq(workerRemedies.organizationId, ctx.organizationId), eq(workerRemedies.actionId, actionId)))
    .orderBy(desc(workerRemedies.remediedOn))
    .all();
}

export type RemedyTotals = {
  remedies: number;
  /** Workers reached, summed over remedies (one worker can be counted once per remedy). */
  workers: number;
  /** Money paid to workers, per currency (never converted: no exchange rate is claimed). */
  amounts: { currency: string; amountMinor: number }[];
  byKind: { kind: RemedyKind; remedies: number; workers: number }[];
};

/** What the organisation's corrective actions gave back to workers, optionally within a period. */
export function remedyTotals(
  ctx: Ctx,
  period: { from?: string; to?: string } = {},
  tx: DbOrTx = db(),
): RemedyTotals {
  const conds: SQL[] = [eq(workerRemedies.organizationId, ctx.organizationId)];
  if (period.from) conds.push(gte(workerRemedies.remediedOn, period.from));
  if (period.to) conds.push(lte(workerRemedies.remediedOn, period.to));
  const byKind = tx
    .select({ kind: workerRemedies.kind, remedies: count(), workers: sum(workerRemedies.workers) })
    .from(workerRemedies)
    .where(and(...conds))
    .groupBy(workerRemedies.kind)
    .all()
    .map((r) => ({ kind: r.kind, remedies: r.remedies, workers: Number(r.workers ?? 0) }));
  const amounts = tx
    .select({
      currency: workerRemedies.currency,
      amountMinor: sql<number>`sum(${workerRemedies.amountMinor})`,
    })
    .from(workerRemedies)
    .where(and(...conds, sql`${workerRemedies.currency} is not null`))
    .groupBy(workerRemedies.currency)
    .orderBy(workerRemedies.currency)
    .all()
    .map((r) => ({ currency: r.currency!, amountMinor: Number(r.amountMinor) }));
  return {
    remedies: byKind.reduce((a, r) => a + r.remedies, 0),
    workers: byKind.reduce((a, r) => a + r.workers, 0),
    amounts,
    byKind,
  };
}
