import "server-only";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { createLearningPathProvider } from "@/lib/providers";
import { handToGuest } from "./guest";
import { createGenerationLogger } from "./logger";
import { generateLearningPath } from "./pipeline";

export { runToCompletion } from "./run-to-completion";
export { createSseResponse } from "./sse-response";

/** Starts a generation for a validated request with the configured provider. */
export function startGeneration(request: LearningPathRequest, signal: AbortSignal) {
  return generateLearningPath({
    request,
    provider: createLearningPathProvider(),
    signal,
    logger: createGenerationLogger(),
    finalize: handToGuest,
  });
}
