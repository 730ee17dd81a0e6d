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

/** Every sentence comes translated from the sender (app/remediation/supplier-i18n.ts). */
export type ActionPortalInvitationProps = {
  lang: string;
  heading: string;
  greeting: string;
  body: string;
  button: string;
  validUntil: string;
  footer: string;
  link: string;
};

export const previewProps: ActionPortalInvitationProps = {
  lang: "en",
  heading: "Example Buying Co. shares corrective actions with you",
  greeting: "Dear Sam Supplier,",
  body: "Example Buying Co. asks Example Garments Ltd to respond to the findings of its audits.",
  button: "Open the corrective actions",
  validUntil: "This link works until 1 January 2030.",
  footer: "Sent by Clearsource on behalf of Example Buying Co.",
  link: "http://localhost:3000/a/preview-token",
};

/** To a supplier contact: the link to the supplier's corrective actions. */
export default function ActionPortalInvitation(props: Partial<ActionPortalInvitationProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang={p.lang}>
      <Head />
      <Preview>{p.heading}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {p.heading}
          </Heading>
          <Text style={s.paragraph}>{p.greeting}</Text>
          <Text style={s.paragraph}>{p.body}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.link} style={s.button}>
              {p.button}
            </Button>
          </Section>
          <Text style={s.small}>{p.validUntil}</Text>
          <Text style={s.small}>{p.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

ActionPortalInvitation.PreviewProps = previewProps;
