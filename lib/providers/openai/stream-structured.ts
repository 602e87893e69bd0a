import { setTimeout as sleep } from "node:timers/promises";
import { JSONParser } from "@streamparser/json";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { TokenUsage } from "@/lib/learning-path/generation-stats";
import { MAX_RETRIES, retryDelayMs } from "./retry";
import type { TokenLimitField } from "./token-limits";

// One streamed Chat Completions call with a strict JSON-schema response format. Items
// under `items.path` (e.g. each milestone) are parsed incrementally from the token
// stream and yielded the moment they are complete; the parser keeps no stack of
// finished items, so the cost per token stays constant however long the answer gets.

export type Message = { role: "system" | "user" | "assistant"; content: string };

/**
 * The model's answer could not be used: what was wrong (for the repair request; it may
 * quote the model), and whether the answer was cut off at the token limit. The answer
 * itself is not kept: a repair never sends it back.
 */
export class InvalidOutputError extends AppError {
  constructor(
    readonly problems: string,
    readonly cutOff: boolean,
    options: { cause?: unknown; detail: string },
  ) {
    super("invalid_output", options);
  }
}

/** The connection broke after the model had started answering (worth one stage retry). */
export class StreamDroppedError extends AppError {
  constructor(options: { cause?: unknown; detail: string }) {
    super("upstream_unavailable", options);
  }
}

/** A retry is only worth starting if at least this long is left before the deadline. */
const MIN_ATTEMPT_MS = 1_000;

export type StructuredCall<T, I> = {
  client: OpenAI;
  model: string;
  name: string;
  schema: z.ZodType<T>;
  messages: Message[];
  /** The most tokens the answer may take, and the request field that carries the limit. */
  maxTokens: number;
  tokenLimitField: TokenLimitField;
  /** Array items to yield as they complete: where they sit (a JSONPath) and their schema. */
  items?: { path: string; schema: z.ZodType<I> };
  signal: AbortSignal;
  /** When the stage must be over (ms since the epoch): the call is abandoned then. */
  deadline: number;
  /** Longest silence between chunks, once the model has started answering. */
  idleTimeoutMs: number;
  onUsage?: (usage: TokenUsage) => void;
  /** Told before each retry of a call that failed before its first token. */
  onRetry?: (attempt: number, delayMs: number, cause: string) => void;
};

/**
 * Aborts the call when the caller aborts, when the model goes quiet for longer than
 * `idleTimeoutMs` after it started answering, or at the stage's deadline, so neither an
 * upstream that sends headers and then nothing nor one that talks too slowly can hold
 * the stream open until the platform kills it. Waiting for the answer to start (a
 * one-slot local server serving someone else first, a Retry-After wait) counts only
 * against the stage's deadline: the silence timer starts with the first chunk.
 */
function watchdog(signal: AbortSignal, idleTimeoutMs: number, deadline: number) {
  const controller = new AbortController();
  let timedOut: string | undefined;
  const expire = (why: string) => () => {
    timedOut = why;
    controller.abort(new Error(why));
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stageTimer = setTimeout(expire("stage budget used up"), Math.max(0, deadline - Date.now()));
  const forward = () => controller.abort(signal.reason);
  const stop = () => {
    clearTimeout(timer);
    clearTimeout(stageTimer);
    signal.removeEventListener("abort", forward);
  };
  // However the call ends early (cancel, timeout), nothing of it is left waiting: a
  // cancelled generation whose stream is never read again holds no timers.
  controller.signal.addEventListener("abort", stop, { once: true });
  if (signal.aborted) forward();
  else signal.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    /** Call on every chunk: the model is (still) talking. */
    alive() {
      if (controller.signal.aborted) return;
      clearTimeout(timer);
      timer = setTimeout(expire("model went quiet"), idleTimeoutMs);
    },
    stop,
  };
}

type Watchdog = ReturnType<typeof watchdog>;

export async function* streamStructured<T, I = never>(
  call: StructuredCall<T, I>,
): AsyncGenerator<I, T> {
  const guard = watchdog(call.signal, call.idleTimeoutMs, call.deadline);
  try {
    return yield* readStructured(call, guard);
  } catch (error) {
    throw guard.timedOut
      ? new AppError("timeout", { cause: error, detail: `${call.name}: ${guard.timedOut}` })
      : error;
  } finally {
    guard.stop();
  }
}

async function* readStructured<T, I>(
  call: StructuredCall<T, I>,
  guard: Watchdog,
): AsyncGenerator<I, T> {
  const stream = await startStream(call, guard);
  const ready: I[] = [];
  const parser = call.items && itemParser(call.items, ready);
  let text = "";
  let finishReason: string | null | undefined;
  try {
    for await (const chunk of stream) {
      guard.alive();
      if (chunk.usage) {
        call.onUsage?.({
          promptTokens: chunk.usage.prompt_tokens,
          completionTokens: chunk.usage.completion_tokens,
        });
      }
      const choice = chunk.choices[0];
      if (!choice) continue;
      if (choice.delta?.refusal) throw new AppError("refused", { detail: choice.delta.refusal });
      finishReason = choice.finish_reason ?? finishReason;
      const content = choice.delta?.content;
      if (!content) continue;
      text += content;
      if (parser && !parser.isEnded) parser.write(content);
      for (const item of ready.splice(0)) yield item;
    }
  } catch (error) {
    throw midAnswerError(error, call.name);
  }
  // An aborted request can end the token stream quietly; never parse what is left of it.
  if (guard.signal.aborted) {
    throw new AppError(guard.timedOut ? "timeout" : "cancelled", {
      detail: `${call.name}: aborted`,
    });
  }
  if (finishReason === "content_filter") {
    throw new AppError("refused", { detail: `${call.name}: content filter` });
  }
  return parseFinished(call, text, finishReason);
}

/** Parses `items` out of the streamed text, pushing each valid one to `ready`. */
function itemParser<I>(items: { path: string; schema: z.ZodType<I> }, ready: I[]): JSONParser {
  const parser = new JSONParser({ paths: [items.path], keepStack: false });
  parser.onValue = ({ value }) => {
    // An item that does not fit is left for the final validation to report.
    const item = items.schema.safeParse(value);
    if (item.success) ready.push(item.data);
  };
  // A malformed document is reported once, with the full text, after the stream ends.
  parser.onError = () => {};
  return parser;
}

/** A failure while the answer streamed; a lost connection may be worth one more try. */
function midAnswerError(error: unknown, name: string): unknown {
  const mapped = toUpstreamError(error);
  const dropped =
    mapped instanceof AppError &&
    mapped.code === "upstream_unavailable" &&
    !(error instanceof AppError);
  return dropped
    ? new StreamDroppedError({ cause: error, detail: `${name}: connection lost mid-answer` })
    : mapped;
}

// A schema's JSON-schema response format, made once per schema and name: converting the
// zod schema cost ~1-4 ms of CPU per call (three calls per generation), the same result
// every time. Keyed weakly on the schema object, so nothing outlives it.
const responseFormats = new WeakMap<z.ZodType, Map<string, ReturnType<typeof zodResponseFormat>>>();

function responseFormat(schema: z.ZodType, name: string) {
  let byName = responseFormats.get(schema);
  if (!byName) {
    byName = new Map();
    responseFormats.set(schema, byName);
  }
  let format = byName.get(name);
  if (!format) {
    format = zodResponseFormat(schema, name);
    byName.set(name, format);
  }
  return format;
}

/**
 * Opens the streamed call. Failures before the first token (rate limits, server errors,
 * refused connections) are retried up to MAX_RETRIES times with backoff or the server's
 * Retry-After, but only while the wait and a fresh attempt fit before the deadline.
 */
async function startStream<T, I>(call: StructuredCall<T, I>, guard: Watchdog) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call.client.chat.completions.create(
        {
          model: call.model,
          messages: call.messages,
          stream: true,
          stream_options: { include_usage: true },
          response_format: responseFormat(call.schema, call.name),
          [call.tokenLimitField]: call.maxTokens,
        },
        { signal: guard.signal },
      );
    } catch (error) {
      const delay = attempt < MAX_RETRIES ? retryDelayMs(error, attempt) : null;
      const fits = delay !== null && Date.now() + delay + MIN_ATTEMPT_MS < call.deadline;
      if (!fits || guard.signal.aborted) throw toUpstreamError(error);
      call.onRetry?.(attempt + 1, delay, error instanceof Error ? error.message : String(error));
      try {
        await sleep(delay, undefined, { signal: guard.signal });
      } catch {
        throw toUpstreamError(error);
      }
    }
  }
}

function parseFinished<T, I>(call: StructuredCall<T, I>, text: string, finishReason: unknown): T {
  if (finishReason === "length") {
    throw new InvalidOutputError("The answer was cut off at the token limit.", true, {
      detail: `${call.name}: cut off at ${call.maxTokens} tokens (${text.length} chars)`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InvalidOutputError("The answer was not complete, valid JSON.", false, {
      cause,
      detail: `${call.name}: not JSON (finish_reason ${String(finishReason)}, ${text.length} chars)`,
    });
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidOutputError(z.prettifyError(parsed.error), false, {
      cause: parsed.error,
      detail: `${call.name}: ${parsed.error.message}`,
    });
  }
  return parsed.data;
}

/** Maps SDK and network failures to the product's error codes. */
export function toUpstreamError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof OpenAI.APIUserAbortError) return new AppError("cancelled", { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new AppError("timeout", { cause: error });
  }
  if (error instanceof OpenAI.RateLimitError) return new AppError("rate_limited", { cause: error });
  if (
    error instanceof OpenAI.AuthenticationError ||
    error instanceof OpenAI.PermissionDeniedError
  ) {
    return new AppError("upstream_auth", { cause: error });
  }
  if (error instanceof OpenAI.APIError) {
    return new AppError("upstream_unavailable", { cause: error, detail: error.message });
  }
  if (error instanceof Error && error.name === "AbortError") {
    return new AppError("cancelled", { cause: error });
  }
  // A connection dropped mid-stream surfaces as a plain network error from fetch.
  return new AppError("upstream_unavailable", { cause: error });
}
