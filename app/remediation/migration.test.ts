import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The data move from remediation tasks to corrective actions, on a database migrated to just before it
 * with rows the old code wrote: grades, deadlines, states and timelines come out as ARCHITECTURE D15 says.
 */
const source = path.resolve(process.cwd(), "drizzle");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function folderUpTo(tag: string): string {
  const journal = JSON.parse(fs.readFileSync(path.join(source, "meta/_journal.json"), "utf8"));
  const cut = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith(tag));
  const target = path.join(dir, "before");
  fs.mkdirSync(path.join(target, "meta"), { recursive: true });
  const entries = journal.entries.slice(0, cut);
  for (const e of entries)
    fs.copyFileSync(path.join(source, `${e.tag}.sql`), path.join(target, `${e.tag}.sql`));
  fs.writeFileSync(path.join(target, "meta/_journal.json"), JSON.stringify({ ...journal, entries }));
  return target;
}

describe("migration to corrective actions", () => {
  it("moves open, completed and missing tasks into the workflow", () => {
    const sqlite = new Database(path.join(dir, "db.sqlite"));
    sqlite.pragma("foreign_keys = ON");
    const d = drizzle(sqlite);
    migrate(d, { migrationsFolder: folderUpTo("_corrective_actions") });
    const created = Date.UTC(2026, 0, 10);
    const run = (sql: string, ...args: unknown[]) => sqlite.prepare(sql).run(...args);
    run("insert into organizations (id, name, created_at) values ('o1', 'Org', ?)", created);
    run(
      "insert into users (id, email, name, password_hash, created_at) values ('u1', 'a@b.c', 'A', 'x', ?)",
      created,
    );
    run(
      `insert into suppliers (id, organization_id, name, country, sector, contact_name, contact_email, created_at, updated_at)
       values ('s1', 'o1', 'S', 'VN', 'Textiles', 'C', 'c@d.e', ?, ?)`,
      created,
      created,
    );
    run(
      "insert into audits (id, organization_id, supplier_id, scheme, audit_date, created_at) values ('a1', 'o1', 's1', 'SMETA', '2026-01-09', ?)",
      created,
    );
    const finding = (id: string, grade: string, status: string) =>
      run(
        `insert into findings (id, organization_id, audit_id, supplier_id, title, grade, status, created_at, updated_at)
         values (?, 'o1', 'a1', 's1', ?, ?, ?, ?, ?)`,
        id,
        `Finding ${id}`,
        grade,
        status,
        created,
        created,
      );
    finding("f-open-task", "critical", "open");
    finding("f-done-open", "zero_tolerance", "open");
    finding("f-major", "major", "open");
    finding("f-closed", "minor", "closed");
    const task = (id: string, type: string, ref: string, ilo: string | null, status: string) =>
      run(
        `insert into remediation_tasks (id, organization_id, supplier_id, source_type, source_ref, title, ilo_indicator,
           due_date, status, completion_note, created_at) values (?, 'o1', 's1', ?, ?, ?, ?, '2026-02-09', ?, ?, ?)`,
        id,
        type,
        ref,
        `Task ${id}`,
        ilo,
        status,
        status === "completed" ? "Done, trust me." : null,
        created,
      );
    task("t-finding", "finding", "f-open-task", null, "open");
    task("t-done", "finding", "f-done-open", "7", "completed");
    task("t-violence", "answer", "asg:Q9", "5, 6", "open");
    task("t-wages", "answer", "asg:Q4", "8", "completed");

    migrate(d, { migrationsFolder: source });
    const rows = sqlite
      .prepare(
        "select id, source_ref, grade, state, status, plan_due_date, due_date, progress_note from remediation_tasks order by source_ref",
      )
      .all() as Record<string, string>[];
    const by = Object.fromEntries(rows.map((r) => [r.source_ref, r]));
    expect(by["f-open-task"]).toMatchObject({
      grade: "critical",
      state: "open",
      plan_due_date: "2026-01-17",
      due_date: "2026-02-09",
    });
    // Completed while its finding stayed open: never verified, so it waits for evidence.
    expect(by["f-done-open"]).toMatchObject({
      grade: "zero_tolerance",
      state: "in_progress",
      status: "open",
      progress_note: "Done, trust me.",
    });
    // Physical violence: the old 30 days are tightened to the zero-tolerance window, never extended.
    expect(by["asg:Q9"]).toMatchObject({
      grade: "zero_tolerance",
      plan_due_date: "2026-01-10",
      due_date: "2026-02-09",
    });
    expect(by["asg:Q4"]).toMatchObject({ grade: "critical", state: "closed", status: "completed" });
    // The open major finding that raised nothing now has its action; the closed one stays closed.
    expect(by["f-major"]).toMatchObject({
      grade: "major",
      state: "open",
      plan_due_date: "2026-01-24",
      due_date: "2026-07-09",
    });
    expect(by["f-closed"]).toBeUndefined();
    const events = sqlite.prepare("select action_id, event, to_state from corrective_action_events").all();
    expect(events).toHaveLength(5);
    expect(new Set(events.map((e) => (e as { event: string }).event))).toEqual(new Set(["migrated"]));
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    sqlite.close();
  });
});
