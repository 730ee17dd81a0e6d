import { and, asc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "~/audit-log/audit-log.server";
import { nowOf, type Ctx } from "~/infra/context";
import { writeTx, type Tx } from "~/infra/db.server";
import { ConflictError, NotFoundError, ValidationError } from "~/infra/errors";
import { optionalText, parseInput } from "~/infra/validation";
import { supplierContacts, suppliers } from "~db/schema";

export const contactSchema = z.object({
  name: z.string().trim().min(1, "Enter the contact's name.").max(200, "Keep the name under 200 characters."),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email("Enter a valid email address, like name@example.com.").max(254)),
  phone: optionalText(50, "phone number").refine(
    (v) => v === null || /^[0-9+()./ -]{3,50}$/.test(v),
    "Enter digits, spaces and + ( ) - . / only.",
  ),
  jobTitle: optionalText(200, "job title"),
  language: optionalText(35, "language").refine(
    (v) => v === null || /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(v),
    'Use a language tag such as "es" or "zh-Hans".',
  ),
  isPrimary: z
    .union([z.boolean(), z.string()])
    .nullish()
    .transform((v) => v === true || v === "on" || v === "true" || v === "1"),
});
export type ContactInput = {
  name: string;
  email: string;
  phone?: string | null;
  jobTitle?: string | null;
  language?: string | null;
  isPrimary?: boolean | string | null;
};

function parseContact(input: ContactInput) {
  return parseInput(contactSchema, input);
}

function ownSupplier(tx: Tx, ctx: Ctx, supplierId: string) {
  const s = tx
    .select({ id: suppliers.id, contactName: suppliers.contactName, contactEmail: suppliers.contactEmail })
    .from(suppliers)
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .get();
  if (!s) throw new NotFoundError("Supplier not found");
  return s;
}

function ownContact(tx: Tx, ctx: Ctx, contactId: string) {
  const c = tx
    .select()
    .from(supplierContacts)
    .where(and(eq(supplierContacts.id, contactId), eq(supplierContacts.organizationId, ctx.organizationId)))
    .get();
  if (!c) throw new NotFoundError("Contact not found");
  return c;
}

/** Other code (questionnaires, exports, imports) reads the primary from the supplier row: keep it there. */
function mirrorPrimary(tx: Tx, ctx: Ctx, supplierId: string, name: string, email: string) {
  tx.update(suppliers)
    .set({ contactName: name, contactEmail: email, updatedAt: nowOf(ctx) })
    .where(and(eq(suppliers.id, supplierId), eq(suppliers.organizationId, ctx.organizationId)))
    .run();
}

function makeOnlyPrimary(tx: Tx, ctx: Ctx, supplierId: string, contactId: string) {
  tx.update(supplierContacts)
    .set({ isPrimary: false })
    .where(
      and(
        eq(supplierContacts.organizationId, ctx.organizationId),
        eq(supplierContacts.supplierId, supplierId),
        ne(supplierContacts.id, contactId),
      ),
    )
    .run();
  tx.update(supplierContacts).set({ isPrimary: true }).where(eq(supplierContacts.id, contactId)).run();
}

/**
 * Add a contact. Suppliers created before contacts had rows only carry the mirrored primary on the
 * supplier: it becomes a row first, so the "exactly one primary" rule holds from then on.
 */
export function addContact(ctx: Ctx, supplierId: string, input: ContactInput): { id: string } {
  const v = parseContact(input);
  return writeTx((tx) => {
    const s = ownSupplier(tx, ctx, supplierId);
    const now = nowOf(ctx);
    const existing = tx
      .select({ id: supplierContacts.id, email: supplierContacts.email })
      .from(supplierContacts)
      .where(
        and(eq(supplierContacts.organizationId, ctx.organizationId), eq(supplierContacts.supplierId, s.id)),
      )
      .all();
    if (existing.length === 0) {
      if (s.contactEmail === v.email) {
        throw new ValidationError({ email: `${s.contactName} already has this address.` });
      }
      tx.insert(supplierContacts)
        .values({
          organizationId: ctx.organizationId,
          supplierId: s.id,
          name: s.contactName,
          email: s.contactEmail,
          isPrimary: true,
          createdAt: now,
        })
        .run();
    } else if (existing.some((c) => c.email === v.email)) {
      throw new ValidationError({ email: "A contact with this address already exists." });
    }
    const row = tx
      .insert(supplierContacts)
      .values({
        organizationId: ctx.organizationId,
        supplierId: s.id,
        name: v.name,
        email: v.email,
        phone: v.phone,
        jobTitle: v.jobTitle,
        language: v.language,
        isPrimary: false,
        createdAt: now,
      })
      .returning({ id: supplierContacts.id })
      .get();
    if (v.isPrimary) {
      makeOnlyPrimary(tx, ctx, s.id, row.id);
      mirrorPrimary(tx, ctx, s.id, v.name, v.email);
    }
    recordAudit(tx, ctx, {
      action: "supplier.contact_added",
      entityType: "supplier",
      entityId: s.id,
      details: { contactId: row.id, name: v.name, email: v.email, primary: v.isPrimary },
    });
    return { id: row.id };
  });
}

/** Edit a contact; when it is (or becomes) the primary, the supplier's mirrored contact follows. */
export function updateContact(ctx: Ctx, contactId: string, input: ContactInput): void {
  const v = parseContact(input);
  writeTx((tx) => {
    const c = ownContact(tx, ctx, contactId);
    const clash = tx
      .select({ id: supplierContacts.id })
      .from(supplierContacts)
      .where(
        and(
          eq(supplierContacts.organizationId, ctx.organizationId),
          eq(supplierContacts.supplierId, c.supplierId),
          eq(supplierContacts.email, v.email),
          ne(supplierContacts.id, c.id),
        ),
      )
      .get();
    if (clash) throw new ValidationError({ email: "A contact with this address already exists." });
    tx.update(supplierContacts)
      .set({ name: v.name, email: v.email, phone: v.phone, jobTitle: v.jobTitle, language: v.language })
      .where(eq(supplierContacts.id, c.id))
      .run();
    const primary = c.isPrimary || v.isPrimary;
    if (v.isPrimary && !c.isPrimary) makeOnlyPrimary(tx, ctx, c.supplierId, c.id);
    if (primary) mirrorPrimary(tx, ctx, c.supplierId, v.name, v.email);
    recordAudit(tx, ctx, {
      action: "supplier.contact_updated",
      entityType: "supplier",
      entityId: c.supplierId,
      details: { contactId: c.id, name: v.name, email: v.email, primary },
    });
  });
}

export function setPrimaryContact(ctx: Ctx, contactId: string): void {
  writeTx((tx) => {
    const c = ownContact(tx, ctx, contactId);
    if (c.isPrimary) return;
    makeOnlyPrimary(tx, ctx, c.supplierId, c.id);
    mirrorPrimary(tx, ctx, c.supplierId, c.name, c.email);
    recordAudit(tx, ctx, {
      action: "supplier.contact_primary",
      entityType: "supplier",
      entityId: c.supplierId,
      details: { contactId: c.id, name: c.name, email: c.email },
    });
  });
}

/** The primary cannot be removed (another must become primary first), so there is always exactly one. */
export function deleteContact(ctx: Ctx, contactId: string): void {
  writeTx((tx) => {
    const c = ownContact(tx, ctx, contactId);
    if (c.isPrimary) {
      throw new ConflictError(`${c.name} is the primary contact: make another contact primary first.`);
    }
    tx.delete(supplierContacts).where(eq(supplierContacts.id, c.id)).run();
    recordAudit(tx, ctx, {
      action: "supplier.contact_removed",
      entityType: "supplier",
      entityId: c.supplierId,
      details: { contactId: c.id, name: c.name, email: c.email },
    });
  });
}

/** For pages and tests: contacts in display order (primary first). */
export function contactsOf(tx: Tx, ctx: Ctx, supplierId: string) {
  return tx
    .select()
    .from(supplierContacts)
    .where(
      and(
        eq(supplierContacts.organizationId, ctx.organizationId),
        eq(supplierContacts.supplierId, supplierId),
      ),
    )
    .orderBy(asc(supplierContacts.createdAt))
    .all();
}
