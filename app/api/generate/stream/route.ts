import { currentUserId } from "@/lib/auth";
import { errorResponse } from "@/lib/errors";
import { createGenerationLogger, createSseResponse, startGeneration } from "@/lib/generation";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { parseLearningPathRequest } from "@/lib/learning-path/parse-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
/** Seconds a serverless host lets this function stream before it is stopped. */
export const maxDuration = 300;

export async function POST(request: Request): Promise<Response> {
  let input: Awaited<ReturnType<typeof parseLearningPathRequest>>;
  try {
    // No other site's page may start a paid generation with a visitor's browser.
    assertSameOrigin(request);
    input = await parseLearningPathRequest(request);
  } catch (error) {
    return errorResponse(error);
  }
  const userId = await currentUserId(request);
  const logger = createGenerationLogger();
  return createSseResponse(
    (signal) => startGeneration(input, signal, logger, userId),
    request.signal,
    {
      "X-Request-Id": logger.requestId,
    },
  );
}
