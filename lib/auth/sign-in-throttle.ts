import "server-only";
import {
  clearSignInFailures,
  countSignInFailureUnlessRefused,
  type FailureCounter,
  uncountSignInFailure,
} from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

// Slows password guessing without handing strangers a way to lock an owner out.
// Every attempt counts as a failure before its password is checked (taken back when it
// succeeds), in one locked step, so parallel guesses cannot all slip past the count.
// - From one client address, one account gets 5 tries per 15 quiet minutes, and the
//   address 20 tries across accounts: a guesser at one address is stopped, and the owner,
//   elsewhere, is not.
// - Across all addresses (and when the app cannot tell addresses apart), an account gets
//   10 tries, then each further try waits longer: 1, 2, 4, then 5 minutes at most. Many
//   addresses (or unknown ones) only slow the owner down, never shut them out for long.
// Unknown emails are counted like real ones, so the limits reveal nothing about accounts.

export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_CLIENT = 5;
export const MAX_FAILURES_PER_CLIENT = 20;
export const FREE_FAILURES_PER_ACCOUNT = 10;
const FIRST_ACCOUNT_DELAY_MS = 60 * 1000;
export const MAX_ACCOUNT_DELAY_MS = 5 * 60 * 1000;

export type SignInClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type SignInKeys = { account: string; accountAndClient?: string; client?: string };

function signInKeys(email: string, ip: string | null): SignInKeys {
  const account = `account:${email}`;
  if (ip === null) return { account };
  return { account, accountAndClient: `${account}|ip:${ip}`, client: `ip:${ip}` };
}

/**
 * The address sign-in failures are counted under, or null when the app cannot tell
 * visitors apart (no trusted proxy): then one address limit would lock everybody out.
 */
export function signInClient(headers: Headers): string | null {
  const address = clientAddress(headers, env);
  return address === "direct" ? null : address;
}

/** How long an account waits after its last failure, given its failures across addresses. */
export function accountDelayMs(failures: number): number {
  if (failures < FREE_FAILURES_PER_ACCOUNT) return 0;
  const doublings = failures - FREE_FAILURES_PER_ACCOUNT;
  return Math.min(FIRST_ACCOUNT_DELAY_MS * 2 ** doublings, MAX_ACCOUNT_DELAY_MS);
}

/** When the counters allow another attempt, or undefined when they allow it now. */
function retryAt(keys: SignInKeys, counters: Map<string, FailureCounter>, now: Date) {
  const waits: number[] = [];
  const waitAfter = (key: string | undefined, delayMs: (failures: number) => number) => {
    const counter = key === undefined ? undefined : counters.get(key);
    if (!counter?.lastFailureAt) return;
    const until = counter.lastFailureAt.getTime() + delayMs(counter.failures);
    if (until > now.getTime()) waits.push(until);
  };
  const limit = (max: number) => (failures: number) => (failures >= max ? SIGN_IN_WINDOW_MS : 0);
  waitAfter(keys.account, accountDelayMs);
  waitAfter(keys.accountAndClient, limit(MAX_FAILURES_PER_ACCOUNT_AND_CLIENT));
  waitAfter(keys.client, limit(MAX_FAILURES_PER_CLIENT));
  return waits.length > 0 ? new Date(Math.max(...waits)) : undefined;
}

/**
 * Lets one sign-in attempt check its password, counting it as a failure in advance, or
 * says how long to wait. Parallel attempts are decided one at a time.
 */
export async function claimSignInAttempt(email: string, ip: string | null): Promise<SignInClaim> {
  const keys = signInKeys(email, ip);
  const now = new Date();
  const refusedUntil = await countSignInFailureUnlessRefused(
    Object.values(keys).filter((key) => key !== undefined),
    now,
    SIGN_IN_WINDOW_MS,
    (counters) => retryAt(keys, counters, now),
  );
  if (!refusedUntil) return { allowed: true };
  return {
    allowed: false,
    retryAfterSeconds: Math.ceil((refusedUntil.getTime() - now.getTime()) / 1000),
  };
}

/** The password was right: the account's failures are forgotten, the address's not. */
export async function noteSignInSuccess(email: string, ip: string | null): Promise<void> {
  const keys = signInKeys(email, ip);
  await clearSignInFailures(
    [keys.account, keys.accountAndClient].filter((key) => key !== undefined),
  );
  if (keys.client) await uncountSignInFailure(keys.client);
}
