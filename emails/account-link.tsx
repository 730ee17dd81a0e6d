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

/**
 * The account emails that carry one link to one person (no organisation yet, or about the person
 * themselves): confirming a sign-up, "you already have an account", and a password reset.
 */
export type AccountLinkProps = {
  kind: "signup-confirmation" | "account-exists" | "password-reset";
  name: string;
  /** Sign-up: the organisation the person is creating. */
  organizationName?: string;
  link: string;
  /** Already formatted for people, e.g. "60 minutes". */
  validFor: string;
};

export const previewProps: AccountLinkProps = {
  kind: "signup-confirmation",
  name: "Alex Admin",
  organizationName: "Example Buying Co.",
  link: "http://localhost:3000/verify-email/preview-token",
  validFor: "24 hours",
};

const COPY: Record<
  AccountLinkProps["kind"],
  (p: AccountLinkProps) => { preview: string; heading: string; body: string; button: string; footer: string }
> = {
  "signup-confirmation": (p) => ({
    preview: `Confirm your email to create ${p.organizationName} on Clearsource`,
    heading: "Confirm your email address",
    body: `Hello ${p.name}, confirm that this is your email address to create ${p.organizationName} on Clearsource. Nothing is created until you do.`,
    button: "Confirm and create the organisation",
    footer: `The link works once and for ${p.validFor}. If you did not sign up, ignore this email: no account is created.`,
  }),
  "account-exists": (p) => ({
    preview: "You already have a Clearsource account",
    heading: "You already have an account",
    body: `Someone, probably you, tried to sign up to Clearsource with this email address, which already has an account${p.name ? ` (${p.name})` : ""}. Log in instead, or reset your password if you have forgotten it.`,
    button: "Reset my password",
    footer: `The link works once and for ${p.validFor}. If this was not you, ignore this email: nothing has changed.`,
  }),
  "password-reset": (p) => ({
    preview: "Reset your Clearsource password",
    heading: "Reset your password",
    body: `Hello ${p.name}, use the button below to choose a new password for your Clearsource account. Your current password keeps working until you do; choosing a new one signs out every other session.`,
    button: "Choose a new password",
    footer: `The link works once and for ${p.validFor}. If you did not ask for it, ignore this email: your password stays as it is.`,
  }),
};

export function accountLinkSubject(p: AccountLinkProps): string {
  if (p.kind === "signup-confirmation") return `Confirm your email for ${p.organizationName} on Clearsource`;
  if (p.kind === "account-exists") return "You already have a Clearsource account";
  return "Reset your Clearsource password";
}

export default function AccountLink(props: Partial<AccountLinkProps>) {
  const p = { ...previewProps, ...props };
  const c = COPY[p.kind](p);
  return (
    <Html lang="en">
      <Head />
      <Preview>{c.preview}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {c.heading}
          </Heading>
          <Text style={s.paragraph}>{c.body}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.link} style={s.button}>
              {c.button}
            </Button>
          </Section>
          <Text style={s.small}>
            Or paste this link into your browser:{" "}
            <Link href={p.link} style={s.linkColor}>
              {p.link}
            </Link>
          </Text>
          <Hr style={s.hr} />
          <Text style={s.small}>{c.footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

AccountLink.PreviewProps = previewProps;
