import { afterEach, describe, expect, it, vi } from "vitest";
import { frameData, type SseFrame } from "@/lib/sse/encode";
import { createSseResponse } from "@/lib/sse/response";

afterEach(() => {
  vi.useRealTimers();
});

describe("SSE response", () => {
  it("sends a ': ping' comment every 15 seconds while the generation is busy", async () => {
    vi.useFakeTimers();
    let release: () => void = () => {};
    async function* slowPipeline(): AsyncGenerator<SseFrame> {
      yield {
        seq: 1,
        event: "progress",
        data: frameData({
          type: "progress",
          stage: "analyzing",
          progress: 0,
          message: "Analyzing your topic...",
        }),
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

  it("aborts the reader's signal when the request is aborted", async () => {
    const request = new AbortController();
    let seen: AbortSignal | undefined;
    async function* pipeline(signal: AbortSignal): AsyncGenerator<SseFrame> {
      seen = signal;
      yield { seq: 1, event: "progress", data: "{}" };
    }
    const response = createSseResponse(pipeline, request.signal);
    await response.body!.getReader().read();
    request.abort();
    expect(seen?.aborted).toBe(true);
  });
});
