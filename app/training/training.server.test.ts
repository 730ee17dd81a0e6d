import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "~/infra/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/infra/errors";
import { openPortal, portalRequest } from "~/questionnaires/portal.testing";
import { sendQuestionnaire } from "~/questionnaires/send.server";
import PortalTraining, {
  action as portalAction,
  loader as portalLoader,
} from "~/routes/portal.$assignmentId_.training";
import { action as courseAction, loader as courseLoader } from "~/routes/training.$courseId";
import TrainingPage, { action as trainingAction, loader as trainingLoader } from "~/routes/training._index";
import { auditLog, emailOutbox, trainingCompletions, trainingCourses } from "~db/schema";
import { createOrg, insertSupplier, requestAs } from "../../test/factories";
import { renderPage, routeArgs, settle } from "../../test/render";
import { importCompletions } from "./training-import.server";
import {
  completionRates,
  createCourse,
  getCourse,
  listCourses,
  recordCompletion,
  setStaffHeadcount,
} from "./training.server";

const auditRows = (orgId: string, action: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, orgId), eq(auditLog.action, action)))
    .all();

const at = (day: string) => () => new Date(`${day}T12:00:00Z`);

describe("courses and completions", () => {
  it("adds a course, records completions by hand with an audit row each, and refuses bad input", async () => {
    const org = await createOrg();
    const ctx = { ...org.members.executive.ctx, now: at("2026-06-30") };
    const { id } = createCourse(ctx, {
      title: "Modern slavery awareness",
      audience: "staff",
      language: "en",
      durationMinutes: "45",
    });
    expect(auditRows(org.id, "training.course_created").map((r) => r.entityId)).toEqual([id]);
    expect(() =>
      createCourse(ctx, {
        title: "modern slavery AWARENESS",
        audience: "staff",
        language: "en",
        durationMinutes: 10,
      }),
    ).toThrow(ValidationError);
    expect(() =>
      createCourse(ctx, { title: " ", audience: "staff", language: "xx", durationMinutes: 0 }),
    ).toThrow(ValidationError);

    recordCompletion(ctx, id, {
      learnerName: "Ana Lima",
      learnerEmail: "Ana@Example.test",
      completedOn: "2026-03-01",
    });
    recordCompletion(ctx, id, { learnerName: "Ben Okoro", completedOn: "2026-03-02", scorePercent: "90" });
    expect(auditRows(org.id, "training.completion_recorded")).toHaveLength(2);
    // The same person, course and day: refused, not counted twice.
    expect(() =>
      recordCompletion(ctx, id, {
        learnerName: "ana lima",
        learnerEmail: "ana@example.test",
        completedOn: "2026-03-01",
      }),
    ).toThrow(/recorded already/);
    // A future date, and a supplier on a staff course, are field errors.
    try {
      recordCompletion(ctx, id, { learnerName: "Cy", completedOn: "2026-07-01", supplier: "Anything" });
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).fieldErrors).toMatchObject({
        completedOn: "The completion date is in the future.",
        supplier: "This is a staff course: leave the supplier empty.",
      });
    }
    const course = getCourse(ctx, id);
    expect(course.completions.map((c) => [c.learnerName, c.learnerEmail, c.source])).toEqual([
      ["Ben Okoro", null, "manual"],
      ["Ana Lima", "ana@example.test", "manual"],
    ]);
    expect(listCourses(ctx)).toMatchObject([{ id, completions: 2, audience: "staff" }]);
  });

  it("keeps tenants apart and gates writes by role", async () => {
    const a = await createOrg();
    const b = await createOrg();
    const { id } = createCourse(a.members.admin.ctx, {
      title: "Ethical recruitment",
      audience: "staff",
      language: "es",
      durationMinutes: 30,
    });
    expect(() => getCourse(b.members.admin.ctx, id)).toThrow(NotFoundError);
    expect(() =>
      recordCompletion(b.members.admin.ctx, id, { learnerName: "X", completedOn: "2026-01-01" }),
    ).toThrow(NotFoundError);
    expect(listCourses(b.members.admin.ctx)).toEqual([]);
    expect(() =>
      recordCompletion(a.members.auditor.ctx, id, { learnerName: "X", completedOn: "2026-01-01" }),
    ).toThrow(ForbiddenError);
    // Through the routes: the auditor reads (200) but may not write (403); another tenant's course is 404.
    const read = await trainingLoader(routeArgs(requestAs(a.members.auditor, "/training")));
    expect(read.courses).toHaveLength(1);
    expect(read.canWrite).toBe(false);
    const post = await settle(
      trainingAction(
        routeArgs(
          requestAs(a.members.auditor, "/training", {
            form: { intent: "course", title: "T", audience: "staff", language: "en", durationMinutes: "5" },
          }),
        ),
      ),
    );
    expect((post as Response).status).toBe(403);
    const foreign = await settle(
      courseLoader(routeArgs(requestAs(b.members.admin, `/training/${id}`), { courseId: id })),
    );
    expect((foreign as Response).status).toBe(404);
  });

  it("a bad course form re-renders with field errors (400), never a 500", async () => {
    const org = await createOrg();
    const out = await trainingAction(
      routeArgs(
        requestAs(org.members.procurement, "/training", {
          form: { intent: "course", title: "", audience: "pets", language: "en", durationMinutes: "x" },
        }),
      ),
    );
    const res = out as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(res.init.status).toBe(400);
    expect(Object.keys(res.data.fieldErrors).sort()).toEqual(["audience", "durationMinutes", "title"]);
    const { id } = createCourse(org.members.admin.ctx, {
      title: "Supplier onboarding",
      audience: "supplier",
      language: "en",
      durationMinutes: 15,
    });
    const rec = await courseAction(
      routeArgs(
        requestAs(org.members.procurement, `/training/${id}`, {
          form: { intent: "record", learnerName: "Li", completedOn: "2026-02-30" },
        }),
        {
          courseId: id,
        },
      ),
    );
    const r = rec as unknown as { init: { status: number }; data: { fieldErrors: Record<string, string> } };
    expect(r.init.status).toBe(400);
    expect(r.data.fieldErrors.completedOn).toBe("Completion date is not a valid date.");
  });
});

describe("CSV import of completions", () => {
  it("imports every row or none, naming each wrong row; a second upload adds nothing", async () => {
    const org = await createOrg();
    const ctx = { ...org.members.procurement.ctx, now: at("2026-06-30") };
    const s1 = insertSupplier(org.id, { name: "Dhaka Knit Ltd", externalRef: "V-100" });
    createCourse(ctx, { title: "Induction", audience: "staff", language: "en", durationMinutes: 60 });
    createCourse(ctx, {
      title: "Supplier code of conduct",
      audience: "supplier",
      language: "bn",
      durationMinutes: 30,
    });

    const bad = [
      "course,name,email,completed_on,supplier,score",
      "Induction,Ana Lima,ana@x.test,2026-01-10,,",
      "Inducton,Ben,ben@x.test,2026-01-10,,",
      "Induction,Cy,,10/01/2026,,",
      "Supplier code of conduct,Rahim,,2026-02-01,,",
      "Supplier code of conduct,Karim,,2026-02-01,Nowhere Ltd,101",
      "Induction,Dee,not-an-email,2026-01-11,,",
    ].join("\n");
    const refused = importCompletions(ctx, { name: "lms.csv", text: bad });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.formError).toBe("Nothing was imported: 5 of 6 rows need correcting.");
    expect(refused.rowErrors).toEqual([
      { row: 3, message: "no course is called “Inducton”" },
      { row: 4, message: "completed_on: Completion date must be a date (YYYY-MM-DD)." },
      { row: 5, message: "supplier: Name the supplier whose staff member this was." },
      { row: 6, message: "score: The score is a percentage (0–100)." },
      { row: 7, message: "email: This is not an e-mail address." },
    ]);
    expect(
      db().select().from(trainingCompletions).where(eq(trainingCompletions.organizationId, org.id)).all(),
    ).toEqual([]);

    const good = [
      "Course;Name;Email;Completed on;Supplier;Score",
      "induction;Ana Lima;ana@x.test;2026-01-10;;",
      "Supplier code of conduct;Rahim;;2026-02-01;V-100;80",
      "Supplier code of conduct;Karim;;2026-02-01;dhaka knit ltd;",
    ].join("\n");
    expect(importCompletions(ctx, { name: "lms.csv", text: `\uFEFF${good}` })).toEqual({
      ok: true,
      imported: 3,
      alreadyRecorded: 0,
    });
    expect(importCompletions(ctx, { name: "lms.csv", text: good })).toEqual({
      ok: true,
      imported: 0,
      alreadyRecorded: 3,
    });
    const rows = db()
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.organizationId, org.id))
      .all();
    expect(rows.map((r) => [r.learnerName, r.supplierId, r.source, r.scorePercent]).sort()).toEqual(
      [
        ["Ana Lima", null, "import", null],
        ["Karim", s1.id, "import", null],
        ["Rahim", s1.id, "import", 80],
      ].sort(),
    );
    expect(auditRows(org.id, "training.completions_imported").map((r) => JSON.parse(r.details!))).toEqual([
      { rows: 3, imported: 3, alreadyRecorded: 0 },
      { rows: 3, imported: 0, alreadyRecorded: 3 },
    ]);
    expect(importCompletions(ctx, { name: "x.csv", text: "name,completed_on\nA,2026-01-01" })).toMatchObject({
      ok: false,
      formError: expect.stringContaining("missing: course"),
    });
    expect(
      importCompletions(ctx, { name: "x.csv", text: 'course,name,completed_on\n"Induction,A' }),
    ).toMatchObject({
      ok: false,
      formError: expect.stringContaining("could not be read as CSV"),
    });
  });

  it("the page's import form shows the row errors (400) and the rates follow what was imported", async () => {
    const org = await createOrg();
    createCourse(org.members.admin.ctx, {
      title: "Induction",
      audience: "staff",
      language: "en",
      durationMinutes: 60,
    });
    const fd = new FormData();
    fd.append("intent", "import");
    fd.append(
      "file",
      new File(["course,name,completed_on\nInduction,Ana,2025-13-01\n"], "t.csv", { type: "text/csv" }),
    );
    const req = new Request("http://localhost:3000/training", {
      method: "POST",
      headers: { Cookie: org.members.admin.cookie },
      body: fd,
    });
    const out = (await trainingAction(routeArgs(req))) as unknown as {
      init: { status: number };
      data: { rowErrors: { row: number; message: string }[] };
    };
    expect(out.init.status).toBe(400);
    expect(out.data.rowErrors).toEqual([
      { row: 2, message: "completed_on: Completion date is not a valid date." },
    ]);

    importCompletions(org.members.admin.ctx, {
      name: "t.csv",
      text: "course,name,email,completed_on\nInduction,Ana,ana@x.test,2025-03-01\nInduction,Ana again,ana@x.test,2025-04-01\nInduction,Ben,,2025-05-01\n",
    });
    setStaffHeadcount(org.members.admin.ctx, { year: 2025, staffInScope: 4 });
    const rates = completionRates(org.members.admin.ctx);
    expect(rates.years[0]).toMatchObject({
      year: 2025,
      staff: { completions: 3, people: 2, inScope: 4, rate: 0.5 },
    });
    const data = await trainingLoader(routeArgs(requestAs(org.members.admin, "/training")));
    const html = await renderPage(TrainingPage, data, "/training", "/training");
    expect(html).toContain("2 / 4");
    expect(html).toContain("50 %");
  });
});

describe("the built-in course in the supplier portal", () => {
  async function portal() {
    const org = await createOrg();
    const supplier = insertSupplier(org.id, { name: "Fábrica Uno" });
    const sent = await sendQuestionnaire(org.members.procurement.ctx, {
      supplierId: supplier.id,
      recipientName: "Ana Pérez",
      recipientEmail: `ana.${Date.now()}@fabrica.test`,
      dueDate: "2099-01-31",
      language: "es",
    });
    const email = db().select().from(emailOutbox).where(eq(emailOutbox.id, sent.emailId)).get()!;
    const token = /\/s\/([A-Za-z0-9_-]+)/.exec(email.text)![1];
    const { cookie } = await openPortal(token);
    return { org, supplier, cookie, assignmentId: sent.assignmentId };
  }

  const post = (cookie: string | null, assignmentId: string, form: Record<string, string>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) body.append(k, v);
    const headers = new Headers();
    if (cookie) headers.set("Cookie", cookie);
    const request = new Request(`http://localhost:3000/portal/${assignmentId}/training`, {
      method: "POST",
      headers,
      body,
    });
    return settle(portalAction(routeArgs(request, { assignmentId })));
  };
  const right = { q1: "b", q2: "a", q3: "c", q4: "b", q5: "b" };

  it("teaches in the portal language, records a pass only, and reveals no answer key", async () => {
    const { org, supplier, cookie, assignmentId } = await portal();
    const page = await portalLoader(
      routeArgs(portalRequest(cookie, `/portal/${assignmentId}/training?step=2`), { assignmentId }),
    );
    expect(page.lang).toBe("es");
    const html = await renderPage(
      PortalTraining,
      page,
      `/portal/${assignmentId}/training?step=2`,
      "/portal/:assignmentId/training",
    );
    expect(html).toContain("Los once indicadores");
    expect(html).toContain("Servidumbre por deudas");
    expect(html).toContain("Página 2 de 3");
    // The loader's data carries the questions but never which choice is right.
    expect(JSON.stringify(page)).not.toMatch(/"(answers|correct)"/);

    const missing = await post(cookie, assignmentId, { lang: "es", learnerName: "", ...right });
    expect(missing).toMatchObject({ ok: false, formError: "Escriba su nombre." });
    const partial = await post(cookie, assignmentId, { lang: "es", learnerName: "Rosa", q1: "b" });
    expect(
      await post(cookie, assignmentId, { lang: "xx", learnerName: "x".repeat(100_000), q1: "zz" }),
    ).toMatchObject({
      ok: false,
    });
    expect(partial).toMatchObject({ ok: false, formError: "Responda todas las preguntas." });
    // A name is refused, not cut, when too long, and must hold a letter.
    expect(
      await post(cookie, assignmentId, { lang: "es", learnerName: "r".repeat(121), ...right }),
    ).toMatchObject({ ok: false, formError: "Su nombre es demasiado largo: 120 caracteres como máximo." });
    expect(await post(cookie, assignmentId, { lang: "en", learnerName: " ... ", ...right })).toMatchObject({
      ok: false,
      formError: "Write your name with letters.",
    });

    const failed = await post(cookie, assignmentId, {
      lang: "fr",
      learnerName: "Rosa",
      ...right,
      q1: "a",
      q2: "b",
    });
    expect(failed).toMatchObject({ ok: true, recorded: false, result: { score: 3, passed: false } });
    expect(
      db().select().from(trainingCompletions).where(eq(trainingCompletions.organizationId, org.id)).all(),
    ).toEqual([]);

    const passed = await post(cookie, assignmentId, {
      lang: "fr",
      learnerName: "  Rosa\u202e  Díaz ",
      ...right,
      q5: "a",
    });
    expect(passed).toMatchObject({
      ok: true,
      recorded: true,
      result: { score: 4, percent: 80, passed: true },
    });
    const again = await post(cookie, assignmentId, { lang: "fr", learnerName: "rosa díaz", ...right });
    expect(again).toMatchObject({ ok: true, recorded: true });

    const rows = db()
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.organizationId, org.id))
      .all();
    expect(rows).toHaveLength(1); // the same person on the same day counts once
    expect(rows[0]).toMatchObject({
      learnerName: "Rosa Díaz",
      supplierId: supplier.id,
      source: "portal",
      scorePercent: 80,
      language: "fr",
      assignmentId,
    });
    const course = db()
      .select()
      .from(trainingCourses)
      .where(eq(trainingCourses.organizationId, org.id))
      .all();
    expect(course).toMatchObject([{ builtin: "forced_labour_indicators_v1", audience: "supplier" }]);
    const audit = auditRows(org.id, "training.completion_recorded");
    expect(audit).toHaveLength(1);
    expect(audit[0].actorType).toBe("supplier");
    // The buyer sees it among the supplier-staff completions of the year.
    const rates = completionRates(org.members.executive.ctx);
    expect(rates.years[0].supplier).toMatchObject({ completions: 1, suppliersReached: 1 });
  });

  it("answers 404 without the portal cookie, or with another assignment's", async () => {
    const { assignmentId } = await portal();
    const other = await portal();
    for (const cookie of [null, other.cookie]) {
      const get = await settle(
        portalLoader(routeArgs(portalRequest(cookie, `/portal/${assignmentId}/training`), { assignmentId })),
      );
      expect((get as Response).status).toBe(404);
      expect(((await post(cookie, assignmentId, right)) as Response).status).toBe(404);
    }
  });
});
