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

export type QuestionnaireInvitationProps = {
  recipientName: string;
  organizationName: string;
  supplierName: string;
  questionnaireTitle: string;
  /** Questions every supplier sees; `conditionalCount` more may follow certain answers. */
  questionCount: number;
  conditionalCount?: number;
  /** `${publicOrigin}/s/<token>`: built from configuration, never from a request's Host header. */
  link: string;
  /** Already formatted for people in the email's language, e.g. "12 March 2026"; null when none was set. */
  dueOn: string | null;
  expiresOn: string;
  /** BCP 47 code of the supplier's language; English when absent or not supported. */
  language?: string;
};

/** Preview-safe defaults with obviously fake data (React Email dev server). */
export const previewProps: QuestionnaireInvitationProps = {
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Garments Ltd",
  questionnaireTitle: "Forced-labour self-assessment",
  questionCount: 25,
  conditionalCount: 5,
  link: "http://localhost:3000/s/preview-token",
  dueOn: "1 January 2030",
  expiresOn: "1 January 2030",
  language: "en",
};

export default function QuestionnaireInvitation(props: Partial<QuestionnaireInvitationProps>) {
  const p = { ...previewProps, ...props };
  const t = emailStrings(p.language);
  return (
    <Html lang={p.language ?? "en"}>
      <Head />
      {/* No per-supplier value here: the preview's padding depends on its length (see invitationRenderer). */}
      <Preview>{t.invitation.heading(p.organizationName, p.questionnaireTitle)}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {t.invitation.heading(p.organizationName, p.questionnaireTitle)}
          </Heading>
          <Text style={s.paragraph}>{t.greeting(p.recipientName)}</Text>
          <Text style={s.paragraph}>
            {t.invitation.body(p.organizationName, p.supplierName, p.questionCount)}
            {p.conditionalCount ? ` ${t.invitation.conditional(p.conditionalCount)}` : null}
            {p.dueOn ? (
              <>
                {" "}
                <strong>{t.invitation.due(p.dueOn)}</strong>
              </>
            ) : null}
          </Text>
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
          <Text style={s.small}>{t.personalLink(p.expiresOn)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

QuestionnaireInvitation.PreviewProps = previewProps;
