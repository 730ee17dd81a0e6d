/**
 * The shared large-organisation seed for benchmarks: one organisation with N suppliers (default 100,000)
 * in a supply graph down to tier 4 (10 % / 30 % / 30 % / 30 % per tier, one in ten below tier 1 with a
 * second parent), a primary contact each, sites for a third of them, countries spread over the countries
 * of the TIP and ILAB reference lists (China weighted to 30 % so a country filter has 30,000 rows to page
 * through), risk scores (5 % not scored yet), spend for 90 %, goods from the ILAB list, statuses and tags,
 * and a procurement member who can log in.
 *
 * Written with raw better-sqlite3 prepared statements in one transaction: about 100k × 4 rows in a few
 * seconds. Deterministic (seeded pseudo-random numbers), so every run measures the same data.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";
import { hashPassword } from "~/orgs/passwords.server";
import { parseCsv } from "~/risk/csv";
import { SECTORS } from "~/suppliers/sectors";

export const BENCH_PASSWORD = "bench-password-123";

export type LargeOrg = {
  organizationId: string;
  email: string;
  password: string;
  /** Supplier ids per tier (index 1..4). */
  byTier: string[][];
  /** The country given 30 % of the suppliers. */
  bigCountry: string;
};

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function referenceCountries(): string[] {
  const read = (f: string) => parseCsv(fs.readFileSync(path.join(root, "db/reference", f), "utf8"));
  const codes = new Set<string>();
  for (const r of [...read("tip-tiers.csv"), ...read("ilab-goods.csv")]) if (r.iso2) codes.add(r.iso2);
  return [...codes].sort();
}

function referenceGoods(): string[] {
  const rows = parseCsv(fs.readFileSync(path.join(root, "db/reference/ilab-goods.csv"), "utf8"));
  return [...new Set(rows.map((r) => r.good).filter(Boolean))].sort();
}

const LEVEL = (score: number) =>
  score >= 70 ? "critical" : score >= 50 ? "high" : score >= 25 ? "medium" : "low";
const STATUSES = [
  "active",
  "active",
  "active",
  "active",
  "onboarding",
  "prospect",
  "suspended",
  "offboarded",
];
const TAGS = ["strategic", "EU hub", "audit 2026", "single source", "new"];
const CURRENCIES = ["USD", "EUR", "GBP", "CNY"];

export async function seedLargeOrg(
  db: { $client: Database.Database },
  opts: { suppliers: number; email?: string } = { suppliers: 100_000 },
): Promise<LargeOrg> {
  const client = db.$client;
  const n = opts.suppliers;
  const email = opts.email ?? "bench@suppliers.test";
  const rand = rng(20261127);
  const countries = referenceCountries();
  const goods = referenceGoods();
  const bigCountry = "CN";
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = Date.now();

  const organizationId = randomUUID();
  const userId = randomUUID();
  const byTier: string[][] = [[], [], [], [], []];
  const tierOf = (i: number) => (i < n * 0.1 ? 1 : i < n * 0.4 ? 2 : i < n * 0.7 ? 3 : 4);

  const insOrg = client.prepare(`insert into organizations (id, name, created_at) values (?, ?, ?)`);
  const insUser = client.prepare(
    `insert into users (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)`,
  );
  const insMember = client.prepare(
    `insert into memberships (id, organization_id, user_id, role, created_at) values (?, ?, ?, 'procurement', ?)`,
  );
  const insSupplier = client.prepare(
    `insert into suppliers (id, organization_id, name, trade_name, external_ref, address, goods, annual_spend,
       currency, status, tags, country, sector, contact_name, contact_email, tier, risk_score, risk_level,
       created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insContact = client.prepare(
    `insert into supplier_contacts (id, organization_id, supplier_id, name, email, is_primary, created_at)
     values (?, ?, ?, ?, ?, 1, ?)`,
  );
  const insLink = client.prepare(
    `insert into supplier_links (id, organization_id, parent_supplier_id, child_supplier_id, created_at)
     values (?, ?, ?, ?, ?)`,
  );
  const insSite = client.prepare(
    `insert into sites (id, organization_id, supplier_id, name, address, country, latitude, longitude,
       workers_total, migrant_workers_pct, agency_workers_pct, dormitories, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // One big transaction: give it a page cache large enough not to spill every few thousand rows.
  const cacheSize = client.pragma("cache_size", { simple: true });
  client.pragma("cache_size = -262144");
  client.transaction(() => {
    insOrg.run(organizationId, "Bench Sourcing Group", now);
    insUser.run(userId, email, "Bench Buyer", passwordHash, now);
    insMember.run(randomUUID(), organizationId, userId, now);
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      const tier = tierOf(i);
      byTier[tier].push(id);
      const country = rand() < 0.3 ? bigCountry : pick(countries);
      const scored = rand() >= 0.05;
      const score = Math.floor(rand() * 100);
      const spend = rand() < 0.9 ? Math.round(rand() * 5_000_000) : null;
      const ref = `S-${String(i).padStart(6, "0")}`;
      const supplierGoods = rand() < 0.6 ? [pick(goods), ...(rand() < 0.3 ? [pick(goods)] : [])] : [];
      const tags = rand() < 0.2 ? [pick(TAGS)] : [];
      const updated = now - Math.floor(rand() * 365 * 86_400_000);
      insSupplier.run(
        id,
        organizationId,
        `Supplier ${String(i).padStart(6, "0")} ${country}`,
        rand() < 0.3 ? `Brand ${i}` : null,
        ref,
        `${1 + (i % 300)} Industrial Road, Zone ${i % 40}`,
        JSON.stringify([...new Set(supplierGoods)]),
        spend,
        spend === null ? null : pick(CURRENCIES),
        pick(STATUSES),
        JSON.stringify(tags),
        country,
        pick(SECTORS),
        `Contact ${i}`,
        `s${i}@supplier.bench`,
        tier,
        scored ? score : null,
        scored ? LEVEL(score) : null,
        updated,
        updated,
      );
      insContact.run(randomUUID(), organizationId, id, `Contact ${i}`, `s${i}@supplier.bench`, now);
      const parents = byTier[tier - 1] ?? [];
      if (tier === 1) insLink.run(randomUUID(), organizationId, null, id, now);
      else {
        const first = pick(parents);
        insLink.run(randomUUID(), organizationId, first, id, now);
        if (rand() < 0.1) {
          const second = pick(parents);
          if (second !== first) insLink.run(randomUUID(), organizationId, second, id, now);
        }
      }
      if (i % 3 === 0) {
        const located = rand() < 0.8;
        insSite.run(
          randomUUID(),
          organizationId,
          id,
          `Site ${i}`,
          null,
          country,
          located ? Math.round((rand() * 120 - 60) * 1e4) / 1e4 : null,
          located ? Math.round((rand() * 340 - 170) * 1e4) / 1e4 : null,
          50 + Math.floor(rand() * 3000),
          Math.floor(rand() * 60),
          Math.floor(rand() * 40),
          rand() < 0.3 ? 1 : 0,
          now,
          now,
        );
      }
    }
  })();
  client.pragma(`cache_size = ${cacheSize}`);
  client.pragma("optimize");
  return { organizationId, email, password: BENCH_PASSWORD, byTier, bigCountry };
}
