import type { Ctx } from "~/infra/context";
import type { Role } from "~db/schema/orgs.constants";
import type { Prng } from "./prng";

export const DAY_MS = 86_400_000;

/**
 * What every demo step receives. All dates are relative to `anchor`, the moment the seed started ("now"
 * when `npm start` first runs): the demo always shows last year's statement, a campaign due soon and
 * evidence that expired last month, whenever it is seeded.
 */
export type DemoContext = {
  organizationId: string;
  anchor: Date;
  rand: Prng;
  /** A member's ctx whose clock reads `daysAgo` days before the anchor (0 = the anchor itself). */
  as(role: Role, daysAgo?: number): Ctx;
  /** The member's user id (approvers, owners). */
  userId(role: Role): string;
  /** The anchor minus `daysAgo` days, as YYYY-MM-DD (negative = days ahead). */
  day(daysAgo: number): string;
  /** Supplier ids by catalogue key, filled by the supply-chain step. */
  suppliers: Record<string, string>;
  log(line: string): void;
};

export type DemoStep = { name: string; run(demo: DemoContext): void | Promise<void> };

export function dayOf(anchor: Date, daysAgo: number): string {
  return new Date(anchor.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
}
