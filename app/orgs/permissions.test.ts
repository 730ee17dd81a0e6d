import { describe, expect, it } from "vitest";
import { can } from "./permissions";

describe("role → permission map", () => {
  it.each([
    ["admin", "members:manage", true],
    ["procurement", "members:manage", false],
    ["procurement", "suppliers:write", true],
    ["procurement", "questionnaires:send", true],
    ["procurement", "audits:write", false],
    ["auditor", "audits:write", true],
    ["auditor", "risk:override", false],
    ["auditor", "suppliers:write", false],
    ["auditor", "statements:approve", false],
    ["executive", "statements:approve", true],
    ["executive", "suppliers:write", false],
    ["executive", "audits:write", false],
    ["admin", "templates:manage", true],
    ["procurement", "templates:manage", false],
    ["auditor", "templates:manage", false],
    ["executive", "templates:manage", false],
    ["admin", "outbox:read", true],
    ["procurement", "outbox:read", false],
    ["auditor", "outbox:read", false],
    ["executive", "outbox:read", false],
    ["admin", "training:write", true],
    ["procurement", "training:write", true],
    ["executive", "training:write", true],
    ["auditor", "training:write", false],
    ["auditor", "training:read", true],
    ["grievance_handler", "training:read", false],
    ["admin", "account:security", true],
    ["procurement", "account:security", true],
    ["auditor", "account:security", true],
    ["executive", "account:security", true],
  ] as const)("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });
});
