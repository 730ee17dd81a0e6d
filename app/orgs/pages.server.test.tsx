import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import AuditLogPage, { loader as auditLogLoader } from "~/routes/audit-log";
import AcceptInvitation, { loader as inviteLoader } from "~/routes/invite.$token";
import LogIn from "~/routes/login";
import Members, { loader as membersLoader } from "~/routes/settings.members";
import SignUp from "~/routes/signup";
import { emailOutbox } from "~db/schema";
import { createOrg, requestAs } from "../../test/factories";
import { renderPage, routeArgs } from "../../test/render";
import { inviteMember } from "./invitations.server";

describe("account pages render", () => {
  it("log-in keeps redirectTo in a hidden field; sign-up asks for the four fields", async () => {
    const login = await renderPage(LogIn, null, "/login?redirectTo=%2Fsuppliers", "/login");
    expect(login).toContain('name="redirectTo" value="/suppliers"');
    expect(login).toContain('type="password"');
    expect(login).toContain('"current-password"');
    const signup = await renderPage(SignUp, null, "/signup", "/signup");
    for (const name of ["organizationName", "name", "email", "password"])
      expect(signup).toContain(`name="${name}"`);
  });

  it("members page lists members, roles and pending invitations, escaping names", async () => {
    const org = await createOrg({ name: "Acme <b>Buying</b>" });
    await inviteMember(org.members.admin.ctx, { email: "new.person@example.test", role: "auditor" });
    const data = await membersLoader(routeArgs(requestAs(org.members.admin, "/settings/members")));
    const html = await renderPage(Members, data, "/settings/members", "/settings/members");
    expect(html).toContain("Members (4)");
    expect(html).toContain(org.members.procurement.email);
    expect(html).toContain("new.person@example.test");
    expect(html).toContain('value="revoke-invitation"');
    expect(html).toContain(">you<");
  });

  it("invitation page shows organisation and role; audit-log page shows the verified chain", async () => {
    const org = await createOrg({ name: "Łódź Tekstil <script>" });
    await inviteMember(org.members.admin.ctx, { email: "auditor.two@example.test", role: "auditor" });
    const mail = db()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, "auditor.two@example.test"))
      .get()!;
    const token = mail.text.match(/\/invite\/([\w-]+)/)![1];
    const view = (await inviteLoader(routeArgs(requestAs(null, `/invite/${token}`), { token }))) as {
      data: unknown;
    };
    const invite = await renderPage(AcceptInvitation, view.data, `/invite/${token}`, "/invite/:token");
    expect(invite).toContain("Join Łódź Tekstil &lt;script&gt;");
    expect(invite).toContain("Auditor");
    expect(invite).toContain('name="name"');

    const log = await auditLogLoader(routeArgs(requestAs(org.members.admin, "/audit-log")));
    const html = await renderPage(AuditLogPage, log, "/audit-log", "/audit-log");
    expect(html).toContain("Chain verified ✓");
    expect(html).toContain("invitation.created");
    expect(html).toContain("auditor.two@example.test");
  });
});
