import { AppError } from "@/lib/errors";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { GenerationEvent } from "@/lib/sse/events";

/** Drains the pipeline for the non-streaming endpoint: the finished path, or its error. */
export async function runToCompletion(
  events: AsyncGenerator<GenerationEvent>,
): Promise<{ path: LearningPath; redirectUrl: string }> {
  for await (const event of events) {
    if (event.type === "done") return { path: event.path, redirectUrl: event.redirect_url };
    if (event.type === "error") throw new AppError(event.code);
  }
  throw new AppError("cancelled");
}
