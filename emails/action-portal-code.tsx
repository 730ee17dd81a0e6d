import { Body, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";
import * as s from "./styles";

/** Every sentence comes translated from the sender (app/remediation/supplier-i18n.ts). */
export type ActionPortalCodeProps = {
  lang: string;
  code: string;
  heading: string;
  greeting: string;
  body: string;
  footer: string;
};

export const previewProps: ActionPortalCodeProps = {
  lang: "en",
  code: "123456",
  heading: "Your confirmation code",
  greeting: "Dear Sam Supplier,",
  body: "Enter this code to open the corrective actions Example Buying Co. shares with Example Garments Ltd.",
  footer: "Sent by Clearsource on behalf of Example Buying Co.",
};

/** The 6-digit code that confirms a browser opening a supplier's corrective actions. */
export default function ActionPortalCode(props: Partial<ActionPortalCodeProps>) {
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
          <Text style={{ ...s.heading, letterSpacing: "6px" }}>{p.code}</Text>
          <Text style={s.small}>{p.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

ActionPortalCode.PreviewProps = previewProps;
