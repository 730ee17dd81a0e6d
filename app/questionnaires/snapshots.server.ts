import { and, eq } from "drizzle-orm";
import { sha256Hex } from "~/infra/crypto.server";
import type { DbOrTx } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import { questionnaireSnapshots } from "~db/schema";

/** What a campaign assignment stores in questions_snapshot instead of a copy of the whole template. */
export type SnapshotRef = { snapshotRef: string };

export function isSnapshotRef(value: unknown): value is SnapshotRef {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { snapshotRef?: unknown }).snapshotRef === "string" &&
    Object.keys(value).length === 1
  );
}

/**
 * Store a template version as sent, once per tenant and content, and return its id. Calling it again with
 * the same content returns the same id, so a resumed or repeated send references one row.
 */
export function storeSnapshot(tx: DbOrTx, organizationId: string, template: unknown): string {
  const hash = sha256Hex(JSON.stringify(template));
  tx.insert(questionnaireSnapshots)
    .values({ organizationId, hash, template })
    .onConflictDoNothing({ target: [questionnaireSnapshots.organizationId, questionnaireSnapshots.hash] })
    .run();
  return tx
    .select({ id: questionnaireSnapshots.id })
    .from(questionnaireSnapshots)
    .where(
      and(eq(questionnaireSnapshots.organizationId, organizationId), eq(questionnaireSnapshots.hash, hash)),
    )
    .get()!.id;
}

/**
 * The template an assignment was sent with: its questions_snapshot when that is the template itself (single
 * sends, and everything sent before campaigns existed), or the stored snapshot it references (campaigns).
 * Readers call this before parseTemplate.
 */
export function resolveSnapshot(tx: DbOrTx, organizationId: string, questionsSnapshot: unknown): unknown {
  if (!isSnapshotRef(questionsSnapshot)) return questionsSnapshot;
  const row = tx
    .select({ template: questionnaireSnapshots.template })
    .from(questionnaireSnapshots)
    .where(
      and(
        eq(questionnaireSnapshots.id, questionsSnapshot.snapshotRef),
        eq(questionnaireSnapshots.organizationId, organizationId),
      ),
    )
    .get();
  if (!row) throw new NotFoundError("Questionnaire snapshot not found");
  return row.template;
}
