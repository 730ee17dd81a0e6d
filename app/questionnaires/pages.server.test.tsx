/* eslint-disable @typescript-eslint/no-explicit-any -- loader args and payloads are built by hand in tests. */
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import { fieldName } from "./model";
import { requirePortalAccess, submitAnswers } from "./portal.server";
import { openPortal } from "./portal.testing";
import { sendQuestionnaire } from "./send.server";

/**
 * Server-render the pages with their real loader data (Remix's hooks replaced by the data), so a page
 * that throws while rendering, or loses its key content, fails here rather than in the browser.
 */
const hook = vi.hoisted(() => ({
  loader: undefined as unknown,
  action: undefined as unknown,
  search: new URLSearchParams(),
}));

vi.mock("@remix-run/react", () => ({
  Form: ({ children, ...props }: any) => <form {...props}>{children}</form>,
  Link: ({ to, children, ...props }: any) => (
    <a href={to} {...props}>
      {children}
    </a>
  ),
  useLoaderData: () => hook.loader,
  useActionData: () => hook.action,
  useNavigation: () => ({ state: "idle" }),
  useSearchParams: () => [hook.search],
  useFetcher: () => {
    const FetcherForm = ({ children, ...props }: any) => <form {...props}>{children}</form>;
    return { state: "idle", data: undefined, Form: FetcherForm, submit: () => {} };
  },
}));

const { default: ReviewPage, loader: reviewLoader } = await import("~/routes/questionnaires.$assignmentId");
const { default: ListPage, loader: listLoader } = await import("~/routes/questionnaires._index");
const { default: SendPage, loader: sendLoader } = await import("~/routes/questionnaires.send");
const { default: LandingPage, loader: landingLoader } = await import("~/routes/s.$token");
const { default: PortalPage, loader: portalLoader } = await import("~/routes/portal.$assignmentId");
const { default: MailboxPage, loader: mailboxLoader } = await import("~/routes/dev.mailbox._index");
const { default: MailPage, loader: mailLoader } = await import("~/routes/dev.mailbox.$emailId");

const args = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as any;
/** What the browser receives: Remix serialises loader data; data() wrappers carry it in `.data`. */
const payload = (out: any) =>
  JSON.parse(JSON.stringify(out?.type === "DataWithResponseInit" ? out.data : out));

function render(Page: () => JSX.Element | null, loader: unknown, action?: unknown, search = ""): string {
  hook.loader = loader;
  hook.action = action;
  hook.search = new URLSearchParams(search);
  return renderToString(<Page />);
}

describe("questionnaire pages render", () => {
  it("send, list, landing, portal (draft, errors, read-only), review with red flags, dev mailbox", async () => {
    const org = await createOrg({ name: "Render Buyer" });
    const s = insertSupplier(org.id, { name: "深圳市工厂", contactName: "Li Wei" });
    const buyer = org.members.procurement;

    const send = render(
      SendPage,
      payload(await sendLoader(args(requestAs(buyer, `/q/send?supplierId=${s.id}`)))),
    );
    expect(send).toContain("Li Wei");
    expect(send).toContain("Send questionnaire");
    const pick = render(SendPage, payload(await sendLoader(args(requestAs(buyer, "/q/send")))));
    expect(pick).toContain("深圳市工厂");

    const { assignmentId, link } = await sendQuestionnaire(buyer.ctx, {
      supplierId: s.id,
      recipientName: "Li Wei",
      recipientEmail: "li@supplier.test",
      dueDate: "2099-06-30",
    });
    const token = link.split("/s/")[1];

    const list = render(ListPage, payload(await listLoader(args(requestAs(buyer, "/questionnaires")))));
    expect(list).toContain("深圳市工厂");
    expect(list).toContain("Sent");

    const landing = render(LandingPage, payload(await landingLoader(args(requestAs(null, link), { token }))));
    expect(landing).toContain("Render Buyer");
    expect(landing).toContain("30 June 2099");
    expect(landing).toContain("Start");
    const gone = render(
      LandingPage,
      payload(await landingLoader(args(requestAs(null, "/s/x"), { token: "x" }))),
    );
    expect(gone).toContain("This link does not work");

    const { cookie } = await openPortal(token);
    const portalReq = () => requestAs({ cookie }, `/portal/${assignmentId}`);
    const portalData = payload(await portalLoader(args(portalReq(), { assignmentId })));
    const draft = render(PortalPage, portalData, {
      ok: false,
      formError: "0 answers saved. 1 could not be saved.",
      fieldErrors: { [fieldName("H1")]: "Enter a number, e.g. 48 or 12.5." },
      values: { [fieldName("H1")]: "lots" },
    });
    expect(draft).toContain("saved automatically");
    expect(draft).toContain("Submit answers");
    expect(draft).toContain('value="lots"');
    expect(draft).toContain("Enter a number, e.g. 48 or 12.5.");
    // The ILO indicator a question tests is the buyer's scoring business: never shown to the supplier.
    expect(draft).not.toContain("ILO 7");
    expect(draft).not.toContain("Retention of identity documents");

    const answersForm: Record<string, string> = {};
    // The single send uses the latest built-in version; answer "yes" everywhere so red flags show in review.
    for (const q of BUILTIN_FORCED_LABOUR_LATEST.questions.filter((x) => x.required && x.type !== "file")) {
      answersForm[fieldName(q.id)] =
        q.type === "yes_no"
          ? "yes"
          : q.type === "choice" || q.type === "multi_choice"
            ? q.options![0].value
            : q.type === "text" || q.type === "short_text"
              ? "x"
              : q.type === "date"
                ? "2025-01-31"
                : "10";
    }
    const result = await submitAnswers(requirePortalAccess(portalReq(), assignmentId), {
      ...answersForm,
      declarationName: "Li Wei",
      declarationTitle: "Director",
      attest: "yes",
    });
    expect(result.ok).toBe(true);
    const readOnly = render(
      PortalPage,
      payload(await portalLoader(args(portalReq(), { assignmentId }))),
      undefined,
      "submitted=1",
    );
    expect(readOnly).toContain("Submitted on");
    expect(readOnly).not.toContain("Submit answers");
    expect(readOnly).toContain("Download a PDF copy");

    const review = render(
      ReviewPage,
      payload(
        await reviewLoader(args(requestAs(buyer, `/questionnaires/${assignmentId}`), { assignmentId })),
      ),
    );
    expect(review).toContain("Accept answers");
    expect(review).toContain("Red flag");
    expect(review).toContain('data-red-flag="true"');
    expect(review).toContain("ILO 7");

    const mailbox = payload(await mailboxLoader(args(requestAs(org.members.admin, "/dev/mailbox"))));
    expect(render(MailboxPage, mailbox)).toContain("Receipt: your answers for Render Buyer");
    const emailId = mailbox.emails[0].id;
    const mail = render(
      MailPage,
      payload(await mailLoader(args(requestAs(org.members.admin, "/dev/mailbox/x"), { emailId }))),
    );
    expect(mail).toMatch(/<iframe[^>]*sandbox=""/);
    expect(mail).toMatch(/<iframe[^>]*srcDoc="[^"]*&lt;html/i);
  });
});
