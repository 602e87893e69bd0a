import { z } from "zod";
import type { TokenUsage } from "@/lib/learning-path/generation-stats";
import { RESOURCE_TYPES } from "@/lib/learning-path/path-schema";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";

// What a provider (the OpenAI-compatible model or the offline engine) produces for each
// pipeline stage. These "draft" schemas are deliberately loose (plain strings and
// numbers) because they double as the JSON schema sent to the model in strict mode;
// the pipeline checks and repairs drafts into a LearningPath.

export const milestoneDraftSchema = z.object({
  title: z.string(),
  description: z.string(),
  weekStart: z.number().int(),
  weekEnd: z.number().int(),
  estimatedHours: z.number().int(),
  skillsGained: z.array(z.string()),
});

export const curriculumDraftSchema = z.object({
  title: z.string(),
  summary: z.string(),
  prerequisites: z.array(z.string()),
  milestones: z.array(milestoneDraftSchema),
});

export const resourceDraftSchema = z.object({
  type: z.enum(RESOURCE_TYPES),
  title: z.string(),
  url: z.string(),
  description: z.string(),
  free: z.boolean(),
});

export const milestoneResourcesDraftSchema = z.object({
  milestone: z.string(),
  resources: z.array(resourceDraftSchema),
});

export const resourcesDraftSchema = z.object({
  milestones: z.array(milestoneResourcesDraftSchema),
});

/**
 * The items of a draft that are reported while the answer streams: where they sit in
 * the document (a JSONPath) and their schema. Kept beside the schemas they describe.
 */
export const CURRICULUM_ITEMS = { path: "$.milestones.*", schema: milestoneDraftSchema };
export const RESOURCES_ITEMS = { path: "$.milestones.*", schema: milestoneResourcesDraftSchema };

/** A milestone written again in one call: its content and its resources (weeks and hours stay). */
export const regeneratedMilestoneDraftSchema = z.object({
  title: z.string(),
  description: z.string(),
  skillsGained: z.array(z.string()),
  resources: z.array(resourceDraftSchema),
});

export const careerInsightsDraftSchema = z.object({
  relatedRoles: z.array(z.string()),
  skillsInDemand: z.array(z.string()),
  salaryRange: z.string(),
  salaryRegion: z.string(),
  outlook: z.string(),
  nextSteps: z.array(z.string()),
});

export type MilestoneDraft = z.infer<typeof milestoneDraftSchema>;
export type CurriculumDraft = z.infer<typeof curriculumDraftSchema>;
export type ResourceDraft = z.infer<typeof resourceDraftSchema>;
export type MilestoneResourcesDraft = z.infer<typeof milestoneResourcesDraftSchema>;
export type ResourcesDraft = z.infer<typeof resourcesDraftSchema>;
export type CareerInsightsDraft = z.infer<typeof careerInsightsDraftSchema>;
export type RegeneratedMilestoneDraft = z.infer<typeof regeneratedMilestoneDraftSchema>;

/** What "regenerate this milestone" asks of a provider. */
export type MilestoneRegeneration = {
  /** The saved path's request (topic, level, style, weeks, hours, goals). */
  request: LearningPathRequest;
  /** Every milestone's title in order, the one to replace included: it must fit between them. */
  titles: string[];
  /** Which milestone (0-based); its weeks and hours stay. */
  index: number;
  milestone: MilestoneDraft;
  /** The learner's wish ("more hands-on", "I already know X"), if any. */
  instruction?: string;
};

/** What "re-plan from here" asks of a provider: `count` milestones after the kept ones. */
export type CurriculumReplan = {
  /** The path as it will be: the new length and the new hours a week. */
  request: LearningPathRequest;
  /** The milestones that stay (finished, or before the re-planned weeks). */
  kept: MilestoneDraft[];
  count: number;
};

export type ProviderName = "openai" | "offline";

/**
 * What every model call of one pipeline stage shares: the generation's abort signal
 * (cancel, disconnect) and the time (ms since the epoch) by which the stage must end.
 */
export type StageLimits = { signal: AbortSignal; deadline: number };

/** A stage's finished result and the tokens its model calls used (none offline). */
export type StageResult<T> = { value: T; usage?: TokenUsage };

/** Where a provider reports what it did about a fault (retries), for the server log. */
export type ProviderLog = (event: string, fields: Record<string, string | number>) => void;

export interface LearningPathProvider {
  readonly name: ProviderName;
  readonly model: string;
  /** Shown beside the salary figure: where it comes from and how far to trust it. */
  readonly salaryCaveat: string;
  /** Yields each milestone as soon as it is complete, returns the whole curriculum. */
  streamCurriculum(
    request: LearningPathRequest,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>>;
  /**
   * Yields resources for each milestone from number `from` (0-based; default all), in
   * milestone order, as they are complete.
   */
  streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
    from?: number,
  ): AsyncGenerator<MilestoneResourcesDraft, StageResult<unknown>>;
  /** One milestone written again, with new resources, for the same weeks and hours. */
  regenerateMilestone(
    regeneration: MilestoneRegeneration,
    limits: StageLimits,
  ): Promise<StageResult<RegeneratedMilestoneDraft>>;
  /** Yields each new milestone after the kept ones as it arrives; returns them all. */
  replanCurriculum(
    replan: CurriculumReplan,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<MilestoneDraft[]>>;
  /**
   * One request for the milestones a curriculum lacks after `kept` (a model that wrote
   * too few); yields each new one and returns the whole curriculum. A provider that
   * always plans every milestone (the offline engine) has none.
   */
  continueCurriculum?(
    request: LearningPathRequest,
    kept: MilestoneDraft[],
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>>;
  careerInsights(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
  ): Promise<StageResult<CareerInsightsDraft>>;
  /** Resources for milestone `index` of `count` when the provider left it without usable ones. */
  fallbackResources(request: LearningPathRequest, index: number, count: number): ResourceDraft[];
}
