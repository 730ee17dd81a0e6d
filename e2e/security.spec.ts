import { expect, test } from "@playwright/test";

test("pages carry an enforced CSP with a nonce and the security headers", async ({ request }) => {
  const res = await request.get("/login");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["content-security-policy-report-only"]).toBeUndefined();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBeTruthy();
  const html = await res.text();
  const nonce = h["content-security-policy"].match(/'nonce-([^']+)'/)![1];
  expect(html).toContain(`nonce="${nonce}"`);
});

test("cross-site form posts are refused before they reach the app", async ({ request }) => {
  const res = await request.post("/login", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    form: { email: "admin@demo.clearsource.test", password: "clearsource-demo" },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
});
