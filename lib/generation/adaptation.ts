import "server-only";
import { findPathToAdapt, recordGenerationRun, saveAdaptedPath, type VersionKind } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ReplanInput } from "@/lib/learning-path/adaptation-schema";
import { requestOf } from "@/lib/learning-path/adapted-path";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { planReplan } from "@/lib/learning-path/replan";
import { calendarDay, todayUtc } from "@/lib/learning-path/start-date";
import { createLearningPathProvider } from "@/lib/providers";
import type { GenerationEvent } from "@/lib/sse/events";
import { type AdaptationInput, regenerateMilestone, replanPath } from "./adapt-pipeline";
import { budgetFor } from "./budget";
import { type ClaimedJob, type StartedJob, startJob } from "./jobs";

// Adapting a saved path as a generation job: everything is checked (owner, milestone,
// re-plan arithmetic) before the route claims a ticket, so a refused request costs no
// quota; then the job runs like a generation (resume, cancel, quota) and saves a new
// version of the path when it is done.

/** A checked adaptation of one of the owner's paths, ready to run. */
export type PreparedAdaptation = {
  pathId: string;
  kind: Exclude<VersionKind, "generated" | "undo">;
  fromVersion: number;
  path: LearningPath;
  run: (input: AdaptationInput) => AsyncGenerator<GenerationEvent>;
  request: AdaptationInput["request"];
};

async function ownPath(userId: string, pathId: string) {
  const saved = await findPathToAdapt(userId, pathId);
  // Someone else's path is exactly as unknown as one that does not exist.
  if (!saved) throw new AppError("not_found");
  return saved;
}

/** "Regenerate milestone `index`" of the owner's path; 404 for another's path or a missing milestone. */
export async function prepareRegeneration(
  userId: string,
  pathId: string,
  index: number,
  instruction: string | undefined,
): Promise<PreparedAdaptation> {
  const saved = await ownPath(userId, pathId);
  if (!saved.path.milestones[index]) throw new AppError("not_found");
  return {
    pathId,
    kind: "regenerate-milestone",
    fromVersion: saved.version,
    path: saved.path,
    request: requestOf(saved.path),
    run: (input) => regenerateMilestone(input, index, instruction || undefined),
  };
}

/** "Re-plan from here" on the owner's path; 400 naming the field when it cannot be done. */
export async function prepareReplan(
  userId: string,
  pathId: string,
  input: ReplanInput,
  today: string = todayUtc(),
): Promise<PreparedAdaptation> {
  const saved = await ownPath(userId, pathId);
  const startDate = saved.startDate ? calendarDay(saved.startDate) : null;
  const plan = planReplan(saved.path, saved.progress, input, { startDate, today });
  if ("issues" in plan) throw new AppError("invalid_input", { issues: plan.issues });
  const { durationWeeks, hoursPerWeek } = plan;
  return {
    pathId,
    kind: "replan",
    fromVersion: saved.version,
    path: saved.path,
    request: { ...requestOf(saved.path), durationWeeks, hoursPerWeek },
    run: (adaptation) => replanPath(adaptation, plan),
  };
}

/**
 * Runs a prepared adaptation as a job holding `ticket`. Cancelling it is never counted:
 * unlike a generation cancelled after its first milestone, it leaves nothing behind.
 */
export function startAdaptationJob(
  prepared: PreparedAdaptation,
  options: ClaimedJob & { userId: string; maxDurationSeconds: number },
): StartedJob {
  const { userId, logger } = options;
  return startJob({
    ...options,
    generate: (signal, onSaved) =>
      prepared.run({
        path: prepared.path,
        request: prepared.request,
        provider: createLearningPathProvider(undefined, (event, fields) =>
          logger.info(event, fields),
        ),
        signal,
        logger,
        budget: budgetFor(options.maxDurationSeconds),
        recordRun: recordGenerationRun,
        save: async (change) => {
          await saveAdaptedPath(userId, prepared.pathId, {
            fromVersion: prepared.fromVersion,
            kind: prepared.kind,
            ...change,
          });
          onSaved(prepared.pathId);
          return `/paths/${prepared.pathId}`;
        },
      }),
  });
}
