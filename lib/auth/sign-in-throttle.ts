import "server-only";
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from "@/lib/db";

// Slows password guessing: after too many failures in a window, for one account or from
// one client address, sign-in is refused until the window has passed. Unknown emails are
// counted like real ones, so the limit reveals nothing about which accounts exist.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

const accountKey = (email: string) => `email:${email}`;
const clientKey = (ip: string) => `ip:${ip}`;

export async function isSignInThrottled(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [account, client] = await Promise.all([
    countSignInFailures(accountKey(email), since),
    countSignInFailures(clientKey(ip), since),
  ]);
  return account >= MAX_FAILURES_PER_ACCOUNT || client >= MAX_FAILURES_PER_CLIENT;
}

export async function noteSignInFailure(email: string, ip: string): Promise<void> {
  await recordSignInFailure([accountKey(email), clientKey(ip)]);
}

export async function noteSignInSuccess(email: string): Promise<void> {
  await clearSignInFailures(accountKey(email));
}

/**
 * The client's address as the nearest proxy saw it. Behind the app's own reverse proxy
 * or host this is the first X-Forwarded-For entry; trusting it only behind a known proxy
 * is the hardening issue's TRUST_PROXY work.
 */
export function clientAddress(headers: Headers): string {
  return (
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown"
  );
}
