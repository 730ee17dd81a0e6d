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
import * as s from "./styles";

export type QuestionnaireInvitationProps = {
  recipientName: string;
  organizationName: string;
  supplierName: string;
  questionnaireTitle: string;
  questionCount: number;
  /** `${publicOrigin}/s/<token>`: built from configuration, never from a request's Host header. */
  link: string;
  /** Already formatted for people, e.g. "12 March 2026"; null when no due date was set. */
  dueOn: string | null;
  expiresOn: string;
};

/** Preview-safe defaults with obviously fake data (React Email dev server). */
export const previewProps: QuestionnaireInvitationProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Garments Ltd",
  questionnaireTitle: "Forced-labour self-assessment",
  questionCount: 25,
  link: "http://localhost:3000/s/preview-token",
  dueOn: "1 January 2030",
  expiresOn: "1 January 2030",
};

export default function QuestionnaireInvitation(props: Partial<QuestionnaireInvitationProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${p.organizationName} asks ${p.supplierName} to complete a ${p.questionnaireTitle}`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {p.organizationName} asks you to complete a {p.questionnaireTitle.toLowerCase()}
          </Heading>
          <Text style={s.paragraph}>Dear {p.recipientName},</Text>
          <Text style={s.paragraph}>
            <strong>{p.organizationName}</strong> is asking <strong>{p.supplierName}</strong> to answer{" "}
            {p.questionCount} questions about how workers are recruited, employed, paid and housed. You do not
            need an account: the button below opens the questionnaire. You can save a draft and come back to
            it
            {p.dueOn ? (
              <>
                {" "}
                before the due date, <strong>{p.dueOn}</strong>
              </>
            ) : null}
            .
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.link} style={s.button}>
              Open the questionnaire
            </Button>
          </Section>
          <Text style={s.small}>
            Or paste this link into your browser:{" "}
            <Link href={p.link} style={s.linkColor}>
              {p.link}
            </Link>
          </Text>
          <Hr style={s.hr} />
          <Text style={s.small}>
            The link is personal to you and works until {p.expiresOn}. Do not forward it: anyone with the link
            can answer on your company&apos;s behalf. If you did not expect this email, you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireInvitation.PreviewProps = previewProps;
