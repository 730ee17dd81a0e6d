import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "~/audit-log/audit-log.server";
import type { Ctx } from "~/infra/context";
import { db, writeTx, type DbOrTx } from "~/infra/db.server";
import { NotFoundError, ValidationError } from "~/infra/errors";
import { parseInput } from "~/infra/validation";
import { organizationSlugs, organizations } from "~db/schema";
import { publicAddressSchema, type PublicAddressInput } from "./forms";
import { slugCandidates, slugFromName } from "./slug";
import { assertCan } from "./store.server";

/**
 * The public address of an organisation's published statements: /transparency/<slug>/<year>. The slug is
 * derived from the name when the first statement is published and an admin may change it; every slug
 * the organisation has had stays in `organization_slugs` and keeps answering with a permanent redirect to
 * the current one, as does the organisation-id address used before slugs existed. A slug belongs to one
 * organisation for good (another may never take it), so an old link never lands on someone else's page.
 */

export const transparencyPath = (slug: string, year: string) => `/transparency/${slug}/${year}`;

function currentSlug(tx: DbOrTx, organizationId: string): string | null {
  const org = tx
    .select({ slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .get();
  if (!org) throw new NotFoundError("Organisation not found");
  return org.slug;
}

function slugOwner(tx: DbOrTx, slug: string): string | undefined {
  return tx
    .select({ organizationId: organizationSlugs.organizationId })
    .from(organizationSlugs)
    .where(eq(organizationSlugs.slug, slug))
    .get()?.organizationId;
}

function makeCurrentSlug(tx: DbOrTx, organizationId: string, slug: string, now: Date): void {
  tx.update(organizations).set({ slug }).where(eq(organizations.id, organizationId)).run();
  if (slugOwner(tx, slug) === undefined)
    tx.insert(organizationSlugs).values({ slug, organizationId, createdAt: now }).run();
}

/**
 * Give the organisation a slug if it has none (inside the caller's transaction; the publish verb calls
 * it): its name's slug, numbered when taken, or "organisation-<id prefix>" for a name with no Latin
 * letters or digits (an admin can then choose a better one). Returns the current slug.
 */
export function ensurePublicSlug(tx: DbOrTx, ctx: Ctx): string {
  const existing = currentSlug(tx, ctx.organizationId);
  if (existing) return existing;
  const org = tx
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get()!;
  const base = slugFromName(org.name) ?? `organisation-${ctx.organizationId.slice(0, 8)}`;
  for (const slug of slugCandidates(base)) {
    if (slugOwner(tx, slug) !== undefined) continue;
    makeCurrentSlug(tx, ctx.organizationId, slug, ctx.now?.() ?? new Date());
    recordAudit(tx, ctx, {
      action: "organisation.slug_assigned",
      entityType: "organisation",
      entityId: ctx.organizationId,
      details: { slug },
    });
    return slug;
  }
  throw new Error("unreachable: slug candidates are endless");
}

/** The organisation's current slug (public reads; null before its first publication). */
export function publicSlugOf(organizationId: string): string | null {
  return currentSlug(db(), organizationId);
}

export type PublicAddress = {
  /** Null until the first statement is published (or an admin chooses one). */
  slug: string | null;
  /** What it would be derived as, for the form's placeholder. */
  suggested: string | null;
  /** Earlier slugs that still redirect. */
  previous: string[];
};

export function publicAddress(ctx: Ctx): PublicAddress {
  assertCan(ctx, "statements:read");
  const database = db();
  const org = database
    .select({ name: organizations.name, slug: organizations.slug })
    .from(organizations)
    .where(eq(organizations.id, ctx.organizationId))
    .get();
  if (!org) throw new NotFoundError("Organisation not found");
  const previous = database
    .select({ slug: organizationSlugs.slug })
    .from(organizationSlugs)
    .where(
      and(
        eq(organizationSlugs.organizationId, ctx.organizationId),
        org.slug ? ne(organizationSlugs.slug, org.slug) : undefined,
      ),
    )
    .orderBy(organizationSlugs.createdAt)
    .all()
    .map((r) => r.slug);
  return { slug: org.slug, suggested: slugFromName(org.name), previous };
}

/**
 * An admin sets the slug. A slug another organisation has (or had) is refused; one this organisation had
 * before becomes current again. The previous slug keeps redirecting.
 */
export function setPublicSlug(ctx: Ctx, input: PublicAddressInput): { slug: string } {
  assertCan(ctx, "members:manage");
  const { slug } = parseInput(publicAddressSchema, input);
  return writeTx((tx) => {
    const owner = slugOwner(tx, slug);
    if (owner !== undefined && owner !== ctx.organizationId)
      throw new ValidationError({ slug: "Another organisation uses this address. Choose another." });
    const before = currentSlug(tx, ctx.organizationId);
    if (before === slug) return { slug };
    makeCurrentSlug(tx, ctx.organizationId, slug, ctx.now?.() ?? new Date());
    recordAudit(tx, ctx, {
      action: "organisation.slug_changed",
      entityType: "organisation",
      entityId: ctx.organizationId,
      details: { from: before, to: slug },
    });
    return { slug };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type PublicOrganisation =
  | { organizationId: string; redirectTo?: undefined }
  /** An earlier slug or the organisation id: the current slug to answer 301 with. */
  | { organizationId: string; redirectTo: string };

/**
 * Which organisation a public address names. The current slug is served; an earlier slug or the id
 * (addresses from before slugs) redirect to the current slug; an id whose organisation has no slug yet
 * is served as it is. Anything else is a 404.
 */
export function resolvePublicOrganisation(param: string): PublicOrganisation {
  const database = db();
  const owner = slugOwner(database, param);
  if (owner !== undefined) {
    const slug = currentSlug(database, owner);
    return slug === param || slug === null
      ? { organizationId: owner }
      : { organizationId: owner, redirectTo: slug };
  }
  if (UUID.test(param)) {
    const org = database
      .select({ id: organizations.id, slug: organizations.slug })
      .from(organizations)
      .where(eq(organizations.id, param))
      .get();
    if (org) return org.slug ? { organizationId: org.id, redirectTo: org.slug } : { organizationId: org.id };
  }
  throw new NotFoundError("No published statement");
}
