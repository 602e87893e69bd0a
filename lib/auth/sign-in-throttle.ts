import "server-only";
import { clearSignInFailures, countSignInFailures, recordSignInFailure } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

// Slows password guessing: after too many failures in a window, for one account or from
// one client address, sign-in is refused until the window has passed. Unknown emails are
// counted like real ones, so the limit reveals nothing about which accounts exist.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;

const accountKey = (email: string) => `email:${email}`;
const clientKey = (ip: string) => `ip:${ip}`;

/**
 * The address sign-in failures are counted under, or null when the app cannot tell
 * visitors apart (no trusted proxy): then one address limit would lock everybody out.
 */
export function signInClient(headers: Headers): string | null {
  const address = clientAddress(headers, env);
  return address === "direct" ? null : address;
}

export async function isSignInThrottled(email: string, ip: string | null): Promise<boolean> {
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MS);
  const [account, client] = await Promise.all([
    countSignInFailures(accountKey(email), since),
    ip === null ? 0 : countSignInFailures(clientKey(ip), since),
  ]);
  return account >= MAX_FAILURES_PER_ACCOUNT || client >= MAX_FAILURES_PER_CLIENT;
}

export async function noteSignInFailure(email: string, ip: string | null): Promise<void> {
  await recordSignInFailure(ip === null ? [accountKey(email)] : [accountKey(email), clientKey(ip)]);
}

export async function noteSignInSuccess(email: string): Promise<void> {
  await clearSignInFailures(accountKey(email));
}
