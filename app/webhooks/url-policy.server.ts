import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { env } from "~/infra/env.server";

/**
 * Where webhooks may be sent (SSRF guard). A receiver's address must not reach into the network the
 * server sits in: loopback, private, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and the unspecified address are refused unless WEBHOOK_ALLOW_PRIVATE_URLS is on (the default
 * only in development and test). The check runs twice: on the URL when it is saved (literal addresses),
 * and on every address the name resolves to when a delivery connects (`guardedLookup`), so a name that
 * later resolves to 127.0.0.1 (DNS rebinding) is refused too.
 */
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["64:ff9b::", 96],
] as const)
  BLOCKED.addSubnet(net, bits, "ipv6");

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, "ipv4");
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1], "ipv4");
    return BLOCKED.check(address, "ipv6");
  }
  return true; // not an address at all: refuse
}

const INTERNAL_NAMES = /(^|\.)(localhost|local|internal|localdomain)$/i;

/** Why a receiver URL is refused, in words for the form; null when it may be used. */
export function webhookUrlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full address, e.g. https://erp.example.com/hooks/clearsource.";
  }
  const { webhookAllowHttp, webhookAllowPrivate } = env();
  if (url.protocol !== "https:" && !(url.protocol === "http:" && webhookAllowHttp))
    return webhookAllowHttp ? "Use an http:// or https:// address." : "Use an https:// address.";
  if (url.username || url.password) return "Leave user names and passwords out of the address.";
  if (url.hash) return "Leave the #fragment out of the address.";
  if (webhookAllowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) ? isInternalAddress(host) : INTERNAL_NAMES.test(host) || !host.includes("."))
    return "That address is inside a private network; use the receiver's public address.";
  return null;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A dns.lookup for http.request that refuses internal addresses (see above). */
export function guardedLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, "");
    const list = addresses as LookupAddress[];
    if (!env().webhookAllowPrivate) {
      const bad = list.find((a) => isInternalAddress(a.address));
      if (bad) {
        const e = new Error(
          `${hostname} resolves to an internal address (${bad.address})`,
        ) as NodeJS.ErrnoException;
        e.code = "EWEBHOOKPRIVATE";
        return callback(e, "");
      }
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(new Error(`${hostname} has no address`), "");
    callback(null, first.address, first.family);
  });
}
