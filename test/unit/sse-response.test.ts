import { afterEach, describe, expect, it, vi } from "vitest";
import type { GenerationEvent } from "@/lib/sse/events";
import { createSseResponse } from "@/lib/sse/response";

afterEach(() => {
  vi.useRealTimers();
});

describe("SSE response", () => {
  it("sends a ': ping' comment every 15 seconds while the pipeline is busy", async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    async function* slowPipeline(): AsyncGenerator<GenerationEvent> {
      yield {
        type: "progress",
        stage: "analyzing",
        progress: 0,
        message: "Analyzing your topic...",
      };
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    }
    const response = createSseResponse(() => slowPipeline(), new AbortController().signal);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toMatch(/^id: 1\nevent: progress\n/);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(decoder.decode((await reader.read()).value)).toBe(": ping\n\n");
    release();
    expect((await reader.read()).done).toBe(true);
  });

  it("aborts the pipeline's signal when the request is aborted", async () => {
    const request = new AbortController();
    let seen: AbortSignal | undefined;
    async function* pipeline(signal: AbortSignal): AsyncGenerator<GenerationEvent> {
      seen = signal;
      yield { type: "progress", stage: "analyzing", progress: 0, message: "..." };
    }
    const response = createSseResponse(pipeline, request.signal);
    await response.body!.getReader().read();
    request.abort();
    expect(seen?.aborted).toBe(true);
  });
});
