import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Ctx } from "~/infra/context";
import { db, writeTx } from "~/infra/db.server";
import { env, resetEnv } from "~/infra/env.server";
import { recordFailure } from "~/orgs/rate-limit.server";
import { createSession } from "~/orgs/session.server";
import { action as webhookAction } from "~/routes/channels.sms.$orgId";
import { action as settingsAction, loader as settingsLoader } from "~/routes/settings.worker-channel";
import {
  auditLog,
  grievanceCases,
  grievanceConversations,
  grievanceInboundSeen,
  grievanceMessages,
  grievanceSmsChannels,
  memberships,
  users,
} from "~db/schema";
import type { Role } from "~db/schema/orgs.constants";
import { createOrg, requestAs } from "../../../test/factories";
import { routeArgs, settle } from "../../../test/render";
import { replyToReporter } from "../cases.server";
import { reporterStateLabel } from "../intake-i18n.server";
import { saveSmsChannel } from "./config.server";
import { languageOfText } from "./language";
import { twilioSignature, verifyTwilioSignature } from "./twilio.server";
import { webhookLimits } from "./webhook.server";

let n = 0;
async function addMember(organizationId: string, role: Role) {
  const passwordHash = await hash("correct horse battery staple");
  return writeTx((tx) => {
    const email = `${role}-sms-${Date.now()}-${n++}@example.test`;
    const user = tx
      .insert(users)
      .values({ email, name: `${role} person`, passwordHash })
      .returning()
      .get();
    tx.insert(memberships).values({ organizationId, userId: user.id, role }).run();
    const { cookie } = createSession(tx, { userId: user.id, organizationId });
    const ctx: Ctx = { organizationId, actor: { type: "user", id: user.id, label: `${role} person`, role } };
    return { cookie: cookie.split(";")[0], ctx };
  });
}

const SID = `AC${"1a".repeat(16)}`;
const TOKEN = "0123456789abcdef0123456789abcdef";
const OUR_NUMBER = "+15005550006";
const WORKER = "+8801711223344";

/** A local double of the provider's Messages API: records what would be texted. */
let api: Server;
const sent: { path: string; auth: string; form: URLSearchParams }[] = [];
let failNext = false;
const saved = { SMS_OUTBOUND: process.env.SMS_OUTBOUND, TWILIO_API_BASE: process.env.TWILIO_API_BASE };

beforeAll(async () => {
  api = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      sent.push({
        path: req.url ?? "",
        auth: req.headers.authorization ?? "",
        form: new URLSearchParams(body),
      });
      res.statusCode = failNext ? 500 : 201;
      failNext = false;
      res.end("{}");
    });
  });
  await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
  process.env.SMS_OUTBOUND = "twilio";
  process.env.TWILIO_API_BASE = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  resetEnv();
});
afterAll(async () => {
  for (const [k, v] of Object.entries(saved))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  resetEnv();
  await new Promise((r) => api.close(r));
});

let sidCounter = 0;
/** A webhook as the provider sends it: form-encoded, signed with the auth token over the public URL. */
function inbound(
  orgId: string,
  fields: { From?: string; Body: string; MessageSid?: string },
  opts: { token?: string; signature?: string | null } = {},
) {
  const params: [string, string][] = [
    ["MessageSid", fields.MessageSid ?? `SM${String(++sidCounter).padStart(32, "0")}`],
    ["AccountSid", SID],
    ["From", fields.From ?? WORKER],
    ["To", OUR_NUMBER],
    ["Body", fields.Body],
    ["NumMedia", "0"],
    ["FromCity", "DHAKA"],
  ];
  const path = `/channels/sms/${orgId}`;
  const signature =
    opts.signature === undefined
      ? twilioSignature(opts.token ?? TOKEN, `${env().publicOrigin}${path}`, params)
      : opts.signature;
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (signature !== null) headers["X-Twilio-Signature"] = signature;
  return {
    request: new Request(`http://internal-host:9999${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams(params),
    }),
    sid: params[0][1],
  };
}

async function post(orgId: string, req: { request: Request }) {
  return (await settle(webhookAction(routeArgs(req.request, { orgId })))) as Response;
}

async function connectedOrg(defaultLanguage = "en") {
  const org = await createOrg();
  saveSmsChannel(org.members.admin.ctx, { accountSid: SID, authToken: TOKEN, defaultLanguage });
  return org;
}

function everyStoredValue(): string {
  const sqlite = db().$client;
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string }[];
  return tables
    .flatMap(({ name }) =>
      (sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((r) =>
        JSON.stringify(r),
      ),
    )
    .join("\n");
}

describe("Twilio signature", () => {
  it("is HMAC-SHA1 over the URL and the parameters sorted by name, in base64", () => {
    const params: [string, string][] = [
      ["To", "+18005551212"],
      ["Body", "hello"],
      ["From", "+12349013030"],
    ];
    const url = "https://example.test/channels/sms/x?a=1";
    const expected = createHmac("sha1", TOKEN)
      .update(`${url}Bodyhello` + "From+12349013030" + "To+18005551212")
      .digest("base64");
    expect(twilioSignature(TOKEN, url, params)).toBe(expected);
    expect(verifyTwilioSignature(TOKEN, url, params, expected)).toBe(true);
    expect(verifyTwilioSignature(TOKEN, url, params, null)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, `${url}&b=2`, params, expected)).toBe(false);
    expect(verifyTwilioSignature(TOKEN, url, [...params, ["Extra", "1"]], expected)).toBe(false);
  });

  it("languages follow the message's script, Latin the number's own language", () => {
    expect(languageOfText("আমার পাসপোর্ট রেখে দিয়েছে।", "en")).toBe("bn");
    expect(languageOfText("मेरा पासपोर्ट", "en")).toBe("hi");
    expect(languageOfText("मेरो राहदानी", "ne")).toBe("ne");
    expect(languageOfText("ကျွန်ုပ်", "en")).toBe("my");
    expect(languageOfText("جواز سفري", "en")).toBe("ar");
    expect(languageOfText("Mi pasaporte", "es")).toBe("es");
  });
});

describe("SMS/WhatsApp webhook", () => {
  it("refuses missing and wrong signatures (403) and stores nothing; an unconnected org is 404", async () => {
    const org = await connectedOrg();
    expect((await post(org.id, inbound(org.id, { Body: "help" }, { signature: null }))).status).toBe(403);
    expect((await post(org.id, inbound(org.id, { Body: "help" }, { signature: "bm9wZQ==" }))).status).toBe(
      403,
    );
    expect((await post(org.id, inbound(org.id, { Body: "help" }, { token: "f".repeat(32) }))).status).toBe(
      403,
    );
    // A body changed after signing.
    const signed = inbound(org.id, { Body: "help" });
    const tampered = new Request(signed.request.url, {
      method: "POST",
      headers: signed.request.headers,
      body: (await signed.request.text()).replace("help", "pay+us"),
    });
    expect((await post(org.id, { request: tampered })).status).toBe(403);
    expect(db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all()).toEqual(
      [],
    );
    expect(
      db().select().from(grievanceInboundSeen).where(eq(grievanceInboundSeen.organizationId, org.id)).all(),
    ).toEqual([]);
    expect(
      db()
        .select()
        .from(grievanceConversations)
        .where(eq(grievanceConversations.organizationId, org.id))
        .all(),
    ).toEqual([]);
    expect(everyStoredValue()).not.toContain("pay+us");
    expect(sent).toHaveLength(0);

    const other = await createOrg();
    expect((await post(other.id, inbound(other.id, { Body: "help" }))).status).toBe(404);
  });

  it("opens a case in the worker's language, replies with the receipt code, adds later texts, answers STATUS", async () => {
    sent.length = 0;
    const org = await connectedOrg();
    const first = inbound(org.id, { Body: "এজেন্ট আমাদের পাসপোর্ট রেখে দিয়েছে। ফেরত চাইলে হুমকি দেয়।" });
    const res = await post(org.id, first);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("text/xml");
    expect(await res.text()).toContain("<Response></Response>");

    const c = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).get()!;
    expect(c).toMatchObject({ channel: "sms", language: "bn", state: "received", contactSealed: null });
    expect(c.whatHappened).toContain("পাসপোর্ট");
    // The reply went out through the provider's API, from our number to the worker, with the code.
    expect(sent).toHaveLength(1);
    expect(sent[0].path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(sent[0].auth).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString("base64")}`);
    expect(sent[0].form.get("To")).toBe(WORKER);
    expect(sent[0].form.get("From")).toBe(OUR_NUMBER);
    const code = /(\d{4} \d{4} \d{4} \d{4})/.exec(sent[0].form.get("Body")!)![1];
    expect(sent[0].form.get("Body")).toContain("ধন্যবাদ");

    // Nothing identifying is stored: not the number (in any form), not the provider's id or metadata.
    const stored = everyStoredValue();
    for (const needle of [WORKER, WORKER.slice(1), "1711223344", first.sid, "DHAKA"])
      expect(stored.includes(needle), needle).toBe(false);

    // A replay of the same webhook adds nothing and sends nothing.
    const replay = inbound(org.id, {
      Body: "এজেন্ট আমাদের পাসপোর্ট রেখে দিয়েছে। ফেরত চাইলে হুমকি দেয়।",
      MessageSid: first.sid,
    });
    expect((await post(org.id, replay)).status).toBe(200);
    expect(
      db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all(),
    ).toHaveLength(1);
    expect(sent).toHaveLength(1);

    // A later text from the same phone goes to the same case.
    await post(org.id, inbound(org.id, { Body: "আজও ফেরত দেয়নি" }));
    const messages = db().select().from(grievanceMessages).where(eq(grievanceMessages.caseId, c.id)).all();
    expect(messages.map((m) => [m.author, m.body])).toContainEqual(["reporter", "আজও ফেরত দেয়নি"]);
    expect(sent[1].form.get("Body")).toBe("ধন্যবাদ। আপনার বার্তা আপনার অভিযোগে যোগ করা হয়েছে।");

    // STATUS with the code, before and after a handler's reply (even from another phone).
    await post(org.id, inbound(org.id, { Body: `status ${code}`, From: "+8801900000000" }));
    expect(sent[2].form.get("Body")).toBe(
      `আপনার অভিযোগ: ${reporterStateLabel("bn", "received")}। এখনও কোনো উত্তর নেই।`,
    );
    await post(org.id, inbound(org.id, { Body: "STATUS 0000 0000 0000 0000" }));
    expect(sent[3].form.get("Body")).toBe(
      "এই কোড দিয়ে কোনো অভিযোগ খোলা যায়নি। সংখ্যাগুলো দেখে আবার STATUS এবং কোড পাঠান।",
    );

    // WhatsApp from the same number is its own conversation and its own case.
    await post(org.id, inbound(org.id, { Body: "Passport kept by agent", From: `whatsapp:${WORKER}` }));
    const cases = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all();
    expect(cases.map((x) => x.channel).sort()).toEqual(["sms", "whatsapp"]);
    expect(cases.find((x) => x.channel === "whatsapp")!.language).toBe("en");
    expect(
      db()
        .select()
        .from(grievanceConversations)
        .where(eq(grievanceConversations.organizationId, org.id))
        .all(),
    ).toHaveLength(2);
  });

  it("STATUS returns the handler's latest reply; a failed reply is not retried and the text is kept", async () => {
    sent.length = 0;
    const org = await connectedOrg("es");
    const handler = await addMember(org.id, "grievance_handler");
    await post(org.id, inbound(org.id, { Body: "Nos quitan el pasaporte", From: "+50212345678" }));
    const code = /(\d{4} \d{4} \d{4} \d{4})/.exec(sent[0].form.get("Body")!)![1];
    const c = db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).get()!;
    expect(c.language).toBe("es");
    replyToReporter(handler.ctx, c.id, { body: "Visitaremos la fábrica esta semana." });
    failNext = true;
    const res = await post(
      org.id,
      inbound(org.id, { Body: `STATUS ${code.replace(/ /g, "")}`, From: "+50299999999" }),
    );
    expect(res.status).toBe(200);
    expect(sent.at(-1)!.form.get("Body")).toBe(
      `Su denuncia: ${reporterStateLabel("es", "received")}. Última respuesta: Visitaremos la fábrica esta semana.`,
    );
  });

  it("is rate-limited per organisation with Retry-After", async () => {
    const org = await connectedOrg();
    writeTx((tx) => {
      for (let i = 0; i < 600; i++) recordFailure(tx, webhookLimits(org.id), new Date());
    });
    const res = await post(org.id, inbound(org.id, { Body: "help" }));
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(db().select().from(grievanceCases).where(eq(grievanceCases.organizationId, org.id)).all()).toEqual(
      [],
    );
  });
});

describe("worker channel settings", () => {
  it("admins connect a number: the token is sealed, never echoed, and the change is audit-logged", async () => {
    const org = await createOrg();
    const url = "/settings/worker-channel";
    const bad = await settle(
      settingsAction(
        routeArgs(
          requestAs(org.members.admin, url, {
            form: { intent: "save", accountSid: "nope", authToken: TOKEN, defaultLanguage: "bn" },
          }),
        ),
      ),
    );
    const badData = (bad as { data: { fieldErrors: Record<string, string>; values: Record<string, string> } })
      .data;
    expect(badData.fieldErrors.accountSid).toMatch(/AC followed by 32/);
    expect(badData.values.authToken).toBe("");
    expect(JSON.stringify(bad)).not.toContain(TOKEN);

    await settingsAction(
      routeArgs(
        requestAs(org.members.admin, url, {
          form: { intent: "save", accountSid: SID, authToken: TOKEN, defaultLanguage: "bn" },
        }),
      ),
    );
    const row = db()
      .select()
      .from(grievanceSmsChannels)
      .where(eq(grievanceSmsChannels.organizationId, org.id))
      .get()!;
    expect(row.authTokenSealed).not.toContain(TOKEN);
    expect(row.authTokenHint).toBe("cdef");
    const page = (await settingsLoader(routeArgs(requestAs(org.members.admin, url)))) as {
      settings: unknown;
    };
    expect(JSON.stringify(page)).not.toContain(TOKEN);
    expect(page.settings).toMatchObject({
      webhookUrl: `${env().publicOrigin}/channels/sms/${org.id}`,
      channel: { accountSid: SID, tokenHint: "cdef", defaultLanguage: "bn" },
    });
    const audit = db().select().from(auditLog).where(eq(auditLog.organizationId, org.id)).all();
    expect(audit.map((a) => a.action)).toContain("grievance.sms_channel_saved");
    expect(JSON.stringify(audit)).not.toContain(TOKEN);

    for (const role of ["procurement", "auditor", "executive"] as const) {
      const res = await settle(settingsLoader(routeArgs(requestAs(org.members[role], url))));
      expect((res as Response).status, role).toBe(403);
    }
  });
});
