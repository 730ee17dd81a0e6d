import { Form, Link } from "@remix-run/react";
import { Card } from "~/ui/layout";
import { formatLongDate } from "../period";
import type { getStatement } from "../statements.server";

type Statement = Awaited<ReturnType<typeof getStatement>>;

/** Who approved and when, or the approval form for an executive or admin (intent approve). */
export function StatementApproval({
  s,
  canWrite,
  canApprove,
  approving,
}: {
  s: Statement;
  canWrite: boolean;
  canApprove: boolean;
  approving: boolean;
}) {
  return (
    <Card title="Approval">
      {s.status === "approved" ? (
        <div className="space-y-2 text-sm text-slate-700">
          <p>
            Approved by the board on <strong>{formatLongDate(s.boardApprovalDate ?? s.periodEnd)}</strong>
            {s.directorName ? `, signed by ${s.directorName}` : ""}. The text can no longer change.
          </p>
          {canWrite ? (
            <Link
              to={`/statements/new?periodStart=${s.periodStart}&periodEnd=${s.periodEnd}`}
              className="link"
            >
              Start a revised draft for {s.financialYear}
            </Link>
          ) : null}
        </div>
      ) : canApprove ? (
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="approve" />
          <p className="text-sm text-slate-600">
            Record that the board approved this statement. Save your changes first: approval uses the saved
            text, which then can no longer be edited.
          </p>
          <ul className="list-inside list-disc text-xs text-slate-500">
            <li>board approval date, on or before today</li>
            <li>name of the director who signs</li>
            <li>no bracketed starting text left</li>
          </ul>
          <button type="submit" className="btn-primary w-full" disabled={approving}>
            {approving ? "Approving…" : "Approve statement"}
          </button>
        </Form>
      ) : (
        <p className="text-sm text-slate-500">An executive or admin approves the statement.</p>
      )}
    </Card>
  );
}
