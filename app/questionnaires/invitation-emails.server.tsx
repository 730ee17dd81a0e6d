import { headerText, renderEmail, type RenderedEmail } from "~/email/render.server";
import { emailDate, emailStrings } from "~/i18n/email.server";
import QuestionnaireInvitation from "~emails/questionnaire-invitation";
import QuestionnaireOverdue from "~emails/questionnaire-overdue";
import QuestionnaireReminder from "~emails/questionnaire-reminder";

/**
 * The invitation, reminder and overdue emails of a questionnaire assignment, in the supplier's language.
 * Owned here because questionnaires send them (single sends, reminders); campaigns reuse them.
 */

/** What is the same for every supplier of one send (one campaign, one language). */
export type InvitationCommon = {
  language: string;
  organizationName: string;
  questionnaireTitle: string;
  /** questionCounts(template): every supplier sees `always`; `conditional` follow certain answers. */
  questionCount: number;
  conditionalCount: number;
  /** YYYY-MM-DD */
  dueDate: string | null;
  expiresAt: Date;
};

/** What differs per supplier. */
export type PerRecipient = { recipientName: string; supplierName: string; link: string };

export async function renderInvitationEmail(c: InvitationCommon, r: PerRecipient): Promise<RenderedEmail> {
  const t = emailStrings(c.language);
  return renderEmail(
    <QuestionnaireInvitation
      {...r}
      language={c.language}
      organizationName={c.organizationName}
      questionnaireTitle={c.questionnaireTitle}
      questionCount={c.questionCount}
      conditionalCount={c.conditionalCount}
      dueOn={c.dueDate ? emailDate(c.dueDate, c.language) : null}
      expiresOn={emailDate(c.expiresAt, c.language)}
    />,
    t.invitation.subject(c.organizationName, c.questionnaireTitle, r.supplierName),
  );
}

// Placeholders survive React's escaping and the plain-text conversion unchanged (no spaces, no markup).
const SLOTS = {
  recipientName: "%%CS_RECIPIENT_NAME%%",
  supplierName: "%%CS_SUPPLIER_NAME%%",
  link: "%%CS_LINK%%",
} as const;

/** The escaping React applies to text and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

function fill(template: string, r: PerRecipient, escape: (v: string) => string): string {
  return template
    .replaceAll(SLOTS.recipientName, escape(r.recipientName))
    .replaceAll(SLOTS.supplierName, escape(r.supplierName))
    .replaceAll(SLOTS.link, escape(r.link));
}

/**
 * Render the invitation once per language and fill in each supplier's name and link by substitution:
 * rendering React Email 10,000 times takes minutes, substitution milliseconds. The result is the same
 * HTML a direct render gives (tested); the plain text may wrap lines at different places.
 */
export async function invitationRenderer(c: InvitationCommon): Promise<(r: PerRecipient) => RenderedEmail> {
  const t = emailStrings(c.language);
  const shell = await renderInvitationEmail(c, SLOTS);
  return (r) => ({
    subject: headerText(t.invitation.subject(c.organizationName, c.questionnaireTitle, r.supplierName)),
    html: fill(shell.html, r, escapeHtml),
    text: fill(shell.text, r, (v) => v),
  });
}

export type ReminderInput = PerRecipient & {
  variant: "reminder" | "overdue";
  language: string;
  organizationName: string;
  questionnaireTitle: string;
  dueDate: string;
  expiresAt: Date;
};

export async function renderReminderEmail(p: ReminderInput): Promise<RenderedEmail> {
  const t = emailStrings(p.language);
  const props = {
    recipientName: p.recipientName,
    supplierName: p.supplierName,
    link: p.link,
    language: p.language,
    organizationName: p.organizationName,
    questionnaireTitle: p.questionnaireTitle,
    dueOn: emailDate(p.dueDate, p.language),
    expiresOn: emailDate(p.expiresAt, p.language),
  };
  const subject =
    p.variant === "overdue"
      ? t.overdue.subject(p.organizationName, p.questionnaireTitle)
      : t.reminder.subject(p.organizationName, p.questionnaireTitle, props.dueOn);
  return renderEmail(
    p.variant === "overdue" ? (
      <QuestionnaireOverdue {...props} />
    ) : (
      <QuestionnaireReminder {...props} variant="reminder" />
    ),
    subject,
  );
}
