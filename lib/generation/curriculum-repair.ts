import { AppError } from "@/lib/errors";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type {
  CurriculumDraft,
  LearningPathProvider,
  MilestoneDraft,
  StageLimits,
  StageResult,
} from "@/lib/providers/types";
import type { GenerationLogger } from "./logger";

// Structural repair: a curriculum with the plan's number of milestones, as far as the
// model can give it. It comes before the arithmetic repair (invariants.ts), which only
// makes weeks and hours consistent: spreading one milestone over six weeks is arithmetic
// that succeeds and a path nobody would follow.

/**
 * Too many milestones: the first `expected` (the pipeline shows no others). Too few or
 * none: one request for the missing ones, yielded as they arrive. If that request fails
 * to give a usable answer, the milestones kept so far stand; with none kept, the error.
 */
export async function* completeCurriculum(
  provider: LearningPathProvider,
  request: LearningPathRequest,
  drafted: CurriculumDraft,
  expected: number,
  limits: StageLimits,
  logger: GenerationLogger,
): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>> {
  const kept = drafted.milestones.slice(0, expected);
  if (drafted.milestones.length > expected) {
    logger.info("milestones dropped", {
      reason: `${drafted.milestones.length} milestones, ${expected} planned`,
      kept: expected,
    });
  }
  if (kept.length === expected || !provider.continueCurriculum) {
    return { value: { ...drafted, milestones: kept } };
  }
  try {
    const completed = yield* provider.continueCurriculum(request, kept, limits);
    const milestones = completed.value.milestones.slice(0, expected);
    return { ...completed, value: { ...completed.value, milestones } };
  } catch (error) {
    const unusable = error instanceof AppError && error.code === "invalid_output";
    if (!unusable || kept.length === 0 || limits.signal.aborted) throw error;
    logger.info("curriculum continuation unusable", { reason: error.message, kept: kept.length });
    return { value: { ...drafted, milestones: kept } };
  }
}
