import { Badge } from "~/ui/layout";
import type { StatementStatus } from "~db/schema/statements.constants";

const LABELS: Record<StatementStatus, [string, "slate" | "green" | "amber" | "red" | "blue"]> = {
  draft: ["Draft", "amber"],
  in_review: ["In review", "blue"],
  approved: ["Approved", "green"],
  signed: ["Signed", "green"],
  published: ["Published", "green"],
};

export function StatusBadge({ status }: { status: StatementStatus }) {
  const [label, tone] = LABELS[status];
  return <Badge tone={tone}>{label}</Badge>;
}
