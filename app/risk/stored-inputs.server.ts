import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { riskInputParts } from "~db/schema";
import type { RiskInputs } from "./model";

/**
 * An assessment's inputs in two parts (D20, D33): the part many suppliers share on a given day (the day,
 * settings, editions and the resolved reference facts of their country, sector and goods), stored once
 * per organisation in risk_input_parts under its SHA-256, and the supplier's own part (sites, answers,
 * audits, findings, actions, evidence), stored in the assessment row beside that hash. Joined again in
 * RiskInputs key order, the JSON is the same text the whole inputs would have been.
 */
export type SharedInputs = Pick<
  RiskInputs,
  "asOf" | "settings" | "editions" | "supplier" | "country" | "goods"
>;
export type OwnInputs = Omit<RiskInputs, keyof SharedInputs>;

export function splitInputs(i: RiskInputs): { shared: SharedInputs; own: OwnInputs } {
  const { asOf, settings, editions, supplier, country, goods, ...own } = i;
  return { shared: { asOf, settings, editions, supplier, country, goods }, own };
}

export function joinInputs(shared: SharedInputs, own: OwnInputs): RiskInputs {
  return {
    asOf: shared.asOf,
    settings: shared.settings,
    editions: shared.editions,
    supplier: shared.supplier,
    country: shared.country,
    goods: shared.goods,
    sites: own.sites,
    answers: own.answers,
    audits: own.audits,
    findings: own.findings,
    actions: own.actions,
    evidence: own.evidence,
  };
}

export function sharedPart(shared: SharedInputs): { hash: string; json: string } {
  const json = JSON.stringify(shared);
  return { hash: createHash("sha256").update(json).digest("hex"), json };
}

/** Store the shared part (once per organisation and hash) in the caller's transaction; returns its hash. */
export function storeSharedInputs(tx: DbOrTx, organizationId: string, shared: SharedInputs): string {
  const { hash } = sharedPart(shared);
  tx.insert(riskInputParts)
    .values({ organizationId, hash, body: shared })
    .onConflictDoNothing({ target: [riskInputParts.organizationId, riskInputParts.hash] })
    .run();
  return hash;
}

/**
 * The organisation-wide recompute's form of storeSharedInputs: shared parts keyed by the identity of
 * the reference objects they are made of (inherentFactsShared hands the same objects to every supplier
 * with the same country, sector and goods), so each distinct part is serialised, hashed and written once
 * per transaction. A memo must not outlive its transaction: a rolled-back part would leave a dangling hash.
 * Raw SQL on the measured hot path; the statement is plain SQL that PostgreSQL accepts as written.
 */
export class SharedInputsWriter {
  private ids = new WeakMap<object, number>();
  private next = 0;
  private byKey = new Map<string, string>();
  private insert: Database.Statement;

  constructor(
    client: Database.Database,
    private organizationId: string,
  ) {
    this.insert = client.prepare(
      "insert into risk_input_parts (organization_id, hash, body) values (?, ?, ?) on conflict do nothing",
    );
  }

  private id(o: object): number {
    let n = this.ids.get(o);
    if (n === undefined) this.ids.set(o, (n = this.next++));
    return n;
  }

  /** Equal for inputs whose shared part is made of the same objects (so is the same part). */
  keyOf(i: RiskInputs): string {
    return `${i.asOf}|${this.id(i.settings)}|${this.id(i.editions)}|${this.id(i.supplier)}|${this.id(i.country)}|${i.goods.map((g) => this.id(g)).join(",")}`;
  }

  hashOf(i: RiskInputs, key = this.keyOf(i)): string {
    let hash = this.byKey.get(key);
    if (!hash) {
      const part = sharedPart(splitInputs(i).shared);
      this.insert.run(this.organizationId, part.hash, part.json);
      this.byKey.set(key, (hash = part.hash));
    }
    return hash;
  }
}

/** The complete inputs of a stored assessment, whichever form it was stored in. */
export function storedInputs(
  tx: DbOrTx,
  organizationId: string,
  row: { inputs: unknown; sharedInputs: string | null },
): RiskInputs | null {
  if (!row.inputs) return null;
  if (!row.sharedInputs) return row.inputs as RiskInputs;
  const part = tx
    .select({ body: riskInputParts.body })
    .from(riskInputParts)
    .where(and(eq(riskInputParts.organizationId, organizationId), eq(riskInputParts.hash, row.sharedInputs)))
    .get();
  if (!part) return null;
  return joinInputs(part.body as SharedInputs, row.inputs as OwnInputs);
}
