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

export type ActionDeadlineProps = {
  recipientName: string;
  supplierName: string;
  actionTitle: string;
  /** "plan-reminder" | "plan-overdue" | "due-reminder" | "overdue" */
  variant: "plan-reminder" | "plan-overdue" | "due-reminder" | "overdue";
  /** The deadline, written out (e.g. "14 March 2026"). */
  dueOn: string;
  actionUrl: string;
};

export const previewProps: ActionDeadlineProps = {
  recipientName: "Pat Procurement",
  supplierName: "Example Garments Ltd",
  actionTitle: "Critical finding: recruitment fees paid by workers",
  variant: "plan-reminder",
  dueOn: "14 March 2030",
  actionUrl: "http://localhost:3000/remediation/preview",
};

const LINES: Record<ActionDeadlineProps["variant"], { heading: string; body: string }> = {
  "plan-reminder": {
    heading: "A corrective action plan is due soon",
    body: "The supplier's plan (root cause, corrective and preventive action) is due on {due}.",
  },
  "plan-overdue": {
    heading: "A corrective action plan is overdue",
    body: "The supplier's plan was due on {due} and has not been submitted. The overdue action now counts in the supplier's risk.",
  },
  "due-reminder": {
    heading: "A corrective action is due soon",
    body: "The action must be resolved and verified by {due}.",
  },
  overdue: {
    heading: "A corrective action is overdue",
    body: "The action was due to be resolved and verified by {due}. The overdue action now counts in the supplier's risk; consider escalating.",
  },
};

/** To the buyer-side owner of a corrective action: a deadline is near or has passed. Sent once per deadline. */
export default function ActionDeadline(props: Partial<ActionDeadlineProps>) {
  const p = { ...previewProps, ...props };
  const line = LINES[p.variant];
  return (
    <Html lang="en">
      <Head />
      <Preview>{`${line.heading}: ${p.supplierName}`}</Preview>
      <Body style={s.main}>
        <Container style={s.container}>
          <Text style={s.brand}>Clearsource</Text>
          <Heading as="h1" style={s.heading}>
            {line.heading}
          </Heading>
          <Text style={s.paragraph}>Hello {p.recipientName},</Text>
          <Text style={s.paragraph}>
            <strong>{p.supplierName}</strong>: {p.actionTitle}
          </Text>
          <Text style={s.paragraph}>{line.body.replace("{due}", p.dueOn)}</Text>
          <Section style={{ margin: "24px 0" }}>
            <Button href={p.actionUrl} style={s.button}>
              Open the corrective action
            </Button>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

ActionDeadline.PreviewProps = previewProps;
