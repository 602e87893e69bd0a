import { describe, expect, it, vi } from "vitest";

// A live reader gets each frame before the frame's database write starts: the write's
// query work runs on the same thread, so starting it first delayed every live frame by
// its cost (bench figure 3 went from 1.4 to 6.3 ms at p50 when frames began to be
// recorded). The database is replaced here by a log of when each write started.

const log: string[] = [];

vi.mock("@/lib/db", () => ({
  appendFramesOfJobs: async (frames: Array<{ seq: number }>) => {
    for (const frame of frames) log.push(`stored ${frame.seq}`);
  },
  // A job's frames still waiting for a write at its end are stored with the end.
  finishJob: async (
    _id: string,
    _status: string,
    _path: string,
    frames: Array<{ seq: number }> = [],
  ) => {
    for (const frame of frames) log.push(`stored ${frame.seq}`);
  },
  renewJobLeases: async () => [],
  requestJobCancel: async () => {},
}));

const { newJob, startJob, followJob, cancelJob } = await import("@/lib/generation/jobs");
const { createGenerationLogger } = await import("@/lib/generation/logger");

/** A job as its claim hands it over (the claim would have stored its row). */
function claimed() {
  const logger = createGenerationLogger();
  return { logger, job: newJob(logger.requestId) };
}

describe("a job's frames", () => {
  it("reach a live reader before their database write starts", async () => {
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = await startJob({
      ...claimed(),
      ticket: { id: "ticket", remaining: null, finish: async () => {} },
      async *generate() {
        await started;
        for (let progress = 10; progress <= 30; progress += 10) {
          yield { type: "progress", stage: "curriculum", progress, message: `${progress}%` };
          // The model's next token arrives in a later turn of the event loop.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
    });
    const reading = (async () => {
      for await (const frame of followJob(job.id, 0, new AbortController().signal)) {
        log.push(`read ${frame.seq}`);
      }
    })();
    release();
    await job.finished;
    await reading;
    for (const seq of [1, 2, 3]) {
      expect(log.indexOf(`read ${seq}`), log.join(", ")).toBeLessThan(log.indexOf(`stored ${seq}`));
    }
  });

  it.each([
    ["fails", "error"],
    ["is cancelled", "cancel"],
  ] as const)("that %s reach readers after its ticket is settled", async (_name, ending) => {
    const order: string[] = [];
    const job = await startJob({
      ...claimed(),
      ticket: {
        id: "ticket",
        remaining: 3,
        finish: async (refund) => {
          // A database round trip: a reader must not see the end before it is over.
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push(`ticket settled (refund ${refund})`);
        },
      },
      async *generate(signal) {
        yield { type: "progress", stage: "curriculum", progress: 10, message: "10%" };
        if (ending === "cancel") {
          await new Promise((resolve) => signal.addEventListener("abort", resolve));
          return;
        }
        yield {
          type: "error",
          stage: "curriculum",
          progress: 10,
          message: "The AI service is unavailable.",
          error: "The AI service is unavailable.",
          code: "upstream_unavailable",
        };
      },
    });
    const reading = (async () => {
      for await (const frame of followJob(job.id, 0, new AbortController().signal)) {
        order.push(`read ${frame.event}`);
        if (ending === "cancel" && frame.seq === 1) await cancelJob(job.id);
      }
    })();
    await job.finished;
    await reading;
    expect(order).toEqual(["read progress", "ticket settled (refund true)", "read error"]);
  });
});
