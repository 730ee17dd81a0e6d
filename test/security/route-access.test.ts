import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "~/api/keys.server";
import { addFinding, createAudit } from "~/audits/audits.server";
import { processCampaignSend } from "~/campaigns/campaign-send.server";
import { createCampaign } from "~/campaigns/campaigns.server";
import { uploadEvidence } from "~/evidence/evidence.server";
import { uploadSitesCsv } from "~/imports/sites/testing.server";
import { uploadCsv } from "~/imports/testing.server";
import { db, writeTx } from "~/infra/db.server";
import { resetEnv } from "~/infra/env.server";
import { requestSignUp } from "~/orgs/accounts.server";
import { inviteMember } from "~/orgs/invitations.server";
import { requestPasswordReset } from "~/orgs/password-reset.server";
import { can, type Permission } from "~/orgs/permissions";
import { latestCodeFor } from "~/questionnaires/portal.testing";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import { BUILTIN_FORCED_LABOUR_ID, createTemplate } from "~/questionnaires/templates.server";
import { shareActionsWithSupplier } from "~/remediation/supplier-access.server";
import { loader as rootLoader } from "~/root";
import { sealClientSecret } from "~/sso/secrets.server";
import { addGoverningBodyMember } from "~/statements/governance.server";
import { publicSlugOf } from "~/statements/public-address.server";
import { templateFor } from "~/statements/regimes";
import {
  approveStatement,
  createStatement,
  generateStatementPdf,
  publishStatement,
  signStatement,
  submitForReview,
  updateStatement,
} from "~/statements/statements.server";
import { createSite } from "~/suppliers/sites.server";
import { createSupplier } from "~/suppliers/suppliers.server";
import { createCourse } from "~/training/training.server";
import { createEndpoint } from "~/webhooks/endpoints.server";
import { emitEvent } from "~/webhooks/events.server";
import {
  assignments,
  emailOutbox,
  grievanceReportLinks,
  memberships,
  ssoConnections,
  supplierContacts,
  webhookDeliveries,
} from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, type TestOrg } from "../factories";
import {
  buildRequest,
  invoke,
  routeShape,
  snapshot,
  type Outcome,
  type RouteModule,
  type Visitor,
} from "./route-harness";

/**
 * The access matrix of every route: for each loader and action, what an anonymous visitor, each role of
 * the tenant, an admin of another tenant and a supplier contact (portal cookie) get. Every route file
 * must be classified below, so a new route cannot ship without someone deciding who may use it.
 */

// Every route module Remix would pick up (flat files and folder routes), test files excluded.
const MODULES = import.meta.glob<RouteModule>(
  [
    "../../app/routes/*.{ts,tsx,js,jsx}",
    "../../app/routes/*/route.{ts,tsx,js,jsx}",
    "!../../app/routes/**/*.test.{ts,tsx}",
  ],
  { eager: true },
);
const ROUTES: Record<string, RouteModule> = Object.fromEntries(
  Object.entries(MODULES).map(([file, mod]) => [
    file
      .replace(/^.*\/app\/routes\//, "")
      .replace(/\/route\.[jt]sx?$/, "")
      .replace(/\.[jt]sx?$/, ""),
    mod,
  ]),
);

const ROLES: readonly Role[] = ["admin", "procurement", "auditor", "executive"];
const ALL = ROLES;

// Every piece of org A's data carries this marker, so "the response contains none of its data" is a
// plain substring check (case-insensitive: emails are lower-cased on the way in).
const MARK = "zq9alpha";

type Fx = {
  a: TestOrg;
  b: TestOrg;
  supplierId: string;
  assignmentId: string;
  /** A second questionnaire of the same tenant and supplier, never redeemed. */
  otherAssignmentId: string;
  /** A campaign of org A to the supplier, and the assignment it created. */
  campaignId: string;
  campaignAssignmentId: string;
  supplierToken: string;
  auditId: string;
  findingId: string;
  evidenceId: string;
  taskId: string;
  statementId: string;
  documentId: string;
  /** A Canadian report of org A (government questionnaire export). */
  caStatementId: string;
  /** A member of org A's governing body, and a statement of 2024 published by it. */
  governingMemberId: string;
  publishedStatementId: string;
  /** Org A's public slug (given by that first publication). */
  publicSlug: string;
  invitationId: string;
  inviteToken: string;
  /** A pending sign-up's confirmation link and a password-reset link of org A's auditor. */
  signupToken: string;
  resetToken: string;
  membershipId: string;
  emailId: string;
  /** An import of org A, waiting for its column mapping. */
  importJobId: string;
  /** A staff course of org A (its title carries the marker). */
  trainingCourseId: string;
  /** A sites import of org A, waiting for its column mapping. */
  siteImportJobId: string;
  /** A draft version of org A's own questionnaire template. */
  templateVersionId: string;
  portal: { cookie: string };
  /** The supplier's corrective-action link (emailed token) and a browser confirmed on it. */
  actionToken: string;
  actionPortal: { cookie: string };
  /** An action of another supplier of org A: the action link must not reach it. */
  otherSupplierTaskId: string;
  /** The supplier's primary contact row and one site (supplier pages). */
  contactId: string;
  siteId: string;
  /** A webhook endpoint of org A and one queued delivery to it. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** An API key of org A (settings page), labelled with the marker. */
  apiKeyId: string;
  /** Every id of org A: none may appear in what org B receives. */
  ids: string[];
};

type Form = Record<string, string | File>;
type Expect = { status: number; location?: string | RegExp };

type ActionCase = {
  intent: string;
  /** Roles whose permission gate admits the action (cross-checked with permissions.ts). */
  allowed: readonly Role[];
  permission: Permission;
  /** A well-formed write against org A's data: posted by every visitor who must be refused. */
  write: (fx: Fx) => Form;
  /** What org B's admin gets posting `write` (org A's ids); null when the form carries no tenant id. */
  foreign: 404 | 400 | null;
  /**
   * A form the gate admits but the domain refuses (validation / conflict): proves each allowed role
   * gets past the permission check without anything changing. Absent when every admitted form writes.
   */
  probe?: { form: (fx: Fx) => Form; status: number };
};

type MemberRoute = {
  kind: "member";
  /** Route params other than the default fixture ids (e.g. a Canadian statement). */
  params?: (fx: Fx) => Record<string, string>;
  /** Exists only while DEV_MAILBOX is on (the test environment, no SMTP): 404 otherwise, even to admins. */
  devOnly?: boolean;
  query?: (fx: Fx) => string;
  loader?: {
    permission: Permission;
    allowed: readonly Role[];
    /** "download": the file itself, streamed by the app as an attachment (never a storage URL). */
    /** "preview": the file streamed by the app, inline (a PDF or image) under a sandboxing CSP. */
    ok: 200 | "download" | "preview";
    /** 404 for another tenant's id; "own-data" for pages without an id (200, nothing of org A). */
    foreign: 404 | "own-data";
    /** The page shows no tenant data at all, so the "own data" check has no positive control. */
    showsNoTenantData?: boolean;
  };
  actions?: ActionCase[];
};

type PublicRoute = {
  kind: "public";
  why: string;
  params?: (fx: Fx) => Record<string, string>;
  /** Exists only while DEV_MAILBOX is on (the test environment): 404 otherwise. */
  devOnly?: boolean;
  /** `member` covers every role of org A and org B's admin. */
  loader?: { anonymous: Expect; member: Expect; supplier: Expect };
  action?: {
    form: (fx: Fx) => Form;
    anonymous: Expect;
    supplier: Expect;
    member?: Expect;
    /** The POST is the intended state change (e.g. redeeming a supplier link). */
    mutates?: boolean;
  };
};

/** `loaderOnly`: a portal page with no action (e.g. the PDF copy). */
type PortalRoute = { kind: "portal"; loaderOnly?: boolean };
/** The REST API's resource route; its operations have their own matrix (api-access.test.ts). */
type ApiRoute = { kind: "api" };
type RouteSpec = MemberRoute | PublicRoute | PortalRoute | ApiRoute;

const only = (...roles: Role[]) => roles;

/**
 * The roles each permission admits, written out here rather than read from permissions.ts: the test
 * "the roles in the table are exactly those permissions.ts grants" holds the two against each other.
 */
const GATES = {
  "account:security": ALL,
  "audit-log:read": only("admin", "executive"),
  "audits:read": ALL,
  "audits:write": only("admin", "auditor"),
  "evidence:read": ALL,
  "evidence:upload": only("admin", "procurement", "auditor"),
  "members:manage": only("admin"),
  "outbox:read": only("admin"),
  "questionnaires:read": ALL,
  "questionnaires:send": only("admin", "procurement"),
  "remediation:read": ALL,
  "remediation:settings": only("admin"),
  "remediation:write": only("admin", "procurement", "auditor"),
  "risk:override": only("admin", "executive"),
  "risk:read": ALL,
  "statements:approve": only("admin", "executive"),
  "statements:read": ALL,
  "statements:write": only("admin", "executive"),
  "suppliers:read": ALL,
  "suppliers:write": only("admin", "procurement"),
  "templates:manage": only("admin"),
  "training:read": ALL,
  "training:write": only("admin", "procurement", "executive"),
  "webhooks:manage": only("admin"),
  "grievances:channel": only("admin"),
} satisfies Partial<Record<Permission, readonly Role[]>>;
const gate = (permission: keyof typeof GATES) => ({ permission, allowed: GATES[permission] });

/** The same outcome for an anonymous visitor, every member and a supplier contact. */
const everyone = (e: Expect) => ({ anonymous: e, member: e, supplier: e });

const TABLE: Record<string, RouteSpec> = {
  // ---- Public pages -------------------------------------------------------------------------------
  _index: {
    kind: "public",
    why: "landing page",
    loader: {
      anonymous: { status: 200 },
      member: { status: 302, location: "/dashboard" },
      supplier: { status: 200 },
    },
  },
  login: {
    kind: "public",
    why: "log-in form",
    loader: {
      anonymous: { status: 200 },
      member: { status: 302, location: "/dashboard" },
      supplier: { status: 200 },
    },
    action: {
      form: () => ({}),
      ...everyone({ status: 400 }),
    },
  },
  signup: {
    kind: "public",
    why: "create an organisation",
    loader: {
      anonymous: { status: 200 },
      member: { status: 302, location: "/dashboard" },
      supplier: { status: 200 },
    },
    action: {
      form: () => ({}),
      ...everyone({ status: 400 }),
    },
  },
  logout: {
    kind: "public",
    why: "GET only sends you home; the POST ends the session (members not posted: it would end theirs)",
    loader: everyone({ status: 302, location: "/" }),
    action: {
      form: () => ({}),
      anonymous: { status: 302, location: "/login" },
      supplier: { status: 302, location: "/login" },
    },
  },
  "login_.sso": {
    kind: "public",
    why: "starts single sign-on: finds the provider by email domain (or a bookmarked ?org=) and redirects there",
    loader: {
      anonymous: { status: 200 },
      member: { status: 302, location: "/dashboard" },
      supplier: { status: 200 },
    },
    action: {
      // No email and no organisation: refused; an unknown domain is a field error, too.
      form: () => ({ email: "someone@nowhere.example.test" }),
      ...everyone({ status: 400 }),
    },
  },
  "login_.sso_.callback": {
    kind: "public",
    why: "the provider's redirect back: only the browser holding a live attempt cookie gets a session",
    loader: everyone({ status: 400 }),
  },
  "login_.two-factor": {
    kind: "public",
    why: "second log-in step: only a browser holding a fresh password challenge sees the code box",
    loader: everyone({ status: 302, location: "/login" }),
    action: {
      form: () => ({ code: "123456" }),
      ...everyone({ status: 400 }),
    },
  },
  "verify-email.$token": {
    kind: "public",
    why: "the emailed sign-up token is the credential; GET only shows it, POST creates the organisation",
    params: (fx) => ({ token: fx.signupToken }),
    loader: everyone({ status: 200 }),
    action: {
      form: () => ({}),
      // Creates the organisation and sends the person to log in (no session from a link alone); used up.
      anonymous: { status: 302, location: /^\/login\?verified=1/ },
      supplier: { status: 400 },
      member: { status: 400 },
      mutates: true,
    },
  },
  "forgot-password": {
    kind: "public",
    why: "asks for a reset link; the same answer whether or not the account exists",
    loader: everyone({ status: 200 }),
    action: {
      form: () => ({ email: "" }),
      ...everyone({ status: 400 }),
    },
  },
  "reset-password.$token": {
    kind: "public",
    why: "the emailed reset token is the credential; GET only shows the form, POST sets the password",
    params: (fx) => ({ token: fx.resetToken }),
    loader: everyone({ status: 200 }),
    action: {
      // Too short a password: refused before the link is used up.
      form: () => ({ password: "short" }),
      ...everyone({ status: 400 }),
    },
  },
  healthz: {
    kind: "public",
    why: "load-balancer check",
    loader: everyone({ status: 200 }),
  },
  "transparency.$org.$year": {
    kind: "public",
    why: "the published statements of an organisation for a year: the homepage link s.54(7) asks for",
    params: (f) => ({ org: f.publicSlug, year: "2024" }),
    loader: everyone({ status: 200 }),
  },
  "transparency.$org.$year_.facts[.]json": {
    kind: "public",
    why: "machine-readable facts of the published statements",
    params: (f) => ({ org: f.publicSlug, year: "2024" }),
    loader: everyone({ status: 200 }),
  },
  "transparency.$org.$year_.pdf.$regime": {
    kind: "public",
    why: "the published, signed PDF",
    params: (f) => ({ org: f.publicSlug, year: "2024", regime: "uk_msa_s54" }),
    loader: everyone({ status: 200 }),
  },
  "report.$orgId": {
    kind: "public",
    why: "the anonymous worker channel of an organisation (no login, no cookie); a blank report is refused",
    loader: { anonymous: { status: 200 }, member: { status: 200 }, supplier: { status: 200 } },
    action: {
      form: () => ({ whatHappened: "   " }),
      anonymous: { status: 400 },
      supplier: { status: 400 },
      member: { status: 400 },
    },
  },
  "report.$orgId_.site.$siteId": {
    kind: "public",
    why: "the worker channel of one site (its poster's address); a blank report is refused",
    loader: { anonymous: { status: 200 }, member: { status: 200 }, supplier: { status: 200 } },
    action: {
      form: () => ({ whatHappened: "\n\t " }),
      anonymous: { status: 400 },
      supplier: { status: 400 },
      member: { status: 400 },
    },
  },
  "report.$orgId_.status": {
    kind: "public",
    why: "a reporter returns with the receipt code (tested in app/grievances); an empty code is asked again",
    loader: { anonymous: { status: 200 }, member: { status: 200 }, supplier: { status: 200 } },
    action: {
      form: () => ({ intent: "open", code: "" }),
      anonymous: { status: 400 },
      supplier: { status: 400 },
      member: { status: 400 },
    },
  },
  "r.$code.$lang": {
    kind: "public",
    why: "the short address on a site poster: leads to the site's public report page in its language",
    loader: everyone({ status: 302, location: /^\/report\/[^/]+\/site\/[^/]+\?lang=bn$/ }),
  },
  "grievances._index": {
    kind: "public",
    why: "grievance cases: log in, then grievance roles only; every other member 404 (app/grievances tests)",
    loader: {
      anonymous: { status: 302, location: /^\/login\?redirectTo=/ },
      member: { status: 404 },
      supplier: { status: 302, location: /^\/login\?redirectTo=/ },
    },
  },
  "grievances.effectiveness": {
    kind: "public",
    why: "the channel's indicators: grievance roles only; every other member 404 (app/grievances tests)",
    loader: {
      anonymous: { status: 302, location: /^\/login\?redirectTo=/ },
      member: { status: 404 },
      supplier: { status: 302, location: /^\/login\?redirectTo=/ },
    },
  },
  "grievances.$caseId": {
    kind: "public",
    why: "one grievance case: grievance roles only; every other member 404, before the id is looked at",
    loader: {
      anonymous: { status: 302, location: /^\/login\?redirectTo=/ },
      member: { status: 404 },
      supplier: { status: 302, location: /^\/login\?redirectTo=/ },
    },
    action: {
      form: () => ({ intent: "reply", body: "hello" }),
      anonymous: { status: 302, location: /^\/login\?redirectTo=/ },
      supplier: { status: 302, location: /^\/login\?redirectTo=/ },
      member: { status: 404 },
    },
  },
  "grievances.$caseId_.attachments.$attachmentId": {
    kind: "public",
    why: "a reporter's attachment: grievance roles only, logged; every other member 404 (app/grievances tests)",
    loader: {
      anonymous: { status: 302, location: /^\/login\?redirectTo=/ },
      member: { status: 404 },
      supplier: { status: 302, location: /^\/login\?redirectTo=/ },
    },
  },
  "channels.sms.$orgId": {
    kind: "public",
    why: "the SMS/WhatsApp provider's webhook: its signature is the credential (app/grievances/channels tests); the fixture org has no number",
    loader: everyone({ status: 405 }),
    action: {
      form: () => ({ Body: "help" }),
      ...everyone({ status: 404 }),
    },
  },
  "invite.$token": {
    kind: "public",
    why: "the invitation token is the credential; GET only shows it, POST accepts",
    params: (fx) => ({ token: fx.inviteToken }),
    loader: everyone({ status: 200 }),
    action: {
      // Missing name and password: refused before anything is consumed.
      form: () => ({}),
      ...everyone({ status: 400 }),
    },
  },
  "s.$token": {
    kind: "public",
    why: "supplier link landing: GET read-only, POST redeems into a portal session",
    params: (fx) => ({ token: fx.supplierToken }),
    loader: everyone({ status: 200 }),
    action: {
      form: () => ({}),
      ...everyone({ status: 302, location: /^\/portal\// }),
      mutates: true,
    },
  },
  "settings.security": {
    kind: "member",
    loader: { ...gate("account:security"), ok: 200, foreign: "own-data", showsNoTenantData: true },
    actions: [
      {
        intent: "start-setup",
        ...gate("account:security"),
        write: () => ({ intent: "start-setup" }),
        foreign: null,
      },
      {
        intent: "confirm-setup",
        ...gate("account:security"),
        write: () => ({ intent: "confirm-setup", code: "123456" }),
        foreign: null,
        probe: { form: () => ({ intent: "confirm-setup", code: "" }), status: 400 },
      },
      {
        intent: "disable",
        ...gate("account:security"),
        write: () => ({ intent: "disable", password: "x" }),
        foreign: null,
        probe: { form: () => ({ intent: "disable", password: "" }), status: 400 },
      },
      {
        intent: "require-two-factor",
        ...gate("members:manage"),
        write: () => ({ intent: "require-two-factor", required: "off" }),
        foreign: null,
        probe: { form: () => ({ intent: "require-two-factor", required: "maybe" }), status: 400 },
      },
    ],
  },
  "dev.mailbox._index": {
    kind: "member",
    devOnly: true,
    loader: { ...gate("outbox:read"), ok: 200, foreign: "own-data" },
  },
  "dev.mailbox.$emailId": {
    kind: "member",
    devOnly: true,
    loader: { ...gate("outbox:read"), ok: 200, foreign: 404 },
  },

  // ---- Supplier portal (portal cookie bound to one assignment) -------------------------------------
  "a.$token": {
    kind: "public",
    why: "corrective-action link landing: GET read-only, POST starts an unconfirmed session and emails a code",
    params: (fx) => ({ token: fx.actionToken }),
    loader: everyone({ status: 200 }),
    action: {
      form: () => ({}),
      ...everyone({ status: 302, location: "/supplier-actions/verify" }),
      mutates: true,
    },
  },
  "supplier-actions._index": {
    kind: "public",
    why: "a supplier's corrective actions: only a confirmed action-link cookie opens it (tested below)",
    loader: everyone({ status: 404 }),
    action: {
      form: (fx) => ({ intent: "respond", actionId: fx.taskId, response: "agreed" }),
      ...everyone({ status: 404 }),
    },
  },
  "supplier-actions.upload": {
    kind: "public",
    why: "the supplier's upload with a progress bar: only a confirmed action-link cookie (tested below)",
    action: {
      form: (fx) => ({ intent: "upload", actionId: fx.taskId, file: pdfFile("intruder.pdf") }),
      ...everyone({ status: 404 }),
    },
  },
  "supplier-actions.verify": {
    kind: "public",
    why: "the code page of a corrective-action link: only with that link's session cookie (tested below)",
    loader: everyone({ status: 404 }),
    action: {
      form: () => ({ code: "123456" }),
      ...everyone({ status: 404 }),
    },
  },
  "portal.$assignmentId": { kind: "portal" },
  "portal.$assignmentId_.verify": { kind: "portal" },
  "portal.$assignmentId_.pdf": { kind: "portal", loaderOnly: true },
  "portal.$assignmentId_.training": { kind: "portal" },

  // ---- Buyer pages (session + permission) ---------------------------------------------------------
  dashboard: {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data" },
  },
  "audit-log": {
    kind: "member",
    loader: { ...gate("audit-log:read"), ok: 200, foreign: "own-data" },
  },
  "audit-log.export[.]csv": {
    kind: "member",
    loader: { ...gate("audit-log:read"), ok: 200, foreign: "own-data" },
  },
  "settings.members": {
    kind: "member",
    loader: { ...gate("members:manage"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "invite",
        ...gate("members:manage"),
        write: () => ({ intent: "invite", email: "newcomer@example.test", role: "admin" }),
        foreign: null,
        probe: { form: () => ({ intent: "invite", email: "not-an-email", role: "admin" }), status: 400 },
      },
      {
        intent: "revoke-invitation",
        ...gate("members:manage"),
        write: (fx) => ({ intent: "revoke-invitation", invitationId: fx.invitationId }),
        foreign: 404,
        probe: { form: () => ({ intent: "revoke-invitation", invitationId: "" }), status: 400 },
      },
      {
        intent: "change-role",
        ...gate("members:manage"),
        write: (fx) => ({ intent: "change-role", membershipId: fx.membershipId, role: "admin" }),
        foreign: 404,
        probe: {
          form: (fx) => ({ intent: "change-role", membershipId: fx.membershipId, role: "owner" }),
          status: 400,
        },
      },
      {
        intent: "remove-member",
        ...gate("members:manage"),
        write: (fx) => ({ intent: "remove-member", membershipId: fx.membershipId }),
        foreign: 404,
        probe: { form: () => ({ intent: "remove-member", membershipId: "" }), status: 400 },
      },
    ],
  },
  "suppliers._index": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data" },
  },
  "suppliers.$supplierId": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "add-parent",
        ...gate("suppliers:write"),
        write: () => ({ intent: "add-parent", otherId: "buyer" }),
        foreign: 404,
        // Already a direct supplier: a conflict, nothing changes.
        probe: { form: () => ({ intent: "add-parent", otherId: "buyer" }), status: 409 },
      },
      {
        intent: "add-child",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "add-child", otherId: fx.supplierId }),
        foreign: 404,
        probe: { form: () => ({ intent: "add-child", otherId: "" }), status: 400 },
      },
      {
        intent: "remove-parent",
        ...gate("suppliers:write"),
        write: () => ({ intent: "remove-parent", otherId: "buyer" }),
        foreign: 404,
        // Its only link: refused, a supplier always keeps a tier.
        probe: { form: () => ({ intent: "remove-parent", otherId: "buyer" }), status: 409 },
      },
      {
        intent: "remove-child",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "remove-child", otherId: fx.supplierId }),
        foreign: 404,
        probe: { form: () => ({ intent: "remove-child", otherId: "" }), status: 400 },
      },
      {
        intent: "request-override",
        ...gate("risk:override"),
        write: () => ({
          intent: "request-override",
          level: "low",
          justification: "An intruder wants this supplier shown as low risk.",
          expiresOn: "2099-01-01",
        }),
        foreign: 404,
        // No justification, no expiry: field errors, nothing stored.
        probe: { form: () => ({ intent: "request-override", level: "low" }), status: 400 },
      },
      {
        intent: "decide-override",
        ...gate("risk:override"),
        write: (fx) => ({ intent: "decide-override", overrideId: fx.supplierId, decision: "approve" }),
        foreign: 404,
        probe: { form: () => ({ intent: "decide-override" }), status: 400 },
      },
      {
        intent: "withdraw-override",
        ...gate("risk:override"),
        write: (fx) => ({ intent: "withdraw-override", overrideId: fx.supplierId }),
        foreign: 404,
        probe: { form: () => ({ intent: "withdraw-override" }), status: 400 },
      },
    ],
  },
  "suppliers_.$supplierId.edit": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "update",
        ...gate("suppliers:write"),
        write: () => ({ name: "Renamed by an intruder", country: "VN", sector: "Textiles and apparel" }),
        foreign: 404,
        probe: { form: () => ({}), status: 400 },
      },
    ],
  },
  "suppliers_.$supplierId.contacts": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "add",
        ...gate("suppliers:write"),
        write: () => ({ intent: "add", name: "Intruder", email: "intruder@example.test" }),
        foreign: 404,
        probe: { form: () => ({ intent: "add", name: "", email: "nope" }), status: 400 },
      },
      {
        intent: "update",
        ...gate("suppliers:write"),
        write: (fx) => ({
          intent: "update",
          contactId: fx.contactId,
          name: "Mallory",
          email: "m@example.test",
        }),
        foreign: 404,
        probe: { form: (fx) => ({ intent: "update", contactId: fx.contactId, name: "" }), status: 400 },
      },
      {
        intent: "primary",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "primary", contactId: fx.contactId }),
        foreign: 404,
        probe: { form: () => ({ intent: "primary", contactId: "" }), status: 400 },
      },
      {
        intent: "delete",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "delete", contactId: fx.contactId }),
        foreign: 404,
        // The only contact is the primary: refused, nothing changes.
        probe: { form: (fx) => ({ intent: "delete", contactId: fx.contactId }), status: 409 },
      },
    ],
  },
  "suppliers_.$supplierId.sites": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "create",
        ...gate("suppliers:write"),
        write: () => ({ intent: "create", name: "Intruder site", country: "VN" }),
        foreign: 404,
        probe: { form: () => ({ intent: "create", name: "", country: "VN", latitude: "91" }), status: 400 },
      },
      {
        intent: "update",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "update", siteId: fx.siteId, name: "Renamed", country: "VN" }),
        foreign: 404,
        probe: {
          form: (fx) => ({ intent: "update", siteId: fx.siteId, name: "X", country: "VN", latitude: "10" }),
          status: 400,
        },
      },
      {
        intent: "delete",
        ...gate("suppliers:write"),
        write: (fx) => ({ intent: "delete", siteId: fx.siteId }),
        foreign: 404,
        probe: { form: () => ({ intent: "delete", siteId: "" }), status: 400 },
      },
    ],
  },
  "suppliers_.$supplierId.sites_.$siteId.poster[.]pdf": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: "download", foreign: 404 },
  },
  "suppliers.export[.]csv": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data" },
  },
  "suppliers.sites[.]csv": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data" },
  },
  "suppliers_.$supplierId.graph": {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: 404 },
  },
  map: {
    kind: "member",
    // Counts per country only: nothing in it names org A (tenant isolation of the counts is proven in
    // app/maps/maps.server.test.ts), so there is no marker for a positive control.
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data", showsNoTenantData: true },
  },
  graph: {
    kind: "member",
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data" },
  },
  "risk.model": {
    kind: "member",
    // The published model: constants from the code, nothing of any tenant.
    loader: { ...gate("risk:read"), ok: 200, foreign: "own-data", showsNoTenantData: true },
  },
  "risk.reference": {
    kind: "member",
    // Reference editions are shared by every tenant; the recompute jobs listed are the visitor's own.
    loader: { ...gate("risk:read"), ok: 200, foreign: "own-data", showsNoTenantData: true },
    actions: [
      {
        intent: "recompute",
        ...gate("risk:override"),
        write: () => ({ intent: "recompute" }),
        foreign: null,
        probe: { form: () => ({ intent: "settings", auditMaxAgeMonths: "many" }), status: 400 },
      },
      {
        intent: "settings",
        ...gate("risk:override"),
        write: () => ({ intent: "settings", auditMaxAgeMonths: "6" }),
        foreign: null,
        probe: { form: () => ({ intent: "settings", auditMaxAgeMonths: "600" }), status: 400 },
      },
    ],
  },
  "map.sites": {
    kind: "member",
    // Dot positions and counts only (the fixture has no located site); isolation in maps.server.test.ts.
    loader: { ...gate("suppliers:read"), ok: 200, foreign: "own-data", showsNoTenantData: true },
  },
  "suppliers.new": {
    kind: "member",
    // A parent id of another tenant is ignored by the form (never preselected, never shown).
    query: (fx) => `?parent=${fx.supplierId}`,
    loader: { ...gate("suppliers:write"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("suppliers:write"),
        write: (fx) => ({
          name: "New sub-supplier",
          country: "VN",
          sector: "Textiles and apparel",
          contactName: "Someone",
          contactEmail: "someone@sub.test",
          parentSupplierId: fx.supplierId,
        }),
        foreign: 404,
        probe: { form: () => ({}), status: 400 },
      },
    ],
  },
  // ---- Supplier imports (suppliers:write) --------------------------------------------------------
  "imports._index": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "upload",
        ...gate("suppliers:write"),
        write: () => ({
          file: new File(["external_ref,name,country\nX-1,Intruder Ltd,VN\n"], "intruder.csv", {
            type: "text/csv",
          }),
        }),
        foreign: null,
        // A binary file is refused before anything is stored.
        probe: {
          form: () => ({ file: new File([new Uint8Array([0, 1, 2, 3])], "binary.csv") }),
          status: 400,
        },
      },
    ],
  },
  "imports.upload": {
    kind: "member",
    actions: [
      {
        intent: "upload",
        ...gate("suppliers:write"),
        write: () => ({
          file: new File(["external_ref,name,country\nX-1,Intruder Ltd,VN\n"], "intruder.csv", {
            type: "text/csv",
          }),
        }),
        foreign: null,
        probe: {
          form: () => ({ file: new File([new Uint8Array([0, 1, 2, 3])], "binary.csv") }),
          status: 400,
        },
      },
    ],
  },
  "imports.$jobId": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "start",
        ...gate("suppliers:write"),
        write: () => ({ intent: "start", external_ref: "0", name: "1", country: "2" }),
        foreign: 404,
        // No column chosen for the required fields: 400, the job stays unstarted.
        probe: { form: () => ({ intent: "start" }), status: 400 },
      },
    ],
  },
  "imports.sites._index": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "upload",
        ...gate("suppliers:write"),
        write: () => ({
          file: new File(["supplier_ref,site,country\nX-1,Intruder Mill,VN\n"], "intruder-sites.csv", {
            type: "text/csv",
          }),
        }),
        foreign: null,
        probe: {
          form: () => ({ file: new File([new Uint8Array([0, 1, 2, 3])], "binary.csv") }),
          status: 400,
        },
      },
    ],
  },
  "imports.sites.upload": {
    kind: "member",
    actions: [
      {
        intent: "upload",
        ...gate("suppliers:write"),
        write: () => ({
          file: new File(["supplier_ref,site,country\nX-1,Intruder Mill,VN\n"], "intruder-sites.csv", {
            type: "text/csv",
          }),
        }),
        foreign: null,
        probe: {
          form: () => ({ file: new File([new Uint8Array([0, 1, 2, 3])], "binary.csv") }),
          status: 400,
        },
      },
    ],
  },
  "imports.sites.$jobId": {
    kind: "member",
    params: (fx) => ({ jobId: fx.siteImportJobId }),
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "commit",
        ...gate("suppliers:write"),
        write: () => ({ intent: "commit", supplier_ref: "0", site_name: "1", country: "2" }),
        foreign: 404,
        // No column chosen for the required fields: 400, nothing imported.
        probe: { form: () => ({ intent: "commit" }), status: 400 },
      },
    ],
  },
  "imports.sites.$jobId.errors": {
    kind: "member",
    params: (fx) => ({ jobId: fx.siteImportJobId }),
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
  },
  "imports.$jobId.progress": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
  },
  "imports.$jobId.errors": {
    kind: "member",
    loader: { ...gate("suppliers:write"), ok: 200, foreign: 404 },
  },
  "questionnaires._index": {
    kind: "member",
    loader: { ...gate("questionnaires:read"), ok: 200, foreign: "own-data" },
  },
  "questionnaires.send": {
    kind: "member",
    query: (fx) => `?supplierId=${fx.supplierId}`,
    loader: { ...gate("questionnaires:send"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "send",
        ...gate("questionnaires:send"),
        write: (fx) => ({
          supplierId: fx.supplierId,
          recipientName: "Someone",
          recipientEmail: "someone@supplier.test",
          dueDate: "2099-06-30",
        }),
        foreign: 404,
        probe: { form: () => ({}), status: 400 },
      },
    ],
  },
  "questionnaires.$assignmentId": {
    kind: "member",
    loader: { ...gate("questionnaires:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "accept",
        ...gate("questionnaires:send"),
        write: () => ({ intent: "accept" }),
        foreign: 404,
        // Not submitted yet: a conflict, nothing changes.
        probe: { form: () => ({ intent: "accept" }), status: 409 },
      },
      {
        intent: "review",
        ...gate("questionnaires:send"),
        write: () => ({ intent: "review", questionId: "P1", decision: "accepted" }),
        foreign: 404,
        // A returned question needs a comment: refused per field, nothing changes.
        probe: {
          form: () => ({ intent: "review", questionId: "P1", decision: "returned", comment: "" }),
          status: 400,
        },
      },
      {
        intent: "return",
        ...gate("questionnaires:send"),
        write: () => ({ intent: "return" }),
        foreign: 404,
        // Not submitted yet: a conflict, nothing changes.
        probe: { form: () => ({ intent: "return" }), status: 409 },
      },
      {
        intent: "revoke",
        ...gate("questionnaires:send"),
        write: () => ({ intent: "revoke" }),
        foreign: 404,
        probe: { form: () => ({ intent: "delete" }), status: 400 },
      },
    ],
  },
  "campaigns._index": {
    kind: "member",
    loader: { ...gate("questionnaires:read"), ok: 200, foreign: "own-data" },
  },
  "campaigns.new": {
    kind: "member",
    loader: { ...gate("questionnaires:send"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("questionnaires:send"),
        write: (fx) => ({
          templateId: "builtin:forced-labour-saq",
          dueDate: "2099-06-30",
          selection: "some",
          supplierIds: fx.supplierId,
        }),
        foreign: 404,
        probe: { form: () => ({}), status: 400 },
      },
    ],
  },
  "campaigns.$campaignId": {
    kind: "member",
    loader: { ...gate("questionnaires:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "resend",
        ...gate("questionnaires:send"),
        write: (fx) => ({ intent: "resend", assignmentId: fx.campaignAssignmentId }),
        foreign: 404,
        probe: { form: () => ({ intent: "resend" }), status: 400 },
      },
      {
        intent: "revoke",
        ...gate("questionnaires:send"),
        write: (fx) => ({ intent: "revoke", assignmentId: fx.campaignAssignmentId }),
        foreign: 404,
        // The questionnaire of another campaign (or none) is not this campaign's: refused, nothing changes.
        probe: { form: (fx) => ({ intent: "revoke", assignmentId: fx.assignmentId }), status: 404 },
      },
    ],
  },
  "campaigns.$campaignId.progress": {
    kind: "member",
    loader: { ...gate("questionnaires:read"), ok: 200, foreign: 404 },
  },
  "audits._index": {
    kind: "member",
    loader: { ...gate("audits:read"), ok: 200, foreign: "own-data" },
  },
  "audits.new": {
    kind: "member",
    query: (fx) => `?supplierId=${fx.supplierId}`,
    loader: { ...gate("audits:write"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("audits:write"),
        write: (fx) => ({ supplierId: fx.supplierId, scheme: "SMETA", auditDate: "2026-02-01" }),
        foreign: 404,
        probe: { form: () => ({}), status: 400 },
      },
    ],
  },
  "audits.$auditId": {
    kind: "member",
    loader: { ...gate("audits:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "add-finding",
        ...gate("audits:write"),
        write: () => ({ intent: "add-finding", title: "Wages withheld for three months", grade: "critical" }),
        foreign: 404,
        probe: { form: () => ({ intent: "add-finding", title: "", grade: "critical" }), status: 400 },
      },
      {
        intent: "upload",
        ...gate("evidence:upload"),
        write: () => ({ intent: "upload", file: pdfFile("intruder.pdf") }),
        foreign: 404,
        probe: { form: () => ({ intent: "upload" }), status: 400 },
      },
      {
        // A follow-up audit's decision about an earlier finding (the fixture audit's own finding is not
        // an earlier one: the domain refuses it with 409, after the gate).
        intent: "follow-up",
        ...gate("audits:write"),
        write: (fx) => ({
          intent: "follow-up",
          findingId: fx.findingId,
          decision: "regrade",
          schemeGrade: "Major",
        }),
        foreign: 404,
        probe: {
          form: (fx) => ({ intent: "follow-up", findingId: fx.findingId, decision: "maybe" }),
          status: 400,
        },
      },
    ],
  },
  "audits.import": {
    kind: "member",
    loader: { ...gate("audits:write"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "import",
        ...gate("audits:write"),
        write: (fx) => ({
          supplierId: fx.supplierId,
          scheme: "SMETA",
          auditDate: "2026-02-01",
          file: new File(["Finding,Grade\nWages withheld for three months,Critical\n"], "capr.csv", {
            type: "text/csv",
          }),
        }),
        foreign: 404,
        // A grade word the scheme does not use: a row error, nothing created.
        probe: {
          form: (fx) => ({
            supplierId: fx.supplierId,
            scheme: "SMETA",
            auditDate: "2026-02-01",
            file: new File(["Finding,Grade\nWages withheld,Priority\n"], "capr.csv", { type: "text/csv" }),
          }),
          status: 400,
        },
      },
    ],
  },
  "evidence.$evidenceId.download": {
    kind: "member",
    loader: { ...gate("evidence:read"), ok: "download", foreign: 404 },
  },
  "evidence.$evidenceId.preview": {
    kind: "member",
    loader: { ...gate("evidence:read"), ok: "preview", foreign: 404 },
  },
  "evidence.$evidenceId._index": {
    kind: "member",
    loader: { ...gate("evidence:read"), ok: 200, foreign: 404 },
    actions: [
      {
        // Re-hashing writes an audit row: only refused visitors post the real form.
        intent: "verify_hash",
        ...gate("evidence:read"),
        write: () => ({ intent: "verify_hash" }),
        foreign: 404,
        probe: { form: () => ({ intent: "nonsense" }), status: 400 },
      },
    ],
  },
  "audits.$auditId_.upload": {
    kind: "member",
    actions: [
      {
        intent: "upload",
        ...gate("evidence:upload"),
        write: () => ({ intent: "upload", file: pdfFile("intruder.pdf") }),
        foreign: 404,
        probe: { form: () => ({ intent: "upload" }), status: 400 },
      },
    ],
  },
  "remediation.$taskId_.upload": {
    kind: "member",
    actions: [
      {
        intent: "upload",
        ...gate("remediation:write"),
        write: () => ({ intent: "upload", file: pdfFile("intruder.pdf") }),
        foreign: 404,
        probe: { form: () => ({ intent: "upload" }), status: 400 },
      },
    ],
  },
  "remediation._index": {
    kind: "member",
    loader: { ...gate("remediation:read"), ok: 200, foreign: "own-data" },
  },
  "remediation.$taskId": {
    kind: "member",
    loader: { ...gate("remediation:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "submit_plan",
        ...gate("remediation:write"),
        write: () => ({
          intent: "submit_plan",
          rootCause: "Agents charged fees nobody checked.",
          correctiveAction: "Repay every worker in full.",
          preventiveAction: "Employer-pays clause in agency contracts.",
          planTargetDate: "2099-01-01",
          supplierOwner: "HR manager",
        }),
        foreign: 404,
        probe: { form: () => ({ intent: "submit_plan", rootCause: "" }), status: 400 },
      },
      {
        intent: "return_plan",
        ...gate("remediation:write"),
        write: () => ({ intent: "return_plan", comment: "Say how many workers." }),
        foreign: 404,
        probe: { form: () => ({ intent: "return_plan", comment: "" }), status: 400 },
      },
      {
        intent: "verify",
        ...gate("remediation:write"),
        write: () => ({ intent: "verify", method: "desk_review", note: "Receipts checked for all workers." }),
        foreign: 404,
        probe: { form: () => ({ intent: "verify", method: "guess", note: "" }), status: 400 },
      },
      {
        intent: "escalate",
        ...gate("remediation:write"),
        write: (fx) => ({
          intent: "escalate",
          kind: "suspension",
          comment: "No plan after reminders.",
          approverUserId: fx.a.members.executive.userId,
        }),
        foreign: 404,
        probe: { form: () => ({ intent: "escalate", kind: "suspension", comment: "" }), status: 400 },
      },
      {
        intent: "remedy",
        ...gate("remediation:write"),
        write: () => ({
          intent: "remedy",
          kind: "documents_returned",
          workers: "3",
          remediedOn: "2026-01-01",
        }),
        foreign: 404,
        probe: { form: () => ({ intent: "remedy", kind: "documents_returned", workers: "0" }), status: 400 },
      },
      {
        intent: "upload",
        ...gate("evidence:upload"),
        write: () => ({ intent: "upload", file: pdfFile("intruder.pdf") }),
        foreign: 404,
        probe: { form: () => ({ intent: "upload" }), status: 400 },
      },
    ],
  },
  "training._index": {
    kind: "member",
    loader: { ...gate("training:read"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "course",
        ...gate("training:write"),
        write: () => ({
          intent: "course",
          title: "Mallory course",
          audience: "staff",
          language: "en",
          durationMinutes: "5",
        }),
        foreign: null,
        probe: { form: () => ({ intent: "course", title: "", audience: "staff" }), status: 400 },
      },
      {
        intent: "headcount",
        ...gate("training:write"),
        write: () => ({ intent: "headcount", year: "2026", staffInScope: "5" }),
        foreign: null,
        probe: { form: () => ({ intent: "headcount", year: "1900", staffInScope: "0" }), status: 400 },
      },
      {
        intent: "import",
        ...gate("training:write"),
        write: () => ({
          intent: "import",
          file: new File(["course,name,completed_on\nZq9Alpha induction,Mallory,2026-01-01\n"], "t.csv", {
            type: "text/csv",
          }),
        }),
        foreign: null,
        probe: { form: () => ({ intent: "import" }), status: 400 },
      },
    ],
  },
  "training.$courseId": {
    kind: "member",
    loader: { ...gate("training:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "record",
        ...gate("training:write"),
        write: () => ({ intent: "record", learnerName: "Mallory", completedOn: "2026-01-01" }),
        foreign: 404,
        probe: {
          form: () => ({ intent: "record", learnerName: "Mallory", completedOn: "2026-02-30" }),
          status: 400,
        },
      },
    ],
  },
  "settings.worker-channel": {
    kind: "member",
    loader: { ...gate("grievances:channel"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "save",
        ...gate("grievances:channel"),
        write: () => ({
          intent: "save",
          accountSid: `AC${"ab".repeat(16)}`,
          authToken: "cd".repeat(16),
          defaultLanguage: "en",
        }),
        foreign: null,
        probe: {
          form: () => ({ intent: "save", accountSid: "x", authToken: "", defaultLanguage: "en" }),
          status: 400,
        },
      },
      {
        intent: "remove",
        ...gate("grievances:channel"),
        write: () => ({ intent: "remove" }),
        foreign: null,
      },
    ],
  },
  "settings.api-keys": {
    kind: "member",
    loader: { ...gate("members:manage"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("members:manage"),
        write: () => ({
          intent: "create",
          label: "Intruder key",
          scopes: "suppliers:read",
          expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        }),
        foreign: null,
        probe: { form: () => ({ intent: "create", label: "", scopes: "nope" }), status: 400 },
      },
      {
        intent: "revoke",
        ...gate("members:manage"),
        write: (fx) => ({ intent: "revoke", keyId: fx.apiKeyId }),
        foreign: 404,
        probe: { form: () => ({ intent: "revoke", keyId: "" }), status: 400 },
      },
    ],
  },
  // The REST API: one resource route in front of the API's router. Bearer keys only (a session or
  // portal cookie is a 401); every operation's matrix (no key, cookie, missing scope, another tenant's
  // key, the right scope) is in test/security/api-access.test.ts, which enumerates app/api's operations.
  "api.v1.$": { kind: "api" },
  "api.v1.reference": {
    kind: "public",
    why: "the API reference, rendered from the OpenAPI document: describes the product, no tenant data",
    loader: everyone({ status: 200 }),
  },
  "settings.remediation": {
    kind: "member",
    loader: { ...gate("remediation:settings"), ok: 200, foreign: "own-data", showsNoTenantData: true },
    actions: [
      {
        intent: "deadlines",
        ...gate("remediation:settings"),
        write: () => ({
          intent: "deadlines",
          ...Object.fromEntries(
            ["zero_tolerance", "critical", "major", "minor", "observation"].flatMap((g) => [
              [`${g}.planDays`, "1"],
              [`${g}.resolutionDays`, "9"],
            ]),
          ),
        }),
        foreign: null,
        probe: { form: () => ({ intent: "deadlines", "major.planDays": "-1" }), status: 400 },
      },
      {
        intent: "vocabulary",
        ...gate("remediation:settings"),
        write: () => ({ intent: "vocabulary", scheme: "RBA", "words.Priority": "zero_tolerance" }),
        foreign: null,
        probe: { form: () => ({ intent: "vocabulary", scheme: "Nope" }), status: 400 },
      },
    ],
  },
  "settings.sso": {
    kind: "member",
    loader: { ...gate("members:manage"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "save",
        ...gate("members:manage"),
        write: () => ({
          intent: "save",
          issuer: "https://intruder.example.test",
          clientId: "intruder",
          clientSecret: "intruder-secret",
          domains: "intruder.example.test",
          defaultRole: "procurement",
        }),
        foreign: null,
        probe: { form: () => ({ intent: "save", issuer: "", clientId: "", domains: "" }), status: 400 },
      },
      {
        intent: "remove",
        ...gate("members:manage"),
        write: () => ({ intent: "remove" }),
        foreign: null,
      },
    ],
  },
  "settings.webhooks": {
    kind: "member",
    loader: { ...gate("webhooks:manage"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("webhooks:manage"),
        write: () => ({
          intent: "create",
          url: "https://intruder.example.test/h",
          eventTypes: "finding.raised",
        }),
        foreign: null,
        probe: { form: () => ({ intent: "create", url: "nope", eventTypes: "finding.raised" }), status: 400 },
      },
      {
        intent: "toggle",
        ...gate("webhooks:manage"),
        write: (fx) => ({ intent: "toggle", endpointId: fx.webhookEndpointId, enabled: "false" }),
        foreign: 404,
        probe: { form: () => ({ intent: "toggle", endpointId: "", enabled: "false" }), status: 400 },
      },
      {
        intent: "rotate",
        ...gate("webhooks:manage"),
        write: (fx) => ({ intent: "rotate", endpointId: fx.webhookEndpointId, overlapHours: "24" }),
        foreign: 404,
        probe: {
          form: (fx) => ({ intent: "rotate", endpointId: fx.webhookEndpointId, overlapHours: "5" }),
          status: 400,
        },
      },
      {
        intent: "delete",
        ...gate("webhooks:manage"),
        write: (fx) => ({ intent: "delete", endpointId: fx.webhookEndpointId }),
        foreign: 404,
        probe: { form: () => ({ intent: "delete", endpointId: "" }), status: 400 },
      },
    ],
  },
  "settings.webhooks_.$endpointId": {
    kind: "member",
    loader: { ...gate("webhooks:manage"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "replay",
        ...gate("webhooks:manage"),
        write: (fx) => ({ intent: "replay", deliveryId: fx.webhookDeliveryId }),
        foreign: 404,
        probe: { form: () => ({ intent: "replay", deliveryId: "" }), status: 400 },
      },
      {
        intent: "update",
        ...gate("webhooks:manage"),
        write: () => ({
          intent: "update",
          url: "https://intruder.example.test/h",
          eventTypes: "finding.raised",
        }),
        foreign: 404,
        probe: { form: () => ({ intent: "update", url: "nope", eventTypes: "finding.raised" }), status: 400 },
      },
    ],
  },
  "statements._index": {
    kind: "member",
    loader: { ...gate("statements:read"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "add-member",
        ...gate("statements:approve"),
        write: () => ({
          intent: "add-member",
          name: "Mallory",
          title: "Director",
          body: "Board of directors",
          appointedOn: "2020-01-01",
        }),
        foreign: null,
        probe: {
          form: () => ({ intent: "add-member", name: "", title: "", body: "", appointedOn: "" }),
          status: 400,
        },
      },
      {
        intent: "member-left",
        ...gate("statements:approve"),
        write: (f) => ({ intent: "member-left", memberId: f.governingMemberId, leftOn: "2026-01-01" }),
        foreign: 404,
        probe: {
          form: (f) => ({ intent: "member-left", memberId: f.governingMemberId, leftOn: "soon" }),
          status: 400,
        },
      },
      {
        intent: "public-address",
        ...gate("members:manage"),
        write: () => ({ intent: "public-address", slug: "mallory-was-here" }),
        foreign: null,
        probe: { form: () => ({ intent: "public-address", slug: "Not A Slug" }), status: 400 },
      },
    ],
  },
  "statements.$statementId.annex[.]csv": {
    kind: "member",
    loader: { ...gate("statements:read"), ok: "download", foreign: 404 },
  },
  "statements.$statementId.questionnaire[.]json": {
    kind: "member",
    params: (f) => ({ statementId: f.caStatementId }),
    loader: { ...gate("statements:read"), ok: 200, foreign: 404 },
  },
  "statements.new": {
    kind: "member",
    loader: { ...gate("statements:write"), ok: 200, foreign: "own-data", showsNoTenantData: true },
    actions: [
      {
        intent: "create",
        ...gate("statements:write"),
        write: () => ({ periodStart: "2023-04-01", periodEnd: "2024-03-31" }),
        foreign: null,
        probe: { form: () => ({ periodStart: "2024-04-01", periodEnd: "2024-01-01" }), status: 400 },
      },
    ],
  },
  // ---- Questionnaire templates (admins) ------------------------------------------------------------
  "templates._index": {
    kind: "member",
    loader: { ...gate("templates:manage"), ok: 200, foreign: "own-data" },
    actions: [
      {
        intent: "create",
        ...gate("templates:manage"),
        write: () => ({ source: "blank", name: "Intruder's template" }),
        foreign: null,
        probe: { form: () => ({ source: "blank", name: "" }), status: 400 },
      },
    ],
  },
  "templates.$versionId": {
    kind: "member",
    loader: { ...gate("templates:manage"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "meta",
        ...gate("templates:manage"),
        write: () => ({
          intent: "meta",
          title: "Overwritten by an intruder",
          intro: "",
          attestation: "Yes.",
        }),
        foreign: 404,
        probe: { form: () => ({ intent: "meta", title: "", intro: "", attestation: "" }), status: 400 },
      },
      {
        intent: "publish",
        ...gate("templates:manage"),
        write: () => ({ intent: "publish" }),
        foreign: 404,
      },
    ],
  },
  "templates_.$versionId.preview": {
    kind: "member",
    loader: { ...gate("templates:manage"), ok: 200, foreign: 404 },
  },
  "templates_.$versionId.translate": {
    kind: "member",
    loader: { ...gate("templates:manage"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "translate",
        ...gate("templates:manage"),
        write: () => ({ "t:title": "Traducido por un intruso" }),
        foreign: 404,
        probe: { form: () => ({ "t:title": "x".repeat(4001) }), status: 400 },
      },
    ],
  },
  "statements.$statementId": {
    kind: "member",
    loader: { ...gate("statements:read"), ok: 200, foreign: 404 },
    actions: [
      {
        intent: "save",
        ...gate("statements:write"),
        write: () => ({ intent: "save", "n.structure": "Overwritten by an intruder" }),
        foreign: 404,
        probe: { form: () => ({ intent: "save", "n.structure": "x".repeat(20_001) }), status: 400 },
      },
      {
        intent: "submit",
        ...gate("statements:write"),
        write: () => ({ intent: "submit" }),
        foreign: 404,
      },
      {
        intent: "comment",
        ...gate("statements:read"),
        write: () => ({ intent: "comment", body: "An intruder's comment." }),
        foreign: 404,
        probe: { form: () => ({ intent: "comment", body: "" }), status: 400 },
      },
      {
        intent: "approve",
        ...gate("statements:approve"),
        write: (f) => ({
          intent: "approve",
          governingBody: "Board of directors",
          approvalDate: "2026-01-15",
          signatoryMemberId: f.governingMemberId,
        }),
        foreign: 404,
        // The statement is a draft, not in review: refused as a conflict, nothing changes.
        probe: {
          form: (f) => ({
            intent: "approve",
            governingBody: "Board of directors",
            approvalDate: "2026-01-15",
            signatoryMemberId: f.governingMemberId,
          }),
          status: 409,
        },
      },
      {
        intent: "sign",
        ...gate("statements:approve"),
        write: () => ({ intent: "sign", signedOn: "2026-01-20" }),
        foreign: 404,
        probe: { form: () => ({ intent: "sign", signedOn: "2026-01-20" }), status: 409 },
      },
      {
        intent: "publish",
        ...gate("statements:approve"),
        write: () => ({ intent: "publish" }),
        foreign: 404,
        probe: { form: () => ({ intent: "publish" }), status: 409 },
      },
      {
        intent: "generate",
        ...gate("statements:write"),
        write: () => ({ intent: "generate" }),
        foreign: 404,
      },
      {
        intent: "revise",
        ...gate("statements:write"),
        write: () => ({ intent: "revise", note: "An intruder's revision of the statement." }),
        foreign: 404,
        probe: {
          form: () => ({ intent: "revise", note: "An intruder's revision of the statement." }),
          status: 409,
        },
      },
    ],
  },
  "statements.$statementId.documents.$documentId": {
    kind: "member",
    loader: { ...gate("statements:read"), ok: "download", foreign: 404 },
  },
};

// -------------------------------------------------------------------------------------------------------
// Fixtures: org A with real data created through the domain verbs; org B with its own members only.
// -------------------------------------------------------------------------------------------------------

function pdfFile(name: string): File {
  return new File([Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")], name, {
    type: "application/pdf",
  });
}

function outboxEmail(id: string) {
  return db().select().from(emailOutbox).where(eq(emailOutbox.id, id)).get()!;
}

let fx: Fx;

beforeAll(async () => {
  const a = await createOrg({ name: "Zq9Alpha Apparel" });
  const b = await createOrg({ name: "Beta Foods" });
  const { admin, procurement, auditor, executive } = a.members;

  const supplier = createSupplier(procurement.ctx, {
    name: "Zq9Alpha Spinning Mill",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Zq9Alpha Contact",
    contactEmail: "contact@zq9alpha.test",
  });

  const site = createSite(procurement.ctx, supplier.id, { name: "Zq9Alpha Dye House", country: "VN" });
  const trainingCourse = createCourse(admin.ctx, {
    title: "Zq9Alpha induction",
    audience: "staff",
    language: "en",
    durationMinutes: 30,
  });
  const contactId = db()
    .select({ id: supplierContacts.id })
    .from(supplierContacts)
    .where(eq(supplierContacts.supplierId, supplier.id))
    .get()!.id;

  const sent = await sendQuestionnaire(procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Zq9Alpha Recipient",
    recipientEmail: "recipient@zq9alpha.test",
    dueDate: "2099-01-31",
  });
  // The raw token exists only in the email: take it from there, as the supplier would.
  const supplierToken = /\/s\/([A-Za-z0-9_-]+)/.exec(outboxEmail(sent.emailId).text)?.[1];
  expect(supplierToken).toBeTruthy();
  expect(sent.link.endsWith(`/s/${supplierToken}`)).toBe(true);
  const other = await sendQuestionnaire(procurement.ctx, {
    supplierId: supplier.id,
    recipientName: "Zq9Alpha Second Recipient",
    recipientEmail: "second@zq9alpha.test",
    dueDate: "2099-01-31",
  });

  const campaign = createCampaign(procurement.ctx, {
    name: "Zq9Alpha campaign",
    templateId: BUILTIN_FORCED_LABOUR_ID,
    dueDate: "2099-01-31",
    reminderDays: [7, 3, 1],
    overdueWeekly: true,
    language: "contact",
    selection: "some",
    supplierIds: [supplier.id],
  });
  await processCampaignSend(campaign.campaignId, a.id);
  const campaignAssignmentId = db()
    .select({ id: assignments.id })
    .from(assignments)
    .where(eq(assignments.campaignId, campaign.campaignId))
    .get()!.id;

  const audit = createAudit(auditor.ctx, {
    supplierId: supplier.id,
    scheme: "SMETA",
    auditDate: "2026-01-15",
    siteId: "new",
    newSiteName: "Zq9Alpha Site 2",
    newSiteCountry: "VN",
    summary: "Zq9Alpha audit summary: passports held by the dormitory manager.",
  });
  const { finding, taskId } = addFinding(auditor.ctx, {
    auditId: audit.id,
    title: "Zq9Alpha passports retained",
    grade: "zero_tolerance",
    iloIndicator: "8",
  });
  expect(taskId).toBeTruthy();
  const evidence = await uploadEvidence(auditor.ctx, {
    auditId: audit.id,
    findingId: finding.id,
    file: pdfFile("zq9alpha-evidence.pdf"),
  });

  // The supplier's corrective-action link: shared by procurement, redeemed and confirmed as a browser would.
  const shared = await shareActionsWithSupplier(procurement.ctx, supplier.id, {
    recipientName: "Zq9Alpha Contact",
    recipientEmail: "contact@zq9alpha.test",
    language: "es",
  });
  const actionToken = shared.link.split("/a/")[1];
  const actionRedeemed = await invoke(
    ROUTES["a.$token"].action!,
    buildRequest(null, `/a/${actionToken}`, {}),
    {
      token: actionToken,
    },
  );
  const actionCookie = actionRedeemed.setCookie?.split(";")[0] ?? "";
  expect(actionCookie).toMatch(/^cs_actions=.+/);
  const actionCode = /\b(\d{6})\b/.exec(
    db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.organizationId, a.id), eq(emailOutbox.template, "action-portal-code")))
      .get()!.text,
  )![1];
  const actionConfirmed = await invoke(
    ROUTES["supplier-actions.verify"].action!,
    buildRequest({ cookie: actionCookie }, "/supplier-actions/verify", { code: actionCode }),
    {},
  );
  expect(actionConfirmed.location).toBe("/supplier-actions");
  const secondSupplier = await createSupplier(procurement.ctx, {
    name: "Zq9Alpha Second Supplier",
    country: "VN",
    sector: "Textiles and apparel",
    contactName: "Zq9Alpha Second Contact",
    contactEmail: "second-supplier@zq9alpha.test",
  });
  const secondAudit = createAudit(auditor.ctx, {
    supplierId: secondSupplier.id,
    scheme: "RBA",
    auditDate: "2026-01-16",
  });
  const otherSupplierTaskId = addFinding(auditor.ctx, {
    auditId: secondAudit.id,
    title: "Zq9Alpha second supplier finding",
    schemeGrade: "Priority",
  }).taskId;

  const statement = createStatement(executive.ctx, { periodStart: "2025-01-01", periodEnd: "2025-12-31" });
  updateStatement(executive.ctx, statement.id, { narrative: { structure: "Zq9Alpha group structure." } });
  const document = await generateStatementPdf(executive.ctx, statement.id);
  const caStatement = createStatement(executive.ctx, {
    regime: "ca_s211",
    periodStart: "2025-01-01",
    periodEnd: "2025-12-31",
  });
  const governingMember = addGoverningBodyMember(admin.ctx, {
    name: "Zq9Alpha Director",
    title: "Director",
    body: "Board of directors",
    appointedOn: "2020-01-01",
  });
  // A published statement for 2024: the public page, JSON and PDF answer for it.
  const published = createStatement(executive.ctx, { periodStart: "2024-01-01", periodEnd: "2024-12-31" });
  updateStatement(executive.ctx, published.id, {
    narrative: Object.fromEntries(
      templateFor("uk_msa_s54", "2024-12-31").criteria.map((c) => [
        c.key,
        `Published text for ${c.heading}. `.repeat(12),
      ]),
    ),
  });
  submitForReview(executive.ctx, published.id);
  approveStatement(executive.ctx, published.id, {
    governingBody: "Board of directors",
    approvalDate: "2025-03-01",
    signatoryMemberId: governingMember.id,
  });
  signStatement(executive.ctx, published.id, { signedOn: "2025-03-02" });
  await publishStatement(executive.ctx, published.id);

  const invited = await inviteMember(admin.ctx, { email: "invitee@zq9alpha.test", role: "auditor" });
  const invitationEmail = db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, "member-invitation"), eq(emailOutbox.toAddress, invited.email)))
    .get()!;
  const inviteToken = /\/invite\/([A-Za-z0-9_-]+)/.exec(invitationEmail.text)?.[1];
  expect(inviteToken).toBeTruthy();

  await requestSignUp({
    organizationName: "Zq9Alpha Pending Co",
    name: "Pending Person",
    email: "pending@zq9alpha.test",
    password: "pending password",
  });
  await requestPasswordReset({ email: auditor.email });
  const tokenFrom = (to: string, path: string) =>
    new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(
      db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).all().at(-1)!.text,
    )![1];

  const membershipId = db()
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, procurement.userId), eq(memberships.organizationId, a.id)))
    .get()!.id;

  // The supplier contact redeems the link through the landing page's POST, as a browser would.
  const redeemed = await invoke(ROUTES["s.$token"].action!, buildRequest(null, `/s/${supplierToken}`, {}), {
    token: supplierToken!,
  });
  expect(redeemed.status).toBe(302);
  expect(redeemed.location).toBe(`/portal/${sent.assignmentId}/verify`);
  const portalCookie = redeemed.setCookie?.split(";")[0] ?? "";
  expect(portalCookie).toMatch(/^cs_portal=.+/);
  expect(redeemed.setCookie).not.toContain("cs_session");
  // ...and confirms it with the 6-digit code emailed to the recipient (read from the outbox).
  const confirmed = await invoke(
    ROUTES["portal.$assignmentId_.verify"].action!,
    buildRequest({ cookie: portalCookie }, `/portal/${sent.assignmentId}/verify`, {
      code: latestCodeFor(sent.assignmentId),
    }),
    { assignmentId: sent.assignmentId },
  );
  expect(confirmed.status).toBe(302);
  expect(confirmed.location).toBe(`/portal/${sent.assignmentId}`);

  const template = createTemplate(admin.ctx, { source: "blank", name: "Zq9Alpha supplier check" });

  // Org A's import: its file and rows carry the marker, so a leak of its page or report would show.
  const importJobId = await uploadCsv(
    procurement.ctx,
    "external_ref,name,country\nZQ9-1,Zq9Alpha Imported Mill,Atlantis\n",
    {
      fileName: "zq9alpha-suppliers.csv",
    },
  );

  const siteImportJobId = await uploadSitesCsv(
    procurement.ctx,
    "supplier_ref,site,country\nZQ9-1,Zq9Alpha Dye House,Atlantis\n",
    "zq9alpha-sites.csv",
  );
  const webhook = createEndpoint(admin.ctx, {
    url: "https://zq9alpha.example.test/hooks",
    eventTypes: ["finding.raised"],
  });
  const webhookEventId = writeTx((tx) => emitEvent(tx, a.id, "finding.raised", { note: "zq9alpha" }))!;
  const webhookDeliveryId = db()
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventId, webhookEventId))
    .get()!.id;
  // Org A's single sign-on (written directly: saving through the verb would fetch a provider).
  writeTx((tx) =>
    tx
      .insert(ssoConnections)
      .values({
        organizationId: a.id,
        issuer: "https://zq9alpha.example.test",
        clientId: "zq9alpha-client",
        clientSecretSealed: sealClientSecret(a.id, "zq9alpha-secret"),
        defaultRole: "procurement",
        secretSetAt: new Date(),
      })
      .run(),
  );
  const apiKey = createApiKey(admin.ctx, {
    label: "Zq9Alpha ERP",
    scopes: ["suppliers:read"],
    expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  });

  fx = {
    apiKeyId: apiKey.id,
    a,
    b,
    webhookEndpointId: webhook.endpointId,
    webhookDeliveryId,
    supplierId: supplier.id,
    assignmentId: sent.assignmentId,
    otherAssignmentId: other.assignmentId,
    campaignId: campaign.campaignId,
    campaignAssignmentId,
    supplierToken: supplierToken!,
    auditId: audit.id,
    findingId: finding.id,
    evidenceId: evidence.id,
    taskId: taskId!,
    actionToken,
    actionPortal: { cookie: actionCookie },
    otherSupplierTaskId,
    statementId: statement.id,
    documentId: document.documentId,
    caStatementId: caStatement.id,
    governingMemberId: governingMember.id,
    publishedStatementId: published.id,
    publicSlug: publicSlugOf(a.id)!,
    invitationId: invited.invitationId,
    inviteToken: inviteToken!,
    signupToken: tokenFrom("pending@zq9alpha.test", "verify-email"),
    resetToken: tokenFrom(auditor.email, "reset-password"),
    membershipId,
    emailId: sent.emailId,
    importJobId,
    siteImportJobId,
    templateVersionId: template.versionId,
    portal: { cookie: portalCookie },
    trainingCourseId: trainingCourse.id,
    contactId,
    siteId: site.id,
    ids: [
      webhook.endpointId,
      webhookDeliveryId,
      webhookEventId,
      template.templateId,
      template.versionId,
      contactId,
      site.id,
      a.id,
      supplier.id,
      sent.assignmentId,
      other.assignmentId,
      campaign.campaignId,
      campaignAssignmentId,
      audit.id,
      finding.id,
      evidence.id,
      taskId!,
      statement.id,
      document.documentId,
      invited.invitationId,
      membershipId,
      importJobId,
      siteImportJobId,
      caStatement.id,
      governingMember.id,
      published.id,
      trainingCourse.id,
      apiKey.id,
    ],
  };
});

// -------------------------------------------------------------------------------------------------------
// Calling routes
// -------------------------------------------------------------------------------------------------------

const PARAM_VALUES: Record<string, (fx: Fx) => string> = {
  supplierId: (f) => f.supplierId,
  assignmentId: (f) => f.assignmentId,
  campaignId: (f) => f.campaignId,
  auditId: (f) => f.auditId,
  evidenceId: (f) => f.evidenceId,
  taskId: (f) => f.taskId,
  statementId: (f) => f.statementId,
  courseId: (f) => f.trainingCourseId,
  documentId: (f) => f.documentId,
  emailId: (f) => f.emailId,
  jobId: (f) => f.importJobId,
  token: (f) => f.supplierToken,
  endpointId: (f) => f.webhookEndpointId,
  versionId: (f) => f.templateVersionId,
  orgId: (f) => f.a.id,
  siteId: (f) => f.siteId,
  // The short code a site's poster prints (made for every site by a trigger).
  code: (f) =>
    db()
      .select({ code: grievanceReportLinks.code })
      .from(grievanceReportLinks)
      .where(eq(grievanceReportLinks.siteId, f.siteId))
      .get()!.code,
  lang: () => "bn",
  org: (f) => f.publicSlug,
  // The case pages answer 404 to every fixture member before reading the id (tested in app/grievances).
  caseId: () => "00000000-0000-4000-8000-000000000000",
  attachmentId: () => "00000000-0000-4000-8000-000000000001",
  year: () => "2024",
  regime: () => "uk_msa_s54",
};

/** The URL and params of a route filled with org A's ids. */
function target(file: string, overrides: Record<string, string> = {}) {
  const { path, params: names } = routeShape(file);
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = PARAM_VALUES[name];
    if (!value) throw new Error(`No fixture value for :${name} (route ${file}): add it to PARAM_VALUES`);
    params[name] = overrides[name] ?? value(fx);
  }
  const spec = TABLE[file];
  if (spec.kind === "member" && spec.params) Object.assign(params, spec.params(fx), overrides);
  const query = spec.kind === "member" && spec.query ? spec.query(fx) : "";
  const url = path.replace(/:(\w+)/g, (_m, name: string) => params[name]) + query;
  return { url, params };
}

/** A GET: whoever calls it, nothing in the database changes (audit log, outbox, any row at all). */
async function get(file: string, visitor: Visitor, overrides: Record<string, string> = {}): Promise<Outcome> {
  const { url, params } = target(file, overrides);
  const before = snapshot(fx.a.id);
  const out = await invoke(ROUTES[file].loader!, buildRequest(visitor, url), params);
  expect(snapshot(fx.a.id), `GET ${url} changed state`).toEqual(before);
  return out;
}

/** A POST that must be refused: the outcome, and the proof that nothing changed. */
async function post(
  file: string,
  visitor: Visitor,
  form: Form,
  opts: { overrides?: Record<string, string>; mayChange?: boolean } = {},
): Promise<Outcome> {
  const { url, params } = target(file, opts.overrides);
  const before = snapshot(fx.a.id);
  const out = await invoke(ROUTES[file].action!, buildRequest(visitor, url, form), params);
  if (!opts.mayChange) expect(snapshot(fx.a.id), `POST ${url} changed state`).toEqual(before);
  return out;
}

function loginRedirect(file: string): string {
  return `/login?redirectTo=${encodeURIComponent(target(file).url)}`;
}

function expectOutcome(out: Outcome, expected: Expect, what: string) {
  expect(out.status, what).toBe(expected.status);
  if (expected.location instanceof RegExp) expect(out.location, what).toMatch(expected.location);
  else if (expected.location !== undefined) expect(out.location, what).toBe(expected.location);
}

function leaksOrgA(body: string): string[] {
  const lower = body.toLowerCase();
  return [MARK, ...fx.ids].filter((needle) => lower.includes(needle.toLowerCase()));
}

const specsOf = <K extends RouteSpec["kind"]>(kind: K) =>
  Object.entries(TABLE).filter((e): e is [string, Extract<RouteSpec, { kind: K }>] => e[1].kind === kind);

const member = (role: Role) => fx.a.members[role];
const foreignAdmin = () => fx.b.members.admin;

// -------------------------------------------------------------------------------------------------------
// The table is complete and consistent with the code
// -------------------------------------------------------------------------------------------------------

describe("route manifest", () => {
  it("every route file is classified, and the table lists no route that does not exist", () => {
    const files = Object.keys(ROUTES).sort();
    expect(files.length).toBeGreaterThan(20);
    expect(
      files.filter((f) => !(f in TABLE)),
      "unclassified routes: add them to TABLE",
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((f) => !(f in ROUTES)),
      "stale entries in TABLE",
    ).toEqual([]);
  });

  it("the table describes exactly the loaders and actions each module exports", () => {
    for (const [file, spec] of Object.entries(TABLE)) {
      const mod = ROUTES[file];
      if (spec.kind === "portal" || spec.kind === "api") {
        expect(typeof mod.loader, file).toBe("function");
        expect(typeof mod.action, file).toBe(
          spec.kind === "portal" && spec.loaderOnly ? "undefined" : "function",
        );
        continue;
      }
      const hasActions = spec.kind === "member" ? !!spec.actions?.length : !!spec.action;
      expect(!!mod.loader, `${file}: loader`).toBe(!!spec.loader);
      expect(!!mod.action, `${file}: action`).toBe(hasActions);
    }
  });

  it("the roles in the table are exactly those permissions.ts grants", () => {
    for (const [file, spec] of specsOf("member")) {
      const checks = [...(spec.loader ? [spec.loader] : []), ...(spec.actions ?? [])];
      for (const c of checks) {
        const granted = ROLES.filter((r) => can(r, c.permission));
        expect([...c.allowed].sort(), `${file} ${c.permission}`).toEqual([...granted].sort());
      }
    }
  });
});

// -------------------------------------------------------------------------------------------------------
// Buyer pages
// -------------------------------------------------------------------------------------------------------

describe.each(specsOf("member"))("%s", (file, spec) => {
  if (spec.loader) {
    const loader = spec.loader;

    it("loader: anonymous visitors and supplier contacts are sent to log in", async () => {
      for (const visitor of [null, fx.portal]) {
        const out = await get(file, visitor);
        expect(out.status).toBe(302);
        expect(out.location).toBe(loginRedirect(file));
      }
    });

    it(`loader: ${loader.allowed.join(", ")} may read it; other roles get 403`, async () => {
      for (const role of ROLES) {
        const out = await get(file, member(role));
        if (!loader.allowed.includes(role)) {
          expect(out.status, role).toBe(403);
          expect(leaksOrgA(out.body), role).toEqual([]);
          continue;
        }
        expect(out.status, role).toBe(200);
        if (loader.ok === "download") {
          expect(out.location, role).toBeNull();
          expect(out.contentDisposition, role).toMatch(/^attachment;/);
        }
        if (loader.ok === "preview") {
          expect(out.location, role).toBeNull();
          expect(out.contentDisposition, role).toMatch(/^inline;/);
          expect(out.csp, role).toMatch(/^sandbox;/);
        }
      }
    });

    it(
      loader.foreign === 404
        ? "loader: another tenant's admin gets 404 for org A's ids, with none of its data"
        : "loader: another tenant's admin sees only its own data",
      async () => {
        const out = await get(file, foreignAdmin());
        expect(out.status).toBe(loader.foreign === 404 ? 404 : 200);
        expect(leaksOrgA(out.body)).toEqual([]);
        if (loader.foreign === "own-data" && !loader.showsNoTenantData) {
          // Positive control: the same page does show org A's data to org A, so the check above bites.
          const own = await get(file, member(loader.allowed[0]));
          expect(leaksOrgA(own.body).length).toBeGreaterThan(0);
        }
      },
    );
  }

  if (spec.devOnly) {
    describe("with DEV_MAILBOX off", () => {
      beforeAll(() => {
        process.env.DEV_MAILBOX = "false";
        resetEnv();
      });
      afterAll(() => {
        delete process.env.DEV_MAILBOX;
        resetEnv();
      });
      it("answers 404 to everyone, as if it did not exist", async () => {
        for (const visitor of [null, fx.portal, member("admin"), foreignAdmin()]) {
          expect((await get(file, visitor)).status).toBe(404);
        }
      });
    });
  }
  for (const c of spec.actions ?? []) {
    describe(`action "${c.intent}"`, () => {
      it("anonymous visitors and supplier contacts are sent to log in; nothing changes", async () => {
        for (const visitor of [null, fx.portal]) {
          const out = await post(file, visitor, c.write(fx));
          expect(out.status).toBe(302);
          expect(out.location).toBe(loginRedirect(file));
        }
      });

      const denied = ROLES.filter((r) => !c.allowed.includes(r));
      if (denied.length > 0) {
        it(`${denied.join(", ")} get 403 for a valid write; nothing changes`, async () => {
          for (const role of denied) {
            const out = await post(file, member(role), c.write(fx));
            expect(out.status, role).toBe(403);
          }
        });
      }

      if (c.probe) {
        const probe = c.probe;
        it(`${c.allowed.join(", ")} pass the permission check (refused form → ${probe.status}); nothing changes`, async () => {
          for (const role of c.allowed) {
            const out = await post(file, member(role), probe.form(fx));
            expect(out.status, role).toBe(probe.status);
          }
        });
      }

      if (c.foreign !== null) {
        it(`another tenant's admin posting org A's ids gets ${c.foreign}, with none of its data; nothing changes`, async () => {
          const out = await post(file, foreignAdmin(), c.write(fx));
          expect(out.status).toBe(c.foreign);
          expect(out.body.toLowerCase()).not.toContain(MARK);
        });
      }
    });
  }
});

// -------------------------------------------------------------------------------------------------------
// Public pages
// -------------------------------------------------------------------------------------------------------

describe.each(specsOf("public"))("%s (public)", (file, spec) => {
  const overrides = () => spec.params?.(fx) ?? {};

  if (spec.loader) {
    const loader = spec.loader;
    it(`loader: ${spec.why}`, async () => {
      expectOutcome(await get(file, null, overrides()), loader.anonymous, "anonymous");
      expectOutcome(await get(file, fx.portal, overrides()), loader.supplier, "supplier contact");
      for (const role of ROLES) {
        expectOutcome(await get(file, member(role), overrides()), loader.member, role);
      }
      expectOutcome(await get(file, foreignAdmin(), overrides()), loader.member, "org B admin");
    });
  }

  if (spec.action) {
    const action = spec.action;
    it(`action: ${action.mutates ? "the intended change only" : "refused or harmless"}`, async () => {
      const opts = { overrides: overrides(), mayChange: action.mutates };
      const anon = await post(file, null, action.form(fx), opts);
      expectOutcome(anon, action.anonymous, "anonymous");
      expectOutcome(await post(file, fx.portal, action.form(fx), opts), action.supplier, "supplier contact");
      if (action.member) {
        for (const m of [...ROLES.map(member), foreignAdmin()]) {
          const out = await post(file, m, action.form(fx), opts);
          expectOutcome(out, action.member, m.email);
          // No public POST hands a signed-in member a new or different buyer session.
          expect(out.setCookie ?? "").not.toContain("cs_session=");
        }
      }
      expect(anon.setCookie ?? "").not.toMatch(/cs_session=[^;]/);
    });
  }
});

describe("public statement pages", () => {
  const files = [
    "transparency.$org.$year",
    "transparency.$org.$year_.facts[.]json",
    "transparency.$org.$year_.pdf.$regime",
  ];

  it("expose nothing of the tenant but the published statement (no other ids, no drafts, no comments)", async () => {
    for (const file of files.slice(0, 2)) {
      const out = await get(file, null, { org: fx.publicSlug, year: "2024", regime: "uk_msa_s54" });
      expect(out.status).toBe(200);
      const others = fx.ids.filter((id) => id !== fx.a.id);
      expect(
        others.filter((id) => out.body.includes(id)),
        file,
      ).toEqual([]);
      expect(out.body).not.toContain("Zq9Alpha group structure");
    }
  });

  it("answer 404 for an unpublished year, a regime with nothing published and an unknown organisation", async () => {
    for (const file of files) {
      for (const params of [
        { org: fx.publicSlug, year: "2025", regime: "uk_msa_s54" },
        { org: fx.b.id, year: "2024", regime: "uk_msa_s54" },
        { org: "nope", year: "2024", regime: "uk_msa_s54" },
      ]) {
        expect((await get(file, null, params)).status, `${file} ${JSON.stringify(params)}`).toBe(404);
      }
    }
    const pdf = await get(files[2], null, { org: fx.publicSlug, year: "2024", regime: "au_msa_s16" });
    expect(pdf.status).toBe(404);
  });

  it("answer 301 from the organisation-id address to the slug address", async () => {
    for (const file of files) {
      const out = await get(file, null, { org: fx.a.id, year: "2024", regime: "uk_msa_s54" });
      expect(out.status, file).toBe(301);
    }
  });
});

// -------------------------------------------------------------------------------------------------------
// Supplier portal
// -------------------------------------------------------------------------------------------------------

describe("supplier-actions (the corrective-action link)", () => {
  it("a confirmed link opens its own supplier's actions and no other supplier's", async () => {
    const own = await get("supplier-actions._index", fx.actionPortal);
    expect(own.status).toBe(200);
    expect(own.body).toContain("Zq9Alpha passports retained");
    expect(own.body).not.toContain("Zq9Alpha second supplier finding");
    const other = await post("supplier-actions._index", fx.actionPortal, {
      intent: "respond",
      actionId: fx.otherSupplierTaskId,
      response: "agreed",
    });
    expect(other.status).toBe(404);
    const foreignTenant = await get("supplier-actions._index", fx.b.members.admin);
    expect(foreignTenant.status).toBe(404);
  });

  it("an unconfirmed browser reaches only the code page", async () => {
    const out = await invoke(ROUTES["a.$token"].action!, buildRequest(null, `/a/${fx.actionToken}`, {}), {
      token: fx.actionToken,
    });
    const unconfirmed = { cookie: out.setCookie!.split(";")[0] };
    const page = await get("supplier-actions._index", unconfirmed);
    expect(page.status).toBe(302);
    expect(page.location).toBe("/supplier-actions/verify");
    expect((await get("supplier-actions.verify", unconfirmed)).status).toBe(200);
    const write = await post("supplier-actions._index", unconfirmed, {
      intent: "respond",
      actionId: fx.taskId,
      response: "agreed",
    });
    expect(write.status).toBe(302);
  });
});

describe("portal.$assignmentId", () => {
  const file = "portal.$assignmentId";

  it("loader: without the portal cookie everyone gets 404, buyers of either tenant included", async () => {
    for (const visitor of [null, ...ROLES.map(member), foreignAdmin()]) {
      const out = await get(file, visitor);
      expect(out.status).toBe(404);
      expect(leaksOrgA(out.body)).toEqual([]);
    }
  });

  it("loader: the portal cookie opens its own assignment and no other of the same tenant", async () => {
    const own = await get(file, fx.portal);
    expect(own.status).toBe(200);
    expect(own.body.toLowerCase()).toContain(MARK);
    const other = await get(file, fx.portal, { assignmentId: fx.otherAssignmentId });
    expect(other.status).toBe(404);
    expect(leaksOrgA(other.body)).toEqual([]);
  });

  it("action: refused with 404 without the cookie or for another assignment; nothing changes", async () => {
    for (const visitor of [null, member("admin"), member("procurement"), foreignAdmin()]) {
      expect((await post(file, visitor, { intent: "submit" })).status).toBe(404);
    }
    const other = await post(file, fx.portal, {}, { overrides: { assignmentId: fx.otherAssignmentId } });
    expect(other.status).toBe(404);
  });

  it("action: the portal cookie may save a draft of its own assignment", async () => {
    const out = await post(file, fx.portal, {}, { mayChange: true });
    expect(out.status).toBe(200);
  });
});

describe("portal: the emailed code and the PDF copy", () => {
  // A second browser that redeemed the same link but never confirmed the code (a forwarded link).
  let unverified: { cookie: string };
  beforeAll(async () => {
    const out = await invoke(ROUTES["s.$token"].action!, buildRequest(null, `/s/${fx.supplierToken}`, {}), {
      token: fx.supplierToken,
    });
    expect(out.location).toBe(`/portal/${fx.assignmentId}/verify`);
    unverified = { cookie: out.setCookie!.split(";")[0] };
  });

  it("without the portal cookie every portal page is 404, buyers of either tenant included", async () => {
    for (const file of ["portal.$assignmentId_.verify", "portal.$assignmentId_.pdf"]) {
      for (const visitor of [null, ...ROLES.map(member), foreignAdmin()]) {
        const out = await get(file, visitor);
        expect(out.status, file).toBe(404);
        expect(leaksOrgA(out.body)).toEqual([]);
      }
      const other = await get(file, fx.portal, { assignmentId: fx.otherAssignmentId });
      expect(other.status, file).toBe(404);
    }
    for (const visitor of [null, member("admin"), foreignAdmin()]) {
      expect((await post("portal.$assignmentId_.verify", visitor, { code: "123456" })).status).toBe(404);
    }
  });

  it("an unconfirmed session opens only the code page: the answers, the PDF and every write redirect to it", async () => {
    const code = await get("portal.$assignmentId_.verify", unverified);
    expect(code.status).toBe(200);
    expect(code.body).not.toContain("Zq9Alpha Recipient");
    for (const file of ["portal.$assignmentId", "portal.$assignmentId_.pdf"]) {
      const out = await get(file, unverified);
      expect(out.status, file).toBe(302);
      expect(out.location, file).toBe(`/portal/${fx.assignmentId}/verify`);
      expect(leaksOrgA(out.body)).toEqual([]);
    }
    for (const form of [
      { intent: "submit" },
      { intent: "autosave", questionId: "P1", value: "1" },
    ] as Form[]) {
      const out = await post("portal.$assignmentId", unverified, form);
      expect(out.status).toBe(302);
      expect(out.location).toBe(`/portal/${fx.assignmentId}/verify`);
    }
  });

  it("a confirmed session is sent on from the code page and may download its PDF copy", async () => {
    const code = await get("portal.$assignmentId_.verify", fx.portal);
    expect(code.status).toBe(302);
    expect(code.location).toBe(`/portal/${fx.assignmentId}`);
    const pdf = await get("portal.$assignmentId_.pdf", fx.portal);
    expect(pdf.status).toBe(200);
    expect(pdf.body.startsWith("%PDF-")).toBe(true);
  });
});

// -------------------------------------------------------------------------------------------------------
// The root loader runs on every page: it must describe the session's own member only.
// -------------------------------------------------------------------------------------------------------

describe("root loader", () => {
  it("shows no member to anonymous visitors and supplier contacts, and each member only their own tenant", async () => {
    const call = async (visitor: Visitor) => {
      const before = snapshot(fx.a.id);
      const out = await invoke(rootLoader as never, buildRequest(visitor, "/"), {});
      expect(snapshot(fx.a.id)).toEqual(before);
      return JSON.parse(out.body) as { member: { organization: string } | null; nav: { to: string }[] };
    };
    for (const visitor of [null, fx.portal]) {
      const data = await call(visitor);
      expect(data.member).toBeNull();
      expect(data.nav).toEqual([]);
    }
    const b = await call(foreignAdmin());
    expect(b.member?.organization).toBe("Beta Foods");
    expect(JSON.stringify(b).toLowerCase()).not.toContain(MARK);
    const auditor = await call(member("auditor"));
    expect(auditor.nav.map((n) => n.to)).not.toContain("/settings/members");
  });
});
