import { formatDate } from "~/i18n/dates";
import { DataTable } from "~/ui/DataTable";
import { IntentButton } from "~/ui/IntentButton";
import { Badge } from "~/ui/layout";
import type { ApiKeyView } from "../keys.server";

const STATE_TONE = { active: "green", expired: "amber", revoked: "slate" } as const;

/** The organisation's API keys (prefix only, never the secret), each active one with revoke. */
export function ApiKeysTable({ keys }: { keys: ApiKeyView[] }) {
  return (
    <DataTable
      box="flush"
      columns={[
        "Name",
        "Key",
        "Scopes",
        "State",
        "Expires",
        "Last used",
        { label: <span className="sr-only">Actions</span> },
      ]}
    >
      {keys.map((k) => (
        <tr key={k.id} className="[&>td]:align-middle">
          <td>
            <div className="font-medium text-slate-900">{k.label}</div>
            <div className="text-xs text-slate-500">
              by {k.createdBy ?? "a former member"}, {formatDate(k.createdAt, "en", "medium")} ·{" "}
              {k.ratePerMinute}/min
            </div>
          </td>
          <td>
            <code className="text-xs">cs_live_{k.prefix}_…</code>
          </td>
          <td className="text-xs">
            {k.scopes.map((s) => (
              <code key={s} className="mr-1 inline-block">
                {s}
              </code>
            ))}
          </td>
          <td>
            <Badge tone={STATE_TONE[k.state]}>{k.state}</Badge>
          </td>
          <td className="whitespace-nowrap">{formatDate(k.expiresAt, "en", "medium")}</td>
          <td className="whitespace-nowrap">
            {k.lastUsedAt ? formatDate(k.lastUsedAt, "en", "medium") : "never"}
          </td>
          <td className="text-right">
            {k.state !== "revoked" ? (
              <IntentButton
                intent="revoke"
                fields={{ keyId: k.id }}
                className="btn-secondary py-1 text-red-700"
              >
                Revoke
              </IntentButton>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
