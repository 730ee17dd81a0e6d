import type { RaiseTaskInput } from "./remediation.server";

/** Days allowed to remediate, by how grave the source is: the graver, the sooner. */
export const DUE_DAYS: Record<RaiseTaskInput["severity"], number> = {
  zero_tolerance: 7,
  critical: 14,
  red_flag: 30,
};

/** Due date (YYYY-MM-DD, UTC) for a task raised at `raisedAt`. */
export function dueDateFor(severity: RaiseTaskInput["severity"], raisedAt: Date): string {
  const due = new Date(raisedAt.getTime());
  due.setUTCDate(due.getUTCDate() + DUE_DAYS[severity]);
  return due.toISOString().slice(0, 10);
}

export function isOverdue(task: { status: string; dueDate: string }, today: string): boolean {
  return task.status === "open" && task.dueDate < today;
}
