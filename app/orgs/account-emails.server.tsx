import { renderEmail, type RenderedEmail } from "~/email/render.server";
import AccountLink, { accountLinkSubject, type AccountLinkProps } from "~emails/account-link";

/** Render an account email (sign-up confirmation, account exists, password reset). Async: before the tx. */
export function renderAccountLink(props: AccountLinkProps): Promise<RenderedEmail> {
  return renderEmail(<AccountLink {...props} />, accountLinkSubject(props));
}
