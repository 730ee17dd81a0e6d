import { Body, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import * as s from "./styles";

export type QuestionnaireReturnedProps = {
  recipientName: string;
  organizationName: string;
  questionnaireTitle: string;
  comment: string;
  expiresOn: string;
};

export const previewProps: QuestionnaireReturnedProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  questionnaireTitle: "Forced-labour self-assessment",
  comment: "Please give the average weekly hours for the peak season.",
  expiresOn: "1 January 2030",
};

/** Sent to the supplier when the buyer returns a submission for correction. */
export default function QuestionnaireReturned(props: Partial<QuestionnaireReturnedProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${p.organizationName} returned your ${p.questionnaireTitle} with a question`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {p.organizationName} returned your answers
          </Heading>
          <Text style={s.paragraph}>Dear {p.recipientName},</Text>
          <Text style={s.paragraph}>
            {p.organizationName} reviewed your {p.questionnaireTitle.toLowerCase()} and asks you to update it:
          </Text>
          <Section
            style={{
              borderLeft: "3px solid #0f766e",
              paddingLeft: "12px",
              margin: "16px 0",
              whiteSpace: "pre-wrap",
            }}
          >
            <Text style={s.paragraph}>{p.comment}</Text>
          </Section>
          <Text style={s.paragraph}>
            Open the link in the original invitation to change your answers and submit again. It works until{" "}
            {p.expiresOn}.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireReturned.PreviewProps = previewProps;
