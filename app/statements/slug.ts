/**
 * Public slugs: the human part of a published statement's address, /transparency/<slug>/<year>. Pure, so
 * the form, the verbs and the tests share one rule.
 */

export const SLUG_MIN = 3;
export const SLUG_MAX = 60;

const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Organisation ids are UUIDs: a slug shaped like one could be mistaken for an id address. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a slug cannot be used, or null when its shape is fine (whether it is free is the store's question). */
export function slugProblem(slug: string): string | null {
  if (slug.length < SLUG_MIN || slug.length > SLUG_MAX) return `Use ${SLUG_MIN} to ${SLUG_MAX} characters.`;
  if (!SHAPE.test(slug))
    return "Use lower-case letters a–z, digits and single hyphens between them (no spaces, no hyphen at either end).";
  if (UUID.test(slug))
    return "Choose something other than an identifier: a form of your organisation's name.";
  return null;
}

/** Latin letters that do not decompose into a base letter and an accent. */
const FOLD: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  "&": " and ",
};

/**
 * A slug from the organisation's name: accents dropped (Łódź → lodz), anything else that is not a letter
 * or digit becomes a hyphen, at most SLUG_MAX characters cut at a hyphen. A name with no Latin letters or
 * digits (深圳市工厂) gives null: the caller falls back to a neutral form.
 */
export function slugFromName(name: string): string | null {
  const folded = name
    .toLowerCase()
    .replace(/[ßæœøłđðþı&]/g, (ch) => FOLD[ch])
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
  let slug = folded.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (slug.length > SLUG_MAX) {
    slug = slug.slice(0, SLUG_MAX + 1);
    const cut = slug.lastIndexOf("-");
    slug = (cut >= SLUG_MIN ? slug.slice(0, cut) : slug.slice(0, SLUG_MAX)).replace(/-+$/, "");
  }
  if (slug.length < SLUG_MIN || slugProblem(slug)) return null;
  return slug;
}

/** Candidates in order: the slug, then slug-2, slug-3 … (kept within SLUG_MAX). */
export function* slugCandidates(base: string): Generator<string> {
  yield base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    yield `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
  }
}
