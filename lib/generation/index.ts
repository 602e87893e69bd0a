import "server-only";
import { recordGenerationRun, saveLearningPath } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handToGuest } from "@/lib/guest/result";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { createLearningPathProvider } from "@/lib/providers";
import { budgetFor } from "./budget";
import { type StartedJob, startJob, sweepDeadJobs } from "./jobs";
import { createGenerationLogger, type GenerationLogger } from "./logger";
import { generateLearningPath } from "./pipeline";
import { type Asker, claimTicketFor, type GenerationTicket } from "./quota";

export {
  type PreparedAdaptation,
  prepareRegeneration,
  prepareReplan,
  startAdaptationJob,
} from "./adaptation";
export {
  cancelJob,
  findOwnJob,
  followAsStarter,
  followJob,
  type JobFrame,
  resumeTokenOf,
  type StartedJob,
} from "./jobs";
export { keepRunning } from "./keep-running";
export { createGenerationLogger } from "./logger";
export { type GenerationTicket, type TicketsLeft, ticketsLeftToday } from "./quota";
export { runToCompletion } from "./run-to-completion";

/**
 * Claims a ticket for one generation (or throws a 429). Dead jobs are swept by a timer,
 * not before each claim (that cost every request several statements on the one
 * database connection); a claim refused for running generations sweeps once and tries
 * again, so a crashed job's ticket never keeps anyone waiting.
 */
export async function claimGenerationTicket(asker: Asker): Promise<GenerationTicket> {
  try {
    return await claimTicketFor(asker);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "concurrent_limit")) throw error;
    if ((await sweepDeadJobs()) === 0) throw error;
    return claimTicketFor(asker);
  }
}

type GenerationOptions = {
  /** The calling route's platform limit: the model must finish well within it. */
  maxDurationSeconds: number;
  logger?: GenerationLogger;
  userId?: string;
};

/**
 * A generation's events, for a validated request with the configured provider. A
 * signed-in user's path is saved by the finalise stage, before the done frame, and shown
 * at /paths/<id> (`onSaved` gets its id); a guest's path goes back to the browser only.
 */
export function startGeneration(
  request: LearningPathRequest,
  signal: AbortSignal,
  options: GenerationOptions & { onSaved?: (pathId: string) => void },
) {
  const { userId } = options;
  const logger = options.logger ?? createGenerationLogger();
  return generateLearningPath({
    request,
    provider: createLearningPathProvider(undefined, (event, fields) => logger.info(event, fields)),
    signal,
    logger,
    budget: budgetFor(options.maxDurationSeconds),
    finalize: userId
      ? async (path, stats) => {
          const id = await saveLearningPath(userId, request, path, stats);
          options.onSaved?.(id);
          return `/paths/${id}`;
        }
      : handToGuest,
    recordRun: recordGenerationRun,
  });
}

/**
 * Starts a generation as a job (./jobs.ts) that holds `ticket` until it ends: it runs
 * to its end whatever happens to the connection that asked for it.
 */
export function startGenerationJob(
  request: LearningPathRequest,
  options: GenerationOptions & { ticket: GenerationTicket },
): Promise<StartedJob> {
  const logger = options.logger ?? createGenerationLogger();
  return startJob({
    logger,
    userId: options.userId,
    ticket: options.ticket,
    generate: (signal, onSaved) =>
      startGeneration(request, signal, { ...options, logger, onSaved }),
  });
}
