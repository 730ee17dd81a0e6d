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

export type GrievanceClockProps = {
  recipientName: string;
  /** The case's short number within the organisation. */
  caseNumber: number;
  kind: "acknowledge_soon" | "acknowledge_overdue" | "feedback_soon" | "feedback_overdue";
  /** The deadline, written out (e.g. "14 March 2026"). */
  dueOn: string;
  caseUrl: string;
};

export const previewProps: GrievanceClockProps = {
  recipientName: "Gia Handler",
  caseNumber: 12,
  kind: "acknowledge_soon",
  dueOn: "14 March 2030",
  caseUrl: "http://localhost:3000/grievances/preview",
};

const HEADINGS: Record<GrievanceClockProps["kind"], (n: number) => string> = {
  acknowledge_soon: (n) => `Grievance #${n}: acknowledge receipt soon`,
  acknowledge_overdue: (n) => `Grievance #${n}: acknowledgement overdue`,
  feedback_soon: (n) => `Grievance #${n}: feedback to the reporter due soon`,
  feedback_overdue: (n) => `Grievance #${n}: feedback to the reporter overdue`,
};

/**
 * To the grievance handlers of an organisation: a case's legal clock is about to run out or has. It
 * names the case by number only; what the worker wrote stays in the product, behind the handler role.
 */
export default function GrievanceClock(props: Partial<GrievanceClockProps>) {
  const p = { ...previewProps, ...props };
  const heading = HEADINGS[p.kind](p.caseNumber);
  const acknowledge = p.kind.startsWith("acknowledge");
  const overdue = p.kind.endsWith("overdue");
  return (
    <Html lang="en">
      <Head />
      <Preview>{heading}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {heading}
          </Heading>
          <Text style={s.paragraph}>Hello {p.recipientName},</Text>
          <Text style={s.paragraph}>
            {acknowledge
              ? `The reporter of grievance #${p.caseNumber} must be told their report was received by ${p.dueOn} (7 days, EU Whistleblower Directive art. 9).`
              : `The reporter of grievance #${p.caseNumber} must be given feedback on what is being done by ${p.dueOn} (3 months, EU Whistleblower Directive art. 9).`}
            {overdue ? " That date has passed." : ""}
          </Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.caseUrl} style={s.button}>
              Open the case
            </Button>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

GrievanceClock.PreviewProps = previewProps;
