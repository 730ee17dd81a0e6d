import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { ForbiddenError, NotFoundError } from "~/infra/errors";
import { can, type Permission } from "~/orgs/permissions";
import { organizations, statements } from "~db/schema";
import { FROZEN_STATUSES } from "~db/schema/statements.constants";
import { normaliseDetails } from "./details";
import type { StatementFacts } from "./facts";
import { gatherStatementFacts, type FactsOptions } from "./facts.server";
import { financialYearLabel } from "./period";
import { normaliseNarrative, templateById } from "./regimes";
import type { PdfInput, StatementForPdf } from "./render-pdf.server";

/** Shared reads of the statements capability: every one filtered by the caller's organisation. */

export type StatementRow = typeof statements.$inferSelect;

/** Domain verbs check permissions too, so a verb called from anywhere cannot exceed the actor's role. */
export function assertCan(ctx: Ctx, permission: Permission): void {
  if (ctx.actor.type === "system") return;
  // An API key may do what its scopes name (app/api/scopes.ts), nothing else.
  if (ctx.actor.type === "api_key") {
    if (!ctx.actor.scopes.includes(permission)) throw new ForbiddenError();
    return;
  }
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, permission)) throw new ForbiddenError();
}

export function actorUserId(ctx: Ctx): string | null {
  return ctx.actor.type === "user" ? ctx.actor.id : null;
}

export function findStatement(tx: DbOrTx, ctx: Ctx, id: string): StatementRow {
  const row = tx
    .select()
    .from(statements)
    .where(and(eq(statements.id, id), eq(statements.organizationId, ctx.organizationId)))
    .get();
  if (!row) throw new NotFoundError("Statement not found");
  return row;
}

export function organisationName(tx: DbOrTx, organizationId: string): string {
  const org = tx.select().from(organizations).where(eq(organizations.id, organizationId)).get();
  if (!org) throw new NotFoundError("Organisation not found");
  return org.legalName?.trim() || org.name;
}

export function isFrozenRow(row: StatementRow): boolean {
  return FROZEN_STATUSES.includes(row.status);
}

/**
 * The statement's facts: frozen at approval, otherwise live from the records as of `asOf` (listing every
 * record behind each figure unless `opts.firstRecords` says how many are needed).
 */
export function factsOf(tx: DbOrTx, row: StatementRow, asOf: Date, opts: FactsOptions = {}): StatementFacts {
  if (isFrozenRow(row) && row.approvedFacts) return row.approvedFacts as StatementFacts;
  return gatherStatementFacts(
    tx,
    row.organizationId,
    { start: row.periodStart, end: row.periodEnd },
    asOf,
    opts,
  );
}

/** The latest approved statement of the same regime for an earlier period, for year-over-year figures. */
export function previousFacts(tx: DbOrTx, row: StatementRow): PdfInput["previous"] {
  const prev = tx
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.organizationId, row.organizationId),
        eq(statements.regime, row.regime),
        lt(statements.periodEnd, row.periodStart),
        inArray(statements.status, [...FROZEN_STATUSES]),
      ),
    )
    .orderBy(desc(statements.periodEnd), desc(statements.version))
    .limit(1)
    .get();
  if (!prev?.approvedFacts) return null;
  return {
    label: financialYearLabel(prev.periodStart, prev.periodEnd),
    facts: prev.approvedFacts as StatementFacts,
  };
}

export function statementForPdf(row: StatementRow, legalName: string): StatementForPdf {
  const template = templateById(row.templateId);
  return {
    template,
    legalName,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status,
    version: row.version,
    revisionNote: row.revisionNote,
    narrative: normaliseNarrative(template, row.narrative),
    details: normaliseDetails(row.details),
    governingBody: row.governingBody,
    approvalDate: row.boardApprovalDate,
    signatoryName: row.directorName,
    signatoryTitle: row.directorTitle,
    signedOn: row.signedOn,
    auditChainHead: row.auditChainHead,
  };
}
