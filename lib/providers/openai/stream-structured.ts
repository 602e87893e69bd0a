import { JSONParser } from "@streamparser/json";
import OpenAI from "openai";
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { TokenUsage } from "@/lib/providers/types";

// One streamed Chat Completions call with a strict JSON-schema response format. Items
// under `itemPath` (e.g. each milestone) are parsed incrementally from the token
// stream and yielded the moment they are complete; the parser keeps no stack of
// finished items, so the cost per token stays constant however long the answer gets.

export type Message = { role: "system" | "user" | "assistant"; content: string };

/** The model's answer could not be used; carries what is needed to ask it to repair it. */
export class InvalidOutputError extends AppError {
  constructor(
    readonly answer: string,
    readonly problems: string,
    options: { cause?: unknown; detail: string },
  ) {
    super("invalid_output", options);
  }
}

export type StructuredCall<T, I> = {
  client: OpenAI;
  model: string;
  name: string;
  schema: z.ZodType<T>;
  messages: Message[];
  /** Array items to yield as they complete: a JSONPath like "$.milestones.*" and their schema. */
  items?: { path: string; schema: z.ZodType<I> };
  signal: AbortSignal;
  /** Longest wait for the first token and between tokens before the call is abandoned. */
  idleTimeoutMs: number;
  onUsage?: (usage: TokenUsage) => void;
};

/**
 * Aborts the call when the caller aborts, or when the model goes quiet for longer than
 * `idleTimeoutMs` (before the first token or between tokens), so an upstream that sends
 * headers and then nothing cannot hold the stream open until the platform kills it.
 */
function idleWatchdog(signal: AbortSignal, idleTimeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const expire = () => {
    timedOut = true;
    controller.abort(new Error("model went quiet"));
  };
  let timer = setTimeout(expire, idleTimeoutMs);
  const forward = () => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut;
    },
    /** Call on every chunk: the model is still talking. */
    alive() {
      clearTimeout(timer);
      timer = setTimeout(expire, idleTimeoutMs);
    },
    stop() {
      clearTimeout(timer);
      signal.removeEventListener("abort", forward);
    },
  };
}

export async function* streamStructured<T, I = never>(
  call: StructuredCall<T, I>,
): AsyncGenerator<I, T> {
  const watchdog = idleWatchdog(call.signal, call.idleTimeoutMs);
  try {
    return yield* readStructured(call, watchdog);
  } catch (error) {
    throw watchdog.timedOut
      ? new AppError("timeout", { cause: error, detail: `${call.name}: no tokens` })
      : error;
  } finally {
    watchdog.stop();
  }
}

async function* readStructured<T, I>(
  call: StructuredCall<T, I>,
  watchdog: ReturnType<typeof idleWatchdog>,
): AsyncGenerator<I, T> {
  const stream = await startStream(call, watchdog.signal);
  const ready: I[] = [];
  const items = call.items;
  const parser = items ? new JSONParser({ paths: [items.path], keepStack: false }) : undefined;
  if (parser && items) {
    parser.onValue = ({ value }) => {
      // An item that does not fit is left for the final validation to report.
      const item = items.schema.safeParse(value);
      if (item.success) ready.push(item.data);
    };
    // A malformed document is reported once, with the full text, after the stream ends.
    parser.onError = () => {};
  }
  let text = "";
  let finishReason: string | null | undefined;
  try {
    for await (const chunk of stream) {
      watchdog.alive();
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
    throw toUpstreamError(error);
  }
  // An aborted request can end the token stream quietly; never parse what is left of it.
  if (watchdog.signal.aborted) {
    throw new AppError(watchdog.timedOut ? "timeout" : "cancelled", {
      detail: `${call.name}: aborted`,
    });
  }
  if (finishReason === "content_filter") {
    throw new AppError("refused", { detail: `${call.name}: content filter` });
  }
  return parseFinished(call, text, finishReason);
}

async function startStream<T, I>(call: StructuredCall<T, I>, signal: AbortSignal) {
  try {
    return await call.client.chat.completions.create(
      {
        model: call.model,
        messages: call.messages,
        stream: true,
        stream_options: { include_usage: true },
        response_format: zodResponseFormat(call.schema, call.name),
      },
      { signal },
    );
  } catch (error) {
    throw toUpstreamError(error);
  }
}

function parseFinished<T, I>(call: StructuredCall<T, I>, text: string, finishReason: unknown): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new InvalidOutputError(text, "The answer was not complete, valid JSON.", {
      cause,
      detail: `${call.name}: not JSON (finish_reason ${String(finishReason)}, ${text.length} chars)`,
    });
  }
  const parsed = call.schema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidOutputError(text, z.prettifyError(parsed.error), {
      cause: parsed.error,
      detail: `${call.name}: ${parsed.error.message}`,
    });
  }
  return parsed.data;
}

/** Waits for a structured call that yields nothing along the way. */
export async function finishStructured<T>(stream: AsyncGenerator<never, T>): Promise<T> {
  for (;;) {
    const step = await stream.next();
    if (step.done) return step.value;
  }
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
