import { isIPv4, isIPv6 } from "node:net";

/** What the deployment says about the headers in front of the app (see lib/env.ts). */
export type ProxyTrust = {
  /** How many proxies of ours append to X-Forwarded-For (0: none). */
  TRUST_PROXY: number;
  /** Set by Vercel: its edge overwrites the client-address headers on every request. */
  VERCEL?: string;
};

/** The key every guest shares when the app cannot tell visitors apart. */
export const UNTRUSTED_CLIENT = "direct";

/** True when some header can be believed to name the client: a proxy of ours or Vercel. */
export function knowsClientAddresses(trust: ProxyTrust): boolean {
  return Boolean(trust.VERCEL) || trust.TRUST_PROXY > 0;
}

/**
 * Who is asking, as far as this app can tell: the key guests are counted under.
 *
 * Next's request handler does not expose the socket's address, and it keeps any
 * X-Forwarded-For header a client sends. So a forwarding header is believed only when
 * TRUST_PROXY says how many proxies of our own stand in front (nginx: 1; a CDN in front
 * of nginx: 2). Each proxy appends the address it saw, so the client is the entry that
 * many places from the end; anything before it was written by the client and is ignored.
 * On Vercel the platform replaces X-Vercel-Forwarded-For and X-Real-IP with the address
 * it saw, so they are believed without any setting.
 * Without either, every guest shares one key ("direct"): limits then hold for all guests
 * together, which fails safe instead of trusting forgeable headers.
 */
export function clientAddress(headers: Headers, trust: ProxyTrust): string {
  const address = trust.VERCEL
    ? (firstEntry(headers.get("x-vercel-forwarded-for")) ?? firstEntry(headers.get("x-real-ip")))
    : trust.TRUST_PROXY > 0
      ? addressOurProxySaw(headers, trust.TRUST_PROXY)
      : UNTRUSTED_CLIENT;
  if (address === UNTRUSTED_CLIENT) return address;
  return address ? networkOf(address) : "unknown";
}

function addressOurProxySaw(headers: Headers, trustedProxies: number): string | undefined {
  const chain = entries(headers.get("x-forwarded-for"));
  return chain[Math.max(0, chain.length - trustedProxies)] ?? firstEntry(headers.get("x-real-ip"));
}

const entries = (value: string | null): string[] =>
  (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);

/** The first entry of a comma-separated forwarding header: what the outermost proxy wrote. */
export const firstEntry = (value: string | null): string | undefined => entries(value)[0];

/**
 * One household or phone gets a whole IPv6 /64, so an IPv6 client is counted by its /64
 * (otherwise every new address in it would get a fresh quota). IPv4 stays as it is.
 */
function networkOf(address: string): string {
  // An IPv4 client seen through an IPv6 socket ("::ffff:203.0.113.7") is that IPv4 client.
  const mapped = /^::ffff:(.+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(address)) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = address.includes("::")
    ? [...headGroups, ...Array(Math.max(0, missing)).fill("0"), ...tailGroups]
    : headGroups;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
