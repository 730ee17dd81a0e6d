import { integer, text } from "drizzle-orm/sqlite-core";

/** Random, unguessable primary keys: ids appear in URLs and must not be enumerable across tenants. */
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

export const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

export const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

export const timestamp = (name: string) => integer(name, { mode: "timestamp_ms" });
