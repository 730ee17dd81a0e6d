import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.server";

describe("TOTP_ENCRYPTION_KEY", () => {
  const key = randomBytes(32);

  it("is required in production, with the variable named and how to make one", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /TOTP_ENCRYPTION_KEY: required when NODE_ENV=production.*openssl rand -base64 32/,
    );
    expect(() => parseEnv({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: "" })).toThrow(
      /TOTP_ENCRYPTION_KEY: required/,
    );
  });

  it("takes 32 bytes as base64, base64url or hex; anything else stops the start", () => {
    for (const text of [key.toString("base64"), key.toString("base64url"), key.toString("hex")]) {
      expect(parseEnv({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: text }).totpEncryptionKey).toEqual(key);
    }
    for (const bad of [
      "short",
      randomBytes(16).toString("base64"),
      randomBytes(31).toString("hex"),
      "x".repeat(64),
    ]) {
      expect(() => parseEnv({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: bad })).toThrow(
        /TOTP_ENCRYPTION_KEY: must be 32 bytes as base64/,
      );
      expect(() => parseEnv({ NODE_ENV: "development", TOTP_ENCRYPTION_KEY: bad })).toThrow(
        /TOTP_ENCRYPTION_KEY/,
      );
    }
  });

  it("has a fixed 32-byte default in development and test only", () => {
    const dev = parseEnv({ NODE_ENV: "development" }).totpEncryptionKey;
    expect(dev).toHaveLength(32);
    expect(parseEnv({ NODE_ENV: "test" }).totpEncryptionKey).toEqual(dev);
  });
});
