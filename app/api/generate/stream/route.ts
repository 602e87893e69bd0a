import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import {
  claimGenerationTicket,
  createGenerationLogger,
  followAsStarter,
  keepRunning,
  type StartedJob,
  startGenerationJob,
} from "@/lib/generation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { parseLearningPathRequest } from "@/lib/learning-path/parse-request";
import { createSseResponse } from "@/lib/sse/response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  let job: StartedJob;
  let remaining: number | null;
  const logger = createGenerationLogger();
  try {
    // No other site's page may start a paid generation with a visitor's browser.
    assertSameOrigin(request);
    const input = await parseLearningPathRequest(request);
    const userId = await currentUserId(request);
    // Over quota is a plain 429 with Retry-After, before any stream starts.
    const ticket = await claimGenerationTicket({ headers: request.headers, userId });
    remaining = ticket.remaining;
    job = await startGenerationJob(input, {
      maxDurationSeconds: maxDuration,
      logger,
      userId,
      ticket,
    });
  } catch (error) {
    return errorResponse(error);
  }
  // The job outlives this response: a lost connection does not stop it.
  keepRunning(job.finished);
  const headers: Record<string, string> = {
    "X-Request-Id": logger.requestId,
    "X-Generation-Id": job.id,
  };
  if (remaining !== null) headers["X-Generations-Remaining"] = String(remaining);
  return createSseResponse((signal) => followAsStarter(job, signal), request.signal, headers);
}
