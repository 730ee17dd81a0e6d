import { describe, expect, it } from "vitest";
import { renderMemberInvitation } from "./invitation-email.server";

describe("renderMemberInvitation", () => {
  it("renders HTML and plain text with the link, escaping names", async () => {
    const email = await renderMemberInvitation({
      organizationName: "Łódź <Tekstil>\r\nBcc: x@evil.test",
      inviterName: "Ana",
      roleLabel: "Auditor",
      acceptUrl: "http://localhost:3000/invite/abc123",
      expiresOn: "1 May 2030",
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.html).toContain("http://localhost:3000/invite/abc123");
    expect(email.html).toContain("&lt;Tekstil&gt;");
    expect(email.html).not.toContain("<Tekstil>");
    expect(email.text).toContain("http://localhost:3000/invite/abc123");
    expect(email.text).toContain("Auditor");
    expect(email.text).not.toContain("<html");
  });
});
