import "server-only";
import { recordGenerationRun } from "@/lib/db";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { createLearningPathProvider } from "@/lib/providers";
import { handToGuest } from "./guest";
import { createGenerationLogger, type GenerationLogger } from "./logger";
import { generateLearningPath } from "./pipeline";

export { createGenerationLogger } from "./logger";
export { runToCompletion } from "./run-to-completion";
export { createSseResponse } from "./sse-response";

/** Starts a generation for a validated request with the configured provider. */
export function startGeneration(
  request: LearningPathRequest,
  signal: AbortSignal,
  logger: GenerationLogger = createGenerationLogger(),
) {
  return generateLearningPath({
    request,
    provider: createLearningPathProvider(),
    signal,
    logger,
    finalize: handToGuest,
    recordRun: recordGenerationRun,
  });
}
