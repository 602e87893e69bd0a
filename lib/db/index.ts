import "server-only";
import { getDb } from "./client";
import type { Prisma } from "./generated/client";

// The only way into the database; nothing else imports the Prisma client.

export async function recordGenerationRun(run: Prisma.GenerationRunCreateInput): Promise<void> {
  await getDb().generationRun.create({ data: run });
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
