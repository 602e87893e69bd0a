import { describe, expect, it, vi } from "vitest";
import { createGenerationLogger } from "@/lib/generation/logger";
import { generateLearningPath } from "@/lib/generation/pipeline";
import { OfflineProvider } from "@/lib/providers/offline/offline-provider";
import { request } from "../support/collect";

describe("pipeline logging", () => {
  it("logs stream start, every stage with its duration, the path and completion, with one request id", async () => {
    const lines: { event: string; fields?: Record<string, unknown> }[] = [];
    const logger = {
      requestId: "req-1",
      info: (event: string, fields?: Record<string, unknown>) => lines.push({ event, fields }),
      error: (event: string, fields?: Record<string, unknown>) => lines.push({ event, fields }),
    };
    for await (const _ of generateLearningPath({
      request: request(),
      provider: new OfflineProvider(),
      signal: new AbortController().signal,
      logger,
      finalize: async () => "/result",
    })) {
      // drain
    }
    expect(lines.map((line) => line.event)).toEqual([
      "stream started",
      "stage finished",
      "stage finished",
      "stage finished",
      "stage finished",
      "stage finished",
      "path generated",
      "stream complete",
    ]);
    expect(lines.filter((l) => l.event === "stage finished").map((l) => l.fields?.stage)).toEqual([
      "analyzing",
      "curriculum",
      "resources",
      "insights",
      "finalizing",
    ]);
    for (const line of lines.filter((l) => l.event === "stage finished")) {
      expect(line.fields?.ms).toEqual(expect.any(Number));
    }
  });

  it("logs 'cancelled' when the consumer stops early", async () => {
    const events: string[] = [];
    const logger = {
      requestId: "req-2",
      info: (e: string) => events.push(e),
      error: (e: string) => events.push(e),
    };
    const controller = new AbortController();
    const stream = generateLearningPath({
      request: request(),
      provider: new OfflineProvider(),
      signal: controller.signal,
      logger,
      finalize: async () => "/result",
    });
    await stream.next();
    controller.abort();
    await stream.return(undefined);
    expect(events.at(-1)).toBe("cancelled");
  });
});

describe("the generation logger", () => {
  it("writes one JSON line per event with its request id, errors to stderr", () => {
    const out = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const logger = createGenerationLogger("request-1");
      logger.info("stage finished", { stage: "curriculum", ms: 12 });
      logger.error("failed", { code: "timeout" });
      const [infoLine] = out.mock.calls.map(([chunk]) => String(chunk));
      const [errorLine] = err.mock.calls.map(([chunk]) => String(chunk));
      expect(infoLine?.endsWith("\n")).toBe(true);
      expect(JSON.parse(infoLine ?? "")).toMatchObject({
        level: "info",
        event: "stage finished",
        requestId: "request-1",
        stage: "curriculum",
        ms: 12,
      });
      expect(JSON.parse(errorLine ?? "")).toMatchObject({ level: "error", code: "timeout" });
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
