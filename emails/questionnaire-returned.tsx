import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import { emailT } from "~/i18n/email.server";
import { portalT } from "~/i18n/portal";
import * as s from "./styles";

export type ReturnedQuestion = {
  id: string;
  /** The question in the supplier's language. */
  text: string;
  /** The buyer's comment, as written. */
  comment: string;
};

export type QuestionnaireReturnedProps = {
  lang?: string;
  recipientName: string;
  organizationName: string;
  questionnaireTitle: string;
  questions: ReturnedQuestion[];
  /** Already formatted in the supplier's language. */
  expiresOn: string;
};

export const previewProps: QuestionnaireReturnedProps = {
  lang: "en",
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  questionnaireTitle: "Forced-labour self-assessment",
  questions: [
    {
      id: "H1",
      text: "Average weekly working hours, including overtime",
      comment: "Please give the average for the peak season.",
    },
  ],
  expiresOn: "1 January 2030",
};

/** Sent to the supplier, in their language, when the buyer returns specific questions for changes. */
export default function QuestionnaireReturned(props: Partial<QuestionnaireReturnedProps>) {
  const p = { ...previewProps, ...props };
  const lang = p.lang ?? "en";
  const t = emailT(lang);
  const vars = { org: p.organizationName, date: p.expiresOn };
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{t("email.returned.subject", vars)}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {t("email.returned.heading", vars)}
          </Heading>
          <Text style={s.paragraph}>{t("email.greeting", { name: p.recipientName })}</Text>
          <Text style={s.paragraph}>
            <strong>{p.questionnaireTitle}</strong>
          </Text>
          <Text style={s.paragraph}>{t("email.returned.body", vars)}</Text>
          {p.questions.map((q) => (
            <Section
              key={q.id}
              style={{ borderLeft: "3px solid #0f766e", paddingLeft: "12px", margin: "16px 0" }}
            >
              <Text style={{ ...s.paragraph, fontWeight: 600, margin: "0 0 4px" }}>
                {q.id}. {q.text}
              </Text>
              <Text style={{ ...s.paragraph, margin: 0, whiteSpace: "pre-wrap" as const }}>
                {portalT(lang)("portal.buyerComment", vars)}: {q.comment}
              </Text>
            </Section>
          ))}
          <Text style={s.paragraph}>{t("email.returned.action", vars)}</Text>
          <Text style={s.small}>{t("email.footer", vars)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireReturned.PreviewProps = previewProps;
