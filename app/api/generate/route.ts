import { currentUserId } from "@/lib/auth";
import {
  claimJob,
  followJob,
  keepRunning,
  runToCompletion,
  startGenerationJob,
} from "@/lib/generation";
import { apiRoute, jsonOrFormInput } from "@/lib/http/api-route";
import {
  LEARNING_PATH_REQUEST_BODY,
  parseLearningPathRequest,
} from "@/lib/learning-path/parse-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** The non-streaming fallback: same input, the finished path as JSON. */
export const POST = apiRoute(
  {
    input: jsonOrFormInput(LEARNING_PATH_REQUEST_BODY, parseLearningPathRequest),
    userId: currentUserId,
  },
  async ({ request, input, userId }) => {
    const claimed = await claimJob({ headers: request.headers, userId });
    const job = startGenerationJob(input, { ...claimed, userId, maxDurationSeconds: maxDuration });
    keepRunning(job.finished);
    const { path, redirectUrl } = await runToCompletion(followJob(job.id, 0, request.signal));
    return Response.json({ path, redirect_url: redirectUrl });
  },
);
