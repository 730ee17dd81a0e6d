import { render } from "@react-email/components";
import type { ReactElement } from "react";

/** An email ready for the outbox: render it before the write transaction, enqueue it inside. */
export type RenderedEmail = { subject: string; html: string; text: string };

/** Subjects are mail headers: collapse any line break a supplier or organisation name might carry. */
export function headerText(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

/** The one way an email is rendered: React Email to HTML and plain text, the subject made header-safe. */
export async function renderEmail(el: ReactElement, subject: string): Promise<RenderedEmail> {
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { subject: headerText(subject), html, text };
}
