import { pickResources } from "@/lib/catalog";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type {
  CareerInsightsDraft,
  CurriculumDraft,
  LearningPathProvider,
  MilestoneDraft,
  MilestoneResourcesDraft,
  StageCall,
} from "@/lib/providers/types";
import { buildOfflineCareerInsights, buildOfflineCurriculum } from "./engine";

/** The offline engine behind the provider interface, so it runs through the same pipeline. */
export class OfflineProvider implements LearningPathProvider {
  readonly name = "offline";
  readonly model = "offline-catalog";

  async *streamCurriculum(
    request: LearningPathRequest,
    { signal }: StageCall,
  ): AsyncGenerator<MilestoneDraft, CurriculumDraft> {
    const builder = buildOfflineCurriculum(request);
    for (;;) {
      signal.throwIfAborted();
      const step = builder.next();
      if (step.done) return step.value;
      yield step.value;
    }
  }

  async *streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    { signal }: StageCall,
  ): AsyncGenerator<MilestoneResourcesDraft, void> {
    const count = curriculum.milestones.length;
    for (const [index, milestone] of curriculum.milestones.entries()) {
      signal.throwIfAborted();
      yield {
        milestone: milestone.title,
        resources: pickResources(request.topic, request.learningStyle, index, count),
      };
    }
  }

  async careerInsights(
    request: LearningPathRequest,
    _curriculum: CurriculumDraft,
    { signal }: StageCall,
  ): Promise<CareerInsightsDraft> {
    signal.throwIfAborted();
    return buildOfflineCareerInsights(request);
  }

  usage() {
    return undefined;
  }
}
