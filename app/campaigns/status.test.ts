import { describe, expect, it } from "vitest";
import { deriveSupplierStatus, emptyCounts, responseRate, type StatusInput } from "./status";

const NOW = new Date("2030-06-10T12:00:00Z");
const base: StatusInput = {
  status: "sent",
  firstOpenedAt: null,
  dueDate: "2030-06-20",
  tokenExpiresAt: "2030-07-10T00:00:00Z",
};

describe("deriveSupplierStatus", () => {
  it.each<[string, Partial<StatusInput>, string]>([
    ["sent, never opened", {}, "sent"],
    ["opened the link", { firstOpenedAt: "2030-06-01T08:00:00Z" }, "opened"],
    ["saving answers", { status: "in_progress", firstOpenedAt: "2030-06-01T08:00:00Z" }, "in_progress"],
    ["submitted", { status: "submitted" }, "submitted"],
    ["returned for changes", { status: "returned" }, "returned"],
    ["accepted", { status: "accepted" }, "accepted"],
    ["revoked", { status: "revoked" }, "revoked"],
    ["due today is not yet overdue", { dueDate: "2030-06-10" }, "sent"],
    ["due yesterday, not submitted", { dueDate: "2030-06-09" }, "overdue"],
    ["overdue while in progress", { status: "in_progress", dueDate: "2030-06-01" }, "overdue"],
    ["overdue while returned", { status: "returned", dueDate: "2030-06-01" }, "overdue"],
    ["submitted late is submitted", { status: "submitted", dueDate: "2030-06-01" }, "submitted"],
    ["link expired", { tokenExpiresAt: "2030-06-10T11:59:59Z" }, "expired"],
    ["expired beats overdue", { tokenExpiresAt: "2030-06-05T00:00:00Z", dueDate: "2030-06-01" }, "expired"],
    ["revoked beats expired", { status: "revoked", tokenExpiresAt: "2030-06-01T00:00:00Z" }, "revoked"],
    ["no due date never overdue", { dueDate: null }, "sent"],
  ])("%s", (_what, patch, expected) => {
    expect(deriveSupplierStatus({ ...base, ...patch }, NOW)).toBe(expected);
  });
});

describe("responseRate", () => {
  it("counts submitted and accepted over everything not revoked", () => {
    const c = { ...emptyCounts(), sent: 4, submitted: 2, accepted: 1, overdue: 2, revoked: 5 };
    expect(responseRate(c)).toEqual({ responded: 3, sent: 9, percent: 33 });
  });
  it("is 0% with nothing sent", () => {
    expect(responseRate(emptyCounts()).percent).toBe(0);
  });
});
