import { AppError } from "@/lib/errors";
import { assembleLearningPath } from "@/lib/learning-path/assemble";
import type { GenerationStats } from "@/lib/learning-path/generation-stats";
import { findPlanProblems, repairPlan } from "@/lib/learning-path/invariants";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { relay } from "@/lib/providers/relay";
import type {
  CareerInsightsDraft,
  CurriculumDraft,
  LearningPathProvider,
  MilestoneDraft,
  MilestoneResourcesDraft,
  StageLimits,
} from "@/lib/providers/types";
import type { DoneEvent, FailureEvent, GenerationEvent, ProgressEvent } from "@/lib/sse/events";
import { budgetFor, type GenerationBudget, MAX_GENERATION_SECONDS, stageLimits } from "./budget";
import { completeCurriculum } from "./curriculum-repair";
import type { GenerationLogger } from "./logger";
import { ProgressMeter, STAGE_MESSAGES } from "./progress-meter";
import { type GenerationRunRecord, RunTracker } from "./run-tracker";

// The generation pipeline: analyse -> curriculum (structural repair, then arithmetic
// repair) -> resources -> career insights -> finalise. Every percentage it reports is
// earned by finished work (./progress-meter.ts): the curriculum and resource stages
// advance as each milestone arrives from the provider's stream, the others when their
// step completes. It does not know who asked; `finalize` decides where the finished
// path goes (the guest's tab or a user's paths).

export type GenerationInput = {
  request: LearningPathRequest;
  provider: LearningPathProvider;
  signal: AbortSignal;
  logger: GenerationLogger;
  /** How long the model may take, from the route's maxDuration (default: the longest). */
  budget?: GenerationBudget;
  /** Stores or hands over the finished path and returns the URL to show it at. */
  finalize: (path: LearningPath, stats: GenerationStats) => Promise<string>;
  /** Keeps an operational record of how the generation ended; must not throw into the stream. */
  recordRun?: (run: GenerationRunRecord) => Promise<void>;
};

export async function* generateLearningPath(
  input: GenerationInput,
): AsyncGenerator<GenerationEvent> {
  const { request, provider, signal, logger } = input;
  const meter = new ProgressMeter();
  const run = new RunTracker(logger, provider);
  const enter = (stage: Parameters<ProgressMeter["enter"]>[0]) => {
    run.enter(stage);
    return meter.enter(stage);
  };
  /** What the current stage's model calls share: the signal and the stage's deadline. */
  const budget = input.budget ?? budgetFor(MAX_GENERATION_SECONDS);
  const limits = () => stageLimits(budget, meter.stage, signal);
  try {
    yield meter.report(0);

    yield enter("curriculum");
    const curriculum = yield* curriculumStage(input, meter, run, limits());

    yield enter("resources");
    const found: MilestoneResourcesDraft[] = [];
    run.count(
      yield* relay(provider.streamResources(request, curriculum, limits()), (item) => {
        found.push(item);
        // The dialog shows each milestone's resources as they arrive.
        const titles = item.resources.slice(0, 4).map((resource) => resource.title.slice(0, 200));
        return meter.within(found.length, curriculum.milestones.length, {
          resources: { index: found.length - 1, titles },
        });
      }),
    );

    yield enter("insights");
    const insights = run.count(await provider.careerInsights(request, curriculum, limits()));

    yield enter("finalizing");
    const path = assemble(request, provider, curriculum, found, insights);
    const redirectUrl = await input.finalize(path, run.stats());
    // The path is finished (and saved, for a signed-in user) before the done frame goes
    // out; a reader that leaves right after it has not cancelled anything.
    run.completed(path.milestones.length);
    yield doneEvent(path, redirectUrl);
  } catch (error) {
    if (signal.aborted) return;
    yield failureEvent(run.failed(error), meter);
  } finally {
    // Runs on completion, failure and cancellation alike (a cancelled stream returns
    // the generator early).
    run.end(input.recordRun);
  }
}

/**
 * The curriculum stage: the provider's milestones, each shown once as it arrives and only
 * as many as the plan has room for, made whole (structural repair, whose follow-up
 * shares the stage's deadline) and consistent (arithmetic repair).
 */
async function* curriculumStage(
  { request, provider, logger }: GenerationInput,
  meter: ProgressMeter,
  run: RunTracker,
  limits: StageLimits,
): AsyncGenerator<ProgressEvent, CurriculumDraft> {
  const expected = milestoneCountFor(request.durationWeeks);
  const shown = (milestone: MilestoneDraft, index: number) =>
    index < expected
      ? meter.within(index + 1, expected, { milestone: { index, title: milestone.title } })
      : undefined;
  const drafted = run.count(yield* relay(provider.streamCurriculum(request, limits), shown));
  const completed = completeCurriculum(provider, request, drafted, expected, limits, logger);
  const whole = yield* relay(completed, (m, i) => shown(m, drafted.milestones.length + i));
  return planned(run.count(whole), request, logger);
}

/** The model's curriculum with its weeks and hours made consistent (see invariants). */
function planned(
  curriculum: CurriculumDraft,
  request: LearningPathRequest,
  logger: GenerationLogger,
): CurriculumDraft {
  const { durationWeeks, hoursPerWeek } = request;
  const problems = findPlanProblems(curriculum.milestones, durationWeeks, hoursPerWeek);
  if (problems.length > 0) logger.info("plan repaired", { problems: problems.join("; ") });
  const milestones = repairPlan(curriculum.milestones, durationWeeks, hoursPerWeek);
  if (milestones.length === 0) throw new AppError("invalid_output", { detail: "no milestones" });
  return { ...curriculum, milestones };
}

/** The stages' results as one checked path, with the provider's fallbacks and notes. */
function assemble(
  request: LearningPathRequest,
  provider: LearningPathProvider,
  curriculum: CurriculumDraft,
  found: MilestoneResourcesDraft[],
  insights: CareerInsightsDraft,
): LearningPath {
  const assembled = assembleLearningPath({
    request,
    curriculum,
    resources: found.map((item) => item.resources),
    fallbackResources: (index, count) => provider.fallbackResources(request, index, count),
    insights: { ...insights, salaryCaveat: provider.salaryCaveat },
    generatedBy: { provider: provider.name, model: provider.model },
  });
  if ("problems" in assembled) {
    throw new AppError("invalid_output", { detail: assembled.problems });
  }
  return assembled.path;
}

export function doneEvent(path: LearningPath, redirectUrl: string): DoneEvent {
  return {
    type: "done",
    stage: "complete",
    progress: 100,
    message: STAGE_MESSAGES.complete,
    done: true,
    redirect_url: redirectUrl,
    path,
  };
}

export function failureEvent(error: AppError, meter: ProgressMeter): FailureEvent {
  return {
    type: "error",
    stage: meter.stage,
    progress: meter.progress,
    message: error.publicMessage,
    error: error.publicMessage,
    code: error.code,
  };
}
