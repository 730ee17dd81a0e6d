import { Form, Link } from "@remix-run/react";
import { FINDING_GRADES, GRADE_LABELS } from "~/audits/catalogue";
import { GradeBadge } from "~/audits/GradeBadge";
import { DataTable } from "~/ui/DataTable";
import { FilterSelect } from "~/ui/FilterSelect";
import { EmptyState } from "~/ui/layout";
import type { FindingGrade } from "~db/schema/audits.constants";
import { ACTION_STATES, type ActionState, type TaskSource } from "~db/schema/remediation.constants";
import type { OverdueKind } from "../deadlines";
import { STATE_LABELS } from "../workflow";
import { OverdueBadge, StateBadge } from "./StateBadge";

export type BoardRow = {
  id: string;
  title: string;
  supplierId: string;
  supplierName: string;
  grade: FindingGrade;
  state: ActionState;
  planDueDate: string | null;
  dueDate: string;
  overdueKind: OverdueKind;
  buyerOwner: string | null;
  sourceType: TaskSource;
};

export type BoardFilterValues = {
  state?: string;
  grade?: string;
  supplierId?: string;
  owner?: string;
  overdue?: string;
  auditId?: string;
};

const SOURCE_LABELS: Record<TaskSource, string> = {
  answer: "Red-flag answer",
  finding: "Audit finding",
  grievance: "Worker grievance",
};

/** The filter bar: a GET form, so every filtered view is a shareable URL. */
export function BoardFilters({
  filter,
  suppliers,
  owners,
  counts,
}: {
  filter: BoardFilterValues;
  suppliers: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  counts: Record<string, number>;
}) {
  return (
    <Form
      method="get"
      className="card mb-4 grid gap-3 p-4 sm:grid-cols-3 lg:grid-cols-6"
      aria-label="Filter actions"
    >
      <FilterSelect
        name="state"
        label="Status"
        value={filter.state ?? "unresolved"}
        anyLabel={null}
        options={[
          { value: "unresolved", label: `Unresolved (${counts.unresolved ?? 0})` },
          { value: "all", label: `All (${counts.all ?? 0})` },
          ...ACTION_STATES.map((s) => ({ value: s, label: `${STATE_LABELS[s]} (${counts[s] ?? 0})` })),
        ]}
      />
      <FilterSelect
        name="grade"
        label="Grade"
        value={filter.grade}
        anyLabel="Any grade"
        options={FINDING_GRADES.map((g) => ({ value: g, label: GRADE_LABELS[g] }))}
      />
      <FilterSelect
        name="supplierId"
        label="Supplier"
        value={filter.supplierId}
        anyLabel="Any supplier"
        options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
      />
      <FilterSelect
        name="owner"
        label="Owner"
        value={filter.owner}
        anyLabel="Anyone"
        options={owners.map((o) => ({ value: o.id, label: o.name }))}
      />
      <div className="flex items-end gap-2">
        <input
          id="b-overdue"
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={filter.overdue === "1"}
        />
        <label htmlFor="b-overdue" className="text-sm text-slate-700">
          Overdue only
        </label>
      </div>
      <div className="flex items-end gap-2">
        {filter.auditId ? <input type="hidden" name="auditId" value={filter.auditId} /> : null}
        <button type="submit" className="btn-primary">
          Filter
        </button>
        <Link to="/remediation" className="btn-secondary">
          Reset
        </Link>
      </div>
    </Form>
  );
}

export function ActionsTable({ rows, emptyHint }: { rows: BoardRow[]; emptyHint?: string }) {
  if (rows.length === 0)
    return (
      <EmptyState title="No corrective actions match">
        {emptyHint ??
          "Every audit finding and every red-flag answer opens a corrective action, with deadlines from your grade table."}
      </EmptyState>
    );
  return (
    <DataTable columns={["Action", "Supplier", "Grade", "Status", "Plan due", "Due", "Owner"]}>
      {rows.map((t) => (
        <tr key={t.id} className={t.overdueKind ? "bg-red-50 hover:bg-red-100" : "hover:bg-slate-50"}>
          <td className="max-w-md">
            <Link to={`/remediation/${t.id}`} className="link">
              {t.title}
            </Link>
            <div className="text-xs text-slate-600">{SOURCE_LABELS[t.sourceType]}</div>
          </td>
          <td>
            <Link to={`/suppliers/${t.supplierId}`} className="link">
              {t.supplierName}
            </Link>
          </td>
          <td>
            <GradeBadge grade={t.grade} />
          </td>
          <td>
            <span className="flex flex-wrap gap-1">
              <StateBadge state={t.state} />
              <OverdueBadge kind={t.overdueKind} />
            </span>
          </td>
          <td
            className={`whitespace-nowrap tabular-nums ${t.overdueKind === "plan" ? "font-semibold text-red-700" : ""}`}
          >
            {t.planDueDate ?? "—"}
          </td>
          <td
            className={`whitespace-nowrap tabular-nums ${t.overdueKind === "resolution" ? "font-semibold text-red-700" : ""}`}
          >
            {t.dueDate}
          </td>
          <td className="text-sm">{t.buyerOwner ?? <span className="text-slate-500">—</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function BoardPager({
  search,
  next,
  prev,
}: {
  search: string;
  next: string | null;
  prev: string | null;
}) {
  const link = (key: "after" | "before", cursor: string) => {
    const p = new URLSearchParams(search);
    p.delete("after");
    p.delete("before");
    p.set(key, cursor);
    return `?${p.toString()}`;
  };
  if (!next && !prev) return null;
  return (
    <nav className="mt-4 flex justify-between" aria-label="Pages">
      {prev ? (
        <Link to={link("before", prev)} className="btn-secondary">
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link to={link("after", next)} className="btn-secondary">
          Next →
        </Link>
      ) : null}
    </nav>
  );
}
