import { desc, eq } from "drizzle-orm";
import { db } from "~/infra/db.server";
import { emailOutbox } from "~db/schema";

/** Tests: the newest outbox mail to an address (sign-up and reset mail belongs to no organisation). */
export function latestMailTo(address: string) {
  return db()
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1)
    .get();
}
