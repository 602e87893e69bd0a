import { bench, describe, vi } from "vitest";
import type { GenerationEvent } from "@/lib/sse/events";
import { RELAY_FRAMES as FRAMES } from "./support/relay-frames";

// Figure 3c (bench/measures/job-relay.ts runs this with `vitest bench`): what a generation
// job adds to each frame on its way to the reader, in process: its record in the job's
// log, the frame recorder's queue, the wake-up of the reader and the reader's loop,
// against the same frames straight into the SSE response (the way before jobs). The
// database is replaced by nothing: figure 3 measures the batched writes with the rest.

vi.mock("@/lib/db", () => ({
  appendFramesOfJobs: async () => {},
  finishJob: async () => {},
  renewJobLeases: async () => [],
}));

const { newJob, startJob, followJob } = await import("@/lib/generation/jobs");
const { createGenerationLogger } = await import("@/lib/generation/logger");
const { createSseResponse } = await import("@/lib/sse/response");
const { frameData } = await import("@/lib/sse/encode");

const events: GenerationEvent[] = Array.from({ length: FRAMES }, (_, i) => ({
  type: "progress",
  stage: "curriculum",
  progress: Math.round((i / FRAMES) * 100),
  message: `Milestone ${i + 1} planned`,
}));

/**
 * One frame per turn of the event loop, as a model's chunks arrive: the reader drains
 * each before the next, so every frame pays its own wake-up (all at once, one wake-up
 * would carry many frames and hide it).
 */
async function* generation(): AsyncGenerator<GenerationEvent> {
  for (const event of events) {
    await new Promise((resolve) => setImmediate(resolve));
    yield event;
  }
}

async function readAll(response: Response) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error("no body");
  while (!(await reader.read()).done) {}
}

describe("relaying a generation's frames to its reader", () => {
  bench("straight into the SSE response", async () => {
    await readAll(
      createSseResponse(async function* () {
        let seq = 0;
        for await (const event of generation()) {
          yield { seq: ++seq, event: event.type, data: frameData(event) };
        }
      }, new AbortController().signal),
    );
  });

  bench("through a generation job", async () => {
    const logger = createGenerationLogger();
    const job = startJob({
      logger,
      job: newJob(logger.requestId),
      ticket: { id: "ticket", remaining: null },
      generate: generation,
    });
    await readAll(
      createSseResponse((signal) => followJob(job.id, 0, signal), new AbortController().signal),
    );
    await job.finished;
  });
});
