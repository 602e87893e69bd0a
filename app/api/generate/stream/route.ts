import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import {
  claimGenerationTicket,
  createGenerationLogger,
  createSseResponse,
  type GenerationTicket,
  startGeneration,
} from "@/lib/generation";
import { readJsonOrForm } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import {
  LEARNING_PATH_REQUEST_BODY,
  parseLearningPathRequest,
} from "@/lib/learning-path/parse-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  let input: ReturnType<typeof parseLearningPathRequest>;
  let userId: string | undefined;
  let ticket: GenerationTicket;
  try {
    // No other site's page may start a paid generation with a visitor's browser.
    assertSameOrigin(request);
    input = parseLearningPathRequest(await readJsonOrForm(request, LEARNING_PATH_REQUEST_BODY));
    userId = await currentUserId(request);
    // Over quota is a plain 429 with Retry-After, before any stream starts.
    ticket = await claimGenerationTicket({ headers: request.headers, userId });
  } catch (error) {
    return errorResponse(error);
  }
  const logger = createGenerationLogger();
  const headers: Record<string, string> = { "X-Request-Id": logger.requestId };
  if (ticket.remaining !== null) headers["X-Generations-Remaining"] = String(ticket.remaining);
  return createSseResponse(
    (signal) =>
      startGeneration(input, signal, { maxDurationSeconds: maxDuration, logger, userId, ticket }),
    request.signal,
    headers,
  );
}
