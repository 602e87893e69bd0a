import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "./client";
import type { Prisma } from "./generated/client";

// The only way into the database; nothing else imports the Prisma client.

/**
 * One row per generation, written as it ends. Plain SQL: every generation writes one,
 * and Prisma's query compiler (WebAssembly on the request thread) cost more than the
 * insert itself when many end together. Times come from the app's clock in UTC, as
 * Prisma wrote them (the column's default would be the database session's local time).
 */
export async function recordGenerationRun(
  run: Omit<Prisma.GenerationRunCreateInput, "id" | "createdAt">,
): Promise<void> {
  await getDb().$executeRaw`
    INSERT INTO "GenerationRun" ("id", "requestId", "provider", "model", "outcome", "errorCode",
      "stage", "durationMs", "milestones", "promptTokens", "completionTokens", "createdAt")
    VALUES (${randomUUID()}, ${run.requestId}, ${run.provider}, ${run.model}, ${run.outcome},
      ${run.errorCode ?? null}::text, ${run.stage}, ${Math.round(run.durationMs)}::integer,
      ${run.milestones ?? 0}::integer, ${run.promptTokens ?? null}::integer,
      ${run.completionTokens ?? null}::integer,
      ${new Date().toISOString()}::timestamp(3))`;
}

export async function findGenerationRun(requestId: string) {
  return getDb().generationRun.findUnique({ where: { requestId } });
}

export {
  type CalendarFeedSource,
  findCalendarFeedSource,
  findCalendarFeedToken,
  setCalendarFeed,
} from "./calendar-feeds";
export { getDb as getDbForAuthAdapter } from "./client";
export {
  appendFrames,
  appendFramesOfJobs,
  deleteFinishedJobs,
  findJob,
  finishJob,
  framesAfter,
  interruptDeadJobs,
  type JobFrameRow,
  type JobRecord,
  type JobStatus,
  lastFrameOf,
  listRunningJobsForUser,
  noteJobRead,
  renewJobLeases,
  requestJobCancel,
  type StoredFrame,
} from "./generation-jobs";
export {
  claimTicket,
  countTicketsToday,
  deleteTicketsOlderThanADay,
  finishTicket,
  type NewJobRow,
  type TicketClaimResult,
  type TicketLimits,
} from "./generation-tickets";
export {
  countLearningPathsForUser,
  deleteLearningPathForUser,
  findLearningPathForUser,
  findSharedLearningPath,
  listLearningPathsForUser,
  saveLearningPath,
  setLearningPathSharing,
  updateLearningPathForUser,
  updateLearningPathProgress,
} from "./learning-paths";
export {
  findPathToAdapt,
  findPathVersion,
  listPathVersions,
  type PathVersion,
  type SavedChange,
  saveAdaptedPath,
  undoPathChange,
  VERSION_KINDS,
  type VersionKind,
} from "./path-versions";
export {
  clearSignInFailures,
  countSignInFailureUnlessRefused,
  type FailureCounter,
  uncountSignInFailure,
} from "./sign-in-failures";
export { createPasswordUser, findUserByEmail, type PasswordUser } from "./users";
