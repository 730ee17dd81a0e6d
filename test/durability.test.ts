import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

/**
 * security.md: "kill -9 the server in the middle of writes, restart, every acknowledged write is there,
 * PRAGMA integrity_check is ok, nothing half-written."
 */
describe("durability", () => {
  it("keeps every acknowledged write and nothing half-written after SIGKILL mid-writes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-crash-"));
    const dbFile = path.join(dir, "crash.sqlite");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve(__dirname, "fixtures/crash-writer.ts")],
      {
        env: { ...process.env, DATABASE_PATH: dbFile, SQLITE_SYNCHRONOUS: "FULL", NODE_ENV: "test" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    const acked: string[] = [];
    let orgId = "";
    let buffer = "";
    await new Promise<void>((resolve, reject) => {
      child.on("error", reject);
      child.on("exit", () => resolve());
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          if (line.startsWith("ORG ")) orgId = line.slice(4);
          if (line.startsWith("ACK ")) acked.push(line.slice(4));
        }
        if (acked.length >= 150 && !child.killed) child.kill("SIGKILL");
      });
    });
    expect(child.signalCode).toBe("SIGKILL");
    expect(acked.length).toBeGreaterThanOrEqual(150);

    const db = new Database(dbFile);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = new Set(
        (db.prepare("SELECT id FROM suppliers WHERE organization_id = ?").all(orgId) as { id: string }[]).map(
          (r) => r.id,
        ),
      );
      for (const id of acked) expect(ids.has(id)).toBe(true);
      // Nothing half-written: every committed supplier has its link, its risk assessment and its audit row.
      const orphans = db
        .prepare(
          `SELECT count(*) AS n FROM suppliers s WHERE s.organization_id = ? AND (
             NOT EXISTS (SELECT 1 FROM supplier_links l WHERE l.child_supplier_id = s.id) OR
             NOT EXISTS (SELECT 1 FROM risk_assessments r WHERE r.supplier_id = s.id) OR
             NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.entity_id = s.id AND a.action = 'supplier.created'))`,
        )
        .get(orgId) as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
