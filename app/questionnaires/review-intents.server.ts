import { redirect } from "@remix-run/node";
import type { Ctx } from "~/infra/context";
import { formFailure, handle, parseForm } from "~/infra/http.server";
import { revokeAssignment } from "./assignments.server";
import { acceptAssignment, returnToSupplier, reviewQuestion, reviewQuestionSchema } from "./review.server";

/**
 * The buyer's review page's forms, one function per intent: accept the answers, revoke the link, review
 * one question (a fetcher per question, typed `useFetcher<typeof reviewIntent>`), return to the supplier.
 */
export function reviewPageIntent(ctx: Ctx, id: string, form: FormData) {
  switch (form.get("intent")) {
    case "accept":
      return acceptIntent(ctx, id);
    case "revoke":
      return revokeIntent(ctx, id);
    case "review":
      return reviewIntent(ctx, id, form);
    case "return":
      return returnIntent(ctx, id);
  }
  return formFailure(400, { fieldErrors: { intent: "Unknown form submission." } });
}

export function acceptIntent(ctx: Ctx, id: string) {
  return handle(() => {
    acceptAssignment(ctx, id);
    return redirect(`/questionnaires/${id}?accepted=1`);
  }, {});
}

export function revokeIntent(ctx: Ctx, id: string) {
  return handle(() => {
    revokeAssignment(ctx, id);
    return redirect(`/questionnaires/${id}?revoked=1`);
  }, {});
}

/** One question accepted or returned with a comment, posted by that question's fetcher. */
export function reviewIntent(ctx: Ctx, id: string, form: FormData) {
  const parsed = parseForm(reviewQuestionSchema, form, { intent: "review" });
  if (!parsed.ok) return parsed.response;
  return handle(
    () => {
      reviewQuestion(ctx, id, parsed.data);
      return { ok: true as const, intent: "review" as const, questionId: parsed.data.questionId };
    },
    { intent: "review", values: parsed.values },
  );
}

export function returnIntent(ctx: Ctx, id: string) {
  return handle(async () => {
    await returnToSupplier(ctx, id);
    return redirect(`/questionnaires/${id}?returned=1`);
  }, {});
}
