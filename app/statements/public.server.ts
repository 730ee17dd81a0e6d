import { and, desc, eq, gte, lte } from "drizzle-orm";
import { db } from "~/infra/db.server";
import { NotFoundError } from "~/infra/errors";
import type { StoredFile } from "~/infra/storage.server";
import { statementDocuments, statements } from "~db/schema";
import { REGIMES, type Regime } from "~db/schema/statements.constants";
import type { StatementFacts } from "./facts";
import { statementFileName } from "./file-names";
import { financialYearLabel } from "./period";
import { publicSlugOf, resolvePublicOrganisation, transparencyPath } from "./public-address.server";
import { REGIME_NAMES } from "./regimes";
import { approvalParagraph } from "./render-pdf.server";
import { organisationName, statementForPdf, type StatementRow } from "./store.server";

/**
 * The public side of statements: what an anonymous visitor may see at the stable address
 * /transparency/<slug>/<year> (the homepage link s.54(7) asks for). Only published versions are read,
 * only their own frozen text and facts; anything else, including an unknown organisation or an
 * unpublished year, is a 404. An earlier slug, or the organisation id used before slugs, answers with
 * the current address to redirect to (see public-address.server.ts). There is no ctx: the organisation
 * comes from the URL, and only published rows of that organisation can ever be returned.
 */

/** The address has moved: answer 301 with this path. */
export type Moved = { movedTo: string };

const YEAR = /^\d{4}$/;

function publishedFor(organizationId: string, year: string): StatementRow[] {
  if (!YEAR.test(year)) throw new NotFoundError("No published statement");
  const rows = db()
    .select()
    .from(statements)
    .where(
      and(
        eq(statements.organizationId, organizationId),
        eq(statements.status, "published"),
        gte(statements.periodEnd, `${year}-01-01`),
        lte(statements.periodEnd, `${year}-12-31`),
      ),
    )
    .orderBy(desc(statements.periodEnd), desc(statements.version))
    .all();
  // The latest published version of each regime and period (a revision supersedes the version it revises).
  const latest = new Map<string, StatementRow>();
  for (const r of rows) {
    const key = `${r.regime}|${r.periodStart}|${r.periodEnd}`;
    if (!latest.has(key)) latest.set(key, r);
  }
  const order = (r: Regime) => REGIMES.indexOf(r);
  const out = [...latest.values()].sort(
    (a, b) => order(a.regime) - order(b.regime) || b.periodEnd.localeCompare(a.periodEnd),
  );
  if (out.length === 0) throw new NotFoundError("No published statement");
  return out;
}

export type PublicStatement = ReturnType<typeof publicView>;

function publicView(row: StatementRow, legalName: string, year: string, base: string) {
  const s = statementForPdf(row, legalName);
  const facts = row.approvedFacts as StatementFacts;
  return {
    regime: row.regime,
    regimeName: REGIME_NAMES[row.regime],
    title: s.template.title,
    financialYear: financialYearLabel(row.periodStart, row.periodEnd),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    version: row.version,
    revisionNote: row.revisionNote,
    approval: approvalParagraph(s),
    signatory: { name: row.directorName, title: row.directorTitle, signedOn: row.signedOn },
    sections: s.template.criteria.map((c) => ({
      key: c.key,
      heading: c.heading,
      text: s.narrative[c.key] ?? "",
    })),
    pdfUrl: `${base}/pdf/${row.regime}`,
    facts: {
      period: facts.period,
      asOf: facts.asOf,
      indicators: facts.indicators.map((i) => ({
        key: i.key,
        label: i.label,
        value: i.value,
        unit: i.unit,
        noData: i.noData,
      })),
      supplyChain: {
        byTier: facts.supplyChain.byTier,
        byCountry: facts.supplyChain.byCountry.map((c) => ({ country: c.country, count: c.count })),
      },
      riskAtEnd: facts.riskAtEnd,
      findingsByGrade: facts.findings.byGrade,
      redFlagsByIndicator: facts.redFlags.byIndicator,
      // Absent (null) from facts frozen before grievances and training fed statements. Warning signs
      // named fewer than 3 times carry count null, as the PDF prints "fewer than 3".
      grievanceWarningSigns: facts.grievances?.byIndicator ?? null,
      training: facts.training
        ? {
            courses: facts.training.courses,
            staffHeadcountYear: facts.training.headcountYear,
            staffInScope: facts.training.staffInScope,
            staffCourses: facts.training.staffCourseTitles,
            supplierCourses: facts.training.supplierCourseTitles,
            suppliersOnRecord: facts.training.suppliersOnRecord,
          }
        : null,
    },
  };
}

/** The published statements of an organisation for a year (by its id). */
export function publicStatements(organizationId: string, year: string) {
  const rows = publishedFor(organizationId, year);
  const legalName = organisationName(db(), organizationId);
  const base = transparencyPath(publicSlugOf(organizationId) ?? organizationId, year);
  return {
    organisation: legalName,
    year,
    statements: rows.map((r) => publicView(r, legalName, year, base)),
  };
}

/**
 * What /transparency/<slug or id>/<year>[suffix] answers: the page's data, or where the address has
 * moved to (the same suffix under the current slug).
 */
export function publicStatementsAt(param: string, year: string, suffix = ""): Moved | PublicPage {
  if (!YEAR.test(year)) throw new NotFoundError("No published statement");
  const found = resolvePublicOrganisation(param);
  if (found.redirectTo) return { movedTo: `${transparencyPath(found.redirectTo, year)}${suffix}` };
  return publicStatements(found.organizationId, year);
}

export type PublicPage = ReturnType<typeof publicStatements>;

/** The published PDF of a regime's statement for the year (the latest period ending in it). */
export function publicStatementPdfAt(param: string, year: string, regime: string): StoredFile | Moved {
  if (!YEAR.test(year)) throw new NotFoundError("No published statement");
  const found = resolvePublicOrganisation(param);
  if (found.redirectTo) return { movedTo: `${transparencyPath(found.redirectTo, year)}/pdf/${regime}` };
  return publicStatementPdf(found.organizationId, year, regime);
}

/** The published PDF of a regime's statement for the year, by organisation id. */
export function publicStatementPdf(organizationId: string, year: string, regime: string): StoredFile {
  const row = publishedFor(organizationId, year).find((r) => r.regime === regime);
  if (!row?.publishedDocumentId) throw new NotFoundError("No published statement");
  const doc = db()
    .select({ key: statementDocuments.storageKey })
    .from(statementDocuments)
    .where(
      and(
        eq(statementDocuments.id, row.publishedDocumentId),
        eq(statementDocuments.organizationId, organizationId),
      ),
    )
    .get();
  if (!doc) throw new NotFoundError("No published statement");
  return {
    key: doc.key,
    fileName: statementFileName(row.regime, row.periodStart, row.periodEnd, false, row.version),
    contentType: "application/pdf",
  };
}
