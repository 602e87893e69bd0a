import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import {
  claimGenerationTicket,
  followJob,
  keepRunning,
  runToCompletion,
  startGenerationJob,
} from "@/lib/generation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { parseLearningPathRequest } from "@/lib/learning-path/parse-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** The non-streaming fallback: same input, the finished path as JSON. */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const input = await parseLearningPathRequest(request);
    const userId = await currentUserId(request);
    const ticket = await claimGenerationTicket({ headers: request.headers, userId });
    const job = await startGenerationJob(input, {
      maxDurationSeconds: maxDuration,
      userId,
      ticket,
    });
    keepRunning(job.finished);
    const { path, redirectUrl } = await runToCompletion(followJob(job.id, 0, request.signal));
    return Response.json({ path, redirect_url: redirectUrl });
  } catch (error) {
    return errorResponse(error);
  }
}
