import OpenAI from "openai";
import type { z } from "zod";
import { pickResources } from "@/lib/catalog";
import { addUsage, type TokenUsage } from "@/lib/learning-path/generation-stats";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { drain, relay } from "@/lib/providers/relay";
import {
  type CareerInsightsDraft,
  CURRICULUM_ITEMS,
  type CurriculumDraft,
  careerInsightsDraftSchema,
  curriculumDraftSchema,
  type LearningPathProvider,
  type MilestoneDraft,
  type MilestoneResourcesDraft,
  type ProviderLog,
  RESOURCES_ITEMS,
  type ResourceDraft,
  resourcesDraftSchema,
  type StageLimits,
  type StageResult,
} from "@/lib/providers/types";
import { careerMessages, curriculumMessages, resourcesMessages } from "./prompts";
import {
  InvalidOutputError,
  type Message,
  StreamDroppedError,
  streamStructured,
} from "./stream-structured";

/** A stage whose answer broke off is retried only if at least this long is left for it. */
const MIN_STAGE_RETRY_MS = 5_000;

export type OpenAiSettings = {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Longest silence from the model (before the first token or between tokens). */
  idleTimeoutMs: number;
  log?: ProviderLog;
};

// One SDK client per process and configuration: the client holds no per-request state,
// and building one per generation cost memory and CPU on every stream.
const clients = new Map<string, OpenAI>();

function sharedClient({ apiKey, baseURL }: OpenAiSettings): OpenAI {
  const key = `${baseURL ?? ""}\n${apiKey}`;
  let client = clients.get(key);
  if (!client) {
    // Retries are ours (./retry.ts): bounded by the stage's deadline and cancellable.
    client = new OpenAI({ apiKey, baseURL, maxRetries: 0 });
    clients.set(key, client);
  }
  return client;
}

/** Any OpenAI-compatible Chat Completions server (OpenAI, Ollama, vLLM, LM Studio, OpenRouter). */
export class OpenAiProvider implements LearningPathProvider {
  readonly name = "openai";
  readonly model: string;
  readonly salaryCaveat = "AI estimate, not live job-market data: check local job boards.";
  private readonly client: OpenAI;
  private readonly idleTimeoutMs: number;
  private readonly log: ProviderLog;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.client = sharedClient(settings);
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.log = settings.log ?? (() => {});
  }

  /**
   * One structured call, streamed. If the connection breaks mid-answer, the call is made
   * once more when the stage's budget allows; items already reported are not reported
   * again. If the answer cannot be used, the model gets one chance to repair it, with the
   * validation errors fed back; that answer is not streamed item by item (its items were
   * already reported from the first).
   */
  private async *structured<T, I = never>(
    name: string,
    schema: z.ZodType<T>,
    messages: Message[],
    { signal, deadline }: StageLimits,
    items?: { path: string; schema: z.ZodType<I> },
  ): AsyncGenerator<I, StageResult<T>> {
    // Every call of this stage (a retry, a repair) adds to the stage's usage.
    let usage: TokenUsage | undefined;
    const call = {
      client: this.client,
      model: this.model,
      name,
      schema,
      messages,
      signal,
      deadline,
      idleTimeoutMs: this.idleTimeoutMs,
      onUsage: (more: TokenUsage) => {
        usage = addUsage(usage, more);
      },
      onRetry: (attempt: number, delayMs: number, cause: string) =>
        this.log("model call retried", { call: name, attempt, delayMs, cause }),
    };
    let reported = 0;
    // Items already reported by an attempt that broke off are not reported again.
    const attempt = () =>
      relay(streamStructured({ ...call, items }), (item, index) => {
        if (index < reported) return undefined;
        reported = index + 1;
        return item;
      });
    try {
      try {
        return { value: yield* attempt(), usage };
      } catch (error) {
        const retry =
          error instanceof StreamDroppedError &&
          !signal.aborted &&
          deadline - Date.now() > MIN_STAGE_RETRY_MS;
        if (!retry) throw error;
        this.log("stage retried", { call: name, cause: error.message, itemsKept: reported });
        return { value: yield* attempt(), usage };
      }
    } catch (error) {
      if (!(error instanceof InvalidOutputError) || signal.aborted) throw error;
      const repair: Message[] = [
        ...messages,
        { role: "assistant", content: error.answer.slice(0, 20_000) },
        {
          role: "user",
          content: `That answer could not be used:\n${error.problems.slice(0, 2_000)}\nReply again with only JSON that matches the schema.`,
        },
      ];
      const value = await drain(streamStructured<T>({ ...call, messages: repair }));
      return { value, usage };
    }
  }

  streamCurriculum(
    request: LearningPathRequest,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>> {
    const messages = curriculumMessages(request);
    return this.structured("curriculum", curriculumDraftSchema, messages, limits, CURRICULUM_ITEMS);
  }

  streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneResourcesDraft, StageResult<unknown>> {
    const messages = resourcesMessages(request, curriculum);
    return this.structured("resources", resourcesDraftSchema, messages, limits, RESOURCES_ITEMS);
  }

  careerInsights(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
  ): Promise<StageResult<CareerInsightsDraft>> {
    const messages = careerMessages(request, curriculum);
    return drain(this.structured("career_insights", careerInsightsDraftSchema, messages, limits));
  }

  /** The catalog's resources for the topic: the model's links could not be used. */
  fallbackResources(request: LearningPathRequest, index: number, count: number): ResourceDraft[] {
    return pickResources(request.topic, request.learningStyle, index, count);
  }
}
