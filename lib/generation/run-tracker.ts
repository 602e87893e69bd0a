import { toAppError } from "@/lib/errors";
import {
  addUsage,
  type GenerationStats,
  type TokenUsage,
} from "@/lib/learning-path/generation-stats";
import type { LearningPathProvider } from "@/lib/providers/types";
import type { Stage } from "@/lib/sse/events";
import type { GenerationLogger } from "./logger";

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

/**
 * Keeps the account of one generation: how long each stage took, the tokens used, how
 * it ended, and the run record written at the end. It logs each step, so the pipeline
 * itself only says what happens next.
 */
export class RunTracker {
  private readonly startedAt = performance.now();
  private stageStartedAt = this.startedAt;
  private stage: Stage = "analyzing";
  private usage: TokenUsage | undefined;
  private outcome: GenerationRunRecord["outcome"] = "cancelled";
  private errorCode: string | undefined;
  private milestones = 0;

  constructor(
    private readonly logger: GenerationLogger,
    private readonly provider: Pick<LearningPathProvider, "name" | "model">,
  ) {
    logger.info("stream started", { provider: provider.name, model: provider.model });
  }

  private elapsedMs(since = this.startedAt): number {
    return Math.round(performance.now() - since);
  }

  private stageFinished(): void {
    this.logger.info("stage finished", {
      stage: this.stage,
      ms: this.elapsedMs(this.stageStartedAt),
    });
  }

  /** The stage that is running ends and `next` begins. */
  enter(next: Stage): void {
    this.stageFinished();
    this.stage = next;
    this.stageStartedAt = performance.now();
  }

  /** A stage's result: its tokens are added to the generation's, its value passed on. */
  count<T>(result: { value: T; usage?: TokenUsage }): T {
    this.usage = addUsage(this.usage, result.usage);
    return result.value;
  }

  /** What producing the path cost so far, saved with a signed-in user's path. */
  stats(): GenerationStats {
    return { ...this.usage, generationMs: this.elapsedMs() };
  }

  /** The path is finished (and stored); the done frame goes out next. */
  completed(milestones: number): void {
    this.stageFinished();
    this.outcome = "complete";
    this.milestones = milestones;
    this.logger.info("path generated", { milestones, totalMs: this.elapsedMs(), ...this.usage });
  }

  /** The generation failed: logs the internal detail, returns the user-safe error. */
  failed(error: unknown) {
    const appError = toAppError(error);
    this.outcome = "failed";
    this.errorCode = appError.code;
    this.logger.error("failed", {
      stage: this.stage,
      code: appError.code,
      detail: appError.message,
      cause: appError.cause instanceof Error ? appError.cause.message : undefined,
    });
    return appError;
  }

  /**
   * Ends the account however the generation ended (a cancelled one never reached
   * `completed` or `failed`) and writes the run record. Recording is off the stream's
   * path and never fails it.
   */
  end(recordRun?: (run: GenerationRunRecord) => Promise<void>): void {
    const totalMs = this.elapsedMs();
    if (this.outcome === "cancelled") this.logger.info("cancelled", { stage: this.stage, totalMs });
    if (this.outcome === "complete") this.logger.info("stream complete", { totalMs });
    recordRun?.({
      requestId: this.logger.requestId,
      provider: this.provider.name,
      model: this.provider.model,
      outcome: this.outcome,
      errorCode: this.errorCode,
      stage: this.stage,
      durationMs: totalMs,
      milestones: this.milestones,
      ...this.usage,
    }).catch((error: unknown) => {
      this.logger.error("run not recorded", {
        detail: error instanceof Error ? error.message : String(error),
      });
    });
  }
}
