import { and, asc, desc, eq, gt, gte, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Ctx } from "~/infra/context";
import { db, type DbOrTx } from "~/infra/db.server";
import { csvCell, csvLine } from "~/suppliers/csv";
import { auditLog, memberships, users } from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { auditChainHead, verifyAuditChain } from "./audit-log.server";
import { AUDIT_SENTENCES, changesOf, sentenceOf, type FieldChange, type Segment } from "./sentences";
import {
  matchingSubjects,
  namedFor,
  redactedFor,
  REF_KEYS,
  resolveNames,
  SUBJECT_TYPE_LABELS,
  type SubjectRef,
} from "./subjects.server";

/**
 * The audit log as people read it: filtered by actor, action, subject type, date range and a search
 * over subject names (all in the URL, so a view can be bookmarked), newest first, keyset-paginated on
 * `seq` (the chain's own order), each row a sentence with names resolved and a field-level diff.
 */

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
  .optional()
  .catch(undefined);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined);
const cursor = z.coerce.number().int().positive().optional().catch(undefined);

/** Unknown or malformed parameters fall back to "no filter" rather than failing the page. */
export const auditFilterSchema = z.object({
  /** A member's user id, or "system" / "supplier" for those kinds of actor. */
  actor: optionalText(64),
  /** An action name, or "<area>.*" for every action of an area. */
  action: optionalText(80),
  subject: optionalText(40),
  from: day,
  to: day,
  q: optionalText(100),
  /** Keyset cursors: rows older than `before`, or newer than `after`. */
  before: cursor,
  after: cursor,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function parseAuditFilter(params: URLSearchParams): AuditFilter {
  return auditFilterSchema.parse(Object.fromEntries(params));
}

export const PAGE_SIZE = 50;

/** The WHERE of a filter (without the cursor). */
function conditions(tx: DbOrTx, ctx: Ctx, f: AuditFilter): SQL[] {
  const conds: SQL[] = [eq(auditLog.organizationId, ctx.organizationId)];
  if (f.actor === "system" || f.actor === "supplier") conds.push(eq(auditLog.actorType, f.actor));
  else if (f.actor) conds.push(eq(auditLog.actorType, "user"), eq(auditLog.actorId, f.actor));
  if (f.action?.endsWith(".*"))
    conds.push(like(auditLog.action, `${f.action.slice(0, -2).replace(/[\\%_]/g, "")}.%`));
  else if (f.action) conds.push(eq(auditLog.action, f.action));
  if (f.subject === "organization")
    conds.push(inArray(auditLog.entityType, ["organization", "organisation"]));
  else if (f.subject) conds.push(eq(auditLog.entityType, f.subject));
  if (f.from) conds.push(gte(auditLog.createdAt, new Date(`${f.from}T00:00:00.000Z`)));
  if (f.to)
    conds.push(lt(auditLog.createdAt, new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000)));
  if (f.q) {
    const role = ctx.actor.type === "user" ? ctx.actor.role : null;
    const matches = matchingSubjects(tx, ctx.organizationId, f.q).filter(
      (m) => !role || !redactedFor(role, m.type),
    );
    const pattern = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const byName: SQL[] = [sql`${auditLog.actorLabel} like ${pattern} escape '\\'`];
    if (matches.length)
      byName.push(
        inArray(
          auditLog.entityId,
          sql`(select value from json_each(${JSON.stringify([...new Set(matches.map((m) => m.id))])}))`,
        ),
      );
    conds.push(or(...byName)!);
  }
  return conds;
}

export type AuditRowView = {
  seq: number;
  createdAt: string;
  actor: { label: string; role: string | null; type: string };
  action: string;
  sentence: Segment[];
  changes: FieldChange[];
  /** Set on rows whose content the reader may not see (grievance cases for non-grievance roles). */
  redacted: boolean;
  hash: string;
};

type Row = typeof auditLog.$inferSelect;

function parseDetails(details: string | null): Record<string, unknown> {
  if (!details) return {};
  try {
    const parsed: unknown = JSON.parse(details);
    return parsed && typeof parsed === "object" && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Sentences for a batch of rows: names resolved in one query per entity type. */
export function viewRows(tx: DbOrTx, organizationId: string, role: Role, rows: Row[]): AuditRowView[] {
  const parsed = rows.map((r) => ({
    row: r,
    details: redactedFor(role, r.entityType) ? {} : parseDetails(r.details),
  }));
  const refs: SubjectRef[] = [];
  for (const { row, details } of parsed) {
    refs.push({ type: row.entityType, id: row.entityId });
    for (const [k, type] of Object.entries(REF_KEYS))
      if (typeof details[k] === "string") refs.push({ type, id: details[k] as string });
  }
  const actorIds = [
    ...new Set(rows.filter((r) => r.actorType === "user" && r.actorId).map((r) => r.actorId!)),
  ];
  const roles = new Map(
    actorIds.length
      ? tx
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, actorIds)))
          .all()
          .map((m) => [m.userId, m.role])
      : [],
  );
  const names = resolveNames(tx, organizationId, refs);
  return parsed.map(({ row, details }) => {
    const redacted = redactedFor(role, row.entityType);
    const subject = namedFor(role, { type: row.entityType, id: row.entityId }, names, details);
    const refNames = Object.fromEntries(
      Object.entries(REF_KEYS).map(([k, type]) => [
        k,
        typeof details[k] === "string"
          ? namedFor(role, { type, id: details[k] as string }, names, null)
          : null,
      ]),
    );
    return {
      seq: row.seq,
      createdAt: row.createdAt.toISOString(),
      actor: {
        label: row.actorLabel ?? (row.actorType === "system" ? "The system" : "Someone"),
        role: row.actorType === "user" && row.actorId ? (roles.get(row.actorId) ?? null) : null,
        type: row.actorType,
      },
      action: row.action,
      sentence: sentenceOf(row.action, details, { subject, refs: refNames }),
      changes: redacted ? [] : changesOf(row.action, details),
      redacted,
      hash: row.hash,
    };
  });
}

export type AuditLogPage = {
  rows: AuditRowView[];
  /** Cursor for older rows, and for newer rows (null at either end). */
  older: number | null;
  newer: number | null;
};

export function listAuditPage(ctx: Ctx, role: Role, f: AuditFilter, pageSize = PAGE_SIZE): AuditLogPage {
  const tx = db();
  const conds = conditions(tx, ctx, f);
  const forward = f.after !== undefined && f.before === undefined;
  const cursorCond = forward ? gt(auditLog.seq, f.after!) : f.before ? lt(auditLog.seq, f.before) : undefined;
  const fetched = tx
    .select()
    .from(auditLog)
    .where(and(...conds, ...(cursorCond ? [cursorCond] : [])))
    .orderBy(forward ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(pageSize + 1)
    .all();
  const more = fetched.length > pageSize;
  const page = fetched.slice(0, pageSize);
  if (forward) page.reverse();
  const rows = viewRows(tx, ctx.organizationId, role, page);
  const first = page[0]?.seq ?? null;
  const last = page[page.length - 1]?.seq ?? null;
  return {
    rows,
    older: last !== null && (forward || more) ? last : null,
    newer:
      first !== null && (forward ? more : f.before !== undefined || f.after !== undefined) ? first : null,
  };
}

/** The options of the filter form: the organisation's members, the known actions and subject types. */
export function auditFilterOptions(ctx: Ctx) {
  const members = db()
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, ctx.organizationId))
    .orderBy(asc(users.name))
    .all();
  const areas = new Map<string, string[]>();
  for (const action of Object.keys(AUDIT_SENTENCES).sort()) {
    const area = action.split(".")[0];
    areas.set(area, [...(areas.get(area) ?? []), action]);
  }
  return {
    actors: [
      ...members.map((m) => ({ value: m.id, label: m.name })),
      { value: "supplier", label: "Suppliers (through their links)" },
      { value: "system", label: "The system (background work)" },
    ],
    actions: [...areas.entries()].map(([area, actions]) => ({ area, actions })),
    subjects: Object.entries(SUBJECT_TYPE_LABELS).map(([value, label]) => ({ value, label })),
  };
}

export type ChainStatus = {
  ok: boolean;
  brokenAt: number | null;
  rows: number;
  head: { hash: string; seq: number | null };
};

/** A full re-verification of the organisation's hash chain, with its head. */
export function auditChainStatus(ctx: Ctx): ChainStatus {
  return { ...verifyAuditChain(db(), ctx.organizationId), head: auditChainHead(db(), ctx.organizationId) };
}

const EXPORT_BATCH = 500;
export const AUDIT_CSV_COLUMNS = [
  "seq",
  "time_utc",
  "actor",
  "actor_role",
  "actor_type",
  "action",
  "sentence",
  "changes",
  "hash",
] as const;

const plain = (segments: Segment[]) => segments.map((s) => s.text).join("");

/**
 * The filtered log as CSV chunks, newest first, in batches by keyset on seq (each batch a complete
 * query, so the shared connection is free between them). Grievance rows are redacted as on the page.
 */
export async function* auditCsvChunks(ctx: Ctx, role: Role, f: AuditFilter): AsyncGenerator<string> {
  yield csvLine([...AUDIT_CSV_COLUMNS]);
  const conds = conditions(db(), ctx, { ...f, before: undefined, after: undefined });
  let before: number | null = null;
  for (;;) {
    const rows = db()
      .select()
      .from(auditLog)
      .where(and(...conds, ...(before !== null ? [lt(auditLog.seq, before)] : [])))
      .orderBy(desc(auditLog.seq))
      .limit(EXPORT_BATCH)
      .all();
    if (rows.length === 0) return;
    yield viewRows(db(), ctx.organizationId, role, rows)
      .map((r) =>
        csvLine([
          String(r.seq),
          r.createdAt,
          csvCell(r.actor.label),
          csvCell(r.actor.role),
          r.actor.type,
          csvCell(r.action),
          csvCell(`${r.actor.label} ${plain(r.sentence)}`),
          csvCell(r.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join("; ")),
          r.hash,
        ]),
      )
      .join("");
    before = rows[rows.length - 1].seq;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
