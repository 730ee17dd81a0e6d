/**
 * statement_pdf_100k: the facts and the PDF of a statement for an organisation with 100,000 suppliers,
 * 20,000 findings (of 5,000 audits) and 50,000 remediation actions over the year, plus a stored risk
 * assessment for 95 % of the suppliers, 20,000 questionnaires, 2,000 worker grievance cases (with their
 * transitions in the audit log) and 10,000 training completions: the figures counted in one read
 * transaction as the PDF reads them (the real gatherStatementFacts, with the records the appendix prints)
 * and the render of the full PDF (every criterion, the figures, the approval block and the appendix). Targets: ≤ 1.5 s and ≤ 150 MB of
 * extra RSS (peak during the run over the RSS before it). The fact queries alone are printed beside.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { seedLargeOrg } from "./seed-100k";

const TARGET_MS = 1500;
const TARGET_MB = 150;
const SUPPLIERS = 100_000;
const AUDITS = 5_000;
const FINDINGS = 20_000;
const ACTIONS = 50_000;
const QUESTIONNAIRES = 20_000;
const GRIEVANCES = 2_000;
const COMPLETIONS = 10_000;

const child = process.env.STATEMENT_BENCH_ORG;
const work = child ? "" : fs.mkdtempSync(path.join(os.tmpdir(), "bench-statement-"));
if (!child) process.env.DATABASE_PATH = path.join(work, "bench.sqlite");
process.env.SQLITE_SYNCHRONOUS = "NORMAL";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Seed the organisation (parent process); the measurement runs in a fresh child so its peak RSS is its own. */
async function seed(): Promise<{ organizationId: string; period: { start: string; end: string } }> {
  const { db } = await import("~/infra/db.server");
  const database = db();
  const client = database.$client;
  const t0 = performance.now();
  const org = await seedLargeOrg(database, { suppliers: SUPPLIERS });
  const rand = rng(11);
  const day = 86_400_000;
  const end = new Date();
  end.setUTCHours(23, 59, 59, 999);
  const startMs = end.getTime() - 365 * day;
  const period = {
    start: new Date(startMs + 1).toISOString().slice(0, 10),
    end: end.toISOString().slice(0, 10),
  };
  const inYear = () => startMs + Math.floor(rand() * 364 * day);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const ids = client
    .prepare("select id from suppliers where organization_id = ?")
    .pluck()
    .all(org.organizationId) as string[];
  const pick = () => ids[Math.floor(rand() * ids.length)];
  const GRADES = ["zero_tolerance", "critical", "major", "minor", "observation"];

  client.transaction(() => {
    const risk = client.prepare(
      `insert into risk_assessments (id, organization_id, supplier_id, score, level, model_version, factors, "trigger", created_at)
       values (?, ?, ?, ?, ?, 'bench', '[]', 'bench', ?)`,
    );
    for (const id of ids) {
      if (rand() < 0.05) continue;
      const score = Math.floor(rand() * 100);
      const level = score >= 70 ? "critical" : score >= 50 ? "high" : score >= 25 ? "medium" : "low";
      risk.run(randomUUID(), org.organizationId, id, score, level, inYear());
    }
    const audit = client.prepare(
      `insert into audits (id, organization_id, supplier_id, scheme, audit_date, created_at) values (?, ?, ?, 'SMETA', ?, ?)`,
    );
    const finding = client.prepare(
      `insert into findings (id, organization_id, audit_id, supplier_id, title, grade, ilo_indicator, status, closed_at, created_at, updated_at)
       values (?, ?, ?, ?, 'Finding', ?, ?, ?, ?, ?, ?)`,
    );
    const audits: { id: string; supplierId: string; at: number }[] = [];
    for (let i = 0; i < AUDITS; i++) {
      const a = { id: randomUUID(), supplierId: pick(), at: inYear() };
      audit.run(a.id, org.organizationId, a.supplierId, iso(a.at), a.at);
      audits.push(a);
    }
    const findingIds: string[] = [];
    for (let i = 0; i < FINDINGS; i++) {
      const a = audits[i % AUDITS];
      const closed = rand() < 0.5 ? a.at + Math.floor(rand() * 200 * day) : null;
      const id = randomUUID();
      findingIds.push(id);
      finding.run(
        id,
        org.organizationId,
        a.id,
        a.supplierId,
        GRADES[Math.floor(rand() * GRADES.length)],
        rand() < 0.4 ? String(1 + Math.floor(rand() * 11)) : null,
        closed ? "closed" : "open",
        closed,
        a.at,
        a.at,
      );
    }
    const action = client.prepare(
      `insert into remediation_tasks (id, organization_id, supplier_id, source_type, source_ref, title, ilo_indicator, due_date, status, completed_at, created_at)
       values (?, ?, ?, ?, ?, 'Action', ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < ACTIONS; i++) {
      const at = inYear();
      const fromFinding = i < FINDINGS;
      const done = rand() < 0.6 ? at + Math.floor(rand() * 120 * day) : null;
      action.run(
        randomUUID(),
        org.organizationId,
        pick(),
        fromFinding ? "finding" : "answer",
        fromFinding ? findingIds[i] : randomUUID(),
        rand() < 0.5 ? String(1 + Math.floor(rand() * 11)) : null,
        iso(at + 30 * day),
        done ? "completed" : "open",
        done,
        at,
      );
    }
    const assignment = client.prepare(
      `insert into questionnaire_assignments (id, organization_id, supplier_id, template_key, template_version, questions_snapshot,
         recipient_name, recipient_email, status, token_hash, token_expires_at, sent_at, submitted_at, created_at, updated_at)
       values (?, ?, ?, 'forced-labour-saq', '1', '{}', 'R', 'r@bench.test', ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let i = 0; i < QUESTIONNAIRES; i++) {
      const at = inYear();
      const submitted = rand() < 0.7 ? at + 5 * day : null;
      assignment.run(
        randomUUID(),
        org.organizationId,
        pick(),
        submitted ? "submitted" : "sent",
        randomUUID(),
        at + 30 * day,
        at,
        submitted,
        at,
        at,
      );
    }
    // The worker channel: cases across the year worked through the workflow, each transition an audit row
    // (the statement replays them to judge each case on the period's last day).
    const gcase = client.prepare(
      `insert into grievance_cases (id, organization_id, number, receipt_hash, language, received_on, what_happened,
         indicators, state, acknowledged_on, decided_on, closed_on, action_id)
       values (?, ?, ?, ?, 'en', ?, 'Bench report', ?, ?, ?, ?, ?, ?)`,
    );
    const transition = client.prepare(
      `insert into audit_log (organization_id, actor_type, actor_id, actor_label, action, entity_type, entity_id, created_at, prev_hash, hash)
       values (?, 'system', null, 'bench', ?, 'grievance_case', ?, ?, 'bench', 'bench')`,
    );
    const SIGNS = [
      "debt_bondage",
      "excessive_overtime",
      "withholding_of_wages",
      "retention_of_identity_documents",
    ];
    for (let i = 0; i < GRIEVANCES; i++) {
      const id = randomUUID();
      const at = inYear();
      const ack = at + 2 * day;
      const decided = rand() < 0.7 ? at + 30 * day : null;
      const substantiated = decided !== null && rand() < 0.4;
      const closed = decided !== null && rand() < 0.8 ? decided + 10 * day : null;
      const state = closed
        ? "closed"
        : decided
          ? substantiated
            ? "substantiated"
            : "not_substantiated"
          : "acknowledged";
      gcase.run(
        id,
        org.organizationId,
        i + 1,
        randomUUID(),
        iso(at),
        JSON.stringify([SIGNS[i % SIGNS.length]]),
        state,
        iso(ack),
        decided ? iso(decided) : null,
        closed ? iso(closed) : null,
        substantiated ? randomUUID() : null,
      );
      transition.run(org.organizationId, "grievance.acknowledge", id, ack);
      if (decided) {
        transition.run(org.organizationId, "grievance.investigate", id, ack + day);
        transition.run(
          org.organizationId,
          substantiated ? "grievance.substantiate" : "grievance.not_substantiate",
          id,
          decided,
        );
      }
      if (closed) transition.run(org.organizationId, "grievance.close", id, closed);
    }
    // Training: a staff and a supplier course, completions across the year.
    const course = client.prepare(
      `insert into training_courses (id, organization_id, title, audience, language, duration_minutes, created_at)
       values (?, ?, ?, ?, 'en', 45, ?)`,
    );
    const staffCourse = randomUUID();
    const supplierCourse = randomUUID();
    course.run(staffCourse, org.organizationId, "Modern slavery awareness", "staff", startMs);
    course.run(supplierCourse, org.organizationId, "Recruitment fees for supervisors", "supplier", startMs);
    const completion = client.prepare(
      `insert into training_completions (id, organization_id, course_id, learner_name, learner_key, supplier_id, completed_on, source, created_at)
       values (?, ?, ?, ?, ?, ?, ?, 'import', ?)`,
    );
    for (let i = 0; i < COMPLETIONS; i++) {
      const at = inYear();
      const staff = i % 4 === 0;
      completion.run(
        randomUUID(),
        org.organizationId,
        staff ? staffCourse : supplierCourse,
        `Learner ${i}`,
        `learner-${i}`,
        staff ? null : pick(),
        iso(at),
        at,
      );
    }
  })();
  console.error(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  return { organizationId: org.organizationId, period };
}

async function measure(organizationId: string, period: { start: string; end: string }) {
  const { db } = await import("~/infra/db.server");
  const { gatherStatementFacts } = await import("~/statements/facts.server");
  const { renderStatementPdf, APPENDIX_RECORDS_PER_FIGURE } = await import("~/statements/render-pdf.server");
  const { templateFor, starterNarrative } = await import("~/statements/regimes");
  const { EMPTY_DETAILS } = await import("~/statements/details");
  const database = db();
  const end = new Date(`${period.end}T23:59:59.999Z`);
  const org = { organizationId };
  // Warm the fonts and the prepared statements on a tiny period, then measure the real one.
  const template = templateFor("uk_msa_s54", period.end);
  const statement = {
    template,
    legalName: "Bench Sourcing Group Ltd · Łódź 深圳 مصنع",
    periodStart: period.start,
    periodEnd: period.end,
    status: "draft" as const,
    version: 1,
    revisionNote: null,
    narrative: starterNarrative(template),
    details: EMPTY_DETAILS,
    governingBody: null,
    approvalDate: null,
    signatoryName: null,
    signatoryTitle: null,
    signedOn: null,
    auditChainHead: null,
  };
  const warm = gatherStatementFacts(
    database,
    org.organizationId,
    { start: "2000-01-01", end: "2000-01-02" },
    end,
    { firstRecords: APPENDIX_RECORDS_PER_FIGURE },
  );
  await renderStatementPdf({ statement, facts: warm, previous: null, generatedAt: end });

  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  // As generateStatementPdf reads them: the figures counted, and the records the appendix prints.
  const firstRecords = APPENDIX_RECORDS_PER_FIGURE;
  const facts = database.transaction(
    (tx) => gatherStatementFacts(tx, org.organizationId, period, end, { firstRecords }),
    { behavior: "deferred" },
  );
  const factsMs = performance.now() - started;
  if (process.env.STATEMENT_BENCH_PROFILE) {
    const { gatherFactSummaries } = await import("~/statements/facts.server");
    const { computeStatementFacts } = await import("~/statements/facts");
    let t = performance.now();
    const inputs = gatherFactSummaries(database, org.organizationId, period, end, firstRecords);
    console.error(`  inputs ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    const f2 = computeStatementFacts(inputs);
    console.error(`  compute ${(performance.now() - t).toFixed(0)} ms`);
    t = performance.now();
    await renderStatementPdf({ statement, facts: f2, previous: null, generatedAt: end });
    console.error(`  render ${(performance.now() - t).toFixed(0)} ms`);
  }
  const { bytes, pageCount } = await renderStatementPdf({
    statement,
    facts,
    previous: null,
    generatedAt: end,
  });
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const peak = Math.max(process.resourceUsage().maxRSS * 1024, maxBefore);
  const extraMb = Math.max(0, peak - Math.max(rssBefore, 0)) / 1024 / 1024;

  // The worker channel's and training's share of the fact reads, timed again on their own.
  const { readGrievancePeriodFacts } = await import("~/grievances/period-facts.server");
  const { readTrainingPeriodFacts } = await import("~/training/period-facts.server");
  const w0 = performance.now();
  readGrievancePeriodFacts(database, org.organizationId, period);
  const grievanceMs = performance.now() - w0;
  readTrainingPeriodFacts(database, org.organizationId, period, SUPPLIERS);
  const workerMs = performance.now() - w0;
  const received = facts.indicators.find((i) => i.key === "grievances_received")!.value;
  if (!received || received < GRIEVANCES * 0.9)
    throw new Error(`expected ~${GRIEVANCES} grievance reports in the period, got ${received}`);

  const raised = facts.indicators.find((i) => i.key === "actions_raised")!.value;
  if (!raised || raised < ACTIONS * 0.9)
    throw new Error(`expected ~${ACTIONS} actions in the period, got ${raised}`);
  console.error(
    `facts ${factsMs.toFixed(0)} ms (grievances ${grievanceMs.toFixed(0)} ms and training ${(workerMs - grievanceMs).toFixed(0)} ms of it, timed alone); PDF ${pageCount} pages, ${(bytes.length / 1024).toFixed(0)} KB; ` +
      `${facts.indicators.find((i) => i.key === "findings_raised")!.value} findings, ${raised} actions; ` +
      `CPU time ${cpuMs.toFixed(0)} ms (wall ${totalMs.toFixed(0)} ms, load ${os.loadavg()[0].toFixed(1)})`,
  );
  console.log(`BENCH name=statement_pdf_100k value=${totalMs.toFixed(0)} unit=ms target=${TARGET_MS}`);
  console.log(`BENCH name=statement_pdf_100k_rss value=${extraMb.toFixed(0)} unit=MB target=${TARGET_MB}`);
  // The fact queries alone, printed beside the total (their target is the whole budget).
  console.log(`BENCH name=statement_pdf_100k_facts value=${factsMs.toFixed(0)} unit=ms target=${TARGET_MS}`);
}

if (child) {
  await measure(child, JSON.parse(process.env.STATEMENT_BENCH_PERIOD!));
} else {
  try {
    const { organizationId, period } = await seed();
    const { closeDb } = await import("~/infra/db.server");
    closeDb();
    const r = spawnSync(
      process.execPath,
      [
        ...(process.env.STATEMENT_BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
        "--import",
        "tsx",
        "--expose-gc",
        new URL(import.meta.url).pathname,
      ],
      {
        encoding: "utf8",
        stdio: ["ignore", "inherit", "inherit"],
        env: {
          ...process.env,
          STATEMENT_BENCH_ORG: organizationId,
          STATEMENT_BENCH_PERIOD: JSON.stringify(period),
        },
      },
    );
    if (r.status !== 0) process.exitCode = r.status ?? 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
