import { render } from "@react-email/components";
import type { ReactElement } from "react";
import PortalCode, { type PortalCodeProps } from "~emails/portal-code";
import PortalNewLink, { type PortalNewLinkProps } from "~emails/portal-new-link";
import QuestionnaireReceipt, { type QuestionnaireReceiptProps } from "~emails/questionnaire-receipt";
import QuestionnaireReturned, { type QuestionnaireReturnedProps } from "~emails/questionnaire-returned";
import QuestionnaireSubmitted, { type QuestionnaireSubmittedProps } from "~emails/questionnaire-submitted";
import { portalT } from "./portal-i18n";

/**
 * The emails the supplier portal and the review send. Those to the supplier are in the supplier's language
 * (subjects included); the notice to the buyer is in English. Render before the transaction, enqueue in it.
 */
export type RenderedEmail = { subject: string; html: string; text: string };

/** Subjects are mail headers: collapse any line break a supplier or organisation name might carry. */
function headerText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

async function renderBoth(el: ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { subject: headerText(subject), html, text };
}

export function renderCodeEmail(p: PortalCodeProps) {
  return renderBoth(
    <PortalCode {...p} />,
    portalT(p.lang)("email.code.subject", { code: p.code, org: p.organizationName }),
  );
}

export function renderNewLinkEmail(p: PortalNewLinkProps) {
  return renderBoth(
    <PortalNewLink {...p} />,
    portalT(p.lang)("email.newLink.subject", { org: p.organizationName }),
  );
}

export function renderReceiptEmail(p: QuestionnaireReceiptProps) {
  return renderBoth(
    <QuestionnaireReceipt {...p} />,
    portalT(p.lang ?? "en")("email.receipt.subject", { org: p.organizationName }),
  );
}

export function renderReturnedEmail(p: QuestionnaireReturnedProps) {
  return renderBoth(
    <QuestionnaireReturned {...p} />,
    portalT(p.lang ?? "en")("email.returned.subject", { org: p.organizationName }),
  );
}

export function renderSubmittedNoticeEmail(p: QuestionnaireSubmittedProps) {
  const flags = p.redFlagCount > 0 ? ` (${p.redFlagCount} red flag${p.redFlagCount === 1 ? "" : "s"})` : "";
  return renderBoth(
    <QuestionnaireSubmitted {...p} />,
    `${p.supplierName} submitted the ${p.questionnaireTitle.toLowerCase()}${flags}`,
  );
}
