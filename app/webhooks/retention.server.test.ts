import { eq, inArray } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { db, writeTx } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import { runHousekeeping } from "~/infra/housekeeping.server";
import { webhookDeliveries, webhookEvents } from "~db/schema";
import { createOrg } from "../../test/factories";
import { createEndpoint } from "./endpoints.server";
import { emitEvent } from "./events.server";
import { pruneWebhookDeliveries } from "./retention.server";

const DAY = 86_400_000;

afterEach(() => {
  delete process.env.WEBHOOK_RETENTION_DAYS;
  resetEnv();
});

/** One event to one endpoint, its delivery set to `status` with its last activity `daysAgo`. */
async function deliveryAged(status: "pending" | "delivering" | "delivered" | "failed", daysAgo: number) {
  const org = await createOrg();
  createEndpoint(org.members.admin.ctx, {
    url: "https://erp.example.com/hooks",
    eventTypes: ["finding.raised"],
  });
  const at = new Date(Date.now() - daysAgo * DAY);
  const eventId = writeTx((tx) => emitEvent(tx, org.id, "finding.raised", { n: 1 }, at))!;
  writeTx((tx) =>
    tx
      .update(webhookDeliveries)
      .set({
        status,
        createdAt: at,
        lastAttemptAt: status === "pending" ? null : at,
        deliveredAt: status === "delivered" ? at : null,
      })
      .where(eq(webhookDeliveries.eventId, eventId))
      .run(),
  );
  return eventId;
}

const deliveriesOf = (eventIds: string[]) =>
  db().select().from(webhookDeliveries).where(inArray(webhookDeliveries.eventId, eventIds)).all();
const eventsOf = (eventIds: string[]) =>
  db().select().from(webhookEvents).where(inArray(webhookEvents.id, eventIds)).all();

it("deletes finished deliveries past the retention and their events; keeps recent and unfinished ones", async () => {
  const oldDelivered = await deliveryAged("delivered", 40);
  const oldFailed = await deliveryAged("failed", 31);
  const recentDelivered = await deliveryAged("delivered", 5);
  const oldPending = await deliveryAged("pending", 90);
  const oldInFlight = await deliveryAged("delivering", 90);

  const swept = pruneWebhookDeliveries(new Date(), 30);
  expect(swept.deliveries).toBeGreaterThanOrEqual(2);
  expect(deliveriesOf([oldDelivered, oldFailed])).toEqual([]);
  expect(eventsOf([oldDelivered, oldFailed])).toEqual([]);
  expect(
    deliveriesOf([recentDelivered, oldPending, oldInFlight])
      .map((d) => d.status)
      .sort(),
  ).toEqual(["delivered", "delivering", "pending"]);
  // An event whose delivery is still to be made stays, so the worker can still send it.
  expect(eventsOf([oldPending, oldInFlight]).length).toBe(2);
});

it("the retention is configurable (WEBHOOK_RETENTION_DAYS) and housekeeping applies it", async () => {
  const tenDays = await deliveryAged("delivered", 10);
  process.env.WEBHOOK_RETENTION_DAYS = "14";
  resetEnv();
  runHousekeeping();
  expect(deliveriesOf([tenDays]).length).toBe(1);
  process.env.WEBHOOK_RETENTION_DAYS = "7";
  resetEnv();
  expect(runHousekeeping().webhookDeliveries).toBeGreaterThanOrEqual(1);
  expect(deliveriesOf([tenDays])).toEqual([]);
  expect(eventsOf([tenDays])).toEqual([]);
});

it("prunes in batches: more rows than one batch all go", async () => {
  const org = await createOrg();
  createEndpoint(org.members.admin.ctx, {
    url: "https://erp.example.com/hooks",
    eventTypes: ["finding.raised"],
  });
  const at = new Date(Date.now() - 60 * DAY);
  const ids = writeTx((tx) =>
    Array.from({ length: 1200 }, (_, i) => emitEvent(tx, org.id, "finding.raised", { i }, at)!),
  );
  writeTx((tx) =>
    tx
      .update(webhookDeliveries)
      .set({ status: "delivered", deliveredAt: at, createdAt: at })
      .where(inArray(webhookDeliveries.eventId, ids))
      .run(),
  );
  pruneWebhookDeliveries(new Date(), 30);
  expect(deliveriesOf(ids.slice(0, 900))).toEqual([]);
  expect(eventsOf(ids.slice(0, 900))).toEqual([]);
});
