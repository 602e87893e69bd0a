import { pickResources } from "@/lib/catalog";
import { AppError, toAppError } from "@/lib/errors";
import { findPlanProblems, repairPlan } from "@/lib/learning-path/invariants";
import {
  type LearningPath,
  learningPathSchema,
  type Milestone,
  type Resource,
  resourceSchema,
} from "@/lib/learning-path/path-schema";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { buildSchedule } from "@/lib/learning-path/schedule";
import type {
  CareerInsightsDraft,
  CurriculumDraft,
  LearningPathProvider,
  MilestoneResourcesDraft,
  StageCall,
} from "@/lib/providers/types";
import type { GenerationEvent, ProgressEvent, Stage } from "@/lib/sse/events";
import { budgetFor, type GenerationBudget, stageCall } from "./budget";
import type { GenerationLogger } from "./logger";

export type GenerationStats = {
  promptTokens?: number;
  completionTokens?: number;
  generationMs: number;
};

export type GenerationRunRecord = {
  requestId: string;
  provider: string;
  model: string;
  outcome: "complete" | "cancelled" | "failed";
  errorCode?: string;
  stage: string;
  durationMs: number;
  milestones: number;
  promptTokens?: number;
  completionTokens?: number;
};

// The generation pipeline: analyse -> curriculum -> resources -> career insights ->
// finalise. Every percentage it reports is earned by finished work: the curriculum and
// resource stages advance as each milestone arrives from the provider's stream, the
// others when their step completes. It does not know who asked; `finalize` decides
// where the finished path goes (the guest's tab, or later a user's saved paths).

/** Where each stage's share of the bar starts; a stage fills up to the next one's start. */
const STAGE_START: Record<Stage, number> = {
  analyzing: 0,
  curriculum: 5,
  resources: 55,
  insights: 80,
  finalizing: 92,
  complete: 100,
};

const MESSAGES: Record<Stage, string> = {
  analyzing: "Analyzing your topic...",
  curriculum: "Building curriculum structure...",
  resources: "Finding the best learning resources...",
  insights: "Adding career insights...",
  finalizing: "Finalizing your learning path...",
  complete: "Complete!",
};

const MAX_RESOURCES = 4;

export type GenerationInput = {
  request: LearningPathRequest;
  provider: LearningPathProvider;
  signal: AbortSignal;
  logger: GenerationLogger;
  /** How long the model may take, from the route's maxDuration (default: 300 s). */
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
  const budget = input.budget ?? budgetFor(300);
  const startedAt = performance.now();
  let stage: Stage = "analyzing";
  let stageStartedAt = startedAt;
  let progress = 0;
  let outcome: GenerationRunRecord["outcome"] = "cancelled";
  let errorCode: string | undefined;
  let milestoneCount = 0;

  const report = (value: number, milestone?: ProgressEvent["milestone"]): ProgressEvent => {
    progress = Math.max(progress, Math.min(99, Math.round(value)));
    return { type: "progress", stage, progress, message: MESSAGES[stage], milestone };
  };
  const enter = (next: Stage): ProgressEvent => {
    logger.info("stage finished", { stage, ms: Math.round(performance.now() - stageStartedAt) });
    stage = next;
    stageStartedAt = performance.now();
    return report(STAGE_START[next]);
  };
  /** Progress inside a stage: `done` of `expected` pieces finished. */
  const within = (done: number, expected: number) =>
    STAGE_START[stage] +
    ((nextStageStart(stage) - STAGE_START[stage]) * Math.min(done, expected)) / expected;

  /** The signal and deadline the current stage's model calls share. */
  const call = () => stageCall(budget, stage, signal);

  logger.info("stream started", { provider: provider.name, model: provider.model });
  try {
    yield report(0);
    const expected = milestoneCountFor(request.durationWeeks);

    yield enter("curriculum");
    const curriculum = yield* streamCurriculum(provider, request, call(), (index, title) =>
      report(within(index + 1, expected) - 1, { index, title }),
    );
    const problems = findPlanProblems(
      curriculum.milestones,
      request.durationWeeks,
      request.hoursPerWeek,
    );
    if (problems.length > 0) logger.info("plan repaired", { problems: problems.join("; ") });
    const plan = repairPlan(curriculum.milestones, request.durationWeeks, request.hoursPerWeek);
    if (plan.length === 0) throw new AppError("invalid_output", { detail: "no milestones" });
    const planned = { ...curriculum, milestones: plan };

    yield enter("resources");
    const found: MilestoneResourcesDraft[] = [];
    for await (const item of provider.streamResources(request, planned, call())) {
      found.push(item);
      yield report(within(found.length, plan.length));
    }

    yield enter("insights");
    const insights = await provider.careerInsights(request, planned, call());

    yield enter("finalizing");
    const path = assemblePath(request, provider, planned, found, insights);
    milestoneCount = path.milestones.length;
    const redirectUrl = await input.finalize(path, {
      promptTokens: provider.usage()?.promptTokens,
      completionTokens: provider.usage()?.completionTokens,
      generationMs: Math.round(performance.now() - startedAt),
    });
    logger.info("stage finished", { stage, ms: Math.round(performance.now() - stageStartedAt) });
    logger.info("path generated", {
      milestones: path.milestones.length,
      totalMs: Math.round(performance.now() - startedAt),
      promptTokens: provider.usage()?.promptTokens,
      completionTokens: provider.usage()?.completionTokens,
    });
    // The path is finished (and saved, for a signed-in user) before the done frame goes
    // out; a reader that leaves right after it has not cancelled anything.
    outcome = "complete";
    yield {
      type: "done",
      stage: "complete",
      progress: 100,
      message: MESSAGES.complete,
      done: true,
      redirect_url: redirectUrl,
      path,
    };
    logger.info("stream complete", { totalMs: Math.round(performance.now() - startedAt) });
  } catch (error) {
    if (signal.aborted) return;
    const appError = toAppError(error);
    outcome = "failed";
    errorCode = appError.code;
    logger.error("failed", {
      stage,
      code: appError.code,
      detail: appError.message,
      cause: appError.cause instanceof Error ? appError.cause.message : undefined,
    });
    yield {
      type: "error",
      stage,
      progress,
      message: appError.publicMessage,
      error: appError.publicMessage,
      code: appError.code,
    };
  } finally {
    // Runs on completion, failure and cancellation alike (a cancelled stream returns
    // the generator early). Recording is off the stream's path and never fails it.
    if (outcome === "cancelled") {
      logger.info("cancelled", { stage, totalMs: Math.round(performance.now() - startedAt) });
    }
    input
      .recordRun?.({
        requestId: logger.requestId,
        provider: provider.name,
        model: provider.model,
        outcome,
        errorCode,
        stage,
        durationMs: Math.round(performance.now() - startedAt),
        milestones: milestoneCount,
        promptTokens: provider.usage()?.promptTokens,
        completionTokens: provider.usage()?.completionTokens,
      })
      .catch((error: unknown) => {
        logger.error("run not recorded", {
          detail: error instanceof Error ? error.message : String(error),
        });
      });
  }
}

function nextStageStart(stage: Stage): number {
  const order = Object.keys(STAGE_START) as Stage[];
  const next = order[order.indexOf(stage) + 1];
  return next ? STAGE_START[next] : 100;
}

/** Relays each milestone as a progress event and returns the finished curriculum. */
async function* streamCurriculum(
  provider: LearningPathProvider,
  request: LearningPathRequest,
  call: StageCall,
  onMilestone: (index: number, title: string) => ProgressEvent,
): AsyncGenerator<ProgressEvent, CurriculumDraft> {
  const stream = provider.streamCurriculum(request, call);
  try {
    for (let index = 0; ; index++) {
      const step = await stream.next();
      if (step.done) return step.value;
      yield onMilestone(index, step.value.title);
    }
  } finally {
    // A cancelled generation returns early from here: close the provider's call as well.
    await stream.return(undefined as unknown as CurriculumDraft);
  }
}

/** Keeps the model's valid http(s) resources; a milestone left with none gets catalog ones. */
function resourcesFor(
  request: LearningPathRequest,
  drafts: MilestoneResourcesDraft[],
  index: number,
  count: number,
): Resource[] {
  const valid = (drafts[index]?.resources ?? [])
    .map((draft) => resourceSchema.safeParse(draft))
    .flatMap((result) => (result.success ? [result.data] : []))
    .slice(0, MAX_RESOURCES);
  return valid.length > 0
    ? valid
    : pickResources(request.topic, request.learningStyle, index, count);
}

function assemblePath(
  request: LearningPathRequest,
  provider: LearningPathProvider,
  curriculum: CurriculumDraft,
  found: MilestoneResourcesDraft[],
  insights: CareerInsightsDraft,
): LearningPath {
  const milestones: Milestone[] = curriculum.milestones.map((draft, index, all) => ({
    ...draft,
    resources: resourcesFor(request, found, index, all.length),
  }));
  const candidate: LearningPath = {
    title: curriculum.title,
    summary: curriculum.summary,
    topic: request.topic,
    prerequisites: curriculum.prerequisites,
    level: request.level,
    learningStyle: request.learningStyle,
    durationWeeks: request.durationWeeks,
    hoursPerWeek: request.hoursPerWeek,
    totalHours: milestones.reduce((sum, m) => sum + m.estimatedHours, 0),
    goals: request.goals,
    milestones,
    schedule: buildSchedule(milestones),
    careerInsights: {
      relatedRoles: insights.relatedRoles,
      skillsInDemand: insights.skillsInDemand,
      salaryRange: {
        text: insights.salaryRange,
        region: insights.salaryRegion,
        caveat:
          provider.name === "offline"
            ? "Rough estimate from the offline catalog, not live job-market data."
            : "AI estimate, not live job-market data: check local job boards.",
      },
      outlook: insights.outlook,
      nextSteps: insights.nextSteps,
    },
    generatedBy: { provider: provider.name, model: provider.model },
    generatedAt: new Date().toISOString(),
  };
  const checked = learningPathSchema.safeParse(candidate);
  if (!checked.success) {
    throw new AppError("invalid_output", { cause: checked.error, detail: checked.error.message });
  }
  return checked.data;
}
