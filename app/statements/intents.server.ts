import { redirect } from "@remix-run/node";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { requirePermission, type Member } from "~/orgs/guard.server";
import { approveSchema, commentSchema, reviseSchema, signSchema, updateStatementSchema } from "./forms";
import {
  addComment,
  approveStatement,
  generateStatementPdf,
  publishStatement,
  reviseStatement,
  signStatement,
  submitForReview,
  updateFromForm,
  updateStatement,
} from "./statements.server";

/**
 * The statement page's forms, one function per intent; each result carries its intent. Comments are open
 * to every member who can read the statement (reviewers); every other intent needs statements:write, and
 * approval, signature and publication statements:approve.
 */
const ok = <I extends string>(intent: I, notice: string) => ({ ok: true as const, intent, notice });

function save(member: Member, id: string, form: FormData) {
  const parsed = parseForm(updateStatementSchema, form, { intent: "save" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => (updateStatement(member.ctx, id, updateFromForm(parsed.data)), ok("save", "Statement saved.")),
    {
      intent: "save",
      values: parsed.values,
    },
  );
}

function comment(member: Member, id: string, form: FormData) {
  const parsed = parseForm(commentSchema, form, { intent: "comment" });
  if (!parsed.ok) return parsed.response;
  return handle(() => (addComment(member.ctx, id, parsed.data), ok("comment", "Comment added.")), {
    intent: "comment",
    values: parsed.values,
  });
}

function approve(member: Member, id: string, form: FormData) {
  const parsed = parseForm(approveSchema, form, { intent: "approve" });
  if (!parsed.ok) return parsed.response;
  return handle(() => (approveStatement(member.ctx, id, parsed.data), ok("approve", "Approval recorded.")), {
    intent: "approve",
    values: parsed.values,
  });
}

function revise(member: Member, id: string, form: FormData) {
  const parsed = parseForm(reviseSchema, form, { intent: "revise" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      const created = reviseStatement(member.ctx, id, parsed.data.note);
      return redirect(`/statements/${created.id}`);
    },
    { intent: "revise", values: parsed.values },
  );
}

export async function statementIntent(member: Member, id: string, form: FormData) {
  const intent = String(form.get("intent") ?? "");
  if (intent === "comment") return comment(member, id, form);
  // Every other intent changes the statement: the least it needs is statements:write.
  requirePermission(member, "statements:write", "Only an executive or admin can change a statement.");
  switch (intent) {
    case "save":
      return save(member, id, form);
    case "submit":
      return handle(() => (submitForReview(member.ctx, id), ok("submit", "Submitted for review.")), {
        intent: "submit",
      });
    case "generate":
      return handle(
        async () => (await generateStatementPdf(member.ctx, id), ok("generate", "PDF generated.")),
        {
          intent: "generate",
        },
      );
    case "revise":
      return revise(member, id, form);
  }
  requirePermission(member, "statements:approve", "Only an executive or admin can approve, sign or publish.");
  switch (intent) {
    case "approve":
      return approve(member, id, form);
    case "sign": {
      const parsed = parseForm(signSchema, form, { intent: "sign" });
      if (!parsed.ok) return parsed.response;
      return handle(() => (signStatement(member.ctx, id, parsed.data), ok("sign", "Signature recorded.")), {
        intent: "sign",
        values: parsed.values,
      });
    }
    case "publish":
      return handle(async () => (await publishStatement(member.ctx, id), ok("publish", "Published.")), {
        intent: "publish",
      });
  }
  return formFailure(400, { intent: "save", formError: "Unknown form submission." });
}
