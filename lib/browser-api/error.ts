import type { ErrorCode, FieldIssue } from "@/lib/errors";

// The one way the browser turns a failed call into something to show. The server answers
// every failure with `{ error, code, issues?, retry_after_seconds? }` (lib/errors), whose
// `error` is already safe to show; anything else (no answer, a dropped connection, a body
// that is not ours, such as a proxy's error page) reads as a lost connection.

export const CONNECTION_LOST = "Connection lost. Please try again.";

/** A call to this site's API that did not succeed. `message` is safe to show as it is. */
export class BrowserApiError extends Error {
  /** The server's error code; "network" when no answer of ours arrived. */
  readonly code: ErrorCode | "network";
  /** The HTTP status the server answered with; null when there was no answer. */
  readonly status: number | null;
  /** Which fields were wrong, for invalid input. */
  readonly issues: FieldIssue[];
  /** For a quota refusal: seconds until asking again can succeed. */
  readonly retryAfterSeconds: number | null;

  constructor(
    message: string,
    details: {
      code: ErrorCode | "network";
      status?: number | null;
      issues?: FieldIssue[];
      retryAfterSeconds?: number | null;
    },
  ) {
    super(message);
    this.name = "BrowserApiError";
    this.code = details.code;
    this.status = details.status ?? null;
    this.issues = details.issues ?? [];
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
  }

  /** The server answered and said no (as opposed to the connection failing). */
  get answeredByServer(): boolean {
    return this.status !== null;
  }
}

/** A failure with no answer from the server: offline, dropped, or aborted. */
export function connectionLost(status: number | null = null): BrowserApiError {
  return new BrowserApiError(CONNECTION_LOST, { code: "network", status });
}

type ErrorBody = {
  error?: unknown;
  code?: unknown;
  issues?: unknown;
  retry_after_seconds?: unknown;
};

/** Reads a non-OK response into one error, with the wait a 429 asks for in its message. */
export async function readApiError(response: Response): Promise<BrowserApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  if (typeof body?.error !== "string" || typeof body.code !== "string") {
    return connectionLost(response.status);
  }
  const retryAfterSeconds =
    typeof body.retry_after_seconds === "number" ? body.retry_after_seconds : null;
  const message =
    response.status === 429 && retryAfterSeconds
      ? `${body.error} Try again in ${describeWait(retryAfterSeconds)}.`
      : body.error;
  return new BrowserApiError(message, {
    code: body.code as ErrorCode,
    status: response.status,
    issues: Array.isArray(body.issues) ? (body.issues as FieldIssue[]) : [],
    retryAfterSeconds,
  });
}

/** "about 3 hours" from a Retry-After in seconds: the wait a 429 asks for, in words. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return "a minute";
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} ${hours === 1 ? "hour" : "hours"}`;
}
