import { and, asc, eq } from "drizzle-orm";
import { isSupportedLanguage } from "~/i18n/languages";
import { db } from "~/infra/db.server";
import { type PortalAccess, supplierCtx } from "~/questionnaires/portal-access.server";
import { submitPortalQuiz } from "~/training/portal-course.server";
import { importCompletions } from "~/training/training-import.server";
import { createCourse, recordCompletion, setStaffHeadcount } from "~/training/training.server";
import { assignments, suppliers } from "~db/schema";
import { DAY_MS, type DemoContext, type DemoStep } from "../context.server";

const STAFF = [
  ["Hannah Clarke", "hannah.clarke"],
  ["Omar Haddad", "omar.haddad"],
  ["Mei Tanaka", "mei.tanaka"],
  ["Lucas Moreau", "lucas.moreau"],
  ["Sofia Rossi", "sofia.rossi"],
  ["Daniel Okafor", "daniel.okafor"],
  ["Ingrid Larsen", "ingrid.larsen"],
  ["Ravi Menon", "ravi.menon"],
  ["Emma Novak", "emma.novak"],
  ["Tomás García", "tomas.garcia"],
  ["Chloe Bennett", "chloe.bennett"],
  ["Yusuf Demir", "yusuf.demir"],
  ["Grace Mwangi", "grace.mwangi"],
  ["Pieter de Vries", "pieter.devries"],
] as const;

/**
 * Training records (all people fictional): two staff courses and a supplier course, last year's staff
 * completions imported from an LMS export (with the headcount in scope, so the rate is known), a few
 * recorded by hand this year, supplier staff trained on the code of conduct, and staff of three
 * suppliers who passed the built-in portal course through their questionnaire link. Runs before the
 * statements, so last year's statement reports them.
 */
export const trainingStep: DemoStep = {
  name: "training",
  run(demo) {
    const year = demo.anchor.getUTCFullYear();
    const daysAgo = (day: string) =>
      Math.max(0, Math.round((demo.anchor.getTime() - Date.parse(`${day}T12:00:00Z`)) / DAY_MS));
    const as = (day: string) => demo.as("admin", daysAgo(day));
    const start = `${year - 1}-01-10`;
    const awareness = createCourse(as(start), {
      title: "Modern slavery awareness",
      audience: "staff",
      language: "en",
      durationMinutes: 45,
    });
    createCourse(as(start), {
      title: "Responsible purchasing and recruitment fees",
      audience: "staff",
      language: "en",
      durationMinutes: 60,
    });
    const conduct = createCourse(as(start), {
      title: "Supplier code of conduct: workers' rights",
      audience: "supplier",
      language: "bn",
      durationMinutes: 30,
    });
    setStaffHeadcount(as(`${year - 1}-01-15`), { year: year - 1, staffInScope: 18 });
    setStaffHeadcount(as(`${year}-01-15`), { year, staffInScope: 20 });

    // Last year's LMS export: twelve of the eighteen staff in scope took the awareness course, four the
    // purchasing course as well.
    const lines = ["course,name,email,completed_on,score"];
    STAFF.slice(0, 12).forEach(([name, mail], i) =>
      lines.push(
        `Modern slavery awareness,${name},${mail}@northwind.test,${year - 1}-0${(i % 9) + 1}-1${i % 9},${80 + (i % 5) * 4}`,
      ),
    );
    STAFF.slice(0, 4).forEach(([name, mail], i) =>
      lines.push(
        `Responsible purchasing and recruitment fees,${name},${mail}@northwind.test,${year - 1}-10-0${i + 1},`,
      ),
    );
    importCompletions(as(`${year}-01-05`), { name: "lms-export.csv", text: lines.join("\n") });

    // This year, by hand, as people finish.
    for (const [i, [name, mail]] of STAFF.slice(10).entries()) {
      const day = demo.day(40 - i * 9);
      if (day.startsWith(`${year}-`)) {
        recordCompletion(demo.as("admin", 40 - i * 9), awareness.id, {
          learnerName: name,
          learnerEmail: `${mail}@northwind.test`,
          completedOn: day,
        });
      }
    }

    const dhaka = db()
      .select({ name: suppliers.name })
      .from(suppliers)
      .where(eq(suppliers.id, demo.suppliers.dhaka))
      .get()!.name;
    for (const [i, name] of ["Shirin Akter", "Nasima Begum", "Abdul Karim", "Rupa Das"].entries()) {
      recordCompletion(as(`${year - 1}-0${i + 3}-20`), conduct.id, {
        learnerName: name,
        supplier: dhaka,
        completedOn: `${year - 1}-0${i + 3}-20`,
      });
    }
    portalPasses(demo);
  },
};

/** Staff of three suppliers pass the built-in course through their questionnaire link. */
function portalPasses(demo: DemoContext) {
  const learners: Record<string, string[]> = {
    dhaka: ["Farhana Islam", "Mohammad Hossain"],
    saigon: ["Nguyễn Thị Lan"],
    izmir: ["Ayşe Yılmaz", "Mehmet Kaya"],
  };
  const right = { q1: "b", q2: "a", q3: "c", q4: "b", q5: "b" };
  let n = 0;
  for (const [key, names] of Object.entries(learners)) {
    const supplierId = demo.suppliers[key];
    if (!supplierId) continue;
    const a = db()
      .select({
        id: assignments.id,
        language: assignments.language,
        recipientName: assignments.recipientName,
      })
      .from(assignments)
      .where(and(eq(assignments.organizationId, demo.organizationId), eq(assignments.supplierId, supplierId)))
      .orderBy(asc(assignments.sentAt))
      .get();
    if (!a) continue;
    for (const learnerName of names) {
      const daysAgo = 25 - 4 * n++;
      const lang = isSupportedLanguage(a.language) ? a.language : "en";
      const access: PortalAccess = {
        assignmentId: a.id,
        language: lang,
        sessionId: "demo-seed",
        ctx: supplierCtx(
          demo.organizationId,
          a.id,
          `${a.recipientName} (supplier contact)`,
          () => new Date(demo.anchor.getTime() - daysAgo * DAY_MS),
        ),
      };
      submitPortalQuiz(access, lang, { learnerName, ...right, q3: n % 2 ? "c" : "a" });
    }
  }
}
