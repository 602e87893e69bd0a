import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import { claimGenerationTicket, runToCompletion, startGeneration } from "@/lib/generation";
import { readJsonOrForm } from "@/lib/http/read-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import {
  LEARNING_PATH_REQUEST_BODY,
  parseLearningPathRequest,
} from "@/lib/learning-path/parse-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
export const maxDuration = 300;

/** The non-streaming fallback: same input, the finished path as JSON. */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const input = parseLearningPathRequest(
      await readJsonOrForm(request, LEARNING_PATH_REQUEST_BODY),
    );
    const userId = await currentUserId(request);
    const ticket = await claimGenerationTicket({ headers: request.headers, userId });
    const { path, redirectUrl } = await runToCompletion(
      startGeneration(input, request.signal, { maxDurationSeconds: maxDuration, userId, ticket }),
    );
    return Response.json({ path, redirect_url: redirectUrl });
  } catch (error) {
    return errorResponse(error);
  }
}
