import { generateLearningPath } from "../../lib/generation/pipeline";
import type { LearningPath } from "../../lib/learning-path/path-schema";
import { learningPathSchema } from "../../lib/learning-path/path-schema";
import { OfflineProvider } from "../../lib/providers/offline/offline-provider";
import type { BenchResult } from "../support/result";
import { median, percentile, requestBody } from "../support/stream-client";

// 7. The offline engine, through the whole pipeline, in-process.

const logger = { requestId: "bench", info() {}, error() {} };

export async function offlineEngine(runs = 300): Promise<BenchResult> {
  const times: number[] = [];
  const validation: number[] = [];
  const topics = ["Python", "Machine Learning", "Kubernetes", "Beekeeping", "Spanish"];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    let path: LearningPath | undefined;
    for await (const event of generateLearningPath({
      request: {
        ...requestBody(topics[i % topics.length] ?? "Go", 52),
        level: "beginner",
        learningStyle: "visual",
      },
      provider: new OfflineProvider(),
      signal: new AbortController().signal,
      logger,
      finalize: async () => "/result",
    })) {
      if (event.type === "done") path = event.path;
    }
    times.push(performance.now() - started);
    const validating = performance.now();
    learningPathSchema.parse(path);
    validation.push(performance.now() - validating);
  }
  const p99 = percentile(times, 99);
  return {
    id: "7",
    measure: "offline engine, full path (52 weeks), p99",
    value: p99,
    unit: "ms",
    baseline: percentile(validation, 99),
    baselineName: "zod check of the same path",
    target: "<= 50 ms",
    met: p99 <= 50,
    note: `p50 ${median(times).toFixed(2)} ms over ${runs} paths`,
  };
}
