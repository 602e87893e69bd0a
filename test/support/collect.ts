import type { GenerationBudget } from "@/lib/generation/budget";
import type { GenerationLogger } from "@/lib/generation/logger";
import { generateLearningPath } from "@/lib/generation/pipeline";
import type { LearningPathRequest } from "@/lib/learning-path/request-schema";
import type { LearningPathProvider } from "@/lib/providers/types";
import type { GenerationEvent } from "@/lib/sse/events";

export const silentLogger: GenerationLogger = { requestId: "test", info() {}, error() {} };

export function request(overrides: Partial<LearningPathRequest> = {}): LearningPathRequest {
  return {
    topic: "Python",
    level: "beginner",
    learningStyle: "reading",
    durationWeeks: 8,
    hoursPerWeek: 4,
    goals: [],
    ...overrides,
  };
}

/** Runs the pipeline to its end and returns every event it emitted. */
export async function collectEvents(
  provider: LearningPathProvider,
  input: LearningPathRequest,
  signal: AbortSignal = new AbortController().signal,
  budget?: GenerationBudget,
  logger: GenerationLogger = silentLogger,
): Promise<GenerationEvent[]> {
  const events: GenerationEvent[] = [];
  for await (const event of generateLearningPath({
    request: input,
    provider,
    signal,
    budget,
    logger,
    finalize: async () => "/result",
  })) {
    events.push(event);
  }
  return events;
}
