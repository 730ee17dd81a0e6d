/* eslint-disable @typescript-eslint/no-explicit-any -- route payloads are read loosely in tests. */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { randomToken, sha256Hex } from "~/infra/crypto.server";
import { db } from "~/infra/db.server";
import { hasPoppler, pdfText } from "~/infra/pdf/poppler.testing";
import * as portalRoute from "~/routes/portal.$assignmentId";
import * as pdfRoute from "~/routes/portal.$assignmentId_.pdf";
import * as verifyRoute from "~/routes/portal.$assignmentId_.verify";
import * as reviewRoute from "~/routes/questionnaires.$assignmentId";
import * as landingRoute from "~/routes/s.$token";
import {
  answerRevisions,
  assignments,
  emailOutbox,
  portalVerificationCodes,
  riskAssessments,
  supplierPortalSessions,
} from "~db/schema";
import { createOrg, insertSupplier, requestAs, type TestOrg } from "../../test/factories";
import { type Template } from "./model";
import { templateSchema } from "./model.schema";
import {
  CODE_MAX_ATTEMPTS,
  CODE_REQUESTS_PER_WINDOW,
  redeemInvitation,
  requestNewLink,
  requirePortalAccess,
  resendPortalCode,
  verifyPortalCode,
} from "./portal-access.server";
import { latestCodeFor, openPortal, portalRequest } from "./portal.testing";
import { answerRiskSignals } from "./signals.server";

type Result = { status: number; data: any; headers: Headers; body?: Uint8Array };

async function run(fn: () => unknown): Promise<Result> {
  let out: unknown;
  try {
    out = await fn();
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    out = thrown;
  }
  if (out instanceof Response) {
    const body = new Uint8Array(await out.clone().arrayBuffer());
    return { status: out.status, data: new TextDecoder().decode(body), headers: out.headers, body };
  }
  if (out && typeof out === "object" && (out as any).type === "DataWithResponseInit") {
    const init = ((out as any).init ?? {}) as ResponseInit;
    return { status: init.status ?? 200, data: (out as any).data, headers: new Headers(init.headers) };
  }
  return { status: 200, data: out, headers: new Headers() };
}

const args = (request: Request, params: Record<string, string>) => ({ request, params, context: {} }) as any;

/** A small template with a Spanish translation, a condition, a control asking for evidence and a file. */
const TEMPLATE: Template = templateSchema.parse({
  key: "portal-test",
  version: "1",
  title: "Labour practices check",
  intro: "A few questions.",
  sections: [
    { id: "docs", title: "Documents" },
    { id: "pay", title: "Pay" },
  ],
  questions: [
    {
      id: "Q1",
      section: "docs",
      type: "yes_no",
      text: "Do you keep workers' passports?",
      required: true,
      iloIndicators: [7],
      rule: { pointsByValue: { yes: 25 }, redFlag: { equals: "yes" } },
    },
    {
      id: "Q2",
      section: "docs",
      type: "text",
      text: "Explain why documents are kept",
      required: true,
      iloIndicators: [7],
      visibleWhen: { questionId: "Q1", equals: "yes" },
    },
    {
      id: "Q3",
      section: "pay",
      type: "choice",
      text: "How are wages paid?",
      required: true,
      iloIndicators: [8],
      options: [
        { value: "bank", label: "Bank transfer" },
        { value: "cash", label: "Cash" },
      ],
    },
    {
      id: "Q4",
      section: "pay",
      type: "yes_no",
      text: "Do you have a written recruitment-fee policy?",
      required: true,
      iloIndicators: [9],
      rule: { pointsByValue: { yes: -10 }, control: true },
      evidence: { request: "Upload the policy", when: ["yes"] },
    },
    {
      id: "Q5",
      section: "pay",
      type: "number",
      text: "Average weekly hours",
      required: true,
      iloIndicators: [11],
      min: 0,
      max: 100,
    },
    {
      id: "Q6",
      section: "pay",
      type: "file",
      text: "Payslip sample",
      required: false,
      iloIndicators: [8],
    },
  ],
  declaration: { attestation: "I confirm these answers." },
  translations: {
    es: {
      title: "Revisión de prácticas laborales",
      attestation: "Confirmo estas respuestas.",
      sections: { docs: { title: "Documentos" }, pay: { title: "Salario" } },
      questions: {
        Q1: { text: "¿Guarda los pasaportes de los trabajadores?" },
        Q2: { text: "Explique por qué se guardan los documentos" },
        Q3: {
          text: "¿Cómo se pagan los salarios?",
          options: { bank: "Transferencia bancaria", cash: "Efectivo" },
        },
        Q4: {
          text: "¿Tiene una política escrita sobre tasas de contratación?",
          evidenceRequest: "Suba la política",
        },
        Q5: { text: "Horas semanales promedio" },
        Q6: { text: "Ejemplo de nómina" },
      },
    },
  },
});

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1,
]);

/** An assignment of TEMPLATE sent by procurement, with its raw link token. */
function assign(org: TestOrg, opts: { language?: string; expired?: boolean } = {}) {
  const supplier = insertSupplier(org.id, { name: "Fábrica Uno" });
  const token = randomToken();
  const now = Date.now();
  const row = db()
    .insert(assignments)
    .values({
      organizationId: org.id,
      supplierId: supplier.id,
      templateKey: TEMPLATE.key,
      templateVersion: TEMPLATE.version,
      questionsSnapshot: TEMPLATE,
      recipientName: "Ana Pérez",
      recipientEmail: `ana.${token.slice(0, 6).toLowerCase()}@fabrica.test`,
      language: opts.language ?? "en",
      status: "sent",
      tokenHash: sha256Hex(token),
      tokenExpiresAt: new Date(opts.expired ? now - 1000 : now + 30 * 86_400_000),
      dueDate: "2099-01-31",
      sentByUserId: org.members.procurement.userId,
      sentAt: new Date(),
    })
    .returning()
    .get();
  return { assignmentId: row.id, token, supplierId: supplier.id, recipientEmail: row.recipientEmail };
}

const portalGet = (cookie: string, assignmentId: string, path = "") =>
  run(() =>
    portalRoute.loader(args(portalRequest(cookie, `/portal/${assignmentId}${path}`), { assignmentId })),
  );

const portalPost = (cookie: string, assignmentId: string, form: Record<string, string | string[] | File>) => {
  const body = new FormData();
  for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  const request = new Request(`http://localhost:3000/portal/${assignmentId}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body,
  });
  return run(() => portalRoute.action(args(request, { assignmentId })));
};

const autosave = (cookie: string, assignmentId: string, questionId: string, value: string | string[]) =>
  portalPost(cookie, assignmentId, { intent: "autosave", questionId, value });

const declaration = { declarationName: "Ana Pérez", declarationTitle: "Jefa de RR. HH.", attest: "yes" };

function outbox(template: string, to: string) {
  return db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.template, template), eq(emailOutbox.toAddress, to)))
    .all();
}

describe("verification code", () => {
  it("is emailed to the recipient in their language, stored hashed, and gates the portal", async () => {
    const org = await createOrg();
    const a = assign(org);
    const redeemed = await redeemInvitation(portalRequest(null, `/s/${a.token}`), a.token, { lang: "es" });
    if (!redeemed.ok) throw new Error("redeem");
    expect(redeemed.verified).toBe(false);
    const cookie = redeemed.setCookie!.split(";")[0];

    const mails = outbox("portal-verification-code", a.recipientEmail);
    expect(mails).toHaveLength(1);
    const code = latestCodeFor(a.assignmentId);
    expect(mails[0].subject).toBe(`${code} es su código para el cuestionario de ${org.name}`);
    const stored = db()
      .select()
      .from(portalVerificationCodes)
      .all()
      .filter((c) => c.assignmentId === a.assignmentId);
    expect(stored).toHaveLength(1);
    expect(stored[0].codeHash).not.toContain(code);
    expect(db().select().from(assignments).where(eq(assignments.id, a.assignmentId)).get()!.language).toBe(
      "es",
    );

    // Until confirmed: the answers, the PDF and every write go to the code page.
    for (const res of [
      await portalGet(cookie, a.assignmentId),
      await run(() =>
        pdfRoute.loader(
          args(portalRequest(cookie, `/portal/${a.assignmentId}/pdf`), { assignmentId: a.assignmentId }),
        ),
      ),
      await autosave(cookie, a.assignmentId, "Q5", "40"),
    ]) {
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toBe(`/portal/${a.assignmentId}/verify`);
    }
    const page = await run(() =>
      verifyRoute.loader(
        args(portalRequest(cookie, `/portal/${a.assignmentId}/verify`), { assignmentId: a.assignmentId }),
      ),
    );
    expect(page.status).toBe(200);
    expect(page.data.maskedEmail).toMatch(/^a•••@fabrica\.test$/);

    const ok = await run(() =>
      verifyRoute.action(
        args(requestAs({ cookie }, `/portal/${a.assignmentId}/verify`, { form: { code } }), {
          assignmentId: a.assignmentId,
        }),
      ),
    );
    expect(ok.headers.get("Location")).toBe(`/portal/${a.assignmentId}`);
    expect((await portalGet(cookie, a.assignmentId)).status).toBe(200);
    const session = db()
      .select()
      .from(supplierPortalSessions)
      .where(eq(supplierPortalSessions.id, sha256Hex(cookie.split("=")[1])))
      .get();
    expect(session?.verifiedAt).toBeInstanceOf(Date);
    // The code is single-use.
    const access = requirePortalAccess(portalRequest(cookie, "/"), a.assignmentId);
    expect(verifyPortalCode(access, code)).toEqual({ ok: false, reason: "none" });
  });

  it("counts wrong codes, locks the code after the limit, expires after 10 minutes, and limits new codes", async () => {
    const org = await createOrg();
    const a = assign(org);
    const t0 = new Date();
    const redeemed = await redeemInvitation(portalRequest(null, "/"), a.token, { now: t0 });
    if (!redeemed.ok) throw new Error("redeem");
    const cookie = redeemed.setCookie!.split(";")[0];
    const access = requirePortalAccess(portalRequest(cookie, "/"), a.assignmentId, {
      allowUnverified: true,
      now: t0,
    });
    const code = latestCodeFor(a.assignmentId);
    const wrong = code === "000000" ? "111111" : "000000";

    expect(verifyPortalCode(access, "12ab", t0)).toEqual({ ok: false, reason: "format" });
    for (let i = 1; i < CODE_MAX_ATTEMPTS; i++)
      expect(verifyPortalCode(access, wrong, t0)).toEqual({
        ok: false,
        reason: "wrong",
        attemptsLeft: CODE_MAX_ATTEMPTS - i,
      });
    expect(verifyPortalCode(access, wrong, t0)).toEqual({ ok: false, reason: "locked" });
    // Locked: even the right code no longer works; a new one must be requested.
    expect(verifyPortalCode(access, code, t0)).toEqual({ ok: false, reason: "locked" });

    expect(await resendPortalCode(access, t0)).toEqual({ sent: true });
    const second = latestCodeFor(a.assignmentId);
    const late = new Date(t0.getTime() + 10 * 60_000 + 1);
    expect(verifyPortalCode(access, second, late)).toEqual({ ok: false, reason: "expired" });

    // The redeem sent one code and the resend another: the rest of the window's allowance, then refused.
    for (let i = 2; i < CODE_REQUESTS_PER_WINDOW; i++)
      expect((await resendPortalCode(access, t0)).sent).toBe(true);
    const refused = await resendPortalCode(access, t0);
    expect(refused).toEqual({ sent: false, retryAfterMinutes: 15 });
    expect(outbox("portal-verification-code", a.recipientEmail)).toHaveLength(CODE_REQUESTS_PER_WINDOW);
    // After the window a code can be requested and used again.
    const later = new Date(t0.getTime() + 16 * 60_000);
    expect(await resendPortalCode(access, later)).toEqual({ sent: true });
    expect(verifyPortalCode(access, latestCodeFor(a.assignmentId), later)).toEqual({ ok: true });
  });

  it("a forwarded link without the code cannot read the answers typed in the confirmed browser", async () => {
    const org = await createOrg();
    const a = assign(org);
    const { cookie } = await openPortal(a.token);
    expect((await autosave(cookie, a.assignmentId, "Q3", "cash")).status).toBe(200);

    const forwarded = await redeemInvitation(portalRequest(null, "/"), a.token);
    if (!forwarded.ok) throw new Error("redeem");
    const other = forwarded.setCookie!.split(";")[0];
    const res = await portalGet(other, a.assignmentId);
    expect(res.status).toBe(302);
    expect(JSON.stringify(res.data)).not.toContain("cash");
    const guess = await run(() =>
      verifyRoute.action(
        args(requestAs({ cookie: other }, `/portal/${a.assignmentId}/verify`, { form: { code: "123456" } }), {
          assignmentId: a.assignmentId,
        }),
      ),
    );
    expect([400, 302]).toContain(guess.status);
    if (guess.status === 302) throw new Error("a guessed code must not open the portal");
    expect(guess.data.error).toMatch(/Attempts left: 4/);
  });
});

describe("wrong, expired and revoked links", () => {
  it("'send me a new link' renews only an expired link, only to the recipient, and answers the same every time", async () => {
    const org = await createOrg();
    const expired = assign(org, { expired: true, language: "es" });
    const live = assign(org);
    const revoked = assign(org);
    db()
      .update(assignments)
      .set({ status: "revoked", revokedAt: new Date() })
      .where(eq(assignments.id, revoked.assignmentId))
      .run();

    const ask = (token: string) =>
      run(() =>
        landingRoute.action(
          args(requestAs(null, `/s/${token}`, { form: { intent: "new-link" } }), { token }),
        ),
      );
    const answers = [
      await ask(expired.token),
      await ask(revoked.token),
      await ask("nonsense"),
      await ask(live.token),
    ];
    for (const res of answers)
      expect({ status: res.status, data: res.data }).toEqual({
        status: 200,
        data: { newLinkRequested: true },
      });

    const mails = db().select().from(emailOutbox).where(eq(emailOutbox.template, "portal-new-link")).all();
    expect(mails.map((m) => m.toAddress)).toEqual([expired.recipientEmail]);
    expect(mails[0].subject).toBe(`Su nuevo enlace al cuestionario de ${org.name}`);
    const fresh = mails[0].text.match(/\/s\/([A-Za-z0-9_-]{40,})/)![1];
    const row = db().select().from(assignments).where(eq(assignments.id, expired.assignmentId)).get()!;
    expect(row.tokenHash).toBe(sha256Hex(fresh));
    expect(row.tokenExpiresAt.getTime()).toBeGreaterThan(Date.now());
    // The old link is dead for good; the new one opens the landing page.
    expect(
      (await run(() => landingRoute.loader(args(requestAs(null, "/"), { token: expired.token })))).status,
    ).toBe(404);
    expect(
      (await run(() => landingRoute.loader(args(requestAs(null, "/"), { token: fresh })))).data.state,
    ).toBe("ok");

    // Rate-limited per assignment: expire it again and ask repeatedly.
    for (let i = 0; i < 5; i++) {
      db()
        .update(assignments)
        .set({ tokenExpiresAt: new Date(Date.now() - 1000) })
        .where(eq(assignments.id, expired.assignmentId))
        .run();
      const token = db()
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.template, "portal-new-link"))
        .all()
        .at(-1)!
        .text.match(/\/s\/([A-Za-z0-9_-]{40,})/)![1];
      await requestNewLink(token);
    }
    expect(
      db().select().from(emailOutbox).where(eq(emailOutbox.template, "portal-new-link")).all(),
    ).toHaveLength(3);
  });
});

describe("language", () => {
  it("follows ?lang=, else the assignment, else Accept-Language; the portal renders the chosen language", async () => {
    const org = await createOrg();
    const a = assign(org);
    const landing = (headers: Record<string, string>, query = "") =>
      run(() =>
        landingRoute.loader(
          args(new Request(`http://localhost:3000/s/${a.token}${query}`, { headers }), { token: a.token }),
        ),
      );
    const es = await landing({ "Accept-Language": "es-MX,es;q=0.9,en;q=0.5" });
    expect(es.data).toMatchObject({
      lang: "es",
      title: "Revisión de prácticas laborales",
      sectionTitles: ["Documentos", "Salario"],
    });
    expect((await landing({ "Accept-Language": "es" }, "?lang=fr")).data).toMatchObject({
      lang: "fr",
      title: "Labour practices check",
    });
    expect((await landing({ "Accept-Language": "de-DE" })).data.lang).toBe("en");

    const { cookie } = await openPortal(a.token, { lang: "es" });
    const view = (await portalGet(cookie, a.assignmentId)).data;
    expect(view.lang).toBe("es");
    expect(view.template.questions.find((q: any) => q.id === "Q3")).toMatchObject({
      text: "¿Cómo se pagan los salarios?",
      options: [
        { value: "bank", label: "Transferencia bancaria" },
        { value: "cash", label: "Efectivo" },
      ],
    });

    const switched = await portalPost(cookie, a.assignmentId, { intent: "language", lang: "fr" });
    expect(switched.status).toBe(302);
    expect((await portalGet(cookie, a.assignmentId)).data).toMatchObject({
      lang: "fr",
      template: { title: "Labour practices check" },
    });
    expect((await portalPost(cookie, a.assignmentId, { intent: "language", lang: "xx" })).status).toBe(400);
  });
});

describe("autosave", () => {
  it("validates only the posted field, in the supplier's language, and keeps everything else", async () => {
    const org = await createOrg();
    const a = assign(org, { language: "es" });
    const { cookie } = await openPortal(a.token, { lang: "es" });
    expect((await autosave(cookie, a.assignmentId, "Q3", "cash")).status).toBe(200);
    const bad = await autosave(cookie, a.assignmentId, "Q5", "muchas");
    expect(bad.status).toBe(400);
    expect(bad.data).toMatchObject({
      ok: false,
      questionId: "Q5",
      error: "Introduzca un número, por ejemplo 48 o 12,5.",
    });
    const range = await autosave(cookie, a.assignmentId, "Q5", "120");
    expect(range.data.error).toBe("Introduzca un número entre 0 y 100.");
    expect((await autosave(cookie, a.assignmentId, "Q3", "bitcoin")).status).toBe(400);
    expect((await autosave(cookie, a.assignmentId, "nope", "1")).status).toBe(400);
    expect((await autosave(cookie, a.assignmentId, "Q5", "47,5")).data).toMatchObject({ ok: true });

    // Another device later (a new browser, confirmed) sees exactly what was saved.
    const { cookie: laptop } = await openPortal(a.token);
    const view = (await portalGet(laptop, a.assignmentId)).data;
    expect(view.values).toMatchObject({ Q3: "cash", Q5: 47.5 });
    expect(db().select().from(assignments).where(eq(assignments.id, a.assignmentId)).get()!.status).toBe(
      "in_progress",
    );
    // A burst of saves of one question is one history row holding the latest value.
    const revs = db()
      .select()
      .from(answerRevisions)
      .where(eq(answerRevisions.assignmentId, a.assignmentId))
      .all();
    expect(revs.filter((r) => r.questionId === "Q5").map((r) => r.value)).toEqual([47.5]);
  });

  it("hidden conditional questions are not required; shown ones are", async () => {
    const org = await createOrg();
    const a = assign(org);
    const { cookie } = await openPortal(a.token);
    for (const [q, v] of [
      ["Q1", "no"],
      ["Q3", "bank"],
      ["Q4", "no"],
      ["Q5", "40"],
    ])
      await autosave(cookie, a.assignmentId, q, v);
    await autosave(cookie, a.assignmentId, "Q1", "yes");
    const refused = await portalPost(cookie, a.assignmentId, { intent: "submit", ...declaration });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.fieldErrors)).toEqual(["q.Q2"]);
    await autosave(cookie, a.assignmentId, "Q1", "no");
    const ok = await portalPost(cookie, a.assignmentId, { intent: "submit", ...declaration });
    expect(ok.status).toBe(302);
  });
});

describe("declaration autosave", () => {
  it("keeps name, job title and the tick across a reload; a returned questionnaire is attested afresh", async () => {
    const org = await createOrg();
    const a = assign(org, { language: "es" });
    const { cookie } = await openPortal(a.token, { lang: "es" });
    const save = (field: string, value: string) =>
      portalPost(cookie, a.assignmentId, { intent: "autosave-declaration", field, value });
    expect((await save("declarationName", "Ana Pérez García")).data).toMatchObject({ ok: true });
    expect((await save("declarationTitle", "Jefa de RR. HH.")).status).toBe(200);
    expect((await save("attest", "yes")).status).toBe(200);
    const bad = await save("declarationName", "Ana\nPérez");
    expect(bad.status).toBe(400);
    expect(bad.data.error).toBe("Introduzca su nombre completo.");
    expect((await save("signature", "x")).status).toBe(400);

    const view = (await portalGet(cookie, a.assignmentId)).data;
    expect(view).toMatchObject({
      declarationName: "Ana Pérez García",
      declarationTitle: "Jefa de RR. HH.",
      declarationAttested: true,
    });
    expect((await save("attest", "")).status).toBe(200);
    expect((await portalGet(cookie, a.assignmentId)).data.declarationAttested).toBe(false);

    // Submitted, then returned: the earlier tick does not carry over to the next submission.
    for (const [q, v] of [
      ["Q1", "no"],
      ["Q3", "bank"],
      ["Q4", "no"],
      ["Q5", "40"],
    ])
      await autosave(cookie, a.assignmentId, q, v);
    expect((await portalPost(cookie, a.assignmentId, { intent: "submit", ...declaration })).status).toBe(302);
    const after = (await portalGet(cookie, a.assignmentId)).data;
    expect(after.declarationAttested).toBe(false);
    expect((await save("declarationName", "Otra")).status).toBe(409);
  });
});

describe("uploads", () => {
  it("stores files per question with type checks in the supplier's language, lists and removes them before submitting", async () => {
    const org = await createOrg();
    const a = assign(org, { language: "es" });
    const { cookie } = await openPortal(a.token, { lang: "es" });
    const up = (questionId: string, file: File) =>
      portalPost(cookie, a.assignmentId, { intent: "upload", questionId, file });

    const bad = await up(
      "Q6",
      new File([Buffer.from("not really a pdf")], "nomina.pdf", { type: "application/pdf" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors.file).toBe(
      "Este tipo de archivo no se admite. Suba un archivo PDF, PNG, JPEG, WebP o HEIC.",
    );
    expect((await up("Q6", new File([], "empty.png"))).status).toBe(400);
    expect((await up("Q3", new File([PNG], "x.png"))).status).toBe(404); // Q3 takes no files

    expect((await up("Q6", new File([PNG], "nómina marzo.png", { type: "image/png" }))).status).toBe(200);
    let view = (await portalGet(cookie, a.assignmentId)).data;
    expect(view.files.Q6).toEqual([
      expect.objectContaining({ fileName: "nómina marzo.png", contentType: "image/png" }),
    ]);
    expect(view.values.Q6).toEqual([view.files.Q6[0].id]);

    const removed = await portalPost(cookie, a.assignmentId, {
      intent: "remove-file",
      evidenceId: view.files.Q6[0].id,
    });
    expect(removed.status).toBe(200);
    view = (await portalGet(cookie, a.assignmentId)).data;
    expect(view.files.Q6).toBeUndefined();
    expect(view.values.Q6).toBeNull();
  });
});

async function submitAll(cookie: string, assignmentId: string, overrides: Record<string, string> = {}) {
  const values: Record<string, string> = { Q1: "no", Q3: "cash", Q4: "yes", Q5: "48", ...overrides };
  for (const [q, v] of Object.entries(values))
    expect((await autosave(cookie, assignmentId, q, v)).status).toBe(200);
  const res = await portalPost(cookie, assignmentId, { intent: "submit", ...declaration });
  expect(res.status).toBe(302);
}

const review = (org: TestOrg, assignmentId: string, form: Record<string, string>) =>
  run(() =>
    reviewRoute.action(
      args(requestAs(org.members.procurement, `/questionnaires/${assignmentId}`, { form }), { assignmentId }),
    ),
  );

describe("review rounds", () => {
  it("returns only the commented questions; the supplier may change only those (server-side); history per round", async () => {
    const org = await createOrg();
    const a = assign(org, { language: "es" });
    const { cookie } = await openPortal(a.token, { lang: "es" });
    await autosave(cookie, a.assignmentId, "Q1", "yes");
    await autosave(cookie, a.assignmentId, "Q2", "Los guardamos en la caja fuerte");
    await submitAll(cookie, a.assignmentId, { Q1: "yes" });

    // The buyer reads English: choices translated back, free text as written with its language noted.
    const page = (
      await run(() =>
        reviewRoute.loader(
          args(requestAs(org.members.admin, `/questionnaires/${a.assignmentId}`), {
            assignmentId: a.assignmentId,
          }),
        ),
      )
    ).data;
    const qs = page.sections.flatMap((s: any) => s.questions);
    const byId = Object.fromEntries(qs.map((q: any) => [q.id, q]));
    expect(byId.Q3).toMatchObject({ text: "How are wages paid?", answer: "Cash", writtenIn: null });
    expect(byId.Q2).toMatchObject({ answer: "Los guardamos en la caja fuerte", writtenIn: "Spanish" });
    expect(byId.Q1.redFlag).toBe(true);

    expect(
      (await review(org, a.assignmentId, { intent: "review", questionId: "Q3", decision: "accepted" }))
        .status,
    ).toBe(200);
    expect(
      (
        await review(org, a.assignmentId, {
          intent: "review",
          questionId: "Q5",
          decision: "returned",
          comment: "Include overtime hours.",
        })
      ).status,
    ).toBe(200);
    expect((await review(org, a.assignmentId, { intent: "return" })).status).toBe(302);
    const mail = outbox("questionnaire-returned", a.recipientEmail)[0];
    expect(mail.subject).toBe(`${org.name} le pide que actualice algunas respuestas`);
    expect(mail.text).toContain("Horas semanales promedio");
    expect(mail.text).toContain("Include overtime hours.");

    const view = (await portalGet(cookie, a.assignmentId)).data;
    expect(view).toMatchObject({ status: "returned", editableIds: ["Q5"], round: 2 });
    const locked = await autosave(cookie, a.assignmentId, "Q3", "bank");
    expect(locked.status).toBe(409);
    expect(locked.data.error).toBe("Esta pregunta no se le ha devuelto, así que no se puede cambiar.");
    expect(
      (
        await portalPost(cookie, a.assignmentId, {
          intent: "upload",
          questionId: "Q6",
          file: new File([PNG], "p.png"),
        })
      ).status,
    ).toBe(409);

    // While it is back with the supplier, risk keeps counting the submitted answer, not the edit in progress.
    expect((await autosave(cookie, a.assignmentId, "Q5", "60")).status).toBe(200);
    const h = (
      await run(() =>
        reviewRoute.loader(
          args(requestAs(org.members.admin, `/questionnaires/${a.assignmentId}`), {
            assignmentId: a.assignmentId,
          }),
        ),
      )
    ).data;
    expect(h.sections.flatMap((s: any) => s.questions).find((q: any) => q.id === "Q5").answer).toBe("48");

    // A whole-form resubmission cannot sneak in a change to a question that was not returned.
    const resubmit = await portalPost(cookie, a.assignmentId, {
      intent: "submit",
      "q.Q3": "bank",
      ...declaration,
    });
    expect(resubmit.status).toBe(302);
    const after = (
      await run(() =>
        reviewRoute.loader(
          args(requestAs(org.members.admin, `/questionnaires/${a.assignmentId}`), {
            assignmentId: a.assignmentId,
          }),
        ),
      )
    ).data;
    const q = Object.fromEntries(after.sections.flatMap((s: any) => s.questions).map((x: any) => [x.id, x]));
    expect(after.assignment).toMatchObject({ status: "submitted", round: 2 });
    expect(q.Q3.answer).toBe("Cash");
    expect(q.Q5.answer).toBe("60");
    expect(q.Q5.history.map((x: any) => [x.round, x.answer])).toEqual([
      [1, "48"],
      [2, "60"],
    ]);
    expect(q.Q5.earlierComments).toEqual([
      { round: 1, comment: "Include overtime hours.", by: expect.any(String) },
    ]);
    expect((await review(org, a.assignmentId, { intent: "accept" })).status).toBe(302);
    expect(db().select().from(assignments).where(eq(assignments.id, a.assignmentId)).get()!.status).toBe(
      "accepted",
    );
  });

  it("a control counts fully only with its evidence, and the risk explanation names the question", async () => {
    const org = await createOrg();
    const a = assign(org);
    const { cookie } = await openPortal(a.token);
    await submitAll(cookie, a.assignmentId);
    let q4 = answerRiskSignals(db(), org.id, a.supplierId).find((s) => s.questionId === "Q4")!;
    expect(q4.points).toBe(-5);
    expect(q4.source).toContain("question Q4, self-declared control");

    const b = assign(org);
    db()
      .update(assignments)
      .set({ supplierId: a.supplierId })
      .where(eq(assignments.id, b.assignmentId))
      .run();
    const second = await openPortal(b.token);
    await portalPost(second.cookie, b.assignmentId, {
      intent: "upload",
      questionId: "Q4",
      file: new File([PNG], "policy.png"),
    });
    await submitAll(second.cookie, b.assignmentId);
    expect((await review(org, b.assignmentId, { intent: "accept" })).status).toBe(302);
    q4 = answerRiskSignals(db(), org.id, a.supplierId).find((s) => s.questionId === "Q4")!;
    expect(q4).toMatchObject({
      points: -10,
      question: "Do you have a written recruitment-fee policy?",
      answer: "Yes",
    });
    expect(q4.source).toMatch(/accepted\), question Q4, evidenced control/);
    const risk = db()
      .select()
      .from(riskAssessments)
      .all()
      .filter((r) => r.supplierId === a.supplierId)
      .at(-1)!;
    expect(JSON.stringify(risk)).toContain("Q4");
  });
});

describe("PDF copy", () => {
  it.skipIf(!hasPoppler)("holds the answers and the declaration in the chosen language", async () => {
    const org = await createOrg();
    const a = assign(org, { language: "es" });
    const { cookie } = await openPortal(a.token, { lang: "es" });
    await submitAll(cookie, a.assignmentId);
    const res = await run(() =>
      pdfRoute.loader(
        args(portalRequest(cookie, `/portal/${a.assignmentId}/pdf`), { assignmentId: a.assignmentId }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.pdf"$/);
    const text = pdfText(res.body!);
    for (const s of [
      "Revisión de prácticas laborales",
      "Copia de sus respuestas",
      "¿Cómo se pagan los salarios?",
      "Efectivo",
      "Sí",
      "Declaración",
      "Confirmo estas respuestas.",
      "Ana Pérez",
      "Jefa de RR. HH.",
    ])
      expect(text).toContain(s);
    expect(text).not.toContain("Explique por qué"); // hidden question (Q1 = no)
  });
});
