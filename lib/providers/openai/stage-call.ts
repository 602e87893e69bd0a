import type { z } from "zod";
import { relay } from "@/lib/providers/relay";
import {
  type Message,
  StreamDroppedError,
  type StructuredCall,
  streamStructured,
} from "./stream-structured";

// The parts of one pipeline stage's model call that do not depend on the stage: what a
// stage asks for, how a second request joins what the first one kept, and the one
// retry of an answer whose connection broke off.

/** A stage whose answer broke off is retried only if at least this long is left for it. */
const MIN_STAGE_RETRY_MS = 5_000;

/** A request that asks again after an unusable answer, and how its answer joins what was kept. */
export type Continuation<T> = { messages: Message[]; maxTokens: number; join: (rest: T) => T };

/** What one stage asks the model for. */
export type StageCall<T, I> = {
  name: string;
  schema: z.ZodType<T>;
  messages: Message[];
  maxTokens: number;
  items?: { path: string; schema: z.ZodType<I> };
  /**
   * After an unusable answer: the request for what is missing after the items already
   * reported. Unset: the same request again. `false`: no second request.
   */
  rest?: ((kept: I[]) => Continuation<T>) | false;
};

export type Note = (event: string, fields: Record<string, string | number>) => void;

/** The same request again (told what was wrong with the last answer, like every retry). */
export function sameAgain<T, I>(stage: StageCall<T, I>): Continuation<T> {
  return { messages: stage.messages, maxTokens: stage.maxTokens, join: (value) => value };
}

/**
 * The stage's first answer, streamed into `kept`. If the connection breaks mid-answer,
 * the call is made once more when the stage's budget allows; items already reported are
 * not reported (or kept) again.
 */
export async function* answerOnce<T, I>(
  call: StructuredCall<T, I>,
  kept: I[],
  note: Note,
): AsyncGenerator<I, T> {
  const attempt = () =>
    relay(streamStructured(call), (item, index) => {
      if (index < kept.length) return undefined;
      kept.push(item);
      return item;
    });
  try {
    return yield* attempt();
  } catch (error) {
    const retry =
      error instanceof StreamDroppedError &&
      !call.signal.aborted &&
      call.deadline - Date.now() > MIN_STAGE_RETRY_MS;
    if (!retry) throw error;
    note("stage retried", {
      reason: error.message,
      itemsKept: kept.length,
      maxTokens: call.maxTokens,
    });
    return yield* attempt();
  }
}
