import { pickResources, planPathResources } from "@/lib/catalog";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type {
  CareerInsightsDraft,
  CurriculumDraft,
  CurriculumReplan,
  LearningPathProvider,
  MilestoneDraft,
  MilestoneRegeneration,
  MilestoneResourcesDraft,
  RegeneratedMilestoneDraft,
  ResourceDraft,
  StageLimits,
  StageResult,
} from "@/lib/providers/types";
import { buildOfflineCareerInsights, buildOfflineCurriculum } from "./engine";
import { planOfflinePath } from "./plan";
import { regenerateOfflineMilestone } from "./regenerate";

/** The offline engine behind the provider interface, so it runs through the same pipeline. */
export class OfflineProvider implements LearningPathProvider {
  readonly name = "offline";
  readonly model = "offline-catalog";
  readonly salaryCaveat = "Rough estimate from the offline catalog, not live job-market data.";

  async *streamCurriculum(
    request: LearningPathRequest,
    { signal }: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>> {
    const builder = buildOfflineCurriculum(request);
    for (;;) {
      signal.throwIfAborted();
      const step = builder.next();
      if (step.done) return { value: step.value };
      yield step.value;
    }
  }

  async *streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    { signal }: StageLimits,
    from = 0,
  ): AsyncGenerator<MilestoneResourcesDraft, StageResult<void>> {
    // The plan is rebuilt from the request (it is deterministic), for each milestone's subject.
    const subjects = planOfflinePath(request).milestones.map((milestone) => milestone.subject);
    const resources = planPathResources(request.topic, request.learningStyle, subjects);
    for (const [index, milestone] of curriculum.milestones.entries()) {
      if (index < from) continue;
      signal.throwIfAborted();
      yield { milestone: milestone.title, resources: resources[index] ?? [] };
    }
    return { value: undefined };
  }

  async regenerateMilestone(
    regeneration: MilestoneRegeneration,
    { signal }: StageLimits,
  ): Promise<StageResult<RegeneratedMilestoneDraft>> {
    signal.throwIfAborted();
    return { value: regenerateOfflineMilestone(regeneration) };
  }

  /**
   * The offline plan for the path's new length and hours, from the milestone after the
   * kept ones (its own milestones at the same positions, so the resource stage finds
   * their subjects); the pipeline fits their weeks after the kept ones.
   */
  async *replanCurriculum(
    { request, kept, count }: CurriculumReplan,
    { signal }: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<MilestoneDraft[]>> {
    const planned = [...buildOfflineCurriculum(request)];
    const start = Math.min(kept.length, Math.max(0, planned.length - count));
    const fresh = planned.slice(start, start + count);
    for (const milestone of fresh) {
      signal.throwIfAborted();
      yield milestone;
    }
    return { value: fresh };
  }

  async careerInsights(
    request: LearningPathRequest,
    _curriculum: CurriculumDraft,
    { signal }: StageLimits,
  ): Promise<StageResult<CareerInsightsDraft>> {
    signal.throwIfAborted();
    return { value: buildOfflineCareerInsights(request) };
  }

  fallbackResources(request: LearningPathRequest, index: number, count: number): ResourceDraft[] {
    return pickResources(request.topic, request.learningStyle, index, count);
  }
}
