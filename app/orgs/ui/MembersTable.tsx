import { Form } from "@remix-run/react";
import { formatDate } from "~/i18n/dates";
import { DataTable } from "~/ui/DataTable";
import { IntentButton } from "~/ui/IntentButton";
import { Badge } from "~/ui/layout";
import type { MemberRow } from "../members.server";
import { RoleOptions } from "./RoleOptions";

/** The organisation's members, each with a role select (intent change-role) and remove-member. */
export function MembersTable({ members, currentUserId }: { members: MemberRow[]; currentUserId: string }) {
  return (
    <DataTable
      box="flush"
      columns={["Name", "Email", "Role", "Joined", { label: <span className="sr-only">Actions</span> }]}
    >
      {members.map((m) => (
        <tr key={m.membershipId} className="[&>td]:align-middle">
          <td className="font-medium text-slate-900">
            {m.name} {m.userId === currentUserId ? <Badge tone="blue">you</Badge> : null}
          </td>
          <td>{m.email}</td>
          <td>
            <Form method="post" className="flex items-center gap-2">
              <input type="hidden" name="intent" value="change-role" />
              <input type="hidden" name="membershipId" value={m.membershipId} />
              <label htmlFor={`role-${m.membershipId}`} className="sr-only">
                Role of {m.name}
              </label>
              <select
                id={`role-${m.membershipId}`}
                name="role"
                defaultValue={m.role}
                className="input w-36 py-1"
              >
                <RoleOptions />
              </select>
              <button type="submit" className="btn-secondary py-1">
                Save
              </button>
            </Form>
          </td>
          <td className="whitespace-nowrap text-slate-500">{formatDate(m.joinedAt, "en", "medium")}</td>
          <td className="text-right">
            <IntentButton
              intent="remove-member"
              fields={{ membershipId: m.membershipId }}
              className="btn-secondary py-1 text-red-700"
            >
              Remove
            </IntentButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
