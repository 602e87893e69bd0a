import OpenAI from "openai";

// When to ask the model again after a call failed before its first token. The SDK has
// retries of its own, but its waits cannot be cancelled and ignore any time budget (a
// Retry-After of an hour would be slept in full), so the client is built with
// maxRetries: 0 and this decides instead.

export const MAX_RETRIES = 2;
const FIRST_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/**
 * Milliseconds to wait before retry number `attempt + 1`, or null when this failure is
 * not worth retrying: rate limits, server errors and dropped connections are; a bad key,
 * a bad request or an exhausted account (insufficient_quota) are not.
 */
export function retryDelayMs(error: unknown, attempt: number, random = Math.random): number | null {
  if (error instanceof OpenAI.APIUserAbortError) return null;
  if (error instanceof OpenAI.APIConnectionError) return backoff(attempt, random);
  if (!(error instanceof OpenAI.APIError) || error.status === undefined) return null;
  const retryable =
    (error.status === 429 && error.code !== "insufficient_quota") ||
    error.status === 408 ||
    error.status >= 500;
  if (!retryable) return null;
  return retryAfterMs(error.headers) ?? backoff(attempt, random);
}

/** Exponential backoff with up to 25% jitter, so many clients do not retry in step. */
function backoff(attempt: number, random: () => number): number {
  const base = Math.min(FIRST_BACKOFF_MS * 2 ** attempt, MAX_BACKOFF_MS);
  return Math.round(base * (1 - random() * 0.25));
}

/** The wait the server asked for: retry-after-ms, or Retry-After in seconds or as a date. */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const millis = Number.parseFloat(headers?.get("retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return millis;
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
