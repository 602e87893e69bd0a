import { pickResources, planPathResources } from "@/lib/catalog";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type {
  CareerInsightsDraft,
  CurriculumDraft,
  LearningPathProvider,
  MilestoneDraft,
  MilestoneResourcesDraft,
  ResourceDraft,
  StageLimits,
  StageResult,
} from "@/lib/providers/types";
import { buildOfflineCareerInsights, buildOfflineCurriculum } from "./engine";
import { planOfflinePath } from "./plan";

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
  ): AsyncGenerator<MilestoneResourcesDraft, StageResult<void>> {
    // The plan is rebuilt from the request (it is deterministic), for each milestone's subject.
    const subjects = planOfflinePath(request).milestones.map((milestone) => milestone.subject);
    const resources = planPathResources(request.topic, request.learningStyle, subjects);
    for (const [index, milestone] of curriculum.milestones.entries()) {
      signal.throwIfAborted();
      yield { milestone: milestone.title, resources: resources[index] ?? [] };
    }
    return { value: undefined };
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
