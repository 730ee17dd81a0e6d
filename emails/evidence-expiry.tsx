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

export type EvidenceExpiryProps = {
  recipientName: string;
  supplierName: string;
  fileName: string;
  /** The last valid day, written out (e.g. "14 March 2026"). */
  expiresOn: string;
  /** Days left when the reminder was planned (30 or 7). */
  daysBefore: number;
  /** The corrective action the file evidences, when it has one. */
  actionTitle: string | null;
  fileUrl: string;
};

export const previewProps: EvidenceExpiryProps = {
  recipientName: "Pat Procurement",
  supplierName: "Example Garments Ltd",
  fileName: "fire-safety-certificate.pdf",
  expiresOn: "14 March 2030",
  daysBefore: 30,
  actionTitle: "Critical finding: blocked fire exits",
  fileUrl: "http://localhost:3000/remediation/preview",
};

/** To the member who owns an evidence file: it expires soon and needs a new version. Sent once per reminder. */
export default function EvidenceExpiry(props: Partial<EvidenceExpiryProps>) {
  const p = { ...previewProps, ...props };
  const heading = `An evidence file expires in ${p.daysBefore} days`;
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${heading}: ${p.supplierName}`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {heading}
          </Heading>
          <Text style={s.paragraph}>Hello {p.recipientName},</Text>
          <Text style={s.paragraph}>
            <strong>{p.supplierName}</strong>: {p.fileName}
            {p.actionTitle ? ` (evidence for "${p.actionTitle}")` : ""} is valid until {p.expiresOn}.
          </Text>
          <Text style={s.paragraph}>
            Ask the supplier for a renewed document and upload it as a new version before then. Once the date
            has passed the file shows as expired and counts as missing evidence.
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.fileUrl} style={s.button}>
              Open the evidence
            </Button>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

EvidenceExpiry.PreviewProps = previewProps;
