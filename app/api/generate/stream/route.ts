import { currentUserId } from "@/lib/auth";
import { claimJob, startGenerationJob, streamToStarter } from "@/lib/generation";
import { apiRoute, jsonOrFormInput } from "@/lib/http/api-route";
import {
  LEARNING_PATH_REQUEST_BODY,
  parseLearningPathRequest,
} from "@/lib/learning-path/parse-request";

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
    const claimed = await claimJob({ headers: request.headers, userId });
    const started = startGenerationJob(input, {
      ...claimed,
      userId,
      maxDurationSeconds: maxDuration,
    });
    return streamToStarter(request, claimed, started);
  },
);
