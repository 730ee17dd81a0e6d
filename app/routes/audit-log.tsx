import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { auditLogOverview } from "~/audit-log/listing.server";
import { requireMember } from "~/orgs/guard.server";
import { DataTable } from "~/ui/DataTable";
import { Badge, Card, EmptyState, PageHeader } from "~/ui/layout";

export const meta: MetaFunction = () => [{ title: "Audit log · Clearsource" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = requireMember(request, "audit-log:read");
  return auditLogOverview(ctx);
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

function detailsSummary(details: string | null): string {
  if (!details) return "";
  try {
    const parsed = JSON.parse(details) as Record<string, unknown>;
    return Object.entries(parsed)
      .filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
      .join(" · ");
  } catch {
    return details;
  }
}

export default function AuditLog() {
  const { entries, chain } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageHeader
        title="Audit log"
        subtitle="Every change in your organisation: who, what and when. Entries cannot be edited or deleted."
      />
      {chain.ok ? (
        <div
          className="rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
          role="status"
        >
          <strong>Chain verified ✓</strong> · {chain.rows} {chain.rows === 1 ? "entry" : "entries"} checked,
          every hash matches.
        </div>
      ) : (
        <div
          className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800"
          role="alert"
        >
          <strong>Chain broken at #{chain.brokenAt}</strong> · that entry or one before it was altered outside
          Clearsource. Investigate before relying on this log.
        </div>
      )}
      <Card
        title={`Latest entries (${entries.length}${chain.rows > entries.length ? ` of ${chain.rows}` : ""})`}
      >
        {entries.length === 0 ? (
          <EmptyState title="Nothing recorded yet" />
        ) : (
          <DataTable box="flush" columns={["#", "Time (UTC)", "Actor", "Action", "Entity", "Details"]}>
            {entries.map((e) => (
              <tr key={e.seq} className={chain.brokenAt === e.seq ? "bg-red-50" : undefined}>
                <td className="text-slate-400">{e.seq}</td>
                <td className="whitespace-nowrap">{timeFormat.format(new Date(e.createdAt))}</td>
                <td>
                  {e.actorLabel ?? "—"}{" "}
                  {e.actorType !== "user" ? <Badge tone="slate">{e.actorType}</Badge> : null}
                </td>
                <td>
                  <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{e.action}</code>
                </td>
                <td className="whitespace-nowrap">
                  {e.entityType}{" "}
                  <span className="font-mono text-xs text-slate-400">{e.entityId.slice(0, 8)}</span>
                </td>
                <td className="max-w-md break-words text-xs text-slate-500">{detailsSummary(e.details)}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </div>
  );
}
