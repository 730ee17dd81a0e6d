import { render } from "@react-email/components";
import type { ReactElement } from "react";
import QuestionnaireInvitation, { type QuestionnaireInvitationProps } from "~emails/questionnaire-invitation";
import QuestionnaireReceipt, { type QuestionnaireReceiptProps } from "~emails/questionnaire-receipt";
import QuestionnaireReturned, { type QuestionnaireReturnedProps } from "~emails/questionnaire-returned";
import QuestionnaireSubmitted, { type QuestionnaireSubmittedProps } from "~emails/questionnaire-submitted";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Subjects are mail headers: collapse any line break a supplier or organisation name might carry. */
function headerText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

async function renderBoth(el: ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { subject: headerText(subject), html, text };
}

export { humanDay as humanDate } from "./format";

// All renders are async: call them before the write transaction, enqueue inside it.

export function renderInvitation(p: QuestionnaireInvitationProps) {
  return renderBoth(
    <QuestionnaireInvitation {...p} />,
    `${p.organizationName}: please complete the ${p.questionnaireTitle.toLowerCase()} for ${p.supplierName}`,
  );
}

export function renderSubmittedNotice(p: QuestionnaireSubmittedProps) {
  const flags = p.redFlagCount > 0 ? ` (${p.redFlagCount} red flag${p.redFlagCount === 1 ? "" : "s"})` : "";
  return renderBoth(
    <QuestionnaireSubmitted {...p} />,
    `${p.supplierName} submitted the ${p.questionnaireTitle.toLowerCase()}${flags}`,
  );
}

export function renderReceipt(p: QuestionnaireReceiptProps) {
  return renderBoth(
    <QuestionnaireReceipt {...p} />,
    `Receipt: your ${p.questionnaireTitle.toLowerCase()} for ${p.organizationName}`,
  );
}

export function renderReturned(p: QuestionnaireReturnedProps) {
  return renderBoth(
    <QuestionnaireReturned {...p} />,
    `${p.organizationName} returned your ${p.questionnaireTitle.toLowerCase()} for an update`,
  );
}
