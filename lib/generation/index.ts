import "server-only";
import { recordGenerationRun, saveLearningPath } from "@/lib/db";
import { handToGuest } from "@/lib/guest/result";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { createLearningPathProvider } from "@/lib/providers";
import { budgetFor } from "./budget";
import { createGenerationLogger, type GenerationLogger } from "./logger";
import { generateLearningPath } from "./pipeline";
import type { GenerationTicket } from "./quota";

export { createSseResponse } from "@/lib/sse/response";
export { createGenerationLogger } from "./logger";
export {
  claimGenerationTicket,
  type GenerationTicket,
  type TicketsLeft,
  ticketsLeftToday,
} from "./quota";
export { runToCompletion } from "./run-to-completion";

/**
 * Starts a generation for a validated request with the configured provider. A signed-in
 * user's path is saved by the finalise stage, before the done frame, and shown at
 * /paths/<id>; a guest's path goes back to the browser only. `ticket` (from
 * claimGenerationTicket) is given back when the generation ends, however it ends. The model
 * must finish within the calling route's `maxDurationSeconds` (see ./budget.ts).
 */
export function startGeneration(
  request: LearningPathRequest,
  signal: AbortSignal,
  options: {
    maxDurationSeconds: number;
    logger?: GenerationLogger;
    userId?: string;
    ticket?: GenerationTicket;
  },
) {
  const { userId, ticket } = options;
  const logger = options.logger ?? createGenerationLogger();
  return generateLearningPath({
    request,
    provider: createLearningPathProvider(undefined, (event, fields) => logger.info(event, fields)),
    signal,
    logger,
    budget: budgetFor(options.maxDurationSeconds),
    finalize: userId
      ? async (path, stats) => `/paths/${await saveLearningPath(userId, request, path, stats)}`
      : handToGuest,
    recordRun: async (run) => {
      // Both happen even if one fails; the pipeline logs a failure.
      await Promise.all([recordGenerationRun(run), ticket?.finish(run)]);
    },
  });
}
