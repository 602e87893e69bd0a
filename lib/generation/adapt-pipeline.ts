import { AppError } from "@/lib/errors";
import { withinLimits, withMilestones } from "@/lib/learning-path/adapted-path";
import { chooseResources } from "@/lib/learning-path/assemble";
import type { GenerationStats } from "@/lib/learning-path/generation-stats";
import { repairPlan } from "@/lib/learning-path/invariants";
import type { LearningPath, Milestone } from "@/lib/learning-path/path-schema";
import type { ReplanPlan } from "@/lib/learning-path/replan";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { relay } from "@/lib/providers/relay";
import type {
  LearningPathProvider,
  MilestoneDraft,
  MilestoneResourcesDraft,
} from "@/lib/providers/types";
import type { GenerationEvent, ProgressEvent } from "@/lib/sse/events";
import { budgetFor, type GenerationBudget, MAX_GENERATION_SECONDS, stageLimits } from "./budget";
import type { GenerationLogger } from "./logger";
import { doneEvent, failureEvent } from "./pipeline";
import { ProgressMeter } from "./progress-meter";
import { type GenerationRunRecord, RunTracker } from "./run-tracker";

// Adapting a saved path, streamed like a generation (same stages, frames and progress
// rules): one milestone written again, or the weeks after the finished work planned
// again. Only the changed milestones are asked of the provider; the rest of the path is
// kept exactly. `save` stores the result as a new version before the done frame.

export type AdaptationChange = { path: LearningPath; summary: string };

export type AdaptationInput = {
  /** The saved path as the adaptation found it. */
  path: LearningPath;
  /** The request the provider is asked about (the path's, or its re-planned length and hours). */
  request: LearningPathRequest;
  provider: LearningPathProvider;
  signal: AbortSignal;
  logger: GenerationLogger;
  budget?: GenerationBudget;
  /** Saves the adapted path as a new version; returns the URL to show it at. */
  save: (change: AdaptationChange, stats: GenerationStats) => Promise<string>;
  recordRun?: (run: GenerationRunRecord) => Promise<void>;
};

type Step = (
  input: AdaptationInput,
  meter: ProgressMeter,
  run: RunTracker,
  enter: (stage: ProgressEvent["stage"]) => ProgressEvent,
) => AsyncGenerator<ProgressEvent, AdaptationChange>;

/** Runs one adaptation step with the generation's progress, failure and run-record rules. */
async function* adapt(input: AdaptationInput, step: Step): AsyncGenerator<GenerationEvent> {
  const meter = new ProgressMeter();
  const run = new RunTracker(input.logger, input.provider);
  const enter = (stage: ProgressEvent["stage"]) => {
    run.enter(stage);
    return meter.enter(stage);
  };
  try {
    yield meter.report(0);
    const change = yield* step(input, meter, run, enter);
    yield enter("finalizing");
    // A Cancel that came while the model wrote the last part saves nothing.
    input.signal.throwIfAborted();
    const redirectUrl = await input.save(change, run.stats());
    run.completed(change.path.milestones.length);
    yield doneEvent(change.path, redirectUrl);
  } catch (error) {
    if (input.signal.aborted) return;
    yield failureEvent(run.failed(error), meter);
  } finally {
    run.end(input.recordRun);
  }
}

const limitsFor = (input: AdaptationInput, meter: ProgressMeter) =>
  stageLimits(input.budget ?? budgetFor(MAX_GENERATION_SECONDS), meter.stage, input.signal);

const draftOf = ({ resources: _, ...milestone }: Milestone): MilestoneDraft => milestone;

const linksOf = (milestones: Milestone[]) =>
  new Set(milestones.flatMap((milestone) => milestone.resources.map((resource) => resource.url)));

function checked(result: { path: LearningPath } | { problems: string }): LearningPath {
  if ("problems" in result) throw new AppError("invalid_output", { detail: result.problems });
  return result.path;
}

/** "Regenerate this milestone": its weeks and hours stay, its content and resources are new. */
export function regenerateMilestone(
  input: AdaptationInput,
  index: number,
  instruction?: string,
): AsyncGenerator<GenerationEvent> {
  return adapt(input, async function* (_, meter, run, enter) {
    const { path, request, provider } = input;
    const old = path.milestones[index];
    if (!old) throw new AppError("not_found");
    yield enter("curriculum");
    const titles = path.milestones.map((milestone) => milestone.title);
    const job = { request, titles, index, milestone: draftOf(old), instruction };
    const draft = withinLimits(
      run.count(await provider.regenerateMilestone(job, limitsFor(input, meter))),
    );
    yield meter.within(1, 1, { milestone: { index, title: draft.title } });
    yield enter("resources");
    const others = linksOf(path.milestones.filter((_, m) => m !== index));
    const count = path.milestones.length;
    const fallback = () => provider.fallbackResources(request, index, count);
    const resources = chooseResources(draft.resources, fallback, others);
    const titlesFound = resources.map((resource) => resource.title);
    yield meter.within(1, 1, { resources: { index, titles: titlesFound } });
    const milestone: Milestone = { ...old, ...draft, resources };
    const milestones = path.milestones.map((each, m) => (m === index ? milestone : each));
    const generatedBy = { provider: provider.name, model: provider.model };
    const wish = instruction ? ` (“${instruction.slice(0, 80)}”)` : "";
    return {
      path: checked(withMilestones(path, milestones, { generatedBy })),
      summary: `Milestone ${index + 1} written again${wish}: ${milestone.title}`,
    };
  });
}

/** The new milestones' weeks and hours fitted after the kept weeks (invariants.ts rules). */
function fitAfter(drafts: MilestoneDraft[], plan: ReplanPlan): MilestoneDraft[] {
  const shift = (milestone: MilestoneDraft, by: number) => ({
    ...milestone,
    weekStart: milestone.weekStart + by,
    weekEnd: milestone.weekEnd + by,
  });
  const local = drafts.map((draft) => shift(draft, -plan.keptWeeks));
  const weeks = plan.durationWeeks - plan.keptWeeks;
  return repairPlan(local, weeks, plan.hoursPerWeek).map((draft) => shift(draft, plan.keptWeeks));
}

/** The provider's new milestones, each shown as it arrives; an empty answer is asked for once more. */
async function* newMilestones(
  input: AdaptationInput,
  plan: ReplanPlan,
  meter: ProgressMeter,
  run: RunTracker,
): AsyncGenerator<ProgressEvent, MilestoneDraft[]> {
  const kept = input.path.milestones.slice(0, plan.keptCount).map(draftOf);
  const replan = { request: input.request, kept, count: plan.newMilestones };
  for (let attempt = 1; ; attempt++) {
    const shown = (milestone: MilestoneDraft, i: number) =>
      i < plan.newMilestones
        ? meter.within(i + 1, plan.newMilestones, {
            milestone: { index: plan.keptCount + i, title: milestone.title },
          })
        : undefined;
    const stream = input.provider.replanCurriculum(replan, limitsFor(input, meter));
    const drafts = run.count(yield* relay(stream, shown)).slice(0, plan.newMilestones);
    if (drafts.length > 0) return fitAfter(drafts.map(withinLimits), plan);
    if (attempt === 2) throw new AppError("invalid_output", { detail: "no milestones" });
    input.logger.info("replan answer empty", { attempt });
  }
}

/** "Re-plan from here": kept milestones stay exactly; the weeks after them are planned again. */
export function replanPath(
  input: AdaptationInput,
  plan: ReplanPlan,
): AsyncGenerator<GenerationEvent> {
  return adapt(input, async function* (_, meter, run, enter) {
    const { path, request, provider } = input;
    yield enter("curriculum");
    const fresh = yield* newMilestones(input, plan, meter, run);
    yield enter("resources");
    const kept = path.milestones.slice(0, plan.keptCount);
    const curriculum = { ...path, milestones: [...kept.map(draftOf), ...fresh] };
    const found: MilestoneResourcesDraft[] = [];
    const stream = provider.streamResources(
      request,
      curriculum,
      limitsFor(input, meter),
      plan.keptCount,
    );
    run.count(
      yield* relay(stream, (item) => {
        found.push(item);
        const titles = item.resources.slice(0, 4).map((resource) => resource.title.slice(0, 200));
        const index = plan.keptCount + found.length - 1;
        return meter.within(found.length, fresh.length, { resources: { index, titles } });
      }),
    );
    const shown = linksOf(kept);
    const total = kept.length + fresh.length;
    const added = fresh.map((draft, i) => {
      const index = plan.keptCount + i;
      const fallback = () => provider.fallbackResources(request, index, total);
      return { ...draft, resources: chooseResources(found[i]?.resources, fallback, shown) };
    });
    const { durationWeeks, hoursPerWeek } = plan;
    const generatedBy = { provider: provider.name, model: provider.model };
    const change = { durationWeeks, hoursPerWeek, generatedBy };
    const weeks = `weeks ${plan.keptWeeks + 1}-${durationWeeks}`;
    return {
      path: checked(withMilestones(path, [...kept, ...added], change)),
      summary: `Re-planned ${weeks} at ${hoursPerWeek} h a week`,
    };
  });
}
