import { renderEmail, type RenderedEmail } from "~/email/render.server";
import MemberInvitation, { type MemberInvitationProps } from "~emails/member-invitation";

/** Render the invitation to HTML and plain text. Async: call it before the write transaction. */
export function renderMemberInvitation(props: MemberInvitationProps): Promise<RenderedEmail> {
  return renderEmail(
    <MemberInvitation {...props} />,
    `${props.inviterName} invited you to ${props.organizationName} on Clearsource`,
  );
}
