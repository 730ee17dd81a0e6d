import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import { emailT } from "~/i18n/email.server";
import * as s from "./styles";

export type QuestionnaireReceiptProps = {
  /** The supplier's language (BCP 47); English when absent. */
  lang?: string;
  recipientName: string;
  organizationName: string;
  questionnaireTitle: string;
  /** Already formatted for people, in the supplier's language. */
  submittedOn: string;
  declarationName: string;
  declarationTitle: string;
};

export const previewProps: QuestionnaireReceiptProps = {
  lang: "en",
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  questionnaireTitle: "Forced-labour self-assessment",
  submittedOn: "1 January 2030",
  declarationName: "Sam Supplier",
  declarationTitle: "HR Manager",
};

/** The supplier's receipt, in their language: what was submitted, when, and who signed the declaration. */
export default function QuestionnaireReceipt(props: Partial<QuestionnaireReceiptProps>) {
  const p = { ...previewProps, ...props };
  const lang = p.lang ?? "en";
  const t = emailT(lang);
  const vars = {
    org: p.organizationName,
    date: p.submittedOn,
    name: p.declarationName,
    jobTitle: p.declarationTitle,
  };
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{t("email.receipt.subject", vars)}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {t("email.receipt.heading")}
          </Heading>
          <Text style={s.paragraph}>{t("email.greeting", { name: p.recipientName })}</Text>
          <Text style={s.paragraph}>
            <strong>{p.questionnaireTitle}</strong>
          </Text>
          <Text style={s.paragraph}>{t("email.receipt.body", vars)}</Text>
          <Hr style={s.hr} />
          <Text style={s.small}>{t("email.receipt.footer")}</Text>
          <Text style={s.small}>{t("email.footer", vars)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireReceipt.PreviewProps = previewProps;
