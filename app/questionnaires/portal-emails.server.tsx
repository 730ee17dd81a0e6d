import { renderEmail } from "~/email/render.server";
import { emailT } from "~/i18n/email.server";
import PortalCode, { type PortalCodeProps } from "~emails/portal-code";
import PortalNewLink, { type PortalNewLinkProps } from "~emails/portal-new-link";
import QuestionnaireReceipt, { type QuestionnaireReceiptProps } from "~emails/questionnaire-receipt";
import QuestionnaireReturned, { type QuestionnaireReturnedProps } from "~emails/questionnaire-returned";
import QuestionnaireSubmitted, { type QuestionnaireSubmittedProps } from "~emails/questionnaire-submitted";

/**
 * The emails the supplier portal and the review send. Those to the supplier are in the supplier's language
 * (subjects included); the notice to the buyer is in English. Render before the transaction, enqueue in it.
 */

export function renderCodeEmail(p: PortalCodeProps) {
  return renderEmail(
    <PortalCode {...p} />,
    emailT(p.lang)("email.code.subject", { code: p.code, org: p.organizationName }),
  );
}

export function renderNewLinkEmail(p: PortalNewLinkProps) {
  return renderEmail(
    <PortalNewLink {...p} />,
    emailT(p.lang)("email.newLink.subject", { org: p.organizationName }),
  );
}

export function renderReceiptEmail(p: QuestionnaireReceiptProps) {
  return renderEmail(
    <QuestionnaireReceipt {...p} />,
    emailT(p.lang ?? "en")("email.receipt.subject", { org: p.organizationName }),
  );
}

export function renderReturnedEmail(p: QuestionnaireReturnedProps) {
  return renderEmail(
    <QuestionnaireReturned {...p} />,
    emailT(p.lang ?? "en")("email.returned.subject", { org: p.organizationName }),
  );
}

export function renderSubmittedNoticeEmail(p: QuestionnaireSubmittedProps) {
  const flags = p.redFlagCount > 0 ? ` (${p.redFlagCount} red flag${p.redFlagCount === 1 ? "" : "s"})` : "";
  return renderEmail(
    <QuestionnaireSubmitted {...p} />,
    `${p.supplierName} submitted the ${p.questionnaireTitle.toLowerCase()}${flags}`,
  );
}
