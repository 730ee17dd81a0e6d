import { and, eq, gte, inArray, isNotNull, lte } from "drizzle-orm";
import { type Ctx, nowOf } from "~/infra/context";
import { db, type DbOrTx } from "~/infra/db.server";
import { ForbiddenError } from "~/infra/errors";
import { can } from "~/orgs/permissions";
import { grievanceCases, sites, workerRemedies } from "~db/schema";
import { isoDay } from "./clocks";
import { computeEffectiveness, type Effectiveness, type EffectivenessCase } from "./effectiveness";
import { intakeLanguageName, isIntakeLanguage } from "./languages";

/**
 * The dated reads behind the channel's effectiveness indicators: cases received between two days
 * (inclusive) with their milestones, and the remedies recorded in those days against the corrective
 * actions grievance cases raised. Only counts leave this module (D28).
 */
export function readEffectiveness(
  tx: DbOrTx,
  organizationId: string,
  from: string,
  to: string,
): {
  cases: (EffectivenessCase & { id: string; number: number })[];
  remedies: { id: string; workers: number; remediedOn: string }[];
} {
  const rows = tx
    .select({
      id: grievanceCases.id,
      number: grievanceCases.number,
      receivedOn: grievanceCases.receivedOn,
      language: grievanceCases.language,
      siteId: grievanceCases.siteId,
      intakeSiteId: grievanceCases.intakeSiteId,
      indicators: grievanceCases.indicators,
      state: grievanceCases.state,
      acknowledgedOn: grievanceCases.acknowledgedOn,
      decidedOn: grievanceCases.decidedOn,
      closedOn: grievanceCases.closedOn,
      actionId: grievanceCases.actionId,
    })
    .from(grievanceCases)
    .where(
      and(
        eq(grievanceCases.organizationId, organizationId),
        gte(grievanceCases.receivedOn, from),
        lte(grievanceCases.receivedOn, to),
      ),
    )
    .all();
  const siteIds = [...new Set(rows.map((r) => r.siteId ?? r.intakeSiteId).filter((s): s is string => !!s))];
  const names = new Map(
    siteIds.length
      ? tx
          .select({ id: sites.id, name: sites.name })
          .from(sites)
          .where(and(eq(sites.organizationId, organizationId), inArray(sites.id, siteIds)))
          .all()
          .map((s) => [s.id, s.name])
      : [],
  );
  const actionIds = tx
    .select({ actionId: grievanceCases.actionId })
    .from(grievanceCases)
    .where(and(eq(grievanceCases.organizationId, organizationId), isNotNull(grievanceCases.actionId)))
    .all()
    .map((r) => r.actionId!);
  const remedies = actionIds.length
    ? tx
        .select({
          id: workerRemedies.id,
          workers: workerRemedies.workers,
          remediedOn: workerRemedies.remediedOn,
        })
        .from(workerRemedies)
        .where(
          and(
            eq(workerRemedies.organizationId, organizationId),
            inArray(workerRemedies.actionId, actionIds),
            gte(workerRemedies.remediedOn, from),
            lte(workerRemedies.remediedOn, to),
          ),
        )
        .all()
    : [];
  return {
    cases: rows.map((r) => {
      const site = r.siteId ?? r.intakeSiteId;
      return { ...r, siteName: site ? (names.get(site) ?? null) : null };
    }),
    remedies,
  };
}

export const languageLabel = (code: string) => (isIntakeLanguage(code) ? intakeLanguageName(code) : code);

/** The dashboard's figures for one calendar year (grievance roles only). */
export function channelEffectiveness(ctx: Ctx, year: number): Effectiveness & { year: number; asOf: string } {
  if (ctx.actor.type !== "user" || !can(ctx.actor.role, "grievances:handle")) {
    throw new ForbiddenError("Only grievance handlers may do that.");
  }
  const today = isoDay(nowOf(ctx));
  const end = `${year}-12-31` < today ? `${year}-12-31` : today;
  const { cases, remedies } = readEffectiveness(db(), ctx.organizationId, `${year}-01-01`, `${year}-12-31`);
  return { ...computeEffectiveness(cases, remedies, end, languageLabel), year, asOf: end };
}
