import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { expiredEvidenceBySupplier } from "~/evidence/expired.server";
import { substantiatedGrievancesOf } from "~/grievances/risk-facts.server";
import { nowOf, type Ctx } from "~/infra/context";
import type { DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { overdueActions } from "~/remediation/remediation.server";
import { countryName } from "~/suppliers/countries";
import { audits, findings, remediationTasks, riskSettings, sites, suppliers } from "~db/schema";
import {
  DEFAULT_AUDIT_MAX_AGE_MONTHS,
  SAQ_MAX_AGE_MONTHS,
  type AnswersInput,
  type RiskInputs,
  type SiteFacts,
} from "./model";
import { resolveGood, resolveGoods, tipEarlierOf, tipPlacementOf, type ReferenceData } from "./reference";
import { referenceData } from "./reference.server";
import { sectorBaseline } from "./sector-baseline";

/** UTC calendar date (YYYY-MM-DD): due dates are stored and compared as such. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function riskSettingsOf(tx: DbOrTx, organizationId: string): RiskInputs["settings"] {
  const row = tx
    .select({ auditMaxAgeMonths: riskSettings.auditMaxAgeMonths })
    .from(riskSettings)
    .where(eq(riskSettings.organizationId, organizationId))
    .get();
  return {
    saqMaxAgeMonths: SAQ_MAX_AGE_MONTHS,
    auditMaxAgeMonths: row?.auditMaxAgeMonths ?? DEFAULT_AUDIT_MAX_AGE_MONTHS,
  };
}

export type SupplierFacts = {
  country: string;
  sector: string;
  goods: string[];
  xinjiangNexus: boolean;
  sites: SiteFacts[];
};

type InherentFacts = Pick<RiskInputs, "editions" | "supplier" | "country" | "goods" | "sites">;

function supplierPart(s: SupplierFacts): RiskInputs["supplier"] {
  return {
    country: s.country,
    countryName: countryName(s.country),
    sector: s.sector,
    sectorFacts: sectorBaseline(s.sector),
    xinjiangNexus: s.xinjiangNexus,
  };
}

function countryPart(ref: ReferenceData, country: string): RiskInputs["country"] {
  return {
    tip: tipPlacementOf(ref, country),
    tipEdition: ref.tipEdition,
    tipEarlier: tipEarlierOf(ref, country),
    ilabAdvancement: ref.ilabCountry.get(country.toUpperCase()) ?? null,
  };
}

const countriesOf = (s: SupplierFacts) => [s.country, ...s.sites.map((x) => x.country)];

/** The reference-data half of the inputs (country, goods, sector), resolved against the loaded editions. */
export function inherentFacts(ref: ReferenceData, s: SupplierFacts): InherentFacts {
  return {
    editions: ref.editions,
    supplier: supplierPart(s),
    country: countryPart(ref, s.country),
    goods: resolveGoods(ref, s.goods, countriesOf(s)),
    sites: s.sites,
  };
}

type FactsMemo = {
  supplier: Map<string, RiskInputs["supplier"]>;
  country: Map<string, RiskInputs["country"]>;
  good: Map<string, RiskInputs["goods"][number]>;
};
const memos = new WeakMap<ReferenceData, FactsMemo>();
const MEMO_MAX = 50_000;

/**
 * inherentFacts for organisation-wide passes: the same values (and the same JSON), with the parts that
 * depend only on reference data and a few supplier fields (country, sector, one good against a set of
 * countries) computed once per edition and shared between suppliers. The shared objects are read-only:
 * the model and JSON.stringify only read them. Memoised per ReferenceData object, so a new edition
 * starts afresh; bounded so a long-running process cannot grow it without limit.
 */
export function inherentFactsShared(ref: ReferenceData, s: SupplierFacts): InherentFacts {
  let memo = memos.get(ref);
  if (!memo || memo.supplier.size + memo.country.size + memo.good.size > MEMO_MAX) {
    memo = { supplier: new Map(), country: new Map(), good: new Map() };
    memos.set(ref, memo);
  }
  const sKey = `${s.country}\u0000${s.sector}\u0000${s.xinjiangNexus ? 1 : 0}`;
  let supplier = memo.supplier.get(sKey);
  if (!supplier) memo.supplier.set(sKey, (supplier = supplierPart(s)));
  let country = memo.country.get(s.country);
  if (!country) memo.country.set(s.country, (country = countryPart(ref, s.country)));
  const ours = new Set(countriesOf(s).map((c) => c.toUpperCase()));
  const oursKey = [...ours].sort().join(",");
  const goods = s.goods.map((good) => {
    const key = `${good}\u0000${oursKey}`;
    let g = memo.good.get(key);
    if (!g) memo.good.set(key, (g = resolveGood(ref, good, ours)));
    return g;
  });
  return { editions: ref.editions, supplier, country, goods, sites: s.sites };
}

/** Open findings, read through one function so corrective-action changes touch one place. */
export function openFindingsOf(
  tx: DbOrTx,
  organizationId: string,
  supplierId: string,
): RiskInputs["findings"] {
  return tx
    .select({
      id: findings.id,
      auditId: findings.auditId,
      title: findings.title,
      grade: findings.grade,
      iloIndicator: findings.iloIndicator,
      scheme: audits.scheme,
      auditDate: audits.auditDate,
    })
    .from(findings)
    .innerJoin(audits, eq(audits.id, findings.auditId))
    .where(
      and(
        eq(findings.organizationId, organizationId),
        eq(findings.supplierId, supplierId),
        eq(findings.status, "open"),
      ),
    )
    .all()
    .map((f) => ({
      id: f.id,
      auditId: f.auditId,
      title: f.title,
      grade: f.grade,
      iloIndicator: f.iloIndicator,
      source: `${f.scheme} audit of ${f.auditDate}`,
    }));
}

export function auditsOf(tx: DbOrTx, organizationId: string, supplierId: string): RiskInputs["audits"] {
  return tx
    .select({ id: audits.id, scheme: audits.scheme, date: audits.auditDate })
    .from(audits)
    .where(and(eq(audits.organizationId, organizationId), eq(audits.supplierId, supplierId)))
    .all();
}

/**
 * Corrective actions, read through the remediation capability's own rules: overdue as it defines it (a
 * plan or a resolution deadline missed, `overdueActions`), verified when someone other than the evidence's
 * submitter verified it (state verified or closed, with a verification date).
 */
export function actionsOf(tx: DbOrTx, ctx: Ctx, supplierId: string): RiskInputs["actions"] {
  const overdue = overdueActions(tx, ctx, supplierId).map((a) => ({
    id: a.id,
    title: a.kind === "plan" ? `${a.title} (corrective action plan late)` : a.title,
    // The model counts an open action as overdue when its date is before the assessment date.
    dueDate: a.dueDate,
    state: "open" as const,
    closedOn: null,
  }));
  const verified = tx
    .select({
      id: remediationTasks.id,
      title: remediationTasks.title,
      dueDate: remediationTasks.dueDate,
      verifiedAt: remediationTasks.verifiedAt,
    })
    .from(remediationTasks)
    .where(
      and(
        eq(remediationTasks.organizationId, ctx.organizationId),
        eq(remediationTasks.supplierId, supplierId),
        inArray(remediationTasks.state, ["verified", "closed"]),
        isNotNull(remediationTasks.verifiedAt),
      ),
    )
    .all()
    .map((t) => ({
      id: t.id,
      title: t.title,
      dueDate: t.dueDate,
      state: "verified" as const,
      closedOn: t.verifiedAt ? isoDate(t.verifiedAt) : null,
    }));
  return [...overdue, ...verified];
}

/**
 * Expired evidence (current versions past their last valid day), read through the evidence capability's
 * own rule (`expiredEvidenceBySupplier`) so the per-supplier and organisation-wide paths agree.
 */
export function expiredEvidenceOf(
  tx: DbOrTx,
  organizationId: string,
  supplierId: string,
  asOf: Date,
): RiskInputs["evidence"] {
  return expiredEvidenceBySupplier(tx, organizationId, asOf, { ids: [supplierId] }).get(supplierId) ?? [];
}

export function sitesOf(tx: DbOrTx, organizationId: string, supplierId: string): SiteFacts[] {
  return tx
    .select({
      name: sites.name,
      country: sites.country,
      migrantPct: sites.migrantWorkersPct,
      agencyPct: sites.agencyWorkersPct,
      housing: sites.dormitories,
      seasonal: sites.seasonalWork,
      xinjiangNexus: sites.xinjiangNexus,
    })
    .from(sites)
    .where(and(eq(sites.organizationId, organizationId), eq(sites.supplierId, supplierId)))
    .orderBy(sites.name)
    .all();
}

/** Everything the pure model needs for one supplier, read inside the caller's transaction (tenant-scoped). */
export function gatherRiskInputs(
  tx: DbOrTx,
  ctx: Ctx,
  supplierId: string,
  answers: AnswersInput | null,
): RiskInputs {
  const org = ctx.organizationId;
  const s = tx
    .select({
      country: suppliers.country,
      sector: suppliers.sector,
      goods: suppliers.goods,
      xinjiangNexus: suppliers.xinjiangNexus,
    })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, org)))
    .get();
  if (!s) throw new NotFoundError("Supplier not found");
  return {
    asOf: isoDate(nowOf(ctx)),
    settings: riskSettingsOf(tx, org),
    ...inherentFacts(referenceData(), { ...s, sites: sitesOf(tx, org, supplierId) }),
    answers,
    audits: auditsOf(tx, org, supplierId),
    findings: [...openFindingsOf(tx, org, supplierId), ...substantiatedGrievancesOf(tx, org, supplierId)],
    actions: actionsOf(tx, ctx, supplierId),
    evidence: expiredEvidenceOf(tx, org, supplierId, nowOf(ctx)),
  };
}
