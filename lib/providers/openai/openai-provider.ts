import OpenAI from "openai";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import {
  type CareerInsightsDraft,
  type CurriculumDraft,
  careerInsightsDraftSchema,
  curriculumDraftSchema,
  type LearningPathProvider,
  type MilestoneDraft,
  type MilestoneResourcesDraft,
  milestoneDraftSchema,
  milestoneResourcesDraftSchema,
  resourcesDraftSchema,
  type TokenUsage,
} from "@/lib/providers/types";
import { careerMessages, curriculumMessages, resourcesMessages } from "./prompts";
import { streamStructured } from "./stream-structured";

export type OpenAiSettings = { apiKey: string; baseURL?: string; model: string };

/** Any OpenAI-compatible Chat Completions server (OpenAI, Ollama, vLLM, LM Studio, OpenRouter). */
export class OpenAiProvider implements LearningPathProvider {
  readonly name = "openai";
  readonly model: string;
  private readonly client: OpenAI;
  private tokens: TokenUsage | undefined;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseURL });
  }

  private readonly addUsage = (usage: TokenUsage) => {
    this.tokens = {
      promptTokens: (this.tokens?.promptTokens ?? 0) + usage.promptTokens,
      completionTokens: (this.tokens?.completionTokens ?? 0) + usage.completionTokens,
    };
  };

  async *streamCurriculum(
    request: LearningPathRequest,
    signal: AbortSignal,
  ): AsyncGenerator<MilestoneDraft, CurriculumDraft> {
    const stream = streamStructured({
      client: this.client,
      model: this.model,
      name: "curriculum",
      schema: curriculumDraftSchema,
      messages: curriculumMessages(request),
      itemPath: "$.milestones.*",
      signal,
      onUsage: this.addUsage,
    });
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
      // An item that does not fit the schema is left for the final validation to report.
      const milestone = milestoneDraftSchema.safeParse(step.value);
      if (milestone.success) yield milestone.data;
    }
  }

  async *streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    signal: AbortSignal,
  ): AsyncGenerator<MilestoneResourcesDraft, void> {
    const stream = streamStructured({
      client: this.client,
      model: this.model,
      name: "resources",
      schema: resourcesDraftSchema,
      messages: resourcesMessages(request, curriculum),
      itemPath: "$.milestones.*",
      signal,
      onUsage: this.addUsage,
    });
    for (;;) {
      const step = await stream.next();
      if (step.done) return;
      const item = milestoneResourcesDraftSchema.safeParse(step.value);
      if (item.success) yield item.data;
    }
  }

  async careerInsights(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    signal: AbortSignal,
  ): Promise<CareerInsightsDraft> {
    const stream = streamStructured({
      client: this.client,
      model: this.model,
      name: "career_insights",
      schema: careerInsightsDraftSchema,
      messages: careerMessages(request, curriculum),
      signal,
      onUsage: this.addUsage,
    });
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
    }
  }

  usage(): TokenUsage | undefined {
    return this.tokens;
  }
}
