import { AppError } from "@/lib/errors";

/**
 * Refuses state-changing requests sent by other sites' pages (CSRF). Browsers mark every
 * fetch with Sec-Fetch-Site and cross-origin ones with Origin; requests without either
 * (curl, server-to-server) carry no visitor's cookies by accident.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("cross_site");
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
