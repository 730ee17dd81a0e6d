import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, notInArray, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { nowOf, type Ctx } from "~/infra/context";
import { db } from "~/infra/db.server";
import { actionStateCounts, findings, remediationTasks, suppliers } from "~db/schema";
import { FINDING_GRADES } from "~db/schema/audits.constants";
import { ACTION_STATES } from "~db/schema/remediation.constants";
import { AWAITING_PLAN, RESOLVED } from "./deadlines";
import { isoDay, taskColumns, toTaskRow, type TaskRow } from "./remediation.server";

/**
 * The actions board: filters by state, grade, supplier, owner and overdue, ordered by due date, with
 * keyset pagination on (due_date, id) as in the supplier list (decision D11): a deep page seeks into the
 * (organization_id, state, due_date, id) index instead of skipping rows. The tab counts, and the total of
 * a view filtered by state alone, come from action_state_counts (kept by triggers, decision D24), not
 * from counting the tenant's rows on every request.
 */
export const ACTIONS_PAGE_SIZE = 50;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** "unresolved" (the default view) = everything not yet verified or closed. */
export const BOARD_STATES = ["unresolved", "all", ...ACTION_STATES] as const;
export type BoardState = (typeof BOARD_STATES)[number];

export const boardFilterSchema = z.object({
  state: optional(z.enum(BOARD_STATES)),
  grade: optional(z.enum(FINDING_GRADES)),
  supplierId: optional(z.string().trim().min(1).max(64)),
  owner: optional(z.string().trim().min(1).max(64)),
  overdue: optional(z.literal("1")),
  auditId: optional(z.string().trim().min(1).max(64)),
  after: optional(z.string().max(300)),
  before: optional(z.string().max(300)),
});
export type BoardFilter = z.infer<typeof boardFilterSchema>;

const cursorSchema = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().min(1).max(64)]);

export const encodeCursor = (c: [string, string]) =>
  Buffer.from(JSON.stringify(c), "utf8").toString("base64url");

function decodeCursor(raw: string | undefined): [string, string] | undefined {
  if (!raw) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function parseBoardFilter(params: URLSearchParams): BoardFilter {
  return boardFilterSchema.parse(Object.fromEntries(params));
}

export type BoardPage = {
  rows: TaskRow[];
  total: number;
  next: string | null;
  prev: string | null;
};

function conditions(ctx: Ctx, f: BoardFilter): SQL[] {
  const t = remediationTasks;
  const today = isoDay(nowOf(ctx));
  const conds: SQL[] = [eq(t.organizationId, ctx.organizationId)];
  const state = f.state ?? "unresolved";
  if (state === "unresolved") conds.push(notInArray(t.state, [...RESOLVED]));
  else if (state !== "all") conds.push(eq(t.state, state));
  if (f.grade) conds.push(eq(t.grade, f.grade));
  if (f.supplierId) conds.push(eq(t.supplierId, f.supplierId));
  if (f.owner) conds.push(eq(t.buyerOwnerUserId, f.owner));
  if (f.overdue)
    conds.push(
      notInArray(t.state, [...RESOLVED]),
      or(lt(t.dueDate, today), and(inArray(t.state, [...AWAITING_PLAN]), lt(t.planDueDate, today)))!,
    );
  if (f.auditId)
    conds.push(
      eq(t.sourceType, "finding"),
      inArray(
        t.sourceRef,
        db()
          .select({ id: findings.id })
          .from(findings)
          .where(and(eq(findings.organizationId, ctx.organizationId), eq(findings.auditId, f.auditId))),
      ),
    );
  return conds;
}

export function listActionBoard(ctx: Ctx, f: BoardFilter): BoardPage {
  const t = remediationTasks;
  const today = isoDay(nowOf(ctx));
  const base = conditions(ctx, f);
  const after = decodeCursor(f.after);
  const before = after ? undefined : decodeCursor(f.before);
  // (due_date, id) > cursor, written so SQLite seeks: the leading `due_date >=` bounds the index range,
  // the OR only filters the rows on the cursor's own date.
  const seek = after
    ? and(gte(t.dueDate, after[0]), or(gt(t.dueDate, after[0]), gt(t.id, after[1])))!
    : before
      ? and(lte(t.dueDate, before[0]), or(lt(t.dueDate, before[0]), lt(t.id, before[1])))!
      : undefined;
  const rows = db()
    .select(taskColumns)
    .from(t)
    .innerJoin(suppliers, eq(suppliers.id, t.supplierId))
    .where(and(...base, ...(seek ? [seek] : [])))
    .orderBy(...(before ? [desc(t.dueDate), desc(t.id)] : [asc(t.dueDate), asc(t.id)]))
    .limit(ACTIONS_PAGE_SIZE + 1)
    .all();
  const more = rows.length > ACTIONS_PAGE_SIZE;
  const page = rows.slice(0, ACTIONS_PAGE_SIZE);
  if (before) page.reverse();
  const total = byStateOnly(f)
    ? actionCountsByState(ctx)[f.state ?? "unresolved"]
    : (db()
        .select({ n: count() })
        .from(t)
        .where(and(...base))
        .get()?.n ?? 0);
  const first = page[0];
  const last = page[page.length - 1];
  const hasNext = before ? true : more;
  const hasPrev = before ? more : !!after;
  return {
    rows: page.map((r) => toTaskRow(r, today)),
    total,
    next: hasNext && last ? encodeCursor([last.dueDate, last.id]) : null,
    prev: hasPrev && first ? encodeCursor([first.dueDate, first.id]) : null,
  };
}

/** Whether the view is narrowed by state alone, so its total is one of the tab counts. */
const byStateOnly = (f: BoardFilter) => !f.grade && !f.supplierId && !f.owner && !f.overdue && !f.auditId;

/**
 * Counts per state for the board's tabs, plus "unresolved" and "all": the tenant's rows of
 * action_state_counts, which the database keeps equal to a GROUP BY over remediation_tasks.
 */
export function actionCountsByState(ctx: Ctx): Record<string, number> {
  const rows = db()
    .select({ state: actionStateCounts.state, n: actionStateCounts.n })
    .from(actionStateCounts)
    .where(eq(actionStateCounts.organizationId, ctx.organizationId))
    .all();
  const out: Record<string, number> = Object.fromEntries(ACTION_STATES.map((s) => [s, 0]));
  for (const r of rows) out[r.state] = r.n;
  out.unresolved = ACTION_STATES.filter((s) => !RESOLVED.includes(s)).reduce((a, s) => a + out[s], 0);
  out.all = rows.reduce((a, r) => a + r.n, 0);
  return out;
}
