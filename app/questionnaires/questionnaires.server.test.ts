import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "~/infra/crypto.server";
import { db, writeTx } from "~/infra/db.server";
import * as portalRoute from "~/routes/portal.$assignmentId";
import * as verifyRoute from "~/routes/portal.$assignmentId_.verify";
import * as reviewRoute from "~/routes/questionnaires.$assignmentId";
import * as listRoute from "~/routes/questionnaires._index";
import * as sendRoute from "~/routes/questionnaires.send";
import * as landingRoute from "~/routes/s.$token";
import {
  answers,
  assignments,
  auditLog,
  emailOutbox,
  remediationTasks,
  riskAssessments,
  supplierPortalSessions,
  suppliers,
} from "~db/schema";
import { createOrg, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { BUILTIN_FORCED_LABOUR_LATEST } from "./builtin";
import { fieldName, scoreAnswer, type Question } from "./model";
import { latestCodeFor } from "./portal.testing";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Result = { status: number; data: any; headers: Headers; response?: Response };

/** Normalise what a loader/action gave back (plain object, data(), Response) or threw (Response). */
async function run(fn: () => Promise<unknown>): Promise<Result> {
  let out: unknown;
  try {
    out = await fn();
  } catch (thrown) {
    if (thrown instanceof Response) out = thrown;
    else throw thrown;
  }
  if (out instanceof Response) {
    const text = await out.clone().text();
    return { status: out.status, data: text, headers: out.headers, response: out };
  }
  if (out && typeof out === "object" && (out as any).type === "DataWithResponseInit") {
    const init = ((out as any).init ?? {}) as ResponseInit;
    return { status: init.status ?? 200, data: (out as any).data, headers: new Headers(init.headers) };
  }
  return { status: 200, data: out, headers: new Headers() };
}

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as any;

async function sendTo(org: TestOrg, supplierId: string) {
  const res = await run(() =>
    sendRoute.action(
      args(
        requestAs(org.members.procurement, "/questionnaires/send", {
          form: {
            supplierId,
            recipientName: "Mai Nguyen",
            recipientEmail: "mai@supplier.test",
            dueDate: "2099-01-31",
          },
        }),
        {},
      ),
    ),
  );
  expect(res.status).toBe(302);
  const assignmentId = res.headers.get("Location")!.match(/\/questionnaires\/([^?]+)/)![1];
  // The token exists only in the email: find the invitation whose link hashes to this assignment's token hash.
  const { tokenHash } = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
  const invitations = db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.organizationId, org.id), eq(emailOutbox.template, "questionnaire-invitation")))
    .all();
  const found = invitations
    .map((mail) => ({
      mail,
      token: mail.text.match(/http:\/\/localhost:3000\/s\/([A-Za-z0-9_-]+)/)?.[1] ?? "",
    }))
    .find((m) => sha256Hex(m.token) === tokenHash)!;
  const { mail, token } = found;
  return { assignmentId, token, mail };
}

/** Redeem the link in a fresh browser and confirm the emailed code, as the supplier would. */
async function redeem(token: string) {
  const res = await run(() =>
    landingRoute.action(args(requestAs(null, `/s/${token}`, { method: "POST" }), { token })),
  );
  const setCookie = res.headers.get("Set-Cookie") ?? "";
  const cookie = setCookie.split(";")[0];
  const assignmentId = res.headers.get("Location")?.match(/^\/portal\/([^/]+)\/verify$/)?.[1];
  if (assignmentId) {
    const verified = await run(() =>
      verifyRoute.action(
        args(
          requestAs({ cookie }, `/portal/${assignmentId}/verify`, {
            form: { code: latestCodeFor(assignmentId) },
          }),
          {
            assignmentId,
          },
        ),
      ),
    );
    expect(verified.headers.get("Location")).toBe(`/portal/${assignmentId}`);
  }
  return { res, setCookie, cookie };
}

function portalPost(cookie: string, assignmentId: string, form: Record<string, string>) {
  return run(() =>
    portalRoute.action(args(requestAs({ cookie }, `/portal/${assignmentId}`, { form }), { assignmentId })),
  );
}

/**
 * A complete, clean set of answers to the built-in SAQ the send form uses (no red flags): per question,
 * a valid value its rule does not flag, with the fewest risk points.
 */
function cleanAnswers(): Record<string, string> {
  const out: Record<string, string> = {};
  const flagged = (q: Question, v: string) => scoreAnswer(q, q.type === "multi_choice" ? [v] : v).redFlag;
  for (const q of BUILTIN_FORCED_LABOUR_LATEST.questions) {
    if (!q.required || q.type === "file") continue;
    const candidates =
      q.type === "yes_no"
        ? ["no", "yes"]
        : q.type === "choice" || q.type === "multi_choice"
          ? q.options!.map((o) => o.value)
          : q.type === "percentage"
            ? ["5"]
            : q.type === "number"
              ? [String(Math.max(q.min ?? 0, 40))]
              : q.type === "date"
                ? ["2025-01-31"]
                : ["n/a"];
    const points = (v: string) => scoreAnswer(q, q.type === "multi_choice" ? [v] : v).points;
    const clean = candidates.filter((v) => !flagged(q, v)).sort((x, y) => points(x) - points(y));
    out[fieldName(q.id)] = clean[0] ?? candidates[0];
  }
  return out;
}

const declaration = { declarationName: "Mai Nguyen", declarationTitle: "HR Manager", attest: "yes" };

function snapshotState(assignmentId: string) {
  return {
    assignment: db().select().from(assignments).where(eq(assignments.id, assignmentId)).get(),
    sessions: db().select({ n: count() }).from(supplierPortalSessions).get()!.n,
    audit: db().select({ n: count() }).from(auditLog).get()!.n,
  };
}

describe("sending a questionnaire", () => {
  it("stores only the SHA-256 of a ≥128-bit token, links from the public origin, enqueues + audits", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { name: "Łódź Tekstil Sanayi A.Ş." });
    const { assignmentId, token, mail } = await sendTo(org, s.id);

    expect(Buffer.from(token, "base64url").length * 8).toBeGreaterThanOrEqual(128);
    const row = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    expect(row.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.status).toBe("sent");
    expect(row.organizationId).toBe(org.id);
    expect(row.supplierId).toBe(s.id);
    expect((row.questionsSnapshot as any).version).toBe(BUILTIN_FORCED_LABOUR_LATEST.version);
    const ttlDays = (row.tokenExpiresAt.getTime() - row.sentAt.getTime()) / 86_400_000;
    expect(ttlDays).toBe(30);

    expect(mail.status).toBe("pending");
    expect(mail.html).toContain(`http://localhost:3000/s/${token}`);
    expect(mail.subject).toContain("Łódź Tekstil Sanayi A.Ş.");
    const audit = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, assignmentId), eq(auditLog.action, "questionnaire.sent")))
      .get();
    expect(audit?.actorId).toBe(org.members.procurement.userId);
  });

  it("never builds the link from the Host header", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const request = requestAs(org.members.procurement, "/questionnaires/send", {
      form: {
        supplierId: s.id,
        recipientName: "X",
        recipientEmail: "x@supplier.test",
        dueDate: "2099-01-01",
      },
      headers: { Host: "evil.example", "X-Forwarded-Host": "evil.example" },
    });
    await run(() => sendRoute.action(args(request, {})));
    const mails = db().select().from(emailOutbox).where(eq(emailOutbox.toAddress, "x@supplier.test")).all();
    expect(mails).toHaveLength(1);
    expect(mails[0].html).not.toContain("evil.example");
  });

  it("re-renders field errors for bad input instead of failing", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const res = await run(() =>
      sendRoute.action(
        args(
          requestAs(org.members.procurement, "/questionnaires/send", {
            form: {
              supplierId: s.id,
              recipientName: "",
              recipientEmail: "not-an-email",
              dueDate: "2000-01-01",
            },
          }),
          {},
        ),
      ),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.data.fieldErrors)).toEqual(
      expect.arrayContaining(["recipientName", "recipientEmail"]),
    );
    expect(res.data.values.recipientEmail).toBe("not-an-email");

    const past = await run(() =>
      sendRoute.action(
        args(
          requestAs(org.members.procurement, "/questionnaires/send", {
            form: { supplierId: s.id, recipientName: "A", recipientEmail: "a@b.test", dueDate: "2000-01-01" },
          }),
          {},
        ),
      ),
    );
    expect(past.status).toBe(400);
    expect(past.data.fieldErrors.dueDate).toMatch(/past/);
  });

  it("prefills the contact, and refuses auditors and other tenants' suppliers", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(org.id, { contactName: "Ana Contact", contactEmail: "ana@supplier.test" });
    const form = await run(() =>
      sendRoute.loader(
        args(requestAs(org.members.procurement, `/questionnaires/send?supplierId=${s.id}`), {}),
      ),
    );
    expect(form.data.supplier).toMatchObject({
      contactName: "Ana Contact",
      contactEmail: "ana@supplier.test",
    });
    expect(form.data.defaultDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const auditor = await run(() =>
      sendRoute.loader(args(requestAs(org.members.auditor, `/questionnaires/send?supplierId=${s.id}`), {})),
    );
    expect(auditor.status).toBe(403);
    const foreign = await run(() =>
      sendRoute.action(
        args(
          requestAs(other.members.procurement, "/questionnaires/send", {
            form: { supplierId: s.id, recipientName: "A", recipientEmail: "a@b.test", dueDate: "2099-01-01" },
          }),
          {},
        ),
      ),
    );
    expect(foreign.status).toBe(404);
  });
});

describe("supplier link", () => {
  it("GET shows the landing page and changes nothing; sends Referrer-Policy: no-referrer", async () => {
    const org = await createOrg({ name: "Acme Buying" });
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const before = snapshotState(assignmentId);
    const res = await run(() => landingRoute.loader(args(requestAs(null, `/s/${token}`), { token })));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ state: "ok", organizationName: "Acme Buying", dueDate: "2099-01-31" });
    expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(
      (landingRoute.headers as any)({ loaderHeaders: new Headers(), actionHeaders: new Headers() }),
    ).toMatchObject({ "Referrer-Policy": "no-referrer" });
    // A second prefetch, as a mail scanner would do.
    await run(() => landingRoute.loader(args(requestAs(null, `/s/${token}`), { token })));
    expect(snapshotState(assignmentId)).toEqual(before);
  });

  it("POST redeems: portal cookie (HttpOnly, SameSite=Lax, Path=/), marks opened, never a buyer session", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const { res, setCookie, cookie } = await redeem(token);
    expect(res.status).toBe(302);
    // A fresh browser goes to the code page first (the emailed code confirms it; see redeem()).
    expect(res.headers.get("Location")).toBe(`/portal/${assignmentId}/verify`);
    expect(setCookie).toMatch(/^cs_portal=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/cs_session/);
    const sessionToken = cookie.split("=")[1];
    const session = db()
      .select()
      .from(supplierPortalSessions)
      .where(eq(supplierPortalSessions.id, sha256Hex(sessionToken)))
      .get();
    expect(session?.assignmentId).toBe(assignmentId);

    const row = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    expect(row.status).toBe("in_progress");
    expect(row.firstOpenedAt).toBeInstanceOf(Date);

    // Coming back through the link keeps the first-opened time.
    await redeem(token);
    const again = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    expect(again.firstOpenedAt!.getTime()).toBe(row.firstOpenedAt!.getTime());

    // The portal cookie opens nothing on the buyer side.
    const buyer = await run(() => listRoute.loader(args(requestAs({ cookie }, "/questionnaires"), {})));
    expect(buyer.status).toBe(302);
    expect(buyer.headers.get("Location")).toMatch(/^\/login/);
  });

  it("unknown, expired and revoked links give clear 404/410 pages, on GET and POST", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const expired = await sendTo(org, s.id);
    writeTx((tx) =>
      tx
        .update(assignments)
        .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(assignments.id, expired.assignmentId))
        .run(),
    );
    const revoked = await sendTo(org, s.id);
    const revokeRes = await run(() =>
      reviewRoute.action(
        args(
          requestAs(org.members.procurement, `/questionnaires/${revoked.assignmentId}`, {
            form: { intent: "revoke" },
          }),
          { assignmentId: revoked.assignmentId },
        ),
      ),
    );
    expect(revokeRes.status).toBe(302);

    const cases: [string, number, string][] = [
      ["definitely-not-a-token", 404, "unknown"],
      ["x".repeat(5000), 404, "unknown"],
      [expired.token, 410, "expired"],
      [revoked.token, 410, "revoked"],
    ];
    for (const [token, status, state] of cases) {
      const get = await run(() => landingRoute.loader(args(requestAs(null, `/s/${token}`), { token })));
      expect(get.status).toBe(status);
      expect(get.data.state).toBe(state);
      const post = await run(() =>
        landingRoute.action(args(requestAs(null, `/s/${token}`, { method: "POST" }), { token })),
      );
      expect(post.status).toBe(status);
      expect(post.headers.get("Set-Cookie")).toBeNull();
    }
  });

  it("revoking ends open portal sessions", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const { cookie } = await redeem(token);
    await run(() =>
      reviewRoute.action(
        args(
          requestAs(org.members.procurement, `/questionnaires/${assignmentId}`, {
            form: { intent: "revoke" },
          }),
          {
            assignmentId,
          },
        ),
      ),
    );
    const res = await run(() =>
      portalRoute.loader(args(requestAs({ cookie }, `/portal/${assignmentId}`), { assignmentId })),
    );
    expect(res.status).toBe(404);
  });
});

describe("supplier portal", () => {
  it("a portal cookie for assignment A cannot open assignment B; no cookie or a buyer cookie gives 404", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const a = await sendTo(org, s.id);
    const b = await sendTo(org, s.id);
    const { cookie } = await redeem(a.token);

    const own = await run(() =>
      portalRoute.loader(
        args(requestAs({ cookie }, `/portal/${a.assignmentId}`), { assignmentId: a.assignmentId }),
      ),
    );
    expect(own.status).toBe(200);
    for (const [who, id] of [
      [{ cookie }, b.assignmentId],
      [null, a.assignmentId],
      [org.members.admin, a.assignmentId],
    ] as const) {
      const res = await run(() =>
        portalRoute.loader(args(requestAs(who, `/portal/${id}`), { assignmentId: id })),
      );
      expect(res.status).toBe(404);
      const post = await run(() =>
        portalRoute.action(
          args(requestAs(who, `/portal/${id}`, { form: { intent: "save", [fieldName("P1")]: "10" } }), {
            assignmentId: id,
          }),
        ),
      );
      expect(post.status).toBe(404);
    }
    expect(db().select().from(answers).where(eq(answers.assignmentId, b.assignmentId)).all()).toHaveLength(0);
  });

  it("save draft keeps values for later; invalid values get field errors and keep what was typed", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const { cookie } = await redeem(token);

    const saved = await portalPost(cookie, assignmentId, {
      intent: "save",
      [fieldName("I1")]: "no",
      [fieldName("H1")]: "52,5",
      [fieldName("P2")]: "Knitted garments",
      declarationTitle: "HR Manager",
    });
    expect(saved.status).toBe(200);
    expect(saved.data.ok).toBe(true);

    const bad = await portalPost(cookie, assignmentId, {
      intent: "save",
      [fieldName("W1")]: "150",
      [fieldName("H1")]: "lots",
      [fieldName("R1")]: "no",
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.fieldErrors).sort()).toEqual([fieldName("H1"), fieldName("W1")]);
    expect(bad.data.values[fieldName("H1")]).toBe("lots");

    // Come back later with a fresh visit through the link: the draft is there, the bad values were not stored.
    const { cookie: later } = await redeem(token);
    const view = await run(() =>
      portalRoute.loader(args(requestAs({ cookie: later }, `/portal/${assignmentId}`), { assignmentId })),
    );
    expect(view.data.values).toMatchObject({ I1: "no", H1: 52.5, P2: "Knitted garments", R1: "no" });
    expect(view.data.values.W1).toBeUndefined();
    expect(view.data.declarationTitle).toBe("HR Manager");
    expect(view.data.editable).toBe(true);

    // The buyer sees progress but not the draft answers.
    const review = await run(() =>
      reviewRoute.loader(
        args(requestAs(org.members.executive, `/questionnaires/${assignmentId}`), { assignmentId }),
      ),
    );
    expect(review.data.answersVisible).toBe(false);
    expect(review.data.summary.answered).toBe(4);
    expect(JSON.stringify(review.data.sections)).not.toContain("Knitted garments");
  });

  it("submit requires every required answer and the declaration", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const { cookie } = await redeem(token);
    const res = await portalPost(cookie, assignmentId, { intent: "submit", [fieldName("I1")]: "no" });
    expect(res.status).toBe(400);
    expect(res.data.fieldErrors[fieldName("R1")]).toMatch(/before submitting/);
    expect(res.data.fieldErrors.attest).toBeTruthy();
    expect(res.data.fieldErrors.declarationName).toBeTruthy();
    const row = db().select().from(assignments).where(eq(assignments.id, assignmentId)).get()!;
    expect(row.status).toBe("in_progress");
  });

  it("two concurrent submits produce exactly one submission", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const { assignmentId, token } = await sendTo(org, s.id);
    const { cookie: tab1 } = await redeem(token);
    const { cookie: tab2 } = await redeem(token);
    const form = { intent: "submit", ...cleanAnswers(), ...declaration };
    const results = await Promise.all([
      portalPost(tab1, assignmentId, form),
      portalPost(tab2, assignmentId, form),
      portalPost(tab1, assignmentId, form),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409, 409]);
    const submittedAudits = db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, assignmentId), eq(auditLog.action, "questionnaire.submitted")))
      .all();
    expect(submittedAudits).toHaveLength(1);
    const receipts = db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.organizationId, org.id), eq(emailOutbox.template, "questionnaire-receipt")))
      .all();
    expect(receipts).toHaveLength(1);

    // After submission the portal is read-only and a draft save is refused.
    const view = await run(() =>
      portalRoute.loader(args(requestAs({ cookie: tab1 }, `/portal/${assignmentId}`), { assignmentId })),
    );
    expect(view.data.editable).toBe(false);
    const late = await portalPost(tab2, assignmentId, { intent: "save", [fieldName("I1")]: "yes" });
    expect(late.status).toBe(409);
    expect(
      db()
        .select()
        .from(answers)
        .where(and(eq(answers.assignmentId, assignmentId), eq(answers.questionId, "I1")))
        .get()!.value,
    ).toBe("no");
  });

  it("a red-flag answer raises a remediation task, changes risk and notifies the buyer", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id, { country: "GB" });
    const { assignmentId, token } = await sendTo(org, s.id);
    const { cookie } = await redeem(token);
    const before = db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!;

    const res = await portalPost(cookie, assignmentId, {
      intent: "submit",
      ...cleanAnswers(),
      [fieldName("I1")]: "yes",
      [fieldName("F2")]: "no",
      ...declaration,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/portal/${assignmentId}?submitted=1`);

    const tasks = db().select().from(remediationTasks).where(eq(remediationTasks.supplierId, s.id)).all();
    expect(tasks.map((t) => t.sourceRef).sort()).toEqual([`${assignmentId}:F2`, `${assignmentId}:I1`]);
    expect(tasks.find((t) => t.sourceRef.endsWith(":I1"))!.iloIndicator).toBe("7");

    const after = db().select().from(suppliers).where(eq(suppliers.id, s.id)).get()!;
    expect(after.riskScore).not.toBeNull();
    expect(after.riskScore).not.toBe(before.riskScore);
    const assessment = db().select().from(riskAssessments).where(eq(riskAssessments.supplierId, s.id)).all();
    expect(assessment.some((r) => r.trigger === "questionnaire submitted")).toBe(true);

    const notice = db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.organizationId, org.id), eq(emailOutbox.template, "questionnaire-submitted")))
      .get()!;
    expect(notice.toAddress).toBe(org.members.procurement.email);
    expect(notice.subject).toContain("2 red flags");

    // The buyer sees the answers, ILO tags and red flags.
    const review = await run(() =>
      reviewRoute.loader(
        args(requestAs(org.members.auditor, `/questionnaires/${assignmentId}`), { assignmentId }),
      ),
    );
    expect(review.status).toBe(200);
    expect(review.data.summary.redFlags).toBe(2);
    const i1 = review.data.sections.flatMap((x: any) => x.questions).find((q: any) => q.id === "I1");
    expect(i1).toMatchObject({ answer: "Yes", redFlag: true });
    expect(i1.ilo[0].n).toBe(7);
    expect(review.data.canReview).toBe(false);
  });
});

describe("buyer review", () => {
  it("accept and return move the status once, with permission checks", async () => {
    const org = await createOrg();
    const s = insertSupplier(org.id);
    const first = await sendTo(org, s.id);
    const { cookie } = await redeem(first.token);
    await portalPost(cookie, first.assignmentId, { intent: "submit", ...cleanAnswers(), ...declaration });

    const post = (member: { cookie: string }, form: Record<string, string>) =>
      run(() =>
        reviewRoute.action(
          args(requestAs(member, `/questionnaires/${first.assignmentId}`, { form }), {
            assignmentId: first.assignmentId,
          }),
        ),
      );

    expect((await post(org.members.executive, { intent: "accept" })).status).toBe(403);
    // Returning a question needs a comment, per question.
    const emptyComment = await post(org.members.procurement, {
      intent: "review",
      questionId: "H1",
      decision: "returned",
      comment: "",
    });
    expect(emptyComment.status).toBe(400);
    expect(emptyComment.data.fieldErrors.comment).toBeTruthy();
    // Nothing marked to return yet: "Return to supplier" is refused.
    expect((await post(org.members.procurement, { intent: "return" })).status).toBe(400);

    const marked = await post(org.members.procurement, {
      intent: "review",
      questionId: "H1",
      decision: "returned",
      comment: "Please check H1.",
    });
    expect(marked.status).toBe(200);
    // Accepting with a question marked to return would silently drop the comment: refused.
    expect((await post(org.members.procurement, { intent: "accept" })).status).toBe(409);
    const returned = await post(org.members.procurement, { intent: "return" });
    expect(returned.status).toBe(302);
    let row = db().select().from(assignments).where(eq(assignments.id, first.assignmentId)).get()!;
    expect(row.status).toBe("returned");
    expect((await post(org.members.procurement, { intent: "accept" })).status).toBe(409);

    // The supplier sees the comment on H1, may change H1 only, and resubmits.
    const view = await run(() =>
      portalRoute.loader(
        args(requestAs({ cookie }, `/portal/${first.assignmentId}`), { assignmentId: first.assignmentId }),
      ),
    );
    expect(view.data.editable).toBe(true);
    expect(view.data.editableIds).toEqual(["H1"]);
    expect(view.data.returned).toEqual([{ questionId: "H1", comment: "Please check H1." }]);
    const resubmit = await portalPost(cookie, first.assignmentId, {
      intent: "submit",
      [fieldName("H1")]: "45",
      ...declaration,
    });
    expect(resubmit.status).toBe(302);

    expect((await post(org.members.procurement, { intent: "accept" })).status).toBe(302);
    row = db().select().from(assignments).where(eq(assignments.id, first.assignmentId)).get()!;
    expect(row.status).toBe("accepted");
    expect((await post(org.members.admin, { intent: "accept" })).status).toBe(409);
    const returnMail = db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.organizationId, org.id), eq(emailOutbox.template, "questionnaire-returned")))
      .get();
    expect(returnMail?.text).toContain("Please check H1.");
  });

  it("a buyer of another tenant gets 404 on the assignment page and its actions, and an empty list", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const s = insertSupplier(org.id, { name: "Secret Supplier" });
    const { assignmentId } = await sendTo(org, s.id);
    const page = await run(() =>
      reviewRoute.loader(
        args(requestAs(other.members.admin, `/questionnaires/${assignmentId}`), { assignmentId }),
      ),
    );
    expect(page.status).toBe(404);
    expect(String(page.data)).not.toContain("Secret Supplier");
    for (const intent of ["accept", "revoke"]) {
      const res = await run(() =>
        reviewRoute.action(
          args(requestAs(other.members.admin, `/questionnaires/${assignmentId}`, { form: { intent } }), {
            assignmentId,
          }),
        ),
      );
      expect(res.status).toBe(404);
    }
    const list = await run(() =>
      listRoute.loader(args(requestAs(other.members.admin, "/questionnaires"), {})),
    );
    expect(list.data.assignments).toEqual([]);
    const own = await run(() =>
      listRoute.loader(args(requestAs(org.members.executive, "/questionnaires"), {})),
    );
    expect(own.data.assignments.map((a: any) => a.supplierName)).toEqual(["Secret Supplier"]);
    expect(own.data.canSend).toBe(false);
  });
});
