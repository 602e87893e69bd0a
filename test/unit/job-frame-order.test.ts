import { describe, expect, it, vi } from "vitest";

// A live reader gets each frame before the frame's database write starts: the write's
// query work runs on the same thread, so starting it first delayed every live frame by
// its cost (bench figure 3 went from 1.4 to 6.3 ms at p50 when frames began to be
// recorded). The database is replaced here by a log of when each write started.

const log: string[] = [];
/** Reads and writes of job rows (the frames' and the end's are in `log`). */
const jobQueries = vi.hoisted(() => [] as string[]);

vi.mock("@/lib/db", () => ({
  appendFramesOfJobs: async (frames: Array<{ seq: number }>) => {
    for (const frame of frames) log.push(`stored ${frame.seq}`);
  },
  // A job's end stores its frames still waiting for a write and settles its ticket, in
  // one database round trip: a reader must not see the end before it is over.
  finishJob: async (
    _id: string,
    end: { refundTicket: boolean; lastFrames: Array<{ seq: number }> },
  ) => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const frame of end.lastFrames) log.push(`stored ${frame.seq}`);
    log.push(`ticket settled (refund ${end.refundTicket})`);
  },
  renewJobLeases: async () => [],
  findJob: async (id: string) => {
    jobQueries.push(`findJob ${id}`);
    return null;
  },
  requestJobCancel: async (id: string) => {
    jobQueries.push(`requestJobCancel ${id}`);
  },
}));

const { newJob, startJob, followJob, cancelJob, findOwnJob } = await import(
  "@/lib/generation/jobs"
);
const { createGenerationLogger } = await import("@/lib/generation/logger");

/** A job as its claim hands it over (the claim would have stored its row). */
function claimed() {
  const logger = createGenerationLogger();
  return { logger, job: newJob(logger.requestId) };
}

/** A guest's job that reports one frame, then runs until it is cancelled. */
function startJobAwaitingCancel() {
  return startJob({
    ...claimed(),
    ticket: { id: "ticket", remaining: 3 },
    async *generate(signal) {
      yield { type: "progress", stage: "curriculum", progress: 10, message: "10%" };
      await new Promise((resolve) => signal.addEventListener("abort", resolve));
    },
  });
}

describe("a job's frames", () => {
  it("reach a live reader before their database write starts", async () => {
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    const job = await startJob({
      ...claimed(),
      ticket: { id: "ticket", remaining: null },
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
    log.length = 0;
    const job = await startJob({
      ...claimed(),
      ticket: { id: "ticket", remaining: 3 },
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
        log.push(`read ${frame.event}`);
        if (ending === "cancel" && frame.seq === 1) await cancelJob(job.id);
      }
    })();
    await job.finished;
    await reading;
    const order = log.filter((line) => !line.startsWith("stored"));
    expect(order).toEqual(["read progress", "ticket settled (refund true)", "read error"]);
  });

  it("of a job running here are found and cancelled by its starter without a database query", async () => {
    // The cancel route's path: the starter is checked against what this process holds
    // and the job is stopped in memory; its end then stores the status itself.
    jobQueries.length = 0;
    const job = startJobAwaitingCancel();
    const asker = { userId: async () => undefined, resumeToken: job.resumeToken };
    await expect(findOwnJob(job.id, { ...asker, resumeToken: "guessed" })).rejects.toThrow();
    await cancelJob((await findOwnJob(job.id, asker)).id);
    await job.finished;
    expect(jobQueries).toEqual([]);
    // Once it has ended here, it is looked up in the database.
    await expect(findOwnJob(job.id, asker)).rejects.toThrow();
    expect(jobQueries).toEqual([`findJob ${job.id}`]);
  });

  it("let a reader stopped while it holds a frame end at its next step, with no frame to come", async () => {
    const job = startJobAwaitingCancel();
    const reader = new AbortController();
    const frames = followJob(job.id, 0, reader.signal);
    expect((await frames.next()).value).toMatchObject({ seq: 1 });
    // The connection closes while the reader is paused at its yield (the SSE response
    // asks for the next frame, then its cancel waits for that step to end).
    reader.abort();
    const step = await Promise.race([
      frames.next(),
      new Promise((resolve) => setTimeout(() => resolve("still waiting"), 1000)),
    ]);
    expect(step).toEqual({ done: true, value: undefined });
    await cancelJob(job.id);
    await job.finished;
  });
});
