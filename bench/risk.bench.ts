/**
 * risk_recompute_100k: the organisation-wide recompute a new reference edition triggers, on the shared
 * 100,000-supplier organisation (four tiers of links, sites for a third) plus realistic risk inputs: answers
 * for 30 % (a red flag in one in ten of those), an audit for 20 %, open findings for 5 %, corrective actions
 * for 5 %. First every supplier is scored once with today's data (not timed); then a new TIP edition moves
 * the largest country (China, 30 % of suppliers) from Tier 3 to Tier 2 Watch List and the whole
 * organisation is recomputed: every supplier read and rescored, new assessments (inputs + editions + why)
 * for those that changed, one exposure pass. Printed beside it: one plain SQL scan of the same rows (the
 * floor) and the ratio.
 *
 * risk_incremental: a zero-tolerance finding recorded on a tier-3 supplier through the real verb: the
 * finding, its remediation task and audit rows, the supplier's rescore and every upstream supplier's
 * exposure, committed in one transaction. p95 over 60 different suppliers.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedLargeOrg } from "./seed-100k";

const SUPPLIERS = 100_000;
const FULL_TARGET_S = 2;
const INCREMENTAL_TARGET_MS = 30;

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-risk-"));
process.env.DATABASE_PATH = path.join(work, "bench.sqlite");
process.env.SQLITE_SYNCHRONOUS = "NORMAL";

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1];

try {
  const { db } = await import("~/infra/db.server");
  const { recomputeOrgNow } = await import("~/risk/recompute-org.server");
  const { referenceData, setReferenceData } = await import("~/risk/reference.server");
  const { addFinding, createAudit } = await import("~/audits/audits.server");

  const database = db();
  const client = database.$client;
  let t0 = performance.now();
  const org = await seedLargeOrg(database, { suppliers: SUPPLIERS });
  const orgId = org.organizationId;
  const ctx = { organizationId: orgId, actor: { type: "system" as const, label: "bench" } };

  // Risk inputs beyond what the shared seed has.
  let s = 20261202;
  const rand = () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const ids = client
    .prepare("select id from suppliers where organization_id = ? order by id")
    .pluck()
    .all(orgId) as string[];
  const insAnswers = client.prepare(
    "insert into supplier_risk_inputs (supplier_id, organization_id, answers, updated_at) values (?, ?, ?, ?)",
  );
  const insAudit = client.prepare(
    "insert into audits (id, organization_id, supplier_id, scheme, audit_date, created_at) values (?, ?, ?, 'SMETA', ?, ?)",
  );
  const insFinding = client.prepare(
    `insert into findings (id, organization_id, audit_id, supplier_id, title, grade, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
  );
  const insTask = client.prepare(
    `insert into remediation_tasks (id, organization_id, supplier_id, source_type, source_ref, title, due_date,
       state, status, verified_at, created_at)
     values (?, ?, ?, 'finding', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  const grades = ["zero_tolerance", "critical", "major", "minor", "observation"];
  client.transaction(() => {
    for (const id of ids) {
      if (rand() < 0.3) {
        const red = rand() < 0.1;
        insAnswers.run(
          id,
          orgId,
          JSON.stringify({
            title: "Forced labour self-assessment",
            version: 2,
            status: rand() < 0.7 ? "accepted" : "submitted",
            submittedOn: "2026-09-01",
            acceptedOn: "2026-09-10",
            signals: [
              {
                questionId: "P1",
                question: "Written policy against forced labour?",
                answer: "Yes",
                points: -6,
                redFlag: false,
                iloIndicators: [],
                control: "evidenced",
              },
              {
                questionId: "H1",
                question: "Average weekly hours?",
                answer: "58 hours per week",
                points: 8,
                redFlag: false,
                iloIndicators: [11],
                control: null,
              },
              ...(red
                ? [
                    {
                      questionId: "I1",
                      question: "Does the site hold workers' passports?",
                      answer: "Yes",
                      points: 25,
                      redFlag: true,
                      iloIndicators: [7],
                      control: null,
                    },
                  ]
                : []),
            ],
          }),
          now,
        );
      }
      if (rand() < 0.2) {
        const auditId = randomUUID();
        insAudit.run(auditId, orgId, id, rand() < 0.7 ? "2026-05-01" : "2023-02-01", now);
        if (rand() < 0.25) {
          const fid = randomUUID();
          insFinding.run(
            fid,
            orgId,
            auditId,
            id,
            "Excessive overtime",
            grades[Math.floor(rand() * 5)],
            now,
            now,
          );
          if (rand() < 0.5) {
            const closed = rand() < 0.3;
            insTask.run(
              randomUUID(),
              orgId,
              id,
              fid,
              "Cap overtime",
              rand() < 0.5 ? "2026-10-01" : "2027-03-01",
              closed ? "closed" : "open",
              closed ? "completed" : "open",
              closed ? now : null,
              now,
            );
          }
        }
      }
    }
  })();
  const first = recomputeOrgNow(database, ctx, "bench: first v2 scores");
  console.error(
    `seeded ${SUPPLIERS} suppliers with risk inputs and first scores (${first.changed} assessments) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // The floor: one plain scan of the same rows the recompute reads.
  const floorSql = [
    "select id, country, sector, goods, xinjiang_nexus, risk_score, inherent_score, residual_score, coverage, risk_headline, exposure_score from suppliers where organization_id = ?",
    "select supplier_id, name, country, migrant_workers_pct, agency_workers_pct, dormitories, seasonal_work, xinjiang_nexus from sites where organization_id = ?",
    "select supplier_id, id, scheme, audit_date from audits where organization_id = ?",
    "select supplier_id, id, audit_id, title, grade, ilo_indicator from findings where organization_id = ? and status = 'open'",
    "select supplier_id, id, title, due_date, status, completed_at from remediation_tasks where organization_id = ?",
    "select supplier_id, answers from supplier_risk_inputs where organization_id = ?",
    "select parent_supplier_id, child_supplier_id from supplier_links where organization_id = ?",
  ].map((q) => client.prepare(q));
  t0 = performance.now();
  let scanned = 0;
  for (const st of floorSql) scanned += st.all(orgId).length;
  const floorMs = performance.now() - t0;

  // A new TIP edition: China from Tier 3 to Tier 2 Watch List.
  const ref = referenceData();
  const tip = new Map(ref.tip);
  tip.set("CN", new Map([...(tip.get("CN") ?? new Map()), [ref.tipEdition, "Tier 2 Watch List" as const]]));
  setReferenceData({
    ...ref,
    tip,
    editions: { ...ref.editions, tip: `${ref.editions.tip} (bench edit: CN Tier 2 Watch List)` },
  });
  if (global.gc) global.gc();
  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const full = recomputeOrgNow(database, ctx, "TIP edition changed");
  const fullS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  setReferenceData(ref);
  console.error(
    `full recompute: ${full.processed} suppliers rescored, ${full.changed} changed; floor scan ${scanned} rows`,
  );
  // The machine is shared: process CPU time says how much of the wall time was this process's own work.
  console.error(
    `full recompute: wall ${fullS.toFixed(3)} s, process CPU ${((cpu.user + cpu.system) / 1e6).toFixed(3)} s (user ${(cpu.user / 1e6).toFixed(3)}, system ${(cpu.system / 1e6).toFixed(3)}); load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  console.log(`BENCH name=risk_recompute_100k value=${fullS.toFixed(3)} unit=s target=${FULL_TARGET_S}`);
  // The floor and the ratio are context for the figure above, not targets of their own.
  console.log(
    `risk_recompute_100k floor: plain scan of the same ${scanned} rows ${(floorMs / 1000).toFixed(3)} s; recompute / scan = ${(fullS / (floorMs / 1000)).toFixed(1)}x`,
  );

  // Incremental: a finding on a tier-3 supplier that has parents (and grandparents).
  const tier3 = client
    .prepare(
      `select s.id from suppliers s where s.organization_id = ? and s.tier = 3
          and exists (select 1 from supplier_links l where l.child_supplier_id = s.id and l.parent_supplier_id is not null)
        order by s.id limit 70`,
    )
    .pluck()
    .all(orgId) as string[];
  const audits = tier3.map(
    (id) => createAudit(ctx, { supplierId: id, scheme: "RBA", auditDate: "2026-11-20" }).id,
  );
  const times: number[] = [];
  audits.forEach((auditId, i) => {
    const start = performance.now();
    addFinding(ctx, {
      auditId,
      title: `Passports retained ${i}`,
      grade: "zero_tolerance",
      iloIndicator: "7",
    });
    if (i >= 10) times.push(performance.now() - start); // the first ten warm the statements
  });
  const upstream = client
    .prepare(
      `select count(*) from suppliers where organization_id = ? and exposure_path like '%Passports retained%'`,
    )
    .pluck()
    .get(orgId) as number;
  console.error(
    `incremental: ${times.length} findings timed; ${upstream} upstream suppliers now carry their exposure`,
  );
  console.log(
    `BENCH name=risk_incremental value=${p95(times).toFixed(2)} unit=ms target=${INCREMENTAL_TARGET_MS}`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
