import http from "node:http";
import https from "node:https";
import { guardedLookup } from "./url-policy.server";

export type SendRequest = { url: string; headers: Record<string, string>; body: string; timeoutMs: number };
/** status null: no HTTP answer (timeout, refused, DNS, SSRF guard); error says which. */
export type SendResult = { status: number | null; error: string | null; durationMs: number };
export type Sender = (req: SendRequest) => Promise<SendResult>;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

const MAX_ERROR_BODY = 300;

/**
 * One POST to a receiver: keep-alive connections per origin, every resolved address checked by the SSRF
 * guard, no redirects followed (a 3xx is a failure: following it could lead anywhere), a hard timeout
 * covering connect, send and the answer. The answer's first bytes are kept for the log when it is not 2xx.
 */
export const sendWebhook: Sender = (req) =>
  new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const done = (status: number | null, error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ status, error, durationMs: Math.round(performance.now() - started) });
    };
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      return done(null, "invalid URL");
    }
    const lib = url.protocol === "https:" ? https : url.protocol === "http:" ? http : null;
    if (!lib) return done(null, `unsupported scheme ${url.protocol}`);
    const bodyBytes = Buffer.from(req.body, "utf8");
    const r = lib.request(url, {
      method: "POST",
      agent: agents[url.protocol as "http:" | "https:"],
      lookup: guardedLookup as never,
      headers: {
        ...req.headers,
        "content-type": "application/json",
        "content-length": String(bodyBytes.length),
        "user-agent": "Clearsource-Webhooks/1",
      },
    });
    // The clock starts when the request has a socket (not while it waits for one in the agent's queue).
    let timer: NodeJS.Timeout | undefined;
    r.once("socket", () => {
      timer = setTimeout(() => r.destroy(new Error(`timed out after ${req.timeoutMs} ms`)), req.timeoutMs);
    });
    r.on("error", (err) => done(null, err.message));
    r.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (!ok && text.length < MAX_ERROR_BODY) text += chunk;
      });
      res.on("end", () =>
        done(status, ok ? null : `HTTP ${status}${text ? `: ${text.slice(0, MAX_ERROR_BODY)}` : ""}`),
      );
      res.on("error", (err) => done(status, err.message));
    });
    r.end(bodyBytes);
  });
