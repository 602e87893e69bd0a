import type { FieldIssue } from "./field-issues";

export type { FieldIssue } from "./field-issues";

// One place maps every failure to an HTTP status and a message that is safe to show a
// user. Upstream error text and stack traces go to the server log, never to the client.

const ERRORS = {
  invalid_input: { status: 400, message: "Some fields need attention." },
  malformed_json: { status: 400, message: "The request body is not valid JSON." },
  unsupported_media_type: {
    status: 415,
    message: "Send the request as JSON or as a form (multipart or urlencoded).",
  },
  payload_too_large: { status: 413, message: "The request is too large." },
  malformed_form: { status: 400, message: "The form could not be read. Please try again." },
  method_not_allowed: { status: 405, message: "This page cannot take that request." },
  unauthenticated: { status: 401, message: "Please sign in first." },
  not_found: { status: 404, message: "Not found." },
  cross_site: { status: 403, message: "This request must come from this site's own pages." },
  upstream_unavailable: {
    status: 502,
    message: "The AI service is unavailable right now. Please try again in a moment.",
  },
  rate_limited: {
    status: 429,
    message: "The AI service is busy. Please wait a minute and try again.",
  },
  upstream_auth: {
    status: 502,
    message: "The AI service rejected this server's credentials. Please let the site owner know.",
  },
  timeout: { status: 504, message: "Generating took too long. Please try again." },
  invalid_output: {
    status: 502,
    message: "The AI returned a learning path we could not use. Please try again.",
  },
  refused: {
    status: 422,
    message: "The AI declined to create a path for this request. Try rephrasing the topic.",
  },
  daily_limit: {
    status: 429,
    message: "You have used all of today's generations.",
  },
  concurrent_limit: {
    status: 429,
    message: "You already have as many generations running as allowed. Let one finish first.",
  },
  path_changed: {
    status: 409,
    message: "This path changed while it was being adapted. Please look at it and try again.",
  },
  nothing_to_undo: { status: 409, message: "There is no change to undo." },
  cancelled: { status: 499, message: "Generation was cancelled." },
  interrupted: {
    status: 503,
    message: "The server restarted while your path was being generated. Please try again.",
  },
  internal: { status: 500, message: "Something went wrong on our side. Please try again." },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];
  /** For 429s: when asking again can succeed (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ErrorCode,
    options: {
      cause?: unknown;
      issues?: FieldIssue[];
      detail?: string;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(options.detail ?? ERRORS[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return ERRORS[this.code].status;
  }

  /** The message a user may see: fixed per code, never the internal detail. */
  get publicMessage(): string {
    return ERRORS[this.code].message;
  }
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof Error && error.name === "AbortError") {
    return new AppError("cancelled", { cause: error });
  }
  return new AppError("internal", { cause: error });
}

/** The JSON error response every route handler returns. */
export function errorResponse(error: unknown): Response {
  const appError = toAppError(error);
  const body: {
    error: string;
    code: ErrorCode;
    issues?: FieldIssue[];
    retry_after_seconds?: number;
  } = { error: appError.publicMessage, code: appError.code };
  if (appError.issues) body.issues = appError.issues;
  const headers = new Headers();
  if (appError.retryAfterSeconds !== undefined) {
    body.retry_after_seconds = appError.retryAfterSeconds;
    headers.set("Retry-After", String(appError.retryAfterSeconds));
  }
  return Response.json(body, { status: appError.status, headers });
}
