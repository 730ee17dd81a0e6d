import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import {
  replySchema,
  replyToReporter,
  revealContact,
  revealSchema,
  transitionCase,
  transitionSchema,
  triageCase,
  triageSchema,
} from "./cases.server";

export type CaseIntent = "transition" | "reply" | "triage" | "reveal";

/**
 * One function per form of the case page; each result carries its intent, so the page shows it beside
 * the right form. The reveal's plaintext goes to this one response only.
 */
export async function runCaseIntent(member: Member, caseId: string, form: FormData) {
  const intent = form.get("intent");
  if (intent === "transition") {
    const parsed = parseForm(transitionSchema, withoutIntent(form), { intent: "transition" as const });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        const r = transitionCase(member.ctx, caseId, parsed.data);
        return {
          ok: true as const,
          intent: "transition" as const,
          notice: `Case is now ${r.state.replaceAll("_", " ")}.`,
        };
      },
      { intent: "transition" as const, values: parsed.values },
    );
  }
  if (intent === "reply") {
    const parsed = parseForm(replySchema, withoutIntent(form), { intent: "reply" as const });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        replyToReporter(member.ctx, caseId, parsed.data);
        return {
          ok: true as const,
          intent: "reply" as const,
          notice: "Reply sent. The reporter reads it with the receipt code.",
        };
      },
      { intent: "reply" as const, values: parsed.values },
    );
  }
  if (intent === "triage") {
    const parsed = parseForm(triageSchema, withoutIntent(form), { intent: "triage" as const });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        triageCase(member.ctx, caseId, parsed.data);
        return { ok: true as const, intent: "triage" as const, notice: "Case linked." };
      },
      { intent: "triage" as const, values: parsed.values },
    );
  }
  if (intent === "reveal") {
    requirePermission(member, "grievances:reveal");
    const parsed = parseForm(revealSchema, withoutIntent(form), { intent: "reveal" as const });
    if (!parsed.ok) return parsed.response;
    return handle(
      () => {
        const { contact } = revealContact(member.ctx, caseId, parsed.data);
        return {
          ok: true as const,
          intent: "reveal" as const,
          notice: "Contact details opened; the reveal is logged.",
          contact,
        };
      },
      { intent: "reveal" as const, values: parsed.values },
    );
  }
  return formFailure(400, { formError: "Unknown form submission." });
}

function withoutIntent(form: FormData): FormData {
  const copy = new FormData();
  for (const [k, v] of form.entries()) if (k !== "intent") copy.append(k, v);
  return copy;
}
