import "server-only";
import { createHmac } from "node:crypto";
import { getAppSecret } from "@/lib/auth/secret";
import { claimTicket, countTicketsToday, type NewJobRow } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, type ErrorCode } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { MAX_GENERATION_SECONDS } from "./budget";

// Who may start a generation now. Every generation holds a ticket (one name for the
// quota concept: claimed before the stream starts, finished when it ends). A paid model
// costs money per generation, so guests (per address) and users get a daily number of
// tickets; any provider allows only a few unfinished tickets at once per guest address or
// user. Tickets live in the database, so they hold across serverless instances and
// restarts.

/** Failures that are not the user's doing: such a generation is not counted. */
const FREE_FAILURES = new Set<ErrorCode>([
  "upstream_unavailable",
  "upstream_auth",
  "rate_limited",
  "timeout",
  "invalid_output",
  "interrupted",
  "internal",
  // Another change of the same path was saved first: this one saved nothing.
  "path_changed",
]);
/** Longer than any generation may run: a ticket older than this belongs to a dead one. */
const RUNNING_AT_MOST_MS = (MAX_GENERATION_SECONDS + 60) * 1000;

/**
 * A claimed ticket. Its job settles it when it ends, however it ends (lib/db's
 * `finishJob`, which also gives it back when `ticketRefunded` says so).
 */
export type GenerationTicket = {
  id: string;
  /** Generations left in the last 24 hours after this one; null when there is no daily cap. */
  remaining: number | null;
};

/**
 * Whether a finished generation is left out of the daily count: one cancelled before
 * its first milestone (a typo fixed), or one that failed for reasons that are not the
 * user's (the AI service, time, a restart, a bug of ours).
 */
export function ticketRefunded(end: {
  status: "complete" | "failed" | "cancelled" | "interrupted";
  code?: ErrorCode;
  milestoneSeen: boolean;
}): boolean {
  if (end.status === "cancelled") return !end.milestoneSeen;
  if (end.status === "interrupted") return true;
  return end.status === "failed" && end.code !== undefined && FREE_FAILURES.has(end.code);
}

/** Tickets left today out of the daily limit; null when there is no daily cap. */
export type TicketsLeft = { limit: number; remaining: number } | null;

export type Asker = { headers: Headers; userId?: string };

function subjectOf({ headers, userId }: Asker): string {
  if (userId) return `user:${userId}`;
  // Addresses are personal data and the key only needs to tell them apart: it is keyed
  // with the app's secret, so the stored value cannot be reversed by hashing every
  // IPv4 address.
  const address = clientAddress(headers, env);
  const digest = createHmac("sha256", getAppSecret()).update(address).digest("base64url");
  return `guest:${digest.slice(0, 22)}`;
}

function dailyLimitOf({ userId }: Asker): number | null {
  const paid = Boolean(env.OPENAI_API_KEY);
  if (!paid) return null;
  return userId ? env.RATE_LIMIT_USER_PER_DAY : env.RATE_LIMIT_GUEST_PER_DAY;
}

/**
 * Claims a ticket for one generation, or throws a 429 AppError with Retry-After. With
 * `job`, a granted claim also stores the job's row (in the same statement).
 */
export async function claimTicketFor(asker: Asker, job?: NewJobRow): Promise<GenerationTicket> {
  const perDay = dailyLimitOf(asker);
  const limits = {
    perDay,
    concurrent: env.RATE_LIMIT_CONCURRENT,
    staleAfterMs: RUNNING_AT_MOST_MS,
  };
  const claim = await claimTicket(subjectOf(asker), limits, new Date(), job);
  if (!claim.granted) {
    const retryAfterSeconds = Math.max(1, Math.ceil((claim.retryAt.getTime() - Date.now()) / 1000));
    throw new AppError(claim.limit === "daily" ? "daily_limit" : "concurrent_limit", {
      retryAfterSeconds,
    });
  }
  return {
    id: claim.ticketId,
    remaining: perDay === null ? null : Math.max(0, perDay - claim.usedToday),
  };
}

/** What the form shows: how many generations are left today, or null without a cap. */
export async function ticketsLeftToday(asker: Asker): Promise<TicketsLeft> {
  const limit = dailyLimitOf(asker);
  if (limit === null) return null;
  const used = await countTicketsToday(subjectOf(asker));
  return { limit, remaining: Math.max(0, limit - used) };
}
