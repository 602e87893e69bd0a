import { currentUserId } from "@/lib/auth";
import {
  claimGenerationTicket,
  createGenerationLogger,
  followAsStarter,
  keepRunning,
  startGenerationJob,
} from "@/lib/generation";
import { apiRoute, jsonOrFormInput } from "@/lib/http/api-route";
import {
  LEARNING_PATH_REQUEST_BODY,
  parseLearningPathRequest,
} from "@/lib/learning-path/parse-request";
import { createSseResponse } from "@/lib/sse/response";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

// apiRoute refuses other sites' pages first: no other site's page may start a paid
// generation with a visitor's browser. Every refusal is a plain JSON error; once the
// stream starts, failures travel as error frames instead.
export const POST = apiRoute(
  {
    input: jsonOrFormInput(LEARNING_PATH_REQUEST_BODY, parseLearningPathRequest),
    userId: currentUserId,
  },
  async ({ request, input, userId }) => {
    // Over quota is a plain 429 with Retry-After, before any stream starts.
    const ticket = await claimGenerationTicket({ headers: request.headers, userId });
    const logger = createGenerationLogger();
    const job = await startGenerationJob(input, {
      maxDurationSeconds: maxDuration,
      logger,
      userId,
      ticket,
    });
    // The job outlives this response: a lost connection does not stop it.
    keepRunning(job.finished);
    const headers: Record<string, string> = {
      "X-Request-Id": logger.requestId,
      "X-Generation-Id": job.id,
    };
    if (ticket.remaining !== null) headers["X-Generations-Remaining"] = String(ticket.remaining);
    return createSseResponse((signal) => followAsStarter(job, signal), request.signal, headers);
  },
);
