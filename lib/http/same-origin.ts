import { AppError } from "@/lib/errors";

/**
 * Refuses state-changing requests sent by other sites' pages (CSRF), including a paid
 * generation started from someone else's page. Modern browsers label every request with
 * Sec-Fetch-Site, which is decisive when present (and unaffected by proxies rewriting
 * Host). Without it, a browser's Origin must match the host the request was sent to.
 * Requests with neither (curl, server-to-server) carry no visitor's cookies by accident.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site) {
    if (site !== "same-origin" && site !== "none") throw new AppError("cross_site");
    return;
  }
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("cross_site");
  }
  if (originHost !== host) throw new AppError("cross_site");
}
