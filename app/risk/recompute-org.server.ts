import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { and, count, desc, eq } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import { expiredEvidenceBySupplier } from "~/evidence/expired.server";
import { substantiatedGrievancesByChunk } from "~/grievances/risk-facts.server";
import { nowOf, systemCtx, type Ctx } from "~/infra/context";
import { db, writeTx, type DB, type DbOrTx } from "~/infra/db.server";
import { orderedId } from "~/infra/ids.server";
import { overdueKind, RESOLVED } from "~/remediation/deadlines";
import { kickScheduler, schedule, type JobHandlers } from "~/scheduler/scheduler.server";
import { invalidateSupplierCounts } from "~/suppliers/list.server";
import { organizations, riskJobs, riskSettings, suppliers } from "~db/schema";
import type { FindingGrade } from "~db/schema/audits.constants";
import type { ActionState } from "~db/schema/remediation.constants";
import { EXPOSURE_MODEL } from "./exposure";
import { exposurePass, recomputeOrgExposure, type ExposureNode } from "./exposure-all.server";
import { inherentFactsShared, isoDate, riskSettingsOf } from "./gather.server";
import {
  levelFor,
  MODEL_VERSION,
  scoreInherent,
  scoreRisk,
  type InherentScore,
  type AnswersInput,
  type RiskInputs,
  type SiteFacts,
} from "./model";
import { referenceData } from "./reference.server";
import { SharedInputsWriter, type OwnInputs } from "./stored-inputs.server";
import { updateSupplierRisk, type ColumnChange } from "./supplier-update.server";

export const RISK_RECOMPUTE_JOB = "risk.recompute_org";
/** Suppliers per chunk: one chunk stays well under 50 ms of event-loop time. */
export const RECOMPUTE_CHUNK = 500;

/** Model version + reference editions: when it differs from an organisation's, its scores are recomputed. */
export function riskFingerprint(): string {
  const ed = referenceData().editions;
  return createHash("sha256")
    .update(JSON.stringify([MODEL_VERSION, EXPOSURE_MODEL, ed]))
    .digest("hex")
    .slice(0, 16);
}

type SupplierRow = {
  rowid: number;
  id: string;
  name: string;
  tier: number;
  exposure_path: string | null;
  country: string;
  sector: string;
  goods: string;
  xinjiang_nexus: number;
  risk_score: number | null;
  risk_level: string | null;
  inherent_score: number | null;
  residual_score: number | null;
  coverage: string | null;
  risk_headline: string | null;
  exposure_score: number | null;
};

function group<T extends { supplier_id: string }>(rows: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.supplier_id);
    if (list) list.push(r);
    else m.set(r.supplier_id, [r]);
  }
  return m;
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(c: Database.Database) {
  // The chunk is the id range (@after, @last] of the organisation's suppliers, read first in id order
  // (suppliers_org_id); every other table is read for that range in one indexed range scan on
  // (organization_id, supplier_id), in the same (supplier_id, rowid) order the rows were read in before.
  const inChunk = `supplier_id > @after and supplier_id <= @last`;
  return {
    suppliers: c.prepare(
      `select rowid, id, name, tier, country, sector, goods, xinjiang_nexus, risk_score, risk_level, inherent_score,
              residual_score, coverage, risk_headline, exposure_score, exposure_path
         from suppliers where organization_id = @org and id > @after order by id limit @limit`,
    ),
    sites: c.prepare(
      `select supplier_id, name, country, migrant_workers_pct, agency_workers_pct, dormitories, seasonal_work,
              xinjiang_nexus from sites where organization_id = @org and ${inChunk} order by name`,
    ),
    audits: c.prepare(
      `select supplier_id, id, scheme, audit_date from audits where organization_id = @org and ${inChunk}`,
    ),
    findings: c.prepare(
      `select f.supplier_id, f.id, f.audit_id, f.title, f.grade, f.ilo_indicator, a.scheme, a.audit_date
         from findings f join audits a on a.id = f.audit_id
        where f.organization_id = @org and f.status = 'open' and f.supplier_id > @after
          and f.supplier_id <= @last`,
    ),
    tasks: c.prepare(
      `select supplier_id, id, title, state, plan_due_date, due_date, verified_at from remediation_tasks
        where organization_id = @org and ${inChunk}`,
    ),
    answers: c.prepare(
      `select supplier_id, answers from supplier_risk_inputs where organization_id = @org and ${inChunk}`,
    ),
    insert: c.prepare(
      `insert into risk_assessments (id, organization_id, supplier_id, score, level, model_version, factors,
         "trigger", inherent_score, coverage, inputs, shared_inputs, editions, change_note, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

const statements = (c: Database.Database) => {
  let s = cache.get(c);
  if (!s) cache.set(c, (s = prepare(c)));
  return s;
};

/**
 * What an organisation-wide pass computes once for many suppliers, for one transaction (the shared input
 * parts it stores must not be remembered past a rollback): the shared inputs' hashes, the inherent score
 * of suppliers with no sites by their shared reference facts, and the editions' JSON.
 */
export class RecomputeMemo {
  readonly shared: SharedInputsWriter;
  readonly inherent = new Map<string, { score: InherentScore; json: string | null }>();
  private editions = new WeakMap<object, string>();

  constructor(client: Database.Database, organizationId: string) {
    this.shared = new SharedInputsWriter(client, organizationId);
  }

  editionsJson(e: RiskInputs["editions"]): string {
    let json = this.editions.get(e);
    if (json === undefined) this.editions.set(e, (json = JSON.stringify(e)));
    return json;
  }
}

export type ChunkResult = { lastId: string | null; processed: number; changed: number };

/**
 * Rescore one chunk of an organisation's suppliers (id order after `afterId`) with today's model and
 * reference data, inside the caller's transaction: each table is read once for the chunk (no per-supplier
 * queries), answers come from supplier_risk_inputs (written at every questionnaire-driven recompute), and a
 * new assessment is stored only where the result changed, with a note saying what changed.
 *
 * With `deferred`, the suppliers' own columns are not written here: each supplier is added to the map
 * with its new scores and the columns that changed, for exposurePass to write once together with its
 * exposure (one UPDATE per supplier instead of two, and no second scan of the suppliers). Only for a
 * caller that runs every chunk and the exposure pass in one transaction (recomputeOrgNow).
 */
export function recomputeChunk(
  database: DB,
  ctx: Ctx,
  afterId: string,
  limit: number,
  reason: string,
  settings: RiskInputs["settings"],
  deferred?: Map<string, ExposureNode>,
  shared?: RecomputeMemo,
): ChunkResult {
  const client = database.$client;
  const st = statements(client);
  const org = ctx.organizationId;
  const rows = st.suppliers.all({ org, after: afterId, limit }) as SupplierRow[];
  if (!rows.length) return { lastId: null, processed: 0, changed: 0 };
  const p = { org, after: afterId, last: rows[rows.length - 1].id };
  const sitesBy = group(st.sites.all(p) as (Record<string, unknown> & { supplier_id: string })[]);
  const auditsBy = group(
    st.audits.all(p) as { supplier_id: string; id: string; scheme: string; audit_date: string }[],
  );
  const findingsBy = group(
    st.findings.all(p) as {
      supplier_id: string;
      id: string;
      audit_id: string;
      title: string;
      grade: FindingGrade;
      ilo_indicator: string | null;
      scheme: string;
      audit_date: string;
    }[],
  );
  const tasksBy = group(
    st.tasks.all(p) as {
      supplier_id: string;
      id: string;
      title: string;
      state: ActionState;
      plan_due_date: string | null;
      due_date: string;
      verified_at: number | null;
    }[],
  );
  const answersBy = new Map(
    (st.answers.all(p) as { supplier_id: string; answers: string | null }[]).map((r) => [
      r.supplier_id,
      r.answers ? (JSON.parse(r.answers) as AnswersInput | null) : null,
    ]),
  );
  const ref = referenceData();
  const now = nowOf(ctx);
  const asOf = isoDate(now);
  const evidenceBy = expiredEvidenceBySupplier(database, org, now, p);
  const grievancesBy = substantiatedGrievancesByChunk(database, org, p);
  const memo = shared ?? new RecomputeMemo(client, org);
  let changed = 0;
  for (const s of rows) {
    const siteFacts: SiteFacts[] = (sitesBy.get(s.id) ?? []).map((x) => ({
      name: x.name as string,
      country: x.country as string,
      migrantPct: x.migrant_workers_pct as number | null,
      agencyPct: x.agency_workers_pct as number | null,
      housing: x.dormitories === null ? null : !!x.dormitories,
      seasonal: x.seasonal_work === null ? null : !!x.seasonal_work,
      xinjiangNexus: !!x.xinjiang_nexus,
    }));
    const inputs: RiskInputs = {
      asOf,
      settings,
      ...inherentFactsShared(ref, {
        country: s.country,
        sector: s.sector,
        goods: JSON.parse(s.goods) as string[],
        xinjiangNexus: !!s.xinjiang_nexus,
        sites: siteFacts,
      }),
      answers: answersBy.get(s.id) ?? null,
      audits: (auditsBy.get(s.id) ?? []).map((a) => ({ id: a.id, scheme: a.scheme, date: a.audit_date })),
      findings: (findingsBy.get(s.id) ?? [])
        .map((f) => ({
          id: f.id,
          auditId: f.audit_id,
          title: f.title,
          grade: f.grade,
          iloIndicator: f.ilo_indicator,
          source: `${f.scheme} audit of ${f.audit_date}`,
        }))
        .concat(grievancesBy.get(s.id) ?? []),
      // The same rules as actionsOf (remediation's overdueKind; verified = resolved with a verification).
      actions: (tasksBy.get(s.id) ?? []).flatMap((t): RiskInputs["actions"] => {
        const kind = overdueKind({ state: t.state, planDueDate: t.plan_due_date, dueDate: t.due_date }, asOf);
        if (kind)
          return [
            {
              id: t.id,
              title: kind === "plan" ? `${t.title} (corrective action plan late)` : t.title,
              dueDate: kind === "plan" ? t.plan_due_date! : t.due_date,
              state: "open",
              closedOn: null,
            },
          ];
        if (RESOLVED.includes(t.state) && t.verified_at)
          return [
            {
              id: t.id,
              title: t.title,
              dueDate: t.due_date,
              state: "verified",
              closedOn: isoDate(new Date(t.verified_at)),
            },
          ];
        return [];
      }),
      evidence: evidenceBy.get(s.id) ?? [],
    };
    // Suppliers with no sites share their inherent risk with every supplier of the same reference facts.
    const key = memo.shared.keyOf(inputs);
    let inh = inputs.sites.length ? undefined : memo.inherent.get(key);
    if (!inh) {
      inh = { score: scoreInherent(inputs), json: null };
      if (!inputs.sites.length) memo.inherent.set(key, inh);
    }
    const r = scoreRisk(inputs, inh.score);
    const same =
      s.inherent_score === r.inherent.score &&
      s.residual_score === r.residual.score &&
      s.coverage === r.coverage.state &&
      s.risk_headline === r.headline;
    const own: ColumnChange[] = same
      ? []
      : [
          ["inherent_score", s.inherent_score, r.inherent.score],
          ["residual_score", s.residual_score, r.residual.score],
          ["coverage", s.coverage, r.coverage.state],
          ["risk_headline", s.risk_headline, r.headline],
        ];
    deferred?.set(s.id, {
      id: s.id,
      name: s.name,
      country: s.country,
      tier: s.tier,
      residual: r.residual.score,
      headline: r.headline,
      exposure: null,
      storedJson: s.exposure_path,
      storedScore: s.exposure_score,
      score: s.risk_score,
      level: s.risk_level,
      pending: own,
      rescored: !same,
      rowid: s.rowid,
    });
    if (same) continue;
    changed++;
    const note =
      s.residual_score === null
        ? `first assessment (${reason})`
        : `${reason}: inherent ${s.inherent_score} → ${r.inherent.score}, residual ${s.residual_score} → ${r.residual.score}` +
          (s.coverage !== r.coverage.state ? `, coverage ${s.coverage} → ${r.coverage.state}` : "");
    // The text JSON.stringify([...inherent lines, ...residual lines]) gives (both lists are never empty),
    // with the inherent half serialised once per memoised inherent score.
    inh.json ??= JSON.stringify(r.inherent.lines);
    const factors = `${inh.json.slice(0, -1)},${JSON.stringify(r.residual.lines).slice(1)}`;
    st.insert.run(
      orderedId(now.getTime()),
      org,
      s.id,
      r.residual.score,
      r.residual.level,
      r.modelVersion,
      factors,
      `recompute: ${reason}`,
      r.inherent.score,
      r.coverage.state,
      JSON.stringify({
        sites: inputs.sites,
        answers: inputs.answers,
        audits: inputs.audits,
        findings: inputs.findings,
        actions: inputs.actions,
        evidence: inputs.evidence,
      } satisfies OwnInputs),
      memo.shared.hashOf(inputs, key),
      memo.editionsJson(inputs.editions),
      note,
      now.getTime(),
    );
    if (deferred) continue;
    const score = Math.max(r.residual.score, s.exposure_score ?? 0);
    updateSupplierRisk(client, org, s.id, [
      ...own,
      ["risk_score", s.risk_score, score],
      ["risk_level", s.risk_level, levelFor(score)],
    ]);
  }
  return { lastId: rows[rows.length - 1].id, processed: rows.length, changed };
}

/**
 * The one audit row of an organisation-wide recompute: who or what asked for it and why, how many
 * suppliers were rescored, how many got a new assessment and how many buyers' exposure moved. Per-supplier
 * rows would add 100k audit rows for a reference edition; the assessments themselves carry each change.
 */
function recordRecomputeSummary(
  tx: DbOrTx,
  ctx: Ctx,
  summary: {
    riskJobId?: string;
    reason: string;
    requestedBy: string;
    processed: number;
    changed: number;
    exposureUpdated: number;
  },
): void {
  recordAudit(tx, ctx, {
    action: "risk.recompute_done",
    entityType: "organization",
    entityId: ctx.organizationId,
    details: summary,
  });
}

/**
 * Rescore the whole organisation in one transaction (benchmarks, tests, small organisations): every write
 * and the summary audit row commit together. The job below does the same in chunks.
 */
export function recomputeOrgNow(
  database: DB,
  ctx: Ctx,
  reason: string,
  chunk = RECOMPUTE_CHUNK,
): { processed: number; changed: number } {
  const settings = riskSettingsOf(database, ctx.organizationId);
  return writeTx((tx) => {
    let after = "";
    let processed = 0;
    let changed = 0;
    const nodes = new Map<string, ExposureNode>();
    const shared = new RecomputeMemo(database.$client, ctx.organizationId);
    for (;;) {
      const r = recomputeChunk(database, ctx, after, chunk, reason, settings, nodes, shared);
      if (!r.lastId) break;
      processed += r.processed;
      changed += r.changed;
      after = r.lastId;
    }
    const exposureUpdated = exposurePass(database.$client, ctx.organizationId, nodes);
    recordRecomputeSummary(tx, ctx, {
      reason,
      requestedBy: ctx.actor.label,
      processed,
      changed,
      exposureUpdated,
    });
    return { processed, changed };
  }, database);
}

/** Queue an organisation-wide recompute (in the caller's transaction); the scheduler runs it in chunks. */
export function enqueueOrgRecompute(tx: DbOrTx, ctx: Ctx, reason: string): string {
  const total =
    tx.select({ n: count() }).from(suppliers).where(eq(suppliers.organizationId, ctx.organizationId)).get()
      ?.n ?? 0;
  const job = tx
    .insert(riskJobs)
    .values({
      organizationId: ctx.organizationId,
      reason,
      status: "queued",
      total,
      requestedByLabel: ctx.actor.label,
      createdAt: nowOf(ctx),
    })
    .returning({ id: riskJobs.id })
    .get();
  schedule(tx, {
    kind: RISK_RECOMPUTE_JOB,
    runAt: nowOf(ctx),
    payload: { riskJobId: job.id },
    uniqueKey: `risk-recompute:${job.id}`,
    organizationId: ctx.organizationId,
  });
  recordAudit(tx, ctx, {
    action: "risk.recompute_queued",
    entityType: "organization",
    entityId: ctx.organizationId,
    details: { riskJobId: job.id, reason, total },
  });
  return job.id;
}

/** At start: every organisation whose scores were computed with another model or edition gets a job. */
export function enqueueStaleOrganisations(database: DB = db()): number {
  const fp = riskFingerprint();
  const orgs = database
    .select({ id: organizations.id, applied: riskSettings.appliedFingerprint })
    .from(organizations)
    .leftJoin(riskSettings, eq(riskSettings.organizationId, organizations.id))
    .all();
  let queued = 0;
  for (const o of orgs) {
    if (o.applied === fp) continue;
    const pending = database
      .select({ id: riskJobs.id })
      .from(riskJobs)
      .where(and(eq(riskJobs.organizationId, o.id), eq(riskJobs.status, "queued")))
      .get();
    if (pending) continue;
    writeTx((tx) => {
      enqueueOrgRecompute(
        tx,
        systemCtx(o.id, "risk model"),
        o.applied
          ? `model or reference data changed (${MODEL_VERSION}, ${Object.values(referenceData().editions).join("; ")})`
          : `scores computed with ${MODEL_VERSION} for the first time`,
      );
    }, database);
    queued++;
  }
  if (queued) kickScheduler();
  return queued;
}

export type RiskJobView = {
  id: string;
  reason: string;
  status: string;
  total: number;
  done: number;
  changed: number;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
};

export function riskJobsOf(ctx: Ctx, limit = 5): RiskJobView[] {
  return db()
    .select()
    .from(riskJobs)
    .where(eq(riskJobs.organizationId, ctx.organizationId))
    .orderBy(desc(riskJobs.createdAt))
    .limit(limit)
    .all()
    .map((j) => ({
      id: j.id,
      reason: j.reason,
      status: j.status,
      total: j.total,
      done: j.done,
      changed: j.changed,
      requestedBy: j.requestedByLabel,
      createdAt: j.createdAt.toISOString(),
      finishedAt: j.finishedAt?.toISOString() ?? null,
      error: j.error,
    }));
}

/**
 * The job: chunks of RECOMPUTE_CHUNK suppliers, each its own transaction that also advances the job's
 * cursor (a restart resumes after the last committed chunk), yielding to the event loop between chunks;
 * then one exposure pass, the fingerprint recorded, the job marked done with the scheduler's row and the
 * summary audit row (counts over every chunk, from risk_jobs, which each chunk advanced in its own commit).
 */
export const riskJobHandlers: JobHandlers = {
  [RISK_RECOMPUTE_JOB]: async ({ payload, database, heartbeat, complete }) => {
    const id = String(payload.riskJobId ?? "");
    const job = database.select().from(riskJobs).where(eq(riskJobs.id, id)).get();
    if (!job || job.status === "done") {
      complete(database);
      return;
    }
    const ctx = systemCtx(job.organizationId, "risk recompute");
    const settings = riskSettingsOf(database, job.organizationId);
    let after = job.cursor ?? "";
    for (;;) {
      const r = writeTx((tx) => {
        const res = recomputeChunk(database, ctx, after, RECOMPUTE_CHUNK, job.reason, settings);
        if (res.lastId) {
          database.$client
            .prepare(
              `update risk_jobs set status = 'running', cursor = ?, done = done + ?, changed = changed + ? where id = ?`,
            )
            .run(res.lastId, res.processed, res.changed, id);
        }
        heartbeat(tx);
        return res;
      }, database);
      invalidateSupplierCounts(job.organizationId);
      if (!r.lastId) break;
      after = r.lastId;
      await new Promise((resolve) => setImmediate(resolve));
    }
    writeTx((tx) => {
      const exposureUpdated = recomputeOrgExposure(database.$client, job.organizationId);
      const now = new Date();
      tx.update(riskJobs).set({ status: "done", finishedAt: now }).where(eq(riskJobs.id, id)).run();
      tx.insert(riskSettings)
        .values({ organizationId: job.organizationId, appliedFingerprint: riskFingerprint(), updatedAt: now })
        .onConflictDoUpdate({
          target: riskSettings.organizationId,
          set: { appliedFingerprint: riskFingerprint(), updatedAt: now },
        })
        .run();
      const done = tx.select().from(riskJobs).where(eq(riskJobs.id, id)).get()!;
      recordRecomputeSummary(tx, ctx, {
        riskJobId: id,
        reason: job.reason,
        requestedBy: job.requestedByLabel,
        processed: done.done,
        changed: done.changed,
        exposureUpdated,
      });
      complete(tx);
    }, database);
    invalidateSupplierCounts(job.organizationId);
  },
};
