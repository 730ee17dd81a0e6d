import { Body, Container, Head, Heading, Hr, Html, Preview, Text } from "@react-email/components";
import * as s from "./styles";

export type QuestionnaireReceiptProps = {
  recipientName: string;
  organizationName: string;
  questionnaireTitle: string;
  /** Already formatted for people. */
  submittedOn: string;
  declarationName: string;
  declarationTitle: string;
};

export const previewProps: QuestionnaireReceiptProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  questionnaireTitle: "Forced-labour self-assessment",
  submittedOn: "1 January 2030",
  declarationName: "Sam Supplier",
  declarationTitle: "HR Manager",
};

/** The supplier's receipt: what was submitted, when, and who signed the declaration. */
export default function QuestionnaireReceipt(props: Partial<QuestionnaireReceiptProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`Receipt: your ${p.questionnaireTitle} for ${p.organizationName}`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            Thank you: your answers were received
          </Heading>
          <Text style={s.paragraph}>Dear {p.recipientName},</Text>
          <Text style={s.paragraph}>
            Your {p.questionnaireTitle.toLowerCase()} for <strong>{p.organizationName}</strong> was submitted
            on {p.submittedOn}, declared by {p.declarationName} ({p.declarationTitle}). {p.organizationName}{" "}
            will review it and may come back to you with questions.
          </Text>
          <Hr style={s.hr} />
          <Text style={s.small}>
            You can still view your answers through the link in the original invitation while it is valid.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireReceipt.PreviewProps = previewProps;
