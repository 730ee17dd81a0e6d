import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { emailStrings } from "~/i18n/email.server";
import * as s from "./styles";

export type QuestionnaireReminderProps = {
  recipientName: string;
  organizationName: string;
  supplierName: string;
  questionnaireTitle: string;
  /** A fresh personal link (each reminder rotates the token). */
  link: string;
  /** Formatted in the email's language. */
  dueOn: string;
  expiresOn: string;
  /** "reminder" before the due date, "overdue" after it. */
  variant: "reminder" | "overdue";
  language?: string;
};

export const previewProps: QuestionnaireReminderProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Garments Ltd",
  questionnaireTitle: "Forced-labour self-assessment",
  link: "http://localhost:3000/s/preview-token",
  dueOn: "1 January 2030",
  expiresOn: "1 February 2030",
  variant: "reminder",
  language: "en",
};

/** The reminder before the due date and the overdue notice share this layout; only the words differ. */
export default function QuestionnaireReminder(props: Partial<QuestionnaireReminderProps>) {
  const p = { ...previewProps, ...props };
  const t = emailStrings(p.language);
  const overdue = p.variant === "overdue";
  const heading = overdue
    ? t.overdue.heading(p.questionnaireTitle)
    : t.reminder.heading(p.questionnaireTitle, p.dueOn);
  const body = overdue
    ? t.overdue.body(p.organizationName, p.supplierName, p.dueOn)
    : t.reminder.body(p.organizationName, p.supplierName, p.dueOn);
  return (
    <Html lang={p.language ?? "en"}>
      <Head />
      <Preview>{heading}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={{ ...s.heading, color: overdue ? "#b91c1c" : undefined }}>
            {heading}
          </Heading>
          <Text style={s.paragraph}>{t.greeting(p.recipientName)}</Text>
          <Text style={s.paragraph}>{body}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.link} style={s.button}>
              {t.button}
            </Button>
          </Section>
          <Text style={s.small}>
            {t.pasteLink}{" "}
            <Link href={p.link} style={s.linkColor}>
              {p.link}
            </Link>
          </Text>
          <Hr style={s.hr} />
          <Text style={s.small}>
            {t.newLinkNote} {t.personalLink(p.expiresOn)}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireReminder.PreviewProps = previewProps;
