import { firstEntry, knowsClientAddresses, type ProxyTrust } from "@/lib/http/client-address";

// The address visitors reach the app at, which Auth.js writes into its redirects and
// OAuth callback URLs. Next hands route handlers a URL built from the address the server
// listens on (http://localhost:3000), not the one the visitor used. AUTH_URL, when set,
// names it outright. Otherwise the Host and X-Forwarded-Proto headers are believed only
// where a proxy of ours (TRUST_PROXY) or Vercel writes them; a visitor reaching the
// server directly could write anything there, so then the server's own URL stays.

export type OriginSettings = ProxyTrust & { AUTH_URL?: string };

export function publicOrigin(request: Request, settings: OriginSettings): string {
  const own = new URL(request.url);
  if (settings.AUTH_URL) return new URL(settings.AUTH_URL).origin;
  if (!knowsClientAddresses(settings)) return own.origin;
  const headers = request.headers;
  // Host, not X-Forwarded-Host: nginx as the README sets it up (and Vercel) writes Host,
  // but passes on an X-Forwarded-Host the visitor wrote.
  const host = headers.get("host") ?? firstEntry(headers.get("x-forwarded-host"));
  const protocol = firstEntry(headers.get("x-forwarded-proto")) ?? own.protocol.slice(0, -1);
  if (!host || (protocol !== "http" && protocol !== "https")) return own.origin;
  try {
    return new URL(`${protocol}://${host}`).origin;
  } catch {
    // A host that is no host name: keep the server's own address.
    return own.origin;
  }
}
