import OpenAI from "openai";
import type { z } from "zod";
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
  type ProviderLog,
  resourcesDraftSchema,
  type StageCall,
  type TokenUsage,
} from "@/lib/providers/types";
import { careerMessages, curriculumMessages, resourcesMessages } from "./prompts";
import {
  finishStructured,
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
  private readonly client: OpenAI;
  private readonly idleTimeoutMs: number;
  private readonly log: ProviderLog;
  private tokens: TokenUsage | undefined;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.client = sharedClient(settings);
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.log = settings.log ?? (() => {});
  }

  private readonly addUsage = (usage: TokenUsage) => {
    this.tokens = {
      promptTokens: (this.tokens?.promptTokens ?? 0) + usage.promptTokens,
      completionTokens: (this.tokens?.completionTokens ?? 0) + usage.completionTokens,
    };
  };

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
    { signal, deadline }: StageCall,
    itemSchema?: z.ZodType<I>,
  ): AsyncGenerator<I, T> {
    const call = {
      client: this.client,
      model: this.model,
      name,
      schema,
      messages,
      signal,
      deadline,
      idleTimeoutMs: this.idleTimeoutMs,
      onUsage: this.addUsage,
      onRetry: (attempt: number, delayMs: number, cause: string) =>
        this.log("model call retried", { call: name, attempt, delayMs, cause }),
    };
    const items = itemSchema && { path: "$.milestones.*", schema: itemSchema };
    let reported = 0;
    const attempt = async function* (): AsyncGenerator<I, T> {
      const stream = streamStructured({ ...call, items });
      try {
        for (let index = 0; ; index++) {
          const step = await stream.next();
          if (step.done) return step.value;
          if (index < reported) continue;
          reported = index + 1;
          yield step.value;
        }
      } finally {
        // A reader that stops early closes the call too (a no-op once it has ended).
        await stream.return(undefined as T);
      }
    };
    try {
      try {
        return yield* attempt();
      } catch (error) {
        const retry =
          error instanceof StreamDroppedError &&
          !signal.aborted &&
          deadline - Date.now() > MIN_STAGE_RETRY_MS;
        if (!retry) throw error;
        this.log("stage retried", { call: name, cause: error.message, itemsKept: reported });
        return yield* attempt();
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
      return finishStructured(streamStructured<T>({ ...call, messages: repair }));
    }
  }

  streamCurriculum(
    request: LearningPathRequest,
    stage: StageCall,
  ): AsyncGenerator<MilestoneDraft, CurriculumDraft> {
    const messages = curriculumMessages(request);
    return this.structured(
      "curriculum",
      curriculumDraftSchema,
      messages,
      stage,
      milestoneDraftSchema,
    );
  }

  streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    stage: StageCall,
  ): AsyncGenerator<MilestoneResourcesDraft, unknown> {
    const messages = resourcesMessages(request, curriculum);
    return this.structured(
      "resources",
      resourcesDraftSchema,
      messages,
      stage,
      milestoneResourcesDraftSchema,
    );
  }

  careerInsights(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    stage: StageCall,
  ): Promise<CareerInsightsDraft> {
    const messages = careerMessages(request, curriculum);
    return finishStructured(
      this.structured("career_insights", careerInsightsDraftSchema, messages, stage),
    );
  }

  usage(): TokenUsage | undefined {
    return this.tokens;
  }
}
