import { Body, Container, Head, Heading, Hr, Html, Preview, Section, Text } from "@react-email/components";
import { emailT } from "~/i18n/email.server";
import * as s from "./styles";

export type PortalCodeProps = {
  lang: string;
  recipientName: string;
  organizationName: string;
  supplierName: string;
  code: string;
};

export const previewProps: PortalCodeProps = {
  lang: "en",
  recipientName: "Sam Supplier",
  organizationName: "Example Buying Co.",
  supplierName: "Example Mill Ltd",
  code: "482913",
};

/** The 6-digit code that confirms a supplier portal session, in the supplier's language. */
export default function PortalCode(props: Partial<PortalCodeProps>) {
  const p = { ...previewProps, ...props };
  const t = emailT(p.lang);
  const vars = { org: p.organizationName, supplier: p.supplierName, code: p.code };
  return (
    <Html lang={p.lang}>
      <Head />
      <Preview>{t("email.code.subject", vars)}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {t("email.code.heading")}
          </Heading>
          <Text style={s.paragraph}>{t("email.greeting", { name: p.recipientName })}</Text>
          <Text style={s.paragraph}>{t("email.code.body", vars)}</Text>
          <Section style={{ margin: "24px 0", textAlign: "center" as const }}>
            <Text
              style={{
                fontSize: "32px",
                fontWeight: 700,
                letterSpacing: "8px",
                fontFamily: "Menlo, Consolas, monospace",
                margin: 0,
              }}
            >
              {p.code}
            </Text>
          </Section>
          <Hr style={s.hr} />
          <Text style={s.small}>{t("email.code.ignore")}</Text>
          <Text style={s.small}>{t("email.footer", vars)}</Text>
        </Container>
      </Body>
    </Html>
  );
}

PortalCode.PreviewProps = previewProps;
