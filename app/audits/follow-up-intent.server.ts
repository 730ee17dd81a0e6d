import { handle, parseForm } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import { CHOICE_LABELS, type FollowUpChoice } from "./follow-up";
import { reviewPriorFinding, reviewPriorFindingSchema } from "./follow-up.server";

/** The follow-up audit page's form for one earlier finding: grade again, close as verified, or reopen. */
export function followUpIntent(member: Member, auditId: string, form: FormData) {
  requirePermission(member, "audits:write");
  form.delete("intent");
  // The follow-up audit comes from the URL, never from the body.
  form.set("auditId", auditId);
  const parsed = parseForm(reviewPriorFindingSchema, form, { intent: "follow-up" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      reviewPriorFinding(member.ctx, parsed.data);
      const choice = parsed.data.decision as FollowUpChoice;
      return {
        ok: true as const,
        intent: "follow-up" as const,
        notice: `Recorded for the earlier finding: ${CHOICE_LABELS[choice].toLowerCase()}.`,
      };
    },
    { intent: "follow-up", values: parsed.values },
  );
}
