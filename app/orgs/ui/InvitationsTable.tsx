import { formatDate } from "~/i18n/dates";
import { DataTable } from "~/ui/DataTable";
import { IntentButton } from "~/ui/IntentButton";
import { Badge } from "~/ui/layout";
import type { PendingInvitation } from "../invitations.server";
import { ROLE_LABELS } from "../permissions";

/** Invitations not yet accepted, each with revoke-invitation. */
export function InvitationsTable({ invitations }: { invitations: PendingInvitation[] }) {
  return (
    <DataTable
      box="flush"
      columns={[
        "Email",
        "Role",
        "Invited by",
        "Expires",
        { label: <span className="sr-only">Actions</span> },
      ]}
    >
      {invitations.map((i) => (
        <tr key={i.id} className="[&>td]:align-middle">
          <td className="font-medium text-slate-900">{i.email}</td>
          <td>{ROLE_LABELS[i.role]}</td>
          <td>{i.invitedBy ?? "—"}</td>
          <td className="whitespace-nowrap">
            {i.expired ? <Badge tone="amber">expired</Badge> : formatDate(i.expiresAt, "en", "medium")}
          </td>
          <td className="text-right">
            <IntentButton
              intent="revoke-invitation"
              fields={{ invitationId: i.id }}
              className="btn-secondary py-1 text-red-700"
            >
              Revoke
            </IntentButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
