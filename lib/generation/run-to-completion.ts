import { AppError } from "@/lib/errors";
import type { LearningPath } from "@/lib/learning-path/path-schema";
import type { SseFrame } from "@/lib/sse/encode";
import type { DoneEvent, FailureEvent } from "@/lib/sse/events";

/** Reads a job's frames for the non-streaming endpoint: the finished path, or its error. */
export async function runToCompletion(
  frames: AsyncGenerator<SseFrame>,
): Promise<{ path: LearningPath; redirectUrl: string }> {
  for await (const frame of frames) {
    if (frame.event === "done") {
      const done = JSON.parse(frame.data) as Omit<DoneEvent, "type">;
      return { path: done.path, redirectUrl: done.redirect_url };
    }
    if (frame.event === "error") {
      throw new AppError((JSON.parse(frame.data) as Omit<FailureEvent, "type">).code);
    }
  }
  throw new AppError("cancelled");
}
