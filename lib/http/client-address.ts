import { isIPv4, isIPv6 } from "node:net";

/**
 * Who is asking, as far as this app can tell: the key guests are counted under.
 *
 * Next's request handler does not expose the socket's address, and it keeps any
 * X-Forwarded-For header a client sends. So a forwarding header is believed only when
 * TRUST_PROXY says how many proxies of our own stand in front (nginx: 1; a CDN in front
 * of nginx: 2). Each proxy appends the address it saw, so the client is the entry that
 * many places from the end; anything before it was written by the client and is ignored.
 * Without a trusted proxy every guest shares one key ("direct"): limits then hold for
 * all guests together, which fails safe instead of trusting forgeable headers.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  if (trustedProxies <= 0) return "direct";
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = chain[Math.max(0, chain.length - trustedProxies)] ?? headers.get("x-real-ip");
  return address ? networkOf(address) : "unknown";
}

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
