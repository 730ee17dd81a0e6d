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

export type MemberInvitationProps = {
  organizationName: string;
  inviterName: string;
  /** Human label of the role, e.g. "Procurement". */
  roleLabel: string;
  acceptUrl: string;
  /** Already formatted for people, e.g. "12 March 2026". */
  expiresOn: string;
};

/** Defaults make the template previewable on its own (React Email dev server) with obviously fake data. */
export const previewProps: MemberInvitationProps = {
  organizationName: "Example Buying Co.",
  inviterName: "Alex Admin",
  roleLabel: "Procurement",
  acceptUrl: "http://localhost:3000/invite/preview-token",
  expiresOn: "1 January 2030",
};

const main = { backgroundColor: "#f8fafc", fontFamily: "Helvetica, Arial, sans-serif", color: "#1e293b" };
const container = {
  margin: "32px auto",
  maxWidth: "560px",
  backgroundColor: "#ffffff",
  border: "1px solid #e2e8f0",
  borderRadius: "8px",
  padding: "32px",
};
const button = {
  backgroundColor: "#0f766e",
  color: "#ffffff",
  borderRadius: "6px",
  padding: "12px 20px",
  fontWeight: 600,
  fontSize: "14px",
  textDecoration: "none",
};
const small = { fontSize: "12px", color: "#64748b", lineHeight: "18px" };

export default function MemberInvitation(props: Partial<MemberInvitationProps>) {
  const p = { ...previewProps, ...props };
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${p.inviterName} invited you to join ${p.organizationName} on Clearsource`}</Preview>
      <Body style={main}>
        <Container style={container}>
          <Text style={{ fontSize: "14px", fontWeight: 700, color: "#0f766e", margin: 0 }}>Clearsource</Text>
          <Heading as="h1" style={{ fontSize: "22px", margin: "16px 0" }}>
            Join {p.organizationName} on Clearsource
          </Heading>
          <Text style={{ fontSize: "15px", lineHeight: "22px" }}>
            {p.inviterName} invited you to join <strong>{p.organizationName}</strong> as{" "}
            <strong>{p.roleLabel}</strong>. Clearsource is where your team maps suppliers, runs forced-labour
            due diligence and prepares its modern slavery statement.
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.acceptUrl} style={button}>
              Accept the invitation
            </Button>
          </Section>
          <Text style={small}>
            Or paste this link into your browser:{" "}
            <Link href={p.acceptUrl} style={{ color: "#0f766e" }}>
              {p.acceptUrl}
            </Link>
          </Text>
          <Hr style={{ borderColor: "#e2e8f0", margin: "24px 0" }} />
          <Text style={small}>
            The invitation expires on {p.expiresOn} and works once. If you did not expect it, you can ignore
            this email: nothing happens unless you accept.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

MemberInvitation.PreviewProps = previewProps;
