import { and, asc, eq, gt, inArray, isNotNull, lte } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { gradeForRedFlag } from "~/remediation/deadlines";
import type { RiskInputs } from "~/risk/model";
import { grievanceCases } from "~db/schema";
import type { GrievanceIndicator } from "~db/schema/grievances.constants";
import { INDICATOR_LABELS, indicatorNumbers } from "./indicators";

/** States in which a substantiated case is still open (not yet remedied and closed). */
const OPEN_SUBSTANTIATED = ["substantiated", "remedy_in_progress"] as const;

type Finding = RiskInputs["findings"][number];

/**
 * A substantiated worker grievance counts in the supplier's risk as an open finding does, graded by
 * the ILO indicators reported (the grade its corrective action carries), until the case is closed.
 * The line names the case by number, the day it was substantiated and the warning signs: all true of
 * the record, nothing of what the worker wrote. `auditId` is the case's own reference, so the model's
 * "recent audit with no open findings" control never mistakes it for an audit's.
 */
function select(database: DbOrTx, organizationId: string, which: ReturnType<typeof and>) {
  return database
    .select({
      supplierId: grievanceCases.supplierId,
      id: grievanceCases.id,
      number: grievanceCases.number,
      indicators: grievanceCases.indicators,
      decidedOn: grievanceCases.decidedOn,
    })
    .from(grievanceCases)
    .where(
      and(
        eq(grievanceCases.organizationId, organizationId),
        inArray(grievanceCases.state, [...OPEN_SUBSTANTIATED]),
        isNotNull(grievanceCases.decidedOn),
        which,
      ),
    )
    .orderBy(asc(grievanceCases.supplierId), asc(grievanceCases.number))
    .all();
}

function toFinding(c: {
  id: string;
  number: number;
  indicators: GrievanceIndicator[];
  decidedOn: string | null;
}): Finding {
  const numbers = indicatorNumbers(c.indicators);
  const signs = c.indicators.map((i) => INDICATOR_LABELS[i]).join(", ");
  return {
    id: c.id,
    auditId: `grievance:${c.id}`,
    title: `substantiated worker grievance #${c.number}${signs ? ` (${signs})` : ""}`,
    grade: gradeForRedFlag(numbers),
    iloIndicator: numbers,
    source: `Worker grievance #${c.number}, substantiated on ${c.decidedOn}`,
  };
}

export function substantiatedGrievancesOf(tx: DbOrTx, organizationId: string, supplierId: string): Finding[] {
  return select(tx, organizationId, and(eq(grievanceCases.supplierId, supplierId))).map(toFinding);
}

/** The same lines for a chunk of suppliers (the organisation-wide recompute), by supplier id. */
export function substantiatedGrievancesByChunk(
  database: DbOrTx,
  organizationId: string,
  chunk: { after: string; last: string },
): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const rows = select(
    database,
    organizationId,
    and(gt(grievanceCases.supplierId, chunk.after), lte(grievanceCases.supplierId, chunk.last)),
  );
  for (const r of rows) {
    const list = out.get(r.supplierId!) ?? [];
    list.push(toFinding(r));
    out.set(r.supplierId!, list);
  }
  return out;
}
