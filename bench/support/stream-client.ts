import type { GenerationEvent } from "../../lib/sse/events";
import { readGenerationStream } from "../../lib/sse/read";
import { nowMs } from "./processes";

export type TimedEvent = { at: number; event: GenerationEvent };

export type TimedGeneration = {
  ok: boolean;
  startedAt: number;
  firstFrameAt?: number;
  endedAt: number;
  events: TimedEvent[];
};

export const requestBody = (topic: string, durationWeeks = 12) => ({
  topic,
  level: "beginner",
  learningStyle: "visual",
  durationWeeks,
  hoursPerWeek: 4,
  goals: [],
});

/**
 * Runs one streamed generation, time-stamping every event as it is parsed. With
 * `stopAfterFirstFrame` it then cancels the job too (a generation outlives its
 * connection): otherwise every sample would leave a whole generation running behind the
 * next one, and the figure would measure that crowd instead of the way to a first frame.
 */
export async function timeGeneration(
  baseUrl: string,
  topic: string,
  options: {
    stopAfterFirstFrame?: boolean;
    durationWeeks?: number;
    headers?: Record<string, string>;
  } = {},
): Promise<TimedGeneration> {
  const controller = new AbortController();
  const startedAt = nowMs();
  const events: TimedEvent[] = [];
  let firstFrameAt: number | undefined;
  let jobId: string | null = null;
  try {
    const response = await fetch(`${baseUrl}/api/generate/stream`, {
      method: "POST",
      headers: { "content-type": "application/json", ...options.headers },
      body: JSON.stringify(requestBody(topic, options.durationWeeks)),
      signal: controller.signal,
    });
    if (!response.ok || !response.body) return { ok: false, startedAt, endedAt: nowMs(), events };
    jobId = response.headers.get("x-generation-id");
    await readGenerationStream(response.body, (event) => {
      const at = nowMs();
      firstFrameAt ??= at;
      events.push({ at, event });
      if (options.stopAfterFirstFrame) controller.abort();
    });
  } catch {
    if (!controller.signal.aborted) return { ok: false, startedAt, endedAt: nowMs(), events };
  }
  const endedAt = nowMs();
  if (options.stopAfterFirstFrame) await cancelJob(baseUrl, jobId, events[0]?.event);
  const ok = options.stopAfterFirstFrame
    ? firstFrameAt !== undefined
    : events.at(-1)?.event.type === "done";
  return { ok, startedAt, firstFrameAt, endedAt, events };
}

/** Cancels the job a response started, with the resume token its first frame carried. */
async function cancelJob(baseUrl: string, id: string | null, first?: GenerationEvent) {
  const token = (first as { resumeToken?: string } | undefined)?.resumeToken;
  if (!id || !token) return;
  const cancelled = await fetch(`${baseUrl}/api/generations/${id}/cancel`, {
    method: "POST",
    headers: { "x-resume-token": token },
  });
  await cancelled.arrayBuffer();
}

/** Client arrival times of frames that report a finished milestone, per stage, in order. */
export function milestoneFrameTimes(generation: TimedGeneration): {
  curriculum: number[];
  resources: number[];
} {
  const curriculum: number[] = [];
  const resources: number[] = [];
  let resourceFrames = 0;
  for (const { at, event } of generation.events) {
    if (event.type !== "progress") continue;
    if (event.stage === "curriculum" && event.milestone) curriculum.push(at);
    if (event.stage === "resources") {
      // The first resources frame announces the stage; each later one, a finished milestone.
      if (resourceFrames > 0) resources.push(at);
      resourceFrames += 1;
    }
  }
  return { curriculum, resources };
}

/**
 * Added latency per milestone: the client's arrival time of each milestone frame minus
 * the time the fake model wrote the chunk that completed that milestone.
 */
export function addedLatencies(arrivedAt: number[], upstreamSentAt: number[]): number[] {
  return arrivedAt.flatMap((at, index) => {
    const upstream = upstreamSentAt[index];
    return upstream === undefined ? [] : [at - upstream];
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export const median = (values: number[]) => percentile(values, 50);
