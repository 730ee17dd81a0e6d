import { Link } from "@remix-run/react";
import { ROLE_LABELS } from "~/orgs/permissions";
import { DataTable } from "~/ui/DataTable";
import { Badge, EmptyState } from "~/ui/layout";
import type { Role } from "~db/schema/orgs.constants";

export type AuditRow = {
  seq: number;
  createdAt: string;
  actor: { label: string; role: string | null; type: string };
  action: string;
  sentence: { text: string; href?: string | null }[];
  changes: { field: string; from: string; to: string }[];
  redacted: boolean;
};

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

function Actor({ actor }: { actor: AuditRow["actor"] }) {
  const role = actor.role && actor.role in ROLE_LABELS ? ROLE_LABELS[actor.role as Role].toLowerCase() : null;
  return (
    <strong className="font-semibold text-slate-900">
      {actor.label}
      {role ? <span className="font-normal text-slate-500"> ({role})</span> : null}
    </strong>
  );
}

/** One row as a sentence: actor, verb, the record (linked when the reader may open it), then the diff. */
export function AuditSentence({ row }: { row: AuditRow }) {
  return (
    <>
      <p>
        <Actor actor={row.actor} />{" "}
        {row.actor.type !== "user" ? (
          <>
            <Badge tone="slate">{row.actor.type}</Badge>{" "}
          </>
        ) : null}
        {row.sentence.map((s, i) =>
          s.href ? (
            <Link key={i} to={s.href} className="link">
              {s.text}
            </Link>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </p>
      {row.changes.length ? (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-600" aria-label="What changed">
          {row.changes.map((c) => (
            <li key={c.field}>
              <span className="font-medium">{c.field}:</span> <del className="text-red-700">{c.from}</del> →{" "}
              <ins className="text-emerald-700 no-underline">{c.to}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      {row.redacted ? (
        <p className="mt-1 text-xs text-slate-500">
          Details of grievance cases are shown to the grievance roles only.
        </p>
      ) : null}
    </>
  );
}

export function AuditLogRows({ rows, brokenAt }: { rows: AuditRow[]; brokenAt: number | null }) {
  if (rows.length === 0)
    return <EmptyState title="No entries match">Change or reset the filters.</EmptyState>;
  return (
    <DataTable columns={["#", "Time (UTC)", "What happened", "Action"]}>
      {rows.map((r) => (
        <tr key={r.seq} className={brokenAt === r.seq ? "bg-red-50" : undefined}>
          <td className="text-slate-500 tabular-nums">{r.seq}</td>
          <td className="whitespace-nowrap">{timeFormat.format(new Date(r.createdAt))}</td>
          <td className="max-w-2xl break-words">
            <AuditSentence row={r} />
          </td>
          <td>
            <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{r.action}</code>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Older/newer links that keep every filter of the current view. */
export function AuditLogPager({
  search,
  older,
  newer,
}: {
  search: string;
  older: number | null;
  newer: number | null;
}) {
  const link = (key: "after" | "before", seq: number) => {
    const p = new URLSearchParams(search);
    p.delete("after");
    p.delete("before");
    p.set(key, String(seq));
    return `?${p.toString()}`;
  };
  if (older === null && newer === null) return null;
  return (
    <nav className="mt-4 flex justify-between" aria-label="Pages">
      {newer !== null ? (
        <Link to={link("after", newer)} className="btn-secondary">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      {older !== null ? (
        <Link to={link("before", older)} className="btn-secondary">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
