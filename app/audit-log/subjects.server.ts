import { and, eq, inArray, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/infra/db.server";
import { can, type Permission } from "~/orgs/permissions";
import { REGIME_SHORT } from "~/statements/regimes";
import {
  assignments,
  audits,
  campaigns,
  evidenceFiles,
  findings,
  governingBodyMembers,
  grievanceCases,
  importJobs,
  invitations,
  memberships,
  organizations,
  questionnaireTemplates,
  remediationTasks,
  sites,
  statements,
  suppliers,
  templateVersions,
  users,
  webhookEndpoints,
  workerRemedies,
} from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import type { Named } from "./sentences";

/**
 * Names for the records audit rows are about. Each entity type has one batched lookup (every query
 * filtered by the organisation, so an id of another tenant resolves to nothing), a noun for the
 * sentence, and the page it links to with the permission that page asks for: a reader without it gets
 * the name without a link. A record deleted since is named from the row's own details when they carry a
 * name, and otherwise said to be no longer on record.
 *
 * Grievance cases (D28) are named only for the grievance roles; everyone else reads "a grievance case"
 * with no number, no link and none of the row's details (see `redactedFor`).
 */

export type SubjectRef = { type: string; id: string };
type Found = { name: string; context?: string | null; href?: string | null };
type Resolver = {
  noun: string;
  /** Quote the name (titles, file names) rather than print it as a proper name. */
  quoted?: boolean;
  permission?: Permission;
  lookup: (tx: DbOrTx, org: string, ids: string[]) => Map<string, Found>;
  /** Details keys that may name the record once it is gone. */
  fallbackKeys?: string[];
  /** Search: ids of the organisation's records of this type whose name contains the text. */
  search?: (tx: DbOrTx, org: string, pattern: string, supplierIds: string[]) => string[];
};

const at = (supplier: string | null | undefined) => (supplier ? `at ${supplier}` : null);
const MATCH_LIMIT = 2000;

/** LIKE with backslash escapes (the pattern escapes % _ and \\ in the searched text). */
const like = (col: AnyColumn, pattern: string): SQL => sql`${col} like ${pattern} escape '\\'`;

function likeOr(col: AnyColumn, pattern: string, supplierCol?: SQL, supplierIds?: string[]) {
  const conds = [like(col, pattern)];
  if (supplierCol && supplierIds?.length) conds.push(supplierCol);
  return or(...conds)!;
}

export const RESOLVERS: Record<string, Resolver> = {
  supplier: {
    noun: "supplier",
    permission: "suppliers:read",
    fallbackKeys: ["name"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: suppliers.id, name: suppliers.name })
          .from(suppliers)
          .where(and(eq(suppliers.organizationId, org), inArray(suppliers.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, href: `/suppliers/${r.id}` }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: suppliers.id })
        .from(suppliers)
        .where(and(eq(suppliers.organizationId, org), like(suppliers.name, pattern)))
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  site: {
    noun: "site",
    permission: "suppliers:read",
    fallbackKeys: ["name"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: sites.id, name: sites.name, supplierId: sites.supplierId, supplier: suppliers.name })
          .from(sites)
          .innerJoin(suppliers, eq(suppliers.id, sites.supplierId))
          .where(and(eq(sites.organizationId, org), inArray(sites.id, ids)))
          .all()
          .map((r) => [
            r.id,
            { name: r.name, context: at(r.supplier), href: `/suppliers/${r.supplierId}/sites` },
          ]),
      ),
    search: (tx, org, pattern, sup) =>
      tx
        .select({ id: sites.id })
        .from(sites)
        .where(
          and(
            eq(sites.organizationId, org),
            likeOr(sites.name, pattern, inArray(sites.supplierId, sup), sup),
          ),
        )
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  remediation_task: {
    noun: "corrective action",
    quoted: true,
    permission: "remediation:read",
    fallbackKeys: ["title"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: remediationTasks.id, name: remediationTasks.title, supplier: suppliers.name })
          .from(remediationTasks)
          .innerJoin(suppliers, eq(suppliers.id, remediationTasks.supplierId))
          .where(and(eq(remediationTasks.organizationId, org), inArray(remediationTasks.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: at(r.supplier), href: `/remediation/${r.id}` }]),
      ),
    search: (tx, org, pattern, sup) =>
      tx
        .select({ id: remediationTasks.id })
        .from(remediationTasks)
        .where(
          and(
            eq(remediationTasks.organizationId, org),
            likeOr(remediationTasks.title, pattern, inArray(remediationTasks.supplierId, sup), sup),
          ),
        )
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  worker_remedy: {
    noun: "remedy on corrective action",
    quoted: true,
    permission: "remediation:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({
            id: workerRemedies.id,
            actionId: workerRemedies.actionId,
            name: remediationTasks.title,
            supplier: suppliers.name,
          })
          .from(workerRemedies)
          .innerJoin(remediationTasks, eq(remediationTasks.id, workerRemedies.actionId))
          .innerJoin(suppliers, eq(suppliers.id, workerRemedies.supplierId))
          .where(and(eq(workerRemedies.organizationId, org), inArray(workerRemedies.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: at(r.supplier), href: `/remediation/${r.actionId}` }]),
      ),
  },
  audit: {
    noun: "audit",
    permission: "audits:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: audits.id, scheme: audits.scheme, date: audits.auditDate, supplier: suppliers.name })
          .from(audits)
          .innerJoin(suppliers, eq(suppliers.id, audits.supplierId))
          .where(and(eq(audits.organizationId, org), inArray(audits.id, ids)))
          .all()
          .map((r) => [
            r.id,
            { name: `${r.scheme} of ${r.date}`, context: at(r.supplier), href: `/audits/${r.id}` },
          ]),
      ),
    search: (tx, org, pattern, sup) =>
      sup.length
        ? tx
            .select({ id: audits.id })
            .from(audits)
            .where(and(eq(audits.organizationId, org), inArray(audits.supplierId, sup)))
            .limit(MATCH_LIMIT)
            .all()
            .map((r) => r.id)
        : [],
  },
  finding: {
    noun: "finding",
    quoted: true,
    permission: "audits:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({
            id: findings.id,
            name: findings.title,
            auditId: findings.auditId,
            supplier: suppliers.name,
          })
          .from(findings)
          .innerJoin(suppliers, eq(suppliers.id, findings.supplierId))
          .where(and(eq(findings.organizationId, org), inArray(findings.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: at(r.supplier), href: `/audits/${r.auditId}` }]),
      ),
    search: (tx, org, pattern, sup) =>
      tx
        .select({ id: findings.id })
        .from(findings)
        .where(
          and(
            eq(findings.organizationId, org),
            likeOr(findings.title, pattern, inArray(findings.supplierId, sup), sup),
          ),
        )
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  evidence: {
    noun: "evidence file",
    quoted: true,
    fallbackKeys: ["fileName"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: evidenceFiles.id, name: evidenceFiles.fileName, supplier: suppliers.name })
          .from(evidenceFiles)
          .leftJoin(suppliers, eq(suppliers.id, evidenceFiles.supplierId))
          .where(and(eq(evidenceFiles.organizationId, org), inArray(evidenceFiles.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: at(r.supplier) }]),
      ),
    search: (tx, org, pattern, sup) =>
      tx
        .select({ id: evidenceFiles.id })
        .from(evidenceFiles)
        .where(
          and(
            eq(evidenceFiles.organizationId, org),
            likeOr(evidenceFiles.fileName, pattern, inArray(evidenceFiles.supplierId, sup), sup),
          ),
        )
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  campaign: {
    noun: "campaign",
    quoted: true,
    permission: "questionnaires:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: campaigns.id, name: campaigns.name })
          .from(campaigns)
          .where(and(eq(campaigns.organizationId, org), inArray(campaigns.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, href: `/campaigns/${r.id}` }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: campaigns.id })
        .from(campaigns)
        .where(and(eq(campaigns.organizationId, org), like(campaigns.name, pattern)))
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  questionnaire_assignment: {
    noun: "questionnaire",
    permission: "questionnaires:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: assignments.id, supplier: suppliers.name })
          .from(assignments)
          .innerJoin(suppliers, eq(suppliers.id, assignments.supplierId))
          .where(and(eq(assignments.organizationId, org), inArray(assignments.id, ids)))
          .all()
          .map((r) => [r.id, { name: `to ${r.supplier}`, href: `/questionnaires/${r.id}` }]),
      ),
    search: (tx, org, pattern, sup) =>
      sup.length
        ? tx
            .select({ id: assignments.id })
            .from(assignments)
            .where(and(eq(assignments.organizationId, org), inArray(assignments.supplierId, sup)))
            .limit(MATCH_LIMIT)
            .all()
            .map((r) => r.id)
        : [],
  },
  questionnaire_template: {
    noun: "questionnaire template",
    quoted: true,
    fallbackKeys: ["name"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: questionnaireTemplates.id, name: questionnaireTemplates.name })
          .from(questionnaireTemplates)
          .where(and(eq(questionnaireTemplates.organizationId, org), inArray(questionnaireTemplates.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: questionnaireTemplates.id })
        .from(questionnaireTemplates)
        .where(
          and(eq(questionnaireTemplates.organizationId, org), like(questionnaireTemplates.name, pattern)),
        )
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  template_version: {
    noun: "questionnaire template",
    quoted: true,
    permission: "templates:manage",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({
            id: templateVersions.id,
            name: questionnaireTemplates.name,
            version: templateVersions.version,
          })
          .from(templateVersions)
          .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
          .where(and(eq(templateVersions.organizationId, org), inArray(templateVersions.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: `version ${r.version}`, href: `/templates/${r.id}` }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: templateVersions.id })
        .from(templateVersions)
        .innerJoin(questionnaireTemplates, eq(questionnaireTemplates.id, templateVersions.templateId))
        .where(and(eq(templateVersions.organizationId, org), like(questionnaireTemplates.name, pattern)))
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  statement: {
    noun: "statement",
    permission: "statements:read",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({
            id: statements.id,
            regime: statements.regime,
            start: statements.periodStart,
            end: statements.periodEnd,
            version: statements.version,
          })
          .from(statements)
          .where(and(eq(statements.organizationId, org), inArray(statements.id, ids)))
          .all()
          .map((r) => [
            r.id,
            {
              name: `${REGIME_SHORT[r.regime]} ${r.start} – ${r.end}${r.version > 1 ? ` (version ${r.version})` : ""}`,
              href: `/statements/${r.id}`,
            },
          ]),
      ),
  },
  governing_body_member: {
    noun: "governing-body member",
    fallbackKeys: ["name"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({
            id: governingBodyMembers.id,
            name: governingBodyMembers.name,
            title: governingBodyMembers.title,
          })
          .from(governingBodyMembers)
          .where(and(eq(governingBodyMembers.organizationId, org), inArray(governingBodyMembers.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, context: `(${r.title})` }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: governingBodyMembers.id })
        .from(governingBodyMembers)
        .where(and(eq(governingBodyMembers.organizationId, org), like(governingBodyMembers.name, pattern)))
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  membership: {
    noun: "member",
    permission: "members:manage",
    fallbackKeys: ["email"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: memberships.id, name: users.name })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(and(eq(memberships.organizationId, org), inArray(memberships.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, href: "/settings/members" }]),
      ),
  },
  invitation: {
    noun: "invitation of",
    fallbackKeys: ["email"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: invitations.id, email: invitations.email })
          .from(invitations)
          .where(and(eq(invitations.organizationId, org), inArray(invitations.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.email }]),
      ),
  },
  user: {
    noun: "",
    // Users are global; only those who are (or were, by this tenant's own rows) its members are named.
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: users.id, name: users.name })
          .from(users)
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organizationId, org)))
          .where(inArray(users.id, ids))
          .all()
          .map((r) => [r.id, { name: r.name }]),
      ),
  },
  webhook_endpoint: {
    noun: "webhook endpoint",
    permission: "webhooks:manage",
    fallbackKeys: ["url"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.organizationId, org), inArray(webhookEndpoints.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.url, href: `/settings/webhooks/${r.id}` }]),
      ),
  },
  organization: {
    noun: "organisation",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: organizations.id, name: organizations.name })
          .from(organizations)
          .where(and(eq(organizations.id, org), inArray(organizations.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name }]),
      ),
  },
  import: {
    noun: "import file",
    quoted: true,
    permission: "suppliers:write",
    fallbackKeys: ["fileName"],
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: importJobs.id, name: importJobs.fileName })
          .from(importJobs)
          .where(and(eq(importJobs.organizationId, org), inArray(importJobs.id, ids)))
          .all()
          .map((r) => [r.id, { name: r.name, href: `/imports/${r.id}` }]),
      ),
    search: (tx, org, pattern) =>
      tx
        .select({ id: importJobs.id })
        .from(importJobs)
        .where(and(eq(importJobs.organizationId, org), like(importJobs.fileName, pattern)))
        .limit(MATCH_LIMIT)
        .all()
        .map((r) => r.id),
  },
  grievance_case: {
    noun: "grievance case",
    permission: "grievances:handle",
    lookup: (tx, org, ids) =>
      new Map(
        tx
          .select({ id: grievanceCases.id, number: grievanceCases.number })
          .from(grievanceCases)
          .where(and(eq(grievanceCases.organizationId, org), inArray(grievanceCases.id, ids)))
          .all()
          .map((r) => [r.id, { name: `#${r.number}`, href: `/grievances/${r.id}` }]),
      ),
  },
};
RESOLVERS.organisation = RESOLVERS.organization;

/** Subject types a reader can filter by, with their labels. */
export const SUBJECT_TYPE_LABELS: Record<string, string> = {
  supplier: "Supplier",
  site: "Site",
  remediation_task: "Corrective action",
  worker_remedy: "Remedy to workers",
  audit: "Audit",
  finding: "Finding",
  evidence: "Evidence file",
  campaign: "Campaign",
  questionnaire_assignment: "Questionnaire",
  questionnaire_template: "Questionnaire template",
  template_version: "Template version",
  statement: "Statement",
  governing_body_member: "Governing-body member",
  membership: "Member",
  invitation: "Invitation",
  user: "Account",
  organization: "Organisation",
  import: "Import",
  grievance_case: "Grievance case",
  webhook_endpoint: "Webhook endpoint",
  sso_connection: "Single sign-on",
};

/** Rows whose content only the grievance roles may read (D28): the case, its number and every detail. */
export function redactedFor(role: Role, entityType: string): boolean {
  return entityType === "grievance_case" && !can(role, "grievances:handle");
}

/** The details keys that name another record by id, and the type of that record. */
export const REF_KEYS: Record<string, string> = {
  supplierId: "supplier",
  parentSupplierId: "supplier",
  buyerOwnerUserId: "user",
  ownerUserId: "user",
  actionId: "remediation_task",
  auditId: "audit",
  siteId: "site",
};

const key = (r: SubjectRef) => `${r.type}:${r.id}`;

/** Resolve every reference at once: one query per entity type present. */
export function resolveNames(tx: DbOrTx, organizationId: string, refs: SubjectRef[]): Map<string, Found> {
  const byType = new Map<string, Set<string>>();
  for (const r of refs) {
    if (!RESOLVERS[r.type]) continue;
    let ids = byType.get(r.type);
    if (!ids) byType.set(r.type, (ids = new Set()));
    ids.add(r.id);
  }
  const out = new Map<string, Found>();
  for (const [type, ids] of byType) {
    for (const [id, found] of RESOLVERS[type].lookup(tx, organizationId, [...ids]))
      out.set(`${type}:${id}`, found);
  }
  return out;
}

/** How one record is named for one reader: the noun, the name (quoted for titles), context, link. */
export function namedFor(
  role: Role,
  ref: SubjectRef,
  names: Map<string, Found>,
  details: Record<string, unknown> | null,
): Named {
  const resolver = RESOLVERS[ref.type];
  if (!resolver) return { text: `${ref.type.replace(/_/g, " ")} ${ref.id.slice(0, 8)}`, href: null };
  if (redactedFor(role, ref.type)) return { text: "a grievance case", href: null };
  const found = names.get(key(ref));
  const noun = resolver.noun ? `${resolver.noun} ` : "";
  if (!found) {
    const fallback = resolver.fallbackKeys
      ?.map((k) => details?.[k])
      .find((v): v is string => typeof v === "string" && v !== "");
    const name = fallback ? (resolver.quoted ? `‘${fallback}’` : fallback) : null;
    return {
      text: name
        ? `${noun}${name} (no longer on record)`
        : `a ${resolver.noun || "record"} no longer on record`,
      href: null,
    };
  }
  const name = resolver.quoted ? `‘${found.name}’` : found.name;
  const href = found.href && (!resolver.permission || can(role, resolver.permission)) ? found.href : null;
  return { text: `${noun}${name}${found.context ? ` ${found.context}` : ""}`, href };
}

/**
 * Search: the ids of records whose names contain the text, per entity type. Suppliers whose name
 * matches also bring the records that belong to them (sites, actions, audits, findings, files,
 * questionnaires), so "Shenzhen" finds the corrective action at Shenzhen Bright Electronics. Each type
 * contributes at most MATCH_LIMIT ids.
 */
export function matchingSubjects(tx: DbOrTx, organizationId: string, text: string): SubjectRef[] {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const supplierIds = RESOLVERS.supplier.search!(tx, organizationId, pattern, []);
  const out: SubjectRef[] = supplierIds.map((id) => ({ type: "supplier", id }));
  for (const [type, r] of Object.entries(RESOLVERS)) {
    if (type === "supplier" || type === "organisation" || !r.search) continue;
    for (const id of r.search(tx, organizationId, pattern, supplierIds)) out.push({ type, id });
  }
  return out;
}
