import OpenAI from "openai";
import { pickResources } from "@/lib/catalog";
import { addUsage, type TokenUsage } from "@/lib/learning-path/generation-stats";
import { milestoneCountFor } from "@/lib/learning-path/plan-math";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import { drain, relay } from "@/lib/providers/relay";
import {
  type CareerInsightsDraft,
  CURRICULUM_ITEMS,
  type CurriculumDraft,
  type CurriculumReplan,
  careerInsightsDraftSchema,
  curriculumDraftSchema,
  type LearningPathProvider,
  type MilestoneDraft,
  type MilestoneRegeneration,
  type MilestoneResourcesDraft,
  type ProviderLog,
  RESOURCES_ITEMS,
  type RegeneratedMilestoneDraft,
  type ResourceDraft,
  type ResourcesDraft,
  regeneratedMilestoneDraftSchema,
  resourcesDraftSchema,
  type StageLimits,
  type StageResult,
} from "@/lib/providers/types";
import {
  careerMessages,
  curriculumContinuationMessages,
  curriculumMessages,
  regenerateMilestoneMessages,
  replanMessages,
  resourcesMessages,
  retryMessages,
} from "./prompts";
import { answerOnce, type Continuation, type Note, type StageCall, sameAgain } from "./stage-call";
import { InvalidOutputError, type Message, streamStructured } from "./stream-structured";
import {
  careerInsightsTokenLimit,
  curriculumTokenLimit,
  regeneratedMilestoneTokenLimit,
  resourcesTokenLimit,
  type TokenLimitField,
  tokenLimitFieldFor,
} from "./token-limits";

const CURRICULUM_CALL = {
  name: "curriculum",
  schema: curriculumDraftSchema,
  items: CURRICULUM_ITEMS,
};

/** The request for the milestones after `kept`, and the whole curriculum from its answer. */
function curriculumAfter(
  request: LearningPathRequest,
  kept: MilestoneDraft[],
): Continuation<CurriculumDraft> {
  const missing = milestoneCountFor(request.durationWeeks) - kept.length;
  return {
    messages: curriculumContinuationMessages(request, kept),
    maxTokens: curriculumTokenLimit(Math.max(1, missing)),
    join: (rest) => ({ ...rest, milestones: [...kept, ...rest.milestones] }),
  };
}

export type OpenAiSettings = {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Longest silence from the model once it has started answering. */
  idleTimeoutMs: number;
  /** Which request field carries the token limit; default: by base URL (./token-limits.ts). */
  tokenLimitField?: TokenLimitField;
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
  private readonly tokenLimitField: TokenLimitField;
  private readonly log: ProviderLog;

  constructor(settings: OpenAiSettings) {
    this.model = settings.model;
    this.client = sharedClient(settings);
    this.idleTimeoutMs = settings.idleTimeoutMs;
    this.tokenLimitField = settings.tokenLimitField ?? tokenLimitFieldFor(settings.baseURL);
    this.log = settings.log ?? (() => {});
  }

  /**
   * One stage's structured call, streamed. If the connection breaks mid-answer, the call
   * is made once more when the stage's budget allows; items already reported are not
   * reported again. If the answer cannot be used (cut off at the token limit, not JSON,
   * not the schema), the model is asked once more, told what was wrong and to be
   * shorter, never with its answer echoed back: for only what is missing after the items
   * already reported (`rest`), or else for the same thing again.
   */
  private async *structured<T, I = never>(
    stage: StageCall<T, I>,
    { signal, deadline }: StageLimits,
  ): AsyncGenerator<I, StageResult<T>> {
    // Every call of this stage (a retry, a repair) adds to the stage's usage.
    let usage: TokenUsage | undefined;
    const note: Note = (event, fields) =>
      this.log(event, { call: stage.name, ...fields, ...usage });
    const call = (messages: Message[], maxTokens: number) => ({
      client: this.client,
      model: this.model,
      tokenLimitField: this.tokenLimitField,
      name: stage.name,
      schema: stage.schema,
      items: stage.items,
      messages,
      maxTokens,
      signal,
      deadline,
      idleTimeoutMs: this.idleTimeoutMs,
      onUsage: (more: TokenUsage) => {
        usage = addUsage(usage, more);
      },
      onRetry: (attempt: number, delayMs: number, reason: string) =>
        note("model call retried", { attempt, delayMs, reason, maxTokens }),
    });
    const kept: I[] = [];
    try {
      const first = call(stage.messages, stage.maxTokens);
      return { value: yield* answerOnce(first, kept, note), usage };
    } catch (error) {
      if (!(error instanceof InvalidOutputError) || signal.aborted || stage.rest === false) {
        throw error;
      }
      const next = stage.rest?.(kept) ?? sameAgain(stage);
      note(error.cutOff ? "answer continued" : "answer repaired", {
        reason: error.message,
        itemsKept: kept.length,
        maxTokens: next.maxTokens,
      });
      const retry = call(retryMessages(next.messages, error.problems), next.maxTokens);
      const rest = yield* relay(streamStructured(retry), (item) => item);
      return { value: next.join(rest), usage };
    }
  }

  streamCurriculum(
    request: LearningPathRequest,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>> {
    const count = milestoneCountFor(request.durationWeeks);
    const stage = {
      name: "curriculum",
      schema: curriculumDraftSchema,
      messages: curriculumMessages(request),
      maxTokens: curriculumTokenLimit(count),
      items: CURRICULUM_ITEMS,
      rest: (kept: MilestoneDraft[]) => curriculumAfter(request, kept),
    };
    return this.structured(stage, limits);
  }

  /**
   * One request for the milestones a curriculum still lacks after `kept` (the pipeline's
   * structural repair); yields each new one, returns the whole curriculum.
   */
  async *continueCurriculum(
    request: LearningPathRequest,
    kept: MilestoneDraft[],
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<CurriculumDraft>> {
    const count = milestoneCountFor(request.durationWeeks);
    const next = curriculumAfter(request, kept);
    this.log("curriculum continued", {
      call: "curriculum",
      reason: `${kept.length} of ${count} milestones`,
      itemsKept: kept.length,
      maxTokens: next.maxTokens,
    });
    const stage = { ...CURRICULUM_CALL, ...next, rest: false as const };
    const result = yield* this.structured(stage, limits);
    return { value: next.join(result.value), usage: result.usage };
  }

  streamResources(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
    from = 0,
  ): AsyncGenerator<MilestoneResourcesDraft, StageResult<unknown>> {
    const count = curriculum.milestones.length - from;
    const stage = {
      name: "resources",
      schema: resourcesDraftSchema,
      messages: resourcesMessages(request, curriculum, from),
      maxTokens: resourcesTokenLimit(count),
      items: RESOURCES_ITEMS,
      // Resources for only the milestones still without them.
      rest: (kept: MilestoneResourcesDraft[]) => ({
        messages: resourcesMessages(request, curriculum, from + kept.length),
        maxTokens: resourcesTokenLimit(Math.max(1, count - kept.length)),
        join: (rest: ResourcesDraft) => ({ milestones: [...kept, ...rest.milestones] }),
      }),
    };
    return this.structured(stage, limits);
  }

  /** One call: the milestone and its resources (an unusable answer is asked for again). */
  regenerateMilestone(
    regeneration: MilestoneRegeneration,
    limits: StageLimits,
  ): Promise<StageResult<RegeneratedMilestoneDraft>> {
    const stage = {
      name: "milestone",
      schema: regeneratedMilestoneDraftSchema,
      messages: regenerateMilestoneMessages(regeneration),
      maxTokens: regeneratedMilestoneTokenLimit(),
    };
    return drain(this.structured(stage, limits));
  }

  /**
   * The new milestones after the kept ones, streamed. The answer has the curriculum's
   * shape (the same call as a continuation); only its milestones are used.
   */
  async *replanCurriculum(
    replan: CurriculumReplan,
    limits: StageLimits,
  ): AsyncGenerator<MilestoneDraft, StageResult<MilestoneDraft[]>> {
    const stage = {
      ...CURRICULUM_CALL,
      messages: replanMessages(replan),
      maxTokens: curriculumTokenLimit(replan.count),
      rest: (written: MilestoneDraft[]) => ({
        messages: replanMessages({
          ...replan,
          kept: [...replan.kept, ...written],
          count: Math.max(1, replan.count - written.length),
        }),
        maxTokens: curriculumTokenLimit(Math.max(1, replan.count - written.length)),
        join: (rest: CurriculumDraft) => ({
          ...rest,
          milestones: [...written, ...rest.milestones],
        }),
      }),
    };
    const result = yield* this.structured(stage, limits);
    return { value: result.value.milestones, usage: result.usage };
  }

  careerInsights(
    request: LearningPathRequest,
    curriculum: CurriculumDraft,
    limits: StageLimits,
  ): Promise<StageResult<CareerInsightsDraft>> {
    const stage = {
      name: "career_insights",
      schema: careerInsightsDraftSchema,
      messages: careerMessages(request, curriculum),
      maxTokens: careerInsightsTokenLimit(),
    };
    return drain(this.structured(stage, limits));
  }

  /** The catalog's resources for the topic: the model's links could not be used. */
  fallbackResources(request: LearningPathRequest, index: number, count: number): ResourceDraft[] {
    return pickResources(request.topic, request.learningStyle, index, count);
  }
}
