import { render } from "@react-email/components";
import MemberInvitation, { type MemberInvitationProps } from "~emails/member-invitation";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Subjects are mail headers: collapse any line break a name might carry (header injection). */
function headerText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/** Render the invitation to HTML and plain text. Async: call it before the write transaction. */
export async function renderMemberInvitation(props: MemberInvitationProps): Promise<RenderedEmail> {
  const el = <MemberInvitation {...props} />;
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return {
    subject: headerText(`${props.inviterName} invited you to ${props.organizationName} on Clearsource`),
    html,
    text,
  };
}
