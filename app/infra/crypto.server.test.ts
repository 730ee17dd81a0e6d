import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "./crypto.server";

const key = randomBytes(32);
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

describe("sealSecret / openSecret (AES-256-GCM)", () => {
  it("round-trips, in the versioned v1 format, with a fresh IV each time", () => {
    const a = sealSecret(SECRET, key, "totp:u1");
    const b = sealSecret(SECRET, key, "totp:u1");
    expect(a).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:[A-Za-z0-9+/=]+$/);
    expect(a).not.toContain(SECRET);
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(isSealed(SECRET)).toBe(false);
    expect(openSecret(a, key, "totp:u1")).toBe(SECRET);
    expect(openSecret(b, key, "totp:u1")).toBe(SECRET);
  });

  it("refuses a changed ciphertext, tag or IV (the auth tag catches it)", () => {
    const sealed = sealSecret(SECRET, key);
    const [v, iv, tag, ct] = sealed.split(":");
    const flip = (b64: string) => {
      const buf = Buffer.from(b64, "base64");
      buf[0] ^= 1;
      return buf.toString("base64");
    };
    for (const bad of [
      [v, iv, tag, flip(ct)],
      [v, iv, flip(tag), ct],
      [v, flip(iv), tag, ct],
    ]) {
      expect(() => openSecret(bad.join(":"), key)).toThrow(/did not authenticate/);
    }
    expect(() => openSecret(`${v}:${iv}:${tag}`, key)).toThrow(/Not a sealed secret/);
    expect(() => openSecret(`v1:${iv}:AAAA:${ct}`, key)).toThrow(/malformed/);
  });

  it("refuses another key, and a value moved to another owner (aad)", () => {
    const sealed = sealSecret(SECRET, key, "totp:u1");
    expect(() => openSecret(sealed, randomBytes(32), "totp:u1")).toThrow(/not the key/);
    expect(() => openSecret(sealed, key, "totp:u2")).toThrow(/did not authenticate/);
  });
});
