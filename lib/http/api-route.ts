import { AppError, errorResponse } from "@/lib/errors";
import { toFieldIssues } from "@/lib/errors/field-issues";
import { type FormShape, readJsonBody, readJsonOrForm } from "./read-body";
import { assertSameOrigin } from "./same-origin";

// One shape for every API route handler, so the order of checks cannot differ between
// them: other sites' pages are refused first (403), before anything is read, so a
// cross-site request learns nothing from its body; then the input is read and validated
// (415, 413, 400); then the session (401); then the handler's own work, which answers 404
// for other people's things and 429 over quota. Whatever is thrown on the way becomes the
// error table's response (lib/errors), never a stack trace.

/** What a handler's work receives once every check has passed. */
export type ApiCall<Input, UserId> = { request: Request; input: Input; userId: UserId };

/** Methods that change nothing, so another site's page may send them (e.g. a download link). */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A route handler that runs the checks above, then `work`. `input` reads and validates
 * the body or query; `userId` reads the session: lib/auth's requireUserId (401 for a
 * guest) or currentUserId (guests welcome), left out when who asks does not matter.
 * (Passed in, not imported: lib/auth uses lib/http, and folders must not import back.)
 * A dynamic route's work takes Next's context as its second parameter
 * (`{ params }: RouteContext<"/api/x/[id]">`); the returned handler then takes it too.
 */
export function apiRoute<Input = undefined, UserId = undefined, Context extends unknown[] = []>(
  options: {
    input?: (request: Request) => Promise<Input>;
    userId?: (request: Request) => Promise<UserId>;
  },
  work: (call: ApiCall<Input, UserId>, ...context: Context) => Promise<Response>,
): (request: Request, ...context: Context) => Promise<Response> {
  return async (request, ...context) => {
    try {
      if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
      // A step left out yields undefined, which is then its type parameter's default.
      const input = (options.input ? await options.input(request) : undefined) as Input;
      const userId = (options.userId ? await options.userId(request) : undefined) as UserId;
      return await work({ request, input, userId }, ...context);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** A zod or zod/mini schema (both have safeParse with this result). */
type Schema<T> = {
  safeParse(value: unknown):
    | { success: true; data: T }
    | {
        success: false;
        error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
      };
};

/** The value if the schema accepts it, else 400 invalid_input naming each bad field. */
export function validInput<T>(schema: Schema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("invalid_input", { issues: toFieldIssues(parsed.error) });
  return parsed.data;
}

/** Input sent as a JSON body of at most `maxBytes`, checked by `schema`. */
export function jsonInput<T>(schema: Schema<T>, maxBytes: number) {
  return async (request: Request): Promise<T> =>
    validInput(schema, await readJsonBody(request, maxBytes));
}

/** Input sent as JSON or as a form of the given shape, checked by the domain's `parse`. */
export function jsonOrFormInput<T>(shape: FormShape, parse: (data: unknown) => T) {
  return async (request: Request): Promise<T> => parse(await readJsonOrForm(request, shape));
}

/** Input sent in the URL's query string (one value per name), checked by `schema`. */
export function queryInput<T>(schema: Schema<T>) {
  return async (request: Request): Promise<T> =>
    validInput(schema, Object.fromEntries(new URL(request.url).searchParams));
}
