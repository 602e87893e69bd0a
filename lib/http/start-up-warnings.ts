import { knowsClientAddresses, type ProxyTrust } from "./client-address";

// Deployment mistakes the app can see from its own settings but cannot fix: each is
// logged once when the server starts (instrumentation.ts), loudly, so whoever runs it
// finds out before the visitors do.

export type StartUpSettings = ProxyTrust & {
  /** The address server.js listens on (npm start sets it; unset means every interface). */
  HOSTNAME?: string;
  AUTH_URL?: string;
  AUTH_GITHUB_ID?: string;
  AUTH_GOOGLE_ID?: string;
};

export type StartUpWarning = { event: string; message: string };

/** Loopback only: nothing but this machine (and so the proxy on it) can connect. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function startUpWarnings(settings: StartUpSettings): StartUpWarning[] {
  const warnings: StartUpWarning[] = [];
  if (!knowsClientAddresses(settings)) {
    warnings.push({
      event: "guests share one quota",
      message:
        "No trusted client address (TRUST_PROXY is unset and this is not Vercel): all guests share ONE daily generation count and one limit of streams at once, so one visitor can use it up for everybody. Put the app behind a proxy of yours and set TRUST_PROXY.",
    });
  }
  if (settings.TRUST_PROXY > 0 && !settings.VERCEL && !isLoopbackHost(settings.HOSTNAME)) {
    warnings.push({
      event: "reachable without the proxy",
      message: `TRUST_PROXY is set but the server listens on ${settings.HOSTNAME || "every interface"}: anyone who reaches it without going through your proxy can forge X-Forwarded-For and get a fresh guest quota per request. Listen on 127.0.0.1 (npm start does unless HOST says otherwise) or let only the proxy reach this port.`,
    });
  }
  const oauth = settings.AUTH_GITHUB_ID || settings.AUTH_GOOGLE_ID;
  if (oauth && !settings.AUTH_URL && !knowsClientAddresses(settings)) {
    warnings.push({
      event: "sign-in addresses unknown",
      message:
        "GitHub or Google sign-in is configured, but neither AUTH_URL nor TRUST_PROXY is set: the app cannot know its public address, so sign-in redirects would point at this server's local address. Set AUTH_URL to the public address (e.g. https://paths.example.com).",
    });
  }
  return warnings;
}

export function logStartUpWarnings(settings: StartUpSettings): void {
  for (const { event, message } of startUpWarnings(settings)) {
    console.warn(JSON.stringify({ time: new Date().toISOString(), level: "warn", event, message }));
  }
}
