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
import { emailT } from "~/i18n/email.server";
import * as s from "./styles";

export type PortalNewLinkProps = {
  lang: string;
  recipientName: string;
  organizationName: string;
  supplierName: string;
  link: string;
  /** Already formatted in the supplier's language. */
  validUntil: string;
};

export const previewProps: PortalNewLinkProps = {
  lang: "en",
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Mill Ltd",
  link: "https://app.example.test/s/abc",
  validUntil: "1 January 2030",
};

/** A fresh questionnaire link, sent only to the address the questionnaire was sent to. */
export default function PortalNewLink(props: Partial<PortalNewLinkProps>) {
  const p = { ...previewProps, ...props };
  const t = emailT(p.lang);
  const vars = { org: p.organizationName, supplier: p.supplierName };
  return (
    <Html lang={p.lang}>
      <Head />
      <Preview>{t("email.newLink.subject", vars)}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {t("email.newLink.heading")}
          </Heading>
          <Text style={s.paragraph}>{t("email.greeting", { name: p.recipientName })}</Text>
          <Text style={s.paragraph}>{t("email.newLink.body", vars)}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.link} style={s.button}>
              {t("email.newLink.button")}
            </Button>
          </Section>
          <Text style={s.small}>
            <Link href={p.link} style={s.linkColor}>
              {p.link}
            </Link>
          </Text>
          <Text style={s.paragraph}>{t("email.newLink.validUntil", { date: p.validUntil })}</Text>
          <Hr style={s.hr} />
          <Text style={s.small}>{t("email.footer", vars)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

PortalNewLink.PreviewProps = previewProps;
