import QuestionnaireReminder, { type QuestionnaireReminderProps } from "./questionnaire-reminder";

export type QuestionnaireOverdueProps = Omit<QuestionnaireReminderProps, "variant">;

export const previewProps: QuestionnaireOverdueProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Garments Ltd",
  questionnaireTitle: "Forced-labour self-assessment",
  link: "http://localhost:3000/s/preview-token",
  dueOn: "1 January 2030",
  expiresOn: "1 February 2030",
  language: "en",
};

/** Sent once when the due date has passed without a submission (weekly reminders follow). */
export default function QuestionnaireOverdue(props: Partial<QuestionnaireOverdueProps>) {
  return <QuestionnaireReminder {...previewProps} {...props} variant="overdue" />;
}

QuestionnaireOverdue.PreviewProps = previewProps;
