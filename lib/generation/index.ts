import "server-only";
import { type NewJobRow, recordGenerationRun, saveLearningPath } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { handToGuest } from "@/lib/guest/result";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { createLearningPathProvider } from "@/lib/providers";
import { createSseResponse } from "@/lib/sse/response";
import { budgetFor } from "./budget";
import {
  type ClaimedJob,
  followAsStarter,
  newJob,
  type StartedJob,
  startJob,
  sweepDeadJobs,
} from "./jobs";
import { keepRunning } from "./keep-running";
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
  type ClaimedJob,
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
async function claimGenerationTicket(asker: Asker, job: NewJobRow): Promise<GenerationTicket> {
  try {
    return await claimTicketFor(asker, job);
  } catch (error) {
    if (!(error instanceof AppError && error.code === "concurrent_limit")) throw error;
    if ((await sweepDeadJobs()) === 0) throw error;
    return claimTicketFor(asker, job);
  }
}

/**
 * Claims a ticket for one generation and stores its job, in one statement (or throws a
 * 429 AppError with Retry-After). What follows in the route starts the job with it.
 */
export async function claimJob(asker: Asker): Promise<ClaimedJob> {
  const logger = createGenerationLogger();
  const job = newJob(logger.requestId, asker.userId);
  const ticket = await claimGenerationTicket(asker, job.row);
  return { job, ticket, logger };
}

/**
 * The started job's frames for the request that started it, as an SSE response. The job
 * outlives this response: a lost connection does not stop it.
 */
export function streamToStarter(
  request: Request,
  claimed: ClaimedJob,
  started: StartedJob,
): Response {
  keepRunning(started.finished);
  const headers: Record<string, string> = {
    "X-Request-Id": claimed.logger.requestId,
    "X-Generation-Id": started.id,
  };
  const { remaining } = claimed.ticket;
  if (remaining !== null) headers["X-Generations-Remaining"] = String(remaining);
  return createSseResponse((signal) => followAsStarter(started, signal), request.signal, headers);
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
  options: ClaimedJob & { maxDurationSeconds: number; userId?: string },
): StartedJob {
  return startJob({
    ...options,
    generate: (signal, onSaved) => startGeneration(request, signal, { ...options, onSaved }),
  });
}
