import { ROLES } from "~db/schema/orgs.constants";
import { ROLE_LABELS } from "../permissions";

/** Every role as an option, in the order of ROLES. */
export function RoleOptions() {
  return (
    <>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r]}
        </option>
      ))}
    </>
  );
}
