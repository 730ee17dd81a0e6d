import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

/**
 * argon2id with the library defaults (m = 19456 KiB, t = 2, p = 1), the OWASP minimum. `algorithm` is
 * left out on purpose: it is a const enum, which does not compile under isolatedModules, and the
 * default already is argon2id.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash must read as "wrong password", not as a 500 that reveals the account.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verify against a throw-away hash when the account does not exist, so an unknown email costs the
 * same argon2 work as a wrong password and response timing does not reveal which accounts exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash(`dummy-${crypto.randomUUID()}`);
  await verifyPassword(await dummyHash, password);
}

/** Length only, no composition rules (NIST SP 800-63B / ASVS 5 level 2). */
export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(8, "Use at least 8 characters")
  .max(128, "Use at most 128 characters");

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(254, "That email address is too long"));

/** Names end up in email headers and PDFs: no control characters (CR/LF header injection). */
export const personNameSchema = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(120, "Use at most 120 characters")
  .refine((v) => !/\p{Cc}/u.test(v), "Remove line breaks and control characters");
