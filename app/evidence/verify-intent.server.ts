import { formFailure, handle } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import { verifyEvidenceHash, type HashCheck } from "./evidence.server";

/** What a hash check found, in the words every page shows it with. */
export function describeHashCheck(
  check: HashCheck,
): { match: true; text: string } | { match: false; text: string } {
  if (check.match)
    return {
      match: true,
      text: `${check.fileName}: the file in storage has the SHA-256 recorded at upload (${check.expected}).`,
    };
  return {
    match: false,
    text: check.actual
      ? `${check.fileName} does NOT match: recorded ${check.expected}, in storage now ${check.actual}. The stored file has changed since it was uploaded; do not rely on it.`
      : `${check.fileName} is no longer in storage: its recorded SHA-256 ${check.expected} cannot be checked.`,
  };
}

/**
 * Re-hash one of this tenant's files from any list that shows it (the evidence page's action, posted
 * to by the lists' Verify buttons). A mismatch or a missing object is a 409 with the reason.
 */
export async function verifyHashIntent(member: Member, evidenceId: string) {
  requirePermission(member, "evidence:read");
  const intent = "verify_hash" as const;
  return handle(
    async () => {
      const said = describeHashCheck(await verifyEvidenceHash(member.ctx, evidenceId));
      if (said.match) return { ok: true as const, intent, notice: said.text };
      return formFailure(409, { intent, formError: said.text });
    },
    { intent },
  );
}
