import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { createOrg, insertSupplier } from "../../test/factories";
import { backupDatabase, restoreDatabase } from "./backup.server";
import { db } from "./db.server";

describe("backup and restore", () => {
  it("backs up a live database through the backup API and restores it", async () => {
    const org = await createOrg();
    insertSupplier(org.id, { name: "Before backup" });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-backup-"));
    const file = path.join(dir, "backup.sqlite");
    const out = await backupDatabase(db(), file);
    expect(out.bytes).toBeGreaterThan(0);
    insertSupplier(org.id, { name: "After backup" });

    const target = path.join(dir, "restored.sqlite");
    restoreDatabase(file, target);
    const restored = new Database(target, { readonly: true });
    const names = (
      restored.prepare("SELECT name FROM suppliers WHERE organization_id = ?").all(org.id) as {
        name: string;
      }[]
    ).map((r) => r.name);
    restored.close();
    expect(names).toContain("Before backup");
    expect(names).not.toContain("After backup");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses to restore a damaged backup", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cs-backup-"));
    const bad = path.join(dir, "bad.sqlite");
    fs.writeFileSync(bad, "this is not a database");
    expect(() => restoreDatabase(bad, path.join(dir, "target.sqlite"))).toThrow();
    expect(fs.existsSync(path.join(dir, "target.sqlite"))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
