import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Html,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import * as s from "./styles";

export type QuestionnaireSubmittedProps = {
  buyerName: string;
  supplierName: string;
  questionnaireTitle: string;
  redFlagCount: number;
  /** Link to the buyer's review page. */
  reviewUrl: string;
};

export const previewProps: QuestionnaireSubmittedProps = {
  buyerName: "Pat Procurement",
  supplierName: "Example Garments Ltd",
  questionnaireTitle: "Forced-labour self-assessment",
  redFlagCount: 1,
  reviewUrl: "http://localhost:3000/questionnaires/preview",
};

/** Tells the buyer who sent the questionnaire that the supplier has submitted it. */
export default function QuestionnaireSubmitted(props: Partial<QuestionnaireSubmittedProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${p.supplierName} submitted the ${p.questionnaireTitle}`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {p.supplierName} submitted the {p.questionnaireTitle.toLowerCase()}
          </Heading>
          <Text style={s.paragraph}>Hello {p.buyerName},</Text>
          <Text style={s.paragraph}>
            The answers are ready for your review.{" "}
            {p.redFlagCount > 0 ? (
              <strong>
                {p.redFlagCount} answer{p.redFlagCount === 1 ? " is a red flag" : "s are red flags"} for
                forced labour; a remediation task was opened for each.
              </strong>
            ) : (
              "No answer is a red flag for forced labour."
            )}
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.reviewUrl} style={s.button}>
              Review the answers
            </Button>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireSubmitted.PreviewProps = previewProps;
