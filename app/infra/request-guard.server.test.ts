import { describe, expect, it } from "vitest";
import { env } from "./env.server";
import { bodyKind, bodyLimit, FORM_MAX_BYTES, refuseBody } from "./request-guard.server";

const post = (pathname: string, headers: Record<string, string>) =>
  refuseBody({ method: "POST", pathname, headers });

describe("request guard", () => {
  it.each([
    ["/imports", "import"],
    ["/imports.data", "import"],
    ["/audits/abc", "upload"],
    ["/audits/abc.data", "upload"],
    ["/audits/new", "form"],
    ["/audits/import", "import"],
    ["/audits/import.data", "import"],
    ["/audits/new.data", "form"],
    ["/portal/abc", "upload"],
    ["/portal/abc/verify", "form"],
    ["/login", "form"],
    ["/suppliers/abc/contacts", "form"],
  ])("%s is a %s route", (pathname, kind) => {
    expect(bodyKind(pathname)).toBe(kind);
  });

  it("limits each kind by the declared length, before anything is read", () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect(post("/login", { ...form, "content-length": String(FORM_MAX_BYTES) })).toBeNull();
    expect(post("/login", { ...form, "content-length": String(FORM_MAX_BYTES + 1) })?.status).toBe(413);
    const multipart = { "content-type": "multipart/form-data; boundary=x" };
    const fiveMb = String(5 * 1024 * 1024);
    expect(post("/audits/a1", { ...multipart, "content-length": fiveMb })).toBeNull();
    // An upload may be its file's limit and the form's fields, no more (it used to be twice the limit).
    expect(bodyLimit("upload")).toBe(env().UPLOAD_MAX_BYTES + 1024 * 1024);
    expect(
      post("/audits/a1", { ...multipart, "content-length": String(bodyLimit("upload") + 1) })?.status,
    ).toBe(413);
    expect(post("/suppliers/new", { ...multipart, "content-length": fiveMb })?.status).toBe(413);
    expect(bodyLimit("import")).toBeGreaterThan(50 * 1024 * 1024);
    expect(
      post("/imports", { ...multipart, "content-length": String(bodyLimit("import") + 1) })?.status,
    ).toBe(413);
  });

  it("accepts only form content types, and an empty bodiless POST", () => {
    expect(post("/logout", {})).toBeNull();
    expect(post("/logout", { "content-length": "0" })).toBeNull();
    expect(post("/login", { "content-type": "application/json", "content-length": "2" })?.status).toBe(415);
    expect(post("/login", { "content-type": "text/plain", "content-length": "2" })?.status).toBe(415);
    expect(post("/login", { "content-length": "2" })?.status).toBe(415);
    expect(post("/login", { "content-type": "multipart/form-data", "content-length": "2" })?.status).toBe(
      400,
    );
    // A chunked body is read (and counted while it arrives), but only as a form.
    expect(
      post("/login", { "transfer-encoding": "chunked", "content-type": "application/x-www-form-urlencoded" }),
    ).toBeNull();
    expect(post("/login", { "transfer-encoding": "chunked" })?.status).toBe(415);
    expect(post("/login", { "content-length": "-1" })?.status).toBe(400);
    expect(
      refuseBody({ method: "GET", pathname: "/login", headers: { "content-length": "999999999" } }),
    ).toBeNull();
  });
});
